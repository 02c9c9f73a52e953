// The per-person summary the triggers keep in contact_activity
// (migrations/003-contact-activity.ts and 004-contact-rhythm.ts): a check
// that it agrees with the interactions, for `net doctor`, and a rebuild from
// the interactions, for `net doctor --repair` and bulk writes. They can only
// disagree after the file was changed by hand or by a bug; the interactions
// are the record, the summary is derived from them. (The SQL repeats the
// migrations' on purpose: migrations are frozen and never import from src.)
import type BetterSqlite3 from 'better-sqlite3';

/** The window of latest interactions the rhythm is read from (as migration 004). */
const RECENT = 50;

const LATEST_COLUMNS = '(last_interaction_id, last_at, last_on, last_direction, last_channel)';
const RHYTHM_COLUMNS = '(touches, usual_gap, last_touch_on, window_from)';

/** The latest interaction of person `who` (an SQL expression), as contact_activity keeps it. */
const latestOf = (who: string) => `(
  select ic.interaction_id, ic.occurred_at, i.occurred_on, i.direction, i.channel
  from interaction_contacts ic
  join interactions i on i.id = ic.interaction_id
  where ic.contact_id = ${who}
  order by ic.occurred_at desc, ic.interaction_id desc
  limit 1)`;

/**
 * The rhythm of person `who` from their latest RECENT interactions: distinct
 * days, the median gap between them, the latest day, where the window
 * starts. Person by person, as the triggers do: a query over everyone's
 * history at once sorts half a million rows in memory.
 */
const rhythmOf = (who: string) => `(
  select count(*), avg(case when g is not null and r in ((c + 1) / 2, c / 2 + 1) then g end), max(day), (
      select x.occurred_at from interaction_contacts x where x.contact_id = ${who}
      order by x.occurred_at desc, x.interaction_id desc limit 1 offset ${RECENT - 1})
  from (
    select day, g, row_number() over (partition by g is null order by g) as r, count(g) over () as c
    from (
      select day, julianday(day) - lag(julianday(day)) over (order by day) as g
      from (
        select distinct i.occurred_on as day
        from (
          select x.interaction_id from interaction_contacts x where x.contact_id = ${who}
          order by x.occurred_at desc, x.interaction_id desc limit ${RECENT}) w
        join interactions i on i.id = w.interaction_id))))`;

/** The first day in touch within person `who`'s window (kept by migration 011's trigger after each write of the rhythm). */
const firstTouchOf = (who: string) => `(
  select min(i.occurred_on) from (
    select x.interaction_id from interaction_contacts x where x.contact_id = ${who}
    order by x.occurred_at desc, x.interaction_id desc limit ${RECENT}) w
  join interactions i on i.id = w.interaction_id)`;

function hasFirstTouch(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select 1 from pragma_table_info('contact_activity') where name = 'first_touch_on'").get() !== undefined;
}

/** True when the database has the summary in an older form (schema version 3), rebuilt by the upgrade. */
export function hasOlderSummaries(sqlite: BetterSqlite3.Database): boolean {
  return !hasSummaries(sqlite) && sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'contact_activity'").get() !== undefined;
}

/** True when the database has the summary in its present form (schema version 4 and later). */
export function hasSummaries(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select 1 from pragma_table_info('contact_activity') where name = 'window_from'").get() !== undefined;
}

/** How many people's summaries differ from what their interactions say (a row kept wrongly, or missing). */
export function summaryMismatches(sqlite: BetterSqlite3.Database): number {
  const differ = sqlite
    .prepare(
      `select count(*) from contact_activity a
       where a.interactions = 0
         or a.interactions is not (select count(*) from interaction_contacts x where x.contact_id = a.contact_id)
         or ${LATEST_COLUMNS.replaceAll(/(\w+)/g, 'a.$1')} is not ${latestOf('a.contact_id')}
         or ${RHYTHM_COLUMNS.replaceAll(/(\w+)/g, 'a.$1')} is not ${rhythmOf('a.contact_id')}
         ${hasFirstTouch(sqlite) ? `or a.first_touch_on is not ${firstTouchOf('a.contact_id')}` : ''}`,
    )
    .pluck()
    .get() as number;
  const missing = sqlite
    .prepare('select count(distinct x.contact_id) from interaction_contacts x where not exists (select 1 from contact_activity a where a.contact_id = x.contact_id)')
    .pluck()
    .get() as number;
  return differ + missing;
}

/** Writes the summaries of the people `among` (an SQL list of ids, or all) again from the interactions. */
function refresh(sqlite: BetterSqlite3.Database, among = ''): void {
  const where = among && `where contact_id in (${among})`;
  sqlite.exec(`delete from contact_activity ${where}`);
  sqlite.exec(`insert into contact_activity (contact_id, interactions) select contact_id, count(*) from interaction_contacts ${where} group by contact_id`);
  sqlite.exec(
    `update contact_activity set ${LATEST_COLUMNS} = ${latestOf('contact_activity.contact_id')}, ${RHYTHM_COLUMNS} = ${rhythmOf('contact_activity.contact_id')} ${where}`,
  );
}

/** Writes the summaries again from the interactions, in one transaction. */
export function rebuildSummaries(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => refresh(sqlite)).immediate();
}

/**
 * Runs a bulk write (an import) with the summary triggers set aside, then
 * writes the summaries of the people it touched in one pass: kept row by row,
 * they made a large import of interactions take twice as long. Runs inside
 * the caller's transaction, so a failure or a dry run rolls the triggers'
 * removal back with everything else.
 */
export async function withSummariesDeferred<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  if (!hasSummaries(sqlite)) return work();
  const triggers = sqlite
    .prepare("select name, sql from sqlite_schema where type = 'trigger' and tbl_name in ('interaction_contacts', 'interactions') and name like 'contact_activity%'")
    .all() as Array<{ name: string; sql: string }>;
  for (const { name } of triggers) sqlite.exec(`drop trigger main."${name}"`);
  // Who was touched, noted by temporary triggers of this connection alone.
  sqlite.exec(`
    create temp table touched_contacts (id integer primary key);
    create temp trigger touched_added after insert on main.interaction_contacts begin
      insert or ignore into touched_contacts values (new.contact_id); end;
    create temp trigger touched_removed after delete on main.interaction_contacts begin
      insert or ignore into touched_contacts values (old.contact_id); end;
    create temp trigger touched_moved after update on main.interaction_contacts begin
      insert or ignore into touched_contacts values (old.contact_id); insert or ignore into touched_contacts values (new.contact_id); end;
    create temp trigger touched_edited after update on main.interactions begin
      insert or ignore into touched_contacts select contact_id from main.interaction_contacts where interaction_id = new.id; end;`);
  const result = await work();
  sqlite.exec('drop trigger temp.touched_added; drop trigger temp.touched_removed; drop trigger temp.touched_moved; drop trigger temp.touched_edited;');
  refresh(sqlite, 'select id from temp.touched_contacts');
  sqlite.exec('drop table temp.touched_contacts');
  for (const { sql } of triggers) sqlite.exec(sql);
  return result;
}
