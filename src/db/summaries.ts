// The per-person summaries the triggers keep (migrations/003-contact-activity.ts):
// a check that they agree with the interactions, for `net doctor`, and a
// rebuild from the interactions, for `net doctor --repair`. They can only
// disagree after the file was changed by hand or by a bug; the interactions
// are the record, the summaries are derived from them.
import type BetterSqlite3 from 'better-sqlite3';

/** How many instants contact_recent keeps per person (as the migration). */
const RECENT = 50;

/** Each person's count and latest interaction, worked out from the interactions (of the people `among`, or all). */
const activity = (among = '') => `
  select n.contact_id, n.interactions, ic.interaction_id as last_interaction_id, ic.occurred_at as last_at,
    i.occurred_on as last_on, i.direction as last_direction, i.channel as last_channel
  from (select contact_id, count(*) as interactions from interaction_contacts ${among && `where contact_id in (${among})`} group by contact_id) n
  join interaction_contacts ic on ic.contact_id = n.contact_id and ic.interaction_id = (
    select x.interaction_id from interaction_contacts x where x.contact_id = n.contact_id
    order by x.occurred_at desc, x.interaction_id desc limit 1)
  join interactions i on i.id = ic.interaction_id`;

/** Each person's latest instants, newest first, worked out from the interactions (of the people `among`, or all). */
const recentInstants = (among = '') => `
  select n.contact_id, (
    select group_concat(t, ',') from (
      select substr(x.occurred_at, 1, 16) as t from interaction_contacts x
      where x.contact_id = n.contact_id
      order by x.occurred_at desc
      limit ${RECENT})) as instants
  from (select distinct contact_id from interaction_contacts ${among && `where contact_id in (${among})`}) n`;

const ACTIVITY = activity();
const RECENT_INSTANTS = recentInstants();
const ACTIVITY_COLUMNS = 'contact_id, interactions, last_interaction_id, last_at, last_on, last_direction, last_channel';

/** True when the database has the summaries (schema version 3 and later). */
export function hasSummaries(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'contact_recent'").get() !== undefined;
}

/** How many people's summaries differ from what their interactions say. */
export function summaryMismatches(sqlite: BetterSqlite3.Database): number {
  // The people with a row kept that the interactions do not give, or a row they give that is not kept.
  const differ = (kept: string, truth: string, columns: string) => [
    `select contact_id from (select ${columns} from ${kept} except select * from (${truth}))`,
    `select contact_id from (select * from (${truth}) except select ${columns} from ${kept})`,
  ];
  const people = [
    ...differ('contact_activity', ACTIVITY, 'contact_id, interactions, last_interaction_id, last_at, last_on, last_direction, last_channel'),
    ...differ('contact_recent', RECENT_INSTANTS, 'contact_id, instants'),
  ];
  return (sqlite.prepare(`select count(*) as n from (${people.join(' union ')})`).get() as { n: number }).n;
}

/** Writes the summaries of the people `among` (an SQL list of ids, or all) again from the interactions. */
function refresh(sqlite: BetterSqlite3.Database, among = ''): void {
  const where = among && `where contact_id in (${among})`;
  sqlite.exec(`delete from contact_activity ${where}; delete from contact_recent ${where};`);
  sqlite.exec(`insert into contact_activity (${ACTIVITY_COLUMNS}) ${activity(among)}`);
  sqlite.exec(`insert into contact_recent (contact_id, instants) ${recentInstants(among)}`);
}

/** Writes both summaries again from the interactions, in one transaction. */
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
