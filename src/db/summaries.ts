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

/**
 * Everything contact_activity keeps of each person (of the people `among`, or
 * all), worked out from the interactions: the count, the latest interaction,
 * and the rhythm of the latest RECENT (distinct days, median gap, latest day,
 * the instant where the window starts).
 */
const activity = (among = '') => `
  select n.contact_id, n.interactions, ic.interaction_id as last_interaction_id, ic.occurred_at as last_at,
    i.occurred_on as last_on, i.direction as last_direction, i.channel as last_channel,
    rhythm.touches, rhythm.usual_gap, rhythm.last_touch_on, rhythm.window_from
  from (select contact_id, count(*) as interactions from interaction_contacts ${among && `where contact_id in (${among})`} group by contact_id) n
  join interaction_contacts ic on ic.contact_id = n.contact_id and ic.interaction_id = (
    select x.interaction_id from interaction_contacts x where x.contact_id = n.contact_id
    order by x.occurred_at desc, x.interaction_id desc limit 1)
  join interactions i on i.id = ic.interaction_id
  join (
    select contact_id, count(*) as touches, avg(case when g is not null and r in ((c + 1) / 2, c / 2 + 1) then g end) as usual_gap,
      max(day) as last_touch_on, (
        select x.occurred_at from interaction_contacts x where x.contact_id = d.contact_id
        order by x.occurred_at desc, x.interaction_id desc limit 1 offset ${RECENT - 1}) as window_from
    from (
      select contact_id, day, g, row_number() over (partition by contact_id, g is null order by g) as r, count(g) over (partition by contact_id) as c
      from (
        select contact_id, day, julianday(day) - lag(julianday(day)) over (partition by contact_id order by day) as g
        from (
          select distinct w.contact_id, i.occurred_on as day
          from (
            select x.contact_id, x.interaction_id,
              row_number() over (partition by x.contact_id order by x.occurred_at desc, x.interaction_id desc) as k
            from interaction_contacts x ${among && `where x.contact_id in (${among})`}) w
          join interactions i on i.id = w.interaction_id
          where w.k <= ${RECENT}))) d
    group by contact_id) rhythm on rhythm.contact_id = n.contact_id`;

const ACTIVITY = activity();
const COLUMNS = 'contact_id, interactions, last_interaction_id, last_at, last_on, last_direction, last_channel, touches, usual_gap, last_touch_on, window_from';

/** True when the database has the summary in its present form (schema version 4 and later). */
export function hasSummaries(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select 1 from pragma_table_info('contact_activity') where name = 'window_from'").get() !== undefined;
}

/** How many people's summaries differ from what their interactions say. */
export function summaryMismatches(sqlite: BetterSqlite3.Database): number {
  // The people with a row kept that the interactions do not give, or a row they give that is not kept.
  const people = [
    `select contact_id from (select ${COLUMNS} from contact_activity except select * from (${ACTIVITY}))`,
    `select contact_id from (select * from (${ACTIVITY}) except select ${COLUMNS} from contact_activity)`,
  ];
  return (sqlite.prepare(`select count(*) as n from (${people.join(' union ')})`).get() as { n: number }).n;
}

/** Writes the summaries of the people `among` (an SQL list of ids, or all) again from the interactions. */
function refresh(sqlite: BetterSqlite3.Database, among = ''): void {
  sqlite.exec(`delete from contact_activity ${among && `where contact_id in (${among})`}`);
  sqlite.exec(`insert into contact_activity (${COLUMNS}) ${activity(among)}`);
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
