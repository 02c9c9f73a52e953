// Queries about outreach: the records, their events, the pipeline listing, and
// what drafts and `who` need to know about the rest of the network.
import { newUid } from '../core/ids.js';
import { sql, type Kysely } from 'kysely';
import { nameKey } from '../core/names.js';
import type { Database, OutreachRow } from './schema.js';

/** The day of an outreach's latest `ask` event (the introducer asked), in a query of `outreach as o`. */
export const ASKED_ON = sql<string | null>`(select max(e.occurred_on) from outreach_events e where e.outreach_id = o.id and e.kind = 'ask' and e.deleted_at is null)`;

export async function findActiveOutreach(db: Kysely<Database>, contactId: number): Promise<OutreachRow | undefined> {
  return db
    .selectFrom('outreach')
    .selectAll()
    .where('contact_id', '=', contactId)
    .where('ended_on', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The newest outreach of a person, open or ended. */
export async function findLatestOutreach(db: Kysely<Database>, contactId: number): Promise<OutreachRow | undefined> {
  return db.selectFrom('outreach').selectAll().where('contact_id', '=', contactId).where('deleted_at', 'is', null).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

export interface NewOutreach {
  contact_id: number;
  why: string | null;
  via_contact_id: number | null;
  channel: string | null;
  stage: string;
  next_on: string | null;
}

export async function insertOutreach(db: Kysely<Database>, values: NewOutreach, at: string): Promise<number> {
  const { id } = await db
    .insertInto('outreach')
    .values({ uid: newUid(), ...values, nudges: 0, last_nudge_on: null, ended_on: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface OutreachChange {
  stage?: string;
  via_contact_id?: number | null;
  channel?: string | null;
  next_on?: string | null;
  nudges?: number;
  last_nudge_on?: string | null;
  ended_on?: string | null;
}

export async function updateOutreach(db: Kysely<Database>, id: number, change: OutreachChange, at: string): Promise<void> {
  await db.updateTable('outreach').set({ ...change, updated_at: at }).where('id', '=', id).execute();
}

export interface NewOutreachEvent {
  outreach_id: number;
  /** `ask`: the introducer was asked for the introduction. */
  kind: 'add' | 'step' | 'nudge' | 'ask';
  from_stage: string | null;
  to_stage: string | null;
  occurred_on: string;
  note: string | null;
  interaction_id: number | null;
}

export async function insertOutreachEvent(db: Kysely<Database>, event: NewOutreachEvent, at: string): Promise<number> {
  const { id } = await db
    .insertInto('outreach_events')
    .values({ uid: newUid(), ...event, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * The day of the latest step or nudge: nothing is recorded as happening
 * before it. Adding to the list is left out: a first message may well have
 * been sent before the person was put on it.
 */
export async function lastMoveDay(db: Kysely<Database>, outreachId: number): Promise<string | null> {
  const row = await db
    .selectFrom('outreach_events')
    .select(({ fn }) => fn.max('occurred_on').as('day'))
    .where('outreach_id', '=', outreachId)
    .where('deleted_at', 'is', null)
    .where('kind', '!=', 'add')
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The day of the last message sent without an answer yet: the last nudge, else the first message. */
export async function lastMessageDay(db: Kysely<Database>, outreach: Pick<OutreachRow, 'id' | 'last_nudge_on'>): Promise<string | null> {
  if (outreach.last_nudge_on) return outreach.last_nudge_on;
  const row = await db
    .selectFrom('outreach_events')
    .select(({ fn }) => fn.max('occurred_on').as('day'))
    .where('outreach_id', '=', outreach.id)
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'step')
    .where('to_stage', '=', 'contacted')
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The keys of `net outreach list --json` (contract), in order. */
export const OUTREACH_KEYS = ['contact_id', 'name', 'company', 'stage', 'why', 'via', 'channel', 'next_on', 'nudges', 'updated_on'] as const;

export interface OutreachEntry {
  outreach_id: number;
  contact_id: number;
  name: string;
  company: string | null;
  role: string | null;
  stage: string;
  why: string | null;
  via: string | null;
  via_contact_id: number | null;
  channel: string | null;
  next_on: string | null;
  nudges: number;
  last_nudge_on: string | null;
  ended_on: string | null;
  /** The day of the latest move or nudge. */
  updated_on: string;
  created_at: string;
  /** The day the introducer was last asked; null when never. */
  asked_on: string | null;
}

/**
 * Each person's newest outreach (so a parked-then-restarted one shows once),
 * archived people left out. `openOnly` keeps the ones not yet ended.
 */
export async function listOutreach(
  db: Kysely<Database>,
  filter: { stage?: string; openOnly?: boolean; contactId?: number } = {},
): Promise<OutreachEntry[]> {
  let query = db
    .selectFrom('outreach as o')
    .innerJoin('contacts as c', 'c.id', 'o.contact_id')
    .leftJoin('contacts as v', 'v.id', 'o.via_contact_id')
    .select([
      'o.id as outreach_id',
      'o.contact_id',
      'c.name',
      'c.company',
      'c.role',
      'o.stage',
      'o.why',
      'v.name as via',
      'o.via_contact_id',
      'o.channel',
      'o.next_on',
      'o.nudges',
      'o.last_nudge_on',
      'o.ended_on',
      'o.created_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('outreach_events as e')
        .select(({ fn }) => fn.max('e.occurred_on').as('d'))
        .whereRef('e.outreach_id', '=', 'o.id')
        .where('e.deleted_at', 'is', null)
        .as('updated_on'),
    )
    .select(ASKED_ON.as('asked_on'))
    .where((eb) =>
      eb('o.id', '=', eb.selectFrom('outreach as o2').select(({ fn }) => fn.max('o2.id').as('m')).whereRef('o2.contact_id', '=', 'o.contact_id').where('o2.deleted_at', 'is', null)),
    )
    .where('c.deleted_at', 'is', null)
    .orderBy('o.next_on')
    .orderBy('c.name')
    .orderBy('o.id');
  if (filter.stage !== undefined) query = query.where('o.stage', '=', filter.stage);
  if (filter.openOnly) query = query.where('o.ended_on', 'is', null);
  // One person is asked for by id, archived or not; listings leave archived people out.
  query = filter.contactId === undefined ? query.where('c.archived_at', 'is', null) : query.where('o.contact_id', '=', filter.contactId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, updated_on: r.updated_on ?? r.created_at.slice(0, 10) }));
}

/** For every open outreach at `contacted`: the day of its first message. */
export async function contactedDays(db: Kysely<Database>, outreachIds: readonly number[]): Promise<Map<number, string>> {
  const days = new Map<number, string>();
  for (let start = 0; start < outreachIds.length; start += 500) {
    const rows = await db
      .selectFrom('outreach_events')
      .select(['outreach_id'])
      .select(({ fn }) => fn.max('occurred_on').as('day'))
      .where('outreach_id', 'in', outreachIds.slice(start, start + 500))
      .where('deleted_at', 'is', null)
      .where('kind', '=', 'step')
      .where('to_stage', '=', 'contacted')
      .groupBy('outreach_id')
      .execute();
    for (const r of rows) if (r.day) days.set(r.outreach_id, r.day);
  }
  return days;
}

export interface InterestLists {
  interests: string[];
  tags: string[];
}

export async function interestLists(db: Kysely<Database>, contactId: number): Promise<InterestLists> {
  const [interests, tags] = await Promise.all([
    db.selectFrom('contact_interests').select('interest').where('contact_id', '=', contactId).orderBy('interest').execute(),
    db.selectFrom('contact_tags').select('tag').where('contact_id', '=', contactId).orderBy('tag').execute(),
  ]);
  return { interests: interests.map((r) => r.interest), tags: tags.map((r) => r.tag) };
}

/**
 * How many people in your network hold each interest (by name key), leaving
 * out `exceptId`, archived people, and people you are still trying to reach
 * (an open outreach): they are not yet part of your world.
 */
export async function networkInterestCounts(db: Kysely<Database>, exceptId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('contact_interests as x')
    .innerJoin('contacts as c', 'c.id', 'x.contact_id')
    .select(['x.interest'])
    .select(({ fn }) => fn.count<number>('x.contact_id').distinct().as('people'))
    .where('c.archived_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where('c.id', '!=', exceptId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('outreach as o').select('o.id').whereRef('o.contact_id', '=', 'c.id').where('o.ended_on', 'is', null).where('o.deleted_at', 'is', null),
        ),
      ),
    )
    .groupBy('x.interest')
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = nameKey(r.interest);
    counts.set(key, (counts.get(key) ?? 0) + Number(r.people));
  }
  return counts;
}

export interface BridgeProfile {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  circle: string;
  interests: string[];
  tags: string[];
}

/**
 * The people who could make an introduction: not archived, and not someone
 * you are still trying to reach (an open outreach at `target` or `contacted`).
 */
export async function bridgeProfiles(db: Kysely<Database>, exceptId: number | null): Promise<BridgeProfile[]> {
  let query = db
    .selectFrom('contacts as c')
    .select(['c.id', 'c.name', 'c.company', 'c.role', 'c.circle'])
    .where('c.archived_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outreach as o')
            .select('o.id')
            .whereRef('o.contact_id', '=', 'c.id')
            .where('o.ended_on', 'is', null)
            .where('o.deleted_at', 'is', null)
            .where('o.stage', 'in', ['target', 'contacted']),
        ),
      ),
    )
    .orderBy('c.id');
  if (exceptId !== null) query = query.where('c.id', '!=', exceptId);
  const contacts = await query.execute();
  const byId = new Map<number, BridgeProfile>(contacts.map((c) => [c.id, { ...c, interests: [], tags: [] }]));
  for (const r of await db.selectFrom('contact_interests').select(['contact_id', 'interest']).orderBy('interest').execute()) {
    byId.get(r.contact_id)?.interests.push(r.interest);
  }
  for (const r of await db.selectFrom('contact_tags').select(['contact_id', 'tag']).orderBy('tag').execute()) {
    byId.get(r.contact_id)?.tags.push(r.tag);
  }
  return [...byId.values()];
}

export interface TouchStats {
  last_contact: string | null;
  /** Interactions on or after `since`. */
  recent: number;
}

/** The last contact day and the number of interactions since a day, for each of the given people. */
export async function touchStats(db: Kysely<Database>, ids: readonly number[], since: string): Promise<Map<number, TouchStats>> {
  const stats = new Map<number, TouchStats>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('interaction_contacts as ic')
      .innerJoin('interactions as i', 'i.id', 'ic.interaction_id')
      .select(['ic.contact_id'])
      .select(({ fn }) => [fn.max('i.occurred_on').as('last_contact')])
      .select((eb) => eb.fn.sum<number>(eb.case().when('i.occurred_on', '>=', since).then(1).else(0).end()).as('recent'))
      .where('ic.contact_id', 'in', ids.slice(start, start + 500))
      .groupBy('ic.contact_id')
      .execute();
    for (const r of rows) stats.set(r.contact_id, { last_contact: r.last_contact, recent: Number(r.recent ?? 0) });
  }
  return stats;
}
