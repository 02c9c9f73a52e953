// The aggregates the scheduler needs, one row per person: never every
// interaction into JavaScript. Each person's count and latest interaction come
// from contact_activity, the summary the database's triggers keep
// (migrations/003-contact-activity.ts): one pass over the people.
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { localDay } from '../core/dates.js';
import { relevanceFilter, type ContactFacts, type ConversationFacts, type Dismissals, type OpenFollowup, type OutreachStep, type RelevanceFilter, type SchedulerInput } from '../core/scheduler.js';
import type { Settings } from '../core/settings.js';
import { rowsAsArrays } from './json-rows.js';
import { onePassCache } from './read-snapshot.js';
import { ASKED_ON } from './outreach.js';
import type { Database } from './schema.js';

/** The query builder and the raw connection of an open database (see src/db/open.ts). */
export interface DueSource {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
}

/** A person's facts as the queries select them, in column order. */
export type FactsRow = [
  id: number,
  name: string,
  circle: string,
  cadence_days: number | null,
  snoozed_until: string | null,
  met_on: string | null,
  created_at: string,
  rhythm_from: string | null,
  birthday: string | null,
  channel: string | null,
  last_on: string | null,
  last_direction: string | null,
  last_channel: string | null,
  interactions: number,
  /** The latest day each kind of item was dismissed, as a JSON object; null when none was. */
  dismissed: string | null,
];

/** The people who are not archived, with the scheduler's facts as selected columns (in FactsRow order). */
export function factsQuery(db: Kysely<Database>) {
  // Each person's latest dismissal of each kind, as one JSON object: few people have any.
  const dismissed = db
    .selectFrom(
      db
        .selectFrom('dismissals')
        .select(['contact_id', 'kind', (eb) => eb.fn.max('dismissed_on').as('day')])
        .where('deleted_at', 'is', null)
        .groupBy(['contact_id', 'kind'])
        .as('k'),
    )
    .select(['k.contact_id', sql<string>`json_group_object(k.kind, k.day)`.as('days')])
    .groupBy('k.contact_id')
    .as('d');
  return db
    .selectFrom('contacts as c')
    .leftJoin('contact_activity as a', 'a.contact_id', 'c.id')
    .leftJoin(dismissed, 'd.contact_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.circle',
      'c.cadence_days',
      'c.snoozed_until',
      'c.met_on',
      'c.created_at',
      'c.rhythm_from',
      'c.birthday',
      'c.channel',
      'a.last_on',
      'a.last_direction',
      'a.last_channel',
      sql<number>`coalesce(a.interactions, 0)`.as('interactions'),
      'd.days as dismissed',
    ])
    .where('c.archived_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    // In the order people were added (a scan of the table, which this order costs nothing).
    .orderBy('c.id');
}

type FactsBuilder = ExpressionBuilder<Database & { c: Database['contacts']; a: Database['contact_activity'] }, 'c' | 'a'>;

/**
 * The people of factsQuery who can have an item (see
 * core/scheduler/relevance.ts), and those with an open follow-up due or an
 * active outreach, as a condition.
 */
export function relevantCondition(eb: FactsBuilder, filter: RelevanceFilter): Expression<SqlBool> {
  const { circlesWithRhythm, rhythmFrom, today: day, newSince, writtenChannels, birthdayDays } = filter;
  // Where the rhythm counts from, as the cadence rule takes it (added: as an instant).
  const countsFrom = sql<string>`coalesce(a.last_on, c.rhythm_from, c.met_on, c.created_at)`;
  // Cheap tests first, and no function call for most people: SQLite evaluates these 20,000 times.
  return eb.or([
    eb.and([eb('c.cadence_days', '>', 0), eb(countsFrom, '<', sql<string>`date(${day}, printf('%+d days', 2 - c.cadence_days))`)]),
    ...(rhythmFrom.length
      ? [
          eb.and([
            eb('c.cadence_days', 'is', null),
            eb('c.circle', 'in', rhythmFrom.map((r) => r.circle)),
            eb(countsFrom, '<', sql<string>`case c.circle ${sql.join(rhythmFrom.map(({ circle, before }) => sql`when ${circle} then ${before}`), sql` `)} end`),
          ]),
        ]
      : []),
    ...(circlesWithRhythm.length
      ? [
          eb.and([
            eb.or([eb('a.interactions', 'is', null), eb('a.interactions', '<', 2)]),
            eb.or([eb('c.met_on', '>=', newSince), eb.and([eb('c.met_on', 'is', null), eb('c.created_at', '>=', newSince)])]),
          ]),
        ]
      : []),
    eb.and([eb('a.last_direction', '=', 'in'), eb('a.last_channel', 'in', writtenChannels)]),
    eb.and([eb('c.birthday', 'is not', null), eb(sql<string>`substr(c.birthday, -5)`, 'in', birthdayDays)]),
    // Uncorrelated: SQLite runs each once into a lookup table, not once per person.
    eb(
      'c.id',
      'in',
      eb
        .selectFrom('followups as f')
        .select('f.contact_id')
        .where('f.done_on', 'is', null)
        .where('f.dropped_on', 'is', null)
        .where('f.deleted_at', 'is', null)
        .where('f.due_on', '<=', day),
    ),
    eb('c.id', 'in', eb.selectFrom('outreach as o').select('o.contact_id').where('o.ended_on', 'is', null).where('o.deleted_at', 'is', null)),
  ]);
}

/**
 * Every person who is not archived, with their last interaction and their
 * interaction count; with a filter, only those who can have an item.
 * Built with Kysely, run on the raw connection and read as one JSON text:
 * for 20,000 people, row objects cost more than the query itself.
 */
export function contactFacts({ db, sqlite }: DueSource, today: string, filter?: RelevanceFilter): ContactFacts[] {
  onePassCache(sqlite);
  const query = filter ? factsQuery(db).where((eb) => relevantCondition(eb, filter)) : factsQuery(db);
  const compiled = query.compile();
  const rows = rowsAsArrays<FactsRow>(sqlite, compiled.sql, compiled.parameters);
  const toFacts = factsReader();
  const facts: ContactFacts[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) facts[k] = toFacts(rows[k]);
  return facts;
}

/** Turns selected rows into the scheduler's facts (shared with the review's query). */
export function factsReader(): (row: readonly [...FactsRow, ...unknown[]]) => ContactFacts {
  // Bulk imports give many people the same created_at: convert each distinct one once.
  const localDays = new Map<string, string>();
  // Indexed reads, not destructuring: 20,000 rows run before the JIT has
  // warmed up, where an array's iterator costs several times more.
  return (row) => {
    const created_at = row[6];
    let added_on = localDays.get(created_at);
    if (added_on === undefined) localDays.set(created_at, (added_on = localDay(new Date(created_at))));
    const last_on = row[10];
    const last_direction = row[11];
    const last_channel = row[12];
    return {
      id: row[0],
      name: row[1],
      circle: row[2],
      cadence_days: row[3],
      snoozed_until: row[4],
      archived: false,
      met_on: row[5],
      added_on,
      rhythm_from: row[7],
      birthday: row[8],
      channel: row[9],
      last: last_on === null || last_direction === null || last_channel === null ? null : { on: last_on, direction: last_direction, channel: last_channel },
      interactions: row[13],
      dismissed: row[14] === null ? null : (JSON.parse(row[14]) as Dismissals),
    };
  };
}

/** One person's facts, as contactFacts reads them; undefined when archived or gone. */
export function personFacts({ db, sqlite }: DueSource, id: number): ContactFacts | undefined {
  const compiled = factsQuery(db).where('c.id', '=', id).compile();
  const [row] = rowsAsArrays<FactsRow>(sqlite, compiled.sql, compiled.parameters);
  return row === undefined ? undefined : factsReader()(row);
}

/**
 * Open follow-ups of people who are not archived: those due on or before
 * `today`, and every promise of theirs (one not yet due still lowers the
 * urgency of reaching them; see core/scheduler/kinds.ts waitingOn).
 */
export async function followupsDue(db: Kysely<Database>, today: string): Promise<OpenFollowup[]> {
  const rows = await db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.text', 'f.due_on', 'f.theirs'])
    .where('f.done_on', 'is', null)
    .where('f.dropped_on', 'is', null)
    .where('f.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('f.due_on', '<=', today), eb('f.theirs', '=', 1)]))
    .where('c.archived_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .orderBy('f.due_on')
    .orderBy('f.id')
    .execute();
  return rows.map((row) => ({ ...row, theirs: row.theirs === 1 }));
}

/** Every active outreach (ended_on is null) of people who are not archived; with `contactId`, theirs only. */
export async function activeOutreach(db: Kysely<Database>, contactId?: number): Promise<OutreachStep[]> {
  let query = db
    .selectFrom('outreach as o')
    .innerJoin('contacts as c', 'c.id', 'o.contact_id')
    .leftJoin('contacts as v', 'v.id', 'o.via_contact_id')
    .select(['o.contact_id', 'c.name', 'o.stage', 'o.next_on', 'o.nudges', 'o.channel', 'o.why', 'v.name as via', ASKED_ON.as('asked_on')])
    .where('o.ended_on', 'is', null)
    .where('o.deleted_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .orderBy('o.id');
  if (contactId !== undefined) query = query.where('o.contact_id', '=', contactId);
  return query.execute();
}

export async function loadSchedulerInput(source: DueSource, today: string, settings: Settings): Promise<SchedulerInput> {
  const contacts = contactFacts(source, today, relevanceFilter(today, settings));
  const [followups, outreach] = [await followupsDue(source.db, today), await activeOutreach(source.db)];
  return { today, settings, contacts, followups, outreach };
}

/** Interests and the latest note of the given people: the makings of a conversation hint. */
export async function conversationFacts(db: Kysely<Database>, ids: readonly number[]): Promise<Map<number, ConversationFacts>> {
  const facts = new Map<number, { interests: string[]; last_note: string | null }>();
  const unique = [...new Set(ids)];
  // Chunks keep the bound parameters under SQLite's limit.
  for (let start = 0; start < unique.length; start += 500) {
    const chunk = unique.slice(start, start + 500);
    const notes = await db
      .selectFrom('contacts as c')
      .select([
        'c.id',
        (eb) =>
          eb
            .selectFrom('interaction_contacts as ic')
            .innerJoin('interactions as i', 'i.id', 'ic.interaction_id')
            .select('i.note')
            .whereRef('ic.contact_id', '=', 'c.id')
            .where(sql<string>`trim(coalesce(i.note, ''))`, '!=', '')
            .orderBy('ic.occurred_at', 'desc')
            .orderBy('ic.interaction_id', 'desc')
            .limit(1)
            .as('last_note'),
      ])
      .where('c.id', 'in', chunk)
      .execute();
    for (const n of notes) facts.set(n.id, { interests: [], last_note: n.last_note });
    const interests = await db
      .selectFrom('contact_interests')
      .select(['contact_id', 'interest'])
      .where('contact_id', 'in', chunk)
      .orderBy('contact_id')
      .orderBy('interest')
      .execute();
    for (const r of interests) facts.get(r.contact_id)?.interests.push(r.interest);
  }
  return facts;
}
