// The per-person summaries the triggers keep (migrations/003-contact-activity.ts):
// a check that they agree with the interactions, for `net doctor`, and a
// rebuild from the interactions, for `net doctor --repair`. They can only
// disagree after the file was changed by hand or by a bug; the interactions
// are the record, the summaries are derived from them.
import type BetterSqlite3 from 'better-sqlite3';

/** How many instants contact_recent keeps per person (as the migration). */
const RECENT = 50;

/** Each person's count and latest interaction, worked out from the interactions. */
const ACTIVITY = `
  select n.contact_id, n.interactions, ic.interaction_id as last_interaction_id, ic.occurred_at as last_at,
    i.occurred_on as last_on, i.direction as last_direction, i.channel as last_channel
  from (select contact_id, count(*) as interactions from interaction_contacts group by contact_id) n
  join interaction_contacts ic on ic.contact_id = n.contact_id and ic.interaction_id = (
    select x.interaction_id from interaction_contacts x where x.contact_id = n.contact_id
    order by x.occurred_at desc, x.interaction_id desc limit 1)
  join interactions i on i.id = ic.interaction_id`;

/** Each person's latest instants, newest first, worked out from the interactions. */
const RECENT_INSTANTS = `
  select n.contact_id, (
    select group_concat(t, ',') from (
      select substr(x.occurred_at, 1, 16) as t from interaction_contacts x
      where x.contact_id = n.contact_id
      order by x.occurred_at desc
      limit ${RECENT})) as instants
  from (select distinct contact_id from interaction_contacts) n`;

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

/** Writes both summaries again from the interactions, in one transaction. */
export function rebuildSummaries(sqlite: BetterSqlite3.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('delete from contact_activity; delete from contact_recent;');
    sqlite.exec(`insert into contact_activity (contact_id, interactions, last_interaction_id, last_at, last_on, last_direction, last_channel) ${ACTIVITY}`);
    sqlite.exec(`insert into contact_recent (contact_id, instants) ${RECENT_INSTANTS}`);
  }).immediate();
}
