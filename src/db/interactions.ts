// Queries about interactions, their participants, favours and follow-ups.
import { addDays } from '../core/dates.js';
import { newUid } from '../core/ids.js';
import { sql, type Kysely } from 'kysely';
import { selectAsArrays } from './json-rows.js';
import type { Database } from './schema.js';

export interface NewInteraction {
  occurred_at: string;
  occurred_on: string;
  channel: string;
  direction: string;
  note: string | null;
  source_key?: string | null;
  uid?: string;
  /** The note goes to the team with the facts (`net log --share-note`). */
  note_shared?: boolean;
}

export async function insertInteraction(
  db: Kysely<Database>,
  interaction: NewInteraction,
  contactIds: readonly number[],
  at: string,
): Promise<number> {
  const { id } = await db
    .insertInto('interactions')
    .values({
      uid: interaction.uid ?? newUid(),
      occurred_at: interaction.occurred_at,
      occurred_on: interaction.occurred_on,
      channel: interaction.channel,
      direction: interaction.direction,
      note: interaction.note,
      source_key: interaction.source_key ?? null,
      ...(interaction.note_shared ? { note_shared: 1 } : {}),
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (contactIds.length > 0) {
    await db
      .insertInto('interaction_contacts')
      .values(contactIds.map((contact_id) => ({ interaction_id: id, contact_id, occurred_at: interaction.occurred_at })))
      .execute();
  }
  return id;
}

export async function insertFavour(
  db: Kysely<Database>,
  favour: { contact_id: number; interaction_id: number | null; direction: 'given' | 'received'; text: string; occurred_on: string; uid?: string },
  at: string,
): Promise<number> {
  const { id } = await db
    .insertInto('favours')
    .values({ uid: favour.uid ?? newUid(), ...favour, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertFollowup(
  db: Kysely<Database>,
  followup: { contact_id: number; interaction_id: number | null; text: string; due_on: string; done_on?: string | null; theirs?: boolean; uid?: string },
  at: string,
): Promise<number> {
  const { id } = await db
    .insertInto('followups')
    .values({
      uid: followup.uid ?? newUid(),
      contact_id: followup.contact_id,
      interaction_id: followup.interaction_id,
      text: followup.text,
      due_on: followup.due_on,
      done_on: followup.done_on ?? null,
      theirs: followup.theirs ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface HistoryFilter {
  interactionId?: number;
  contactId?: number;
  since?: string;
  until?: string;
  via?: string;
  limit?: number;
}

/** The history keys (contract), in order. */
export const HISTORY_KEYS = ['id', 'occurred_at', 'date', 'via', 'direction', 'contacts', 'contact_ids', 'note', 'gave', 'got'] as const;

export interface HistoryEntry {
  id: number;
  occurred_at: string;
  date: string;
  via: string;
  direction: string;
  contacts: string[];
  contact_ids: number[];
  note: string | null;
  gave: string[];
  got: string[];
}

/** Interactions, newest first, with their participants and favours. */
export async function listHistory(db: Kysely<Database>, filter: HistoryFilter): Promise<HistoryEntry[]> {
  return historyPage(db, filter, undefined, filter.limit);
}

/**
 * The interactions of `filter`, newest first, `pageSize` at a time: `net
 * history` writes each page before it reads the next, so a busy period is
 * never all held at once (holding 15,000 rows, half of its time went to the
 * garbage collector moving them).
 */
export async function* historyPages(db: Kysely<Database>, filter: HistoryFilter, pageSize: number): AsyncGenerator<HistoryEntry[]> {
  let after: HistoryEntry | undefined;
  let left = filter.limit ?? Infinity;
  while (left > 0) {
    const size = Math.min(pageSize, left);
    const page = await historyPage(db, filter, after, Number.isFinite(size) ? size : undefined);
    if (page.length > 0) yield page;
    if (page.length < size) return;
    left -= page.length;
    after = page[page.length - 1];
  }
}

/** At most `limit` interactions of `filter` (all of them: undefined) that come after `after` in the order of the history. */
async function historyPage(db: Kysely<Database>, filter: HistoryFilter, after: HistoryEntry | undefined, limit: number | undefined): Promise<HistoryEntry[]> {
  let query = db
    .selectFrom('interactions as i')
    .select(['i.id', 'i.occurred_at', 'i.occurred_on', 'i.channel', 'i.direction', 'i.note'])
    .where('i.deleted_at', 'is', null)
    .orderBy('i.occurred_at', 'desc')
    .orderBy('i.id', 'desc');
  if (filter.contactId !== undefined) {
    const contactId = filter.contactId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('interaction_contacts as ic')
          .select('ic.interaction_id')
          .whereRef('ic.interaction_id', '=', 'i.id')
          .where('ic.contact_id', '=', contactId),
      ),
    );
  }
  if (filter.interactionId !== undefined) query = query.where('i.id', '=', filter.interactionId);
  // The local day (occurred_on) decides; a bound on the instant too, two days wider than any time zone's
  // offset, lets SQLite read the period from the occurred_at index instead of every interaction.
  if (filter.since) query = query.where('i.occurred_on', '>=', filter.since).where('i.occurred_at', '>=', addDays(filter.since, -2));
  if (filter.until) query = query.where('i.occurred_on', '<=', filter.until).where('i.occurred_at', '<', addDays(filter.until, 3));
  if (filter.via) query = query.where('i.channel', '=', filter.via);
  if (after !== undefined) {
    const { occurred_at: at, id } = after;
    // The first bound alone lets SQLite read on from `after` in the occurred_at index; the second drops the rows up to it.
    query = query.where('i.occurred_at', '<=', at).where((eb) => eb.or([eb('i.occurred_at', '<', at), eb('i.id', '<', id)]));
  }
  if (limit !== undefined) query = query.limit(limit);
  // As arrays in one JSON text: `history --since` on a busy week lists thousands of rows.
  const rows = (await selectAsArrays(db, query, ['id', 'occurred_at', 'occurred_on', 'channel', 'direction', 'note'])) as Array<
    [id: number, occurred_at: string, occurred_on: string, channel: string, direction: string, note: string | null]
  >;
  if (rows.length === 0) return [];

  // Participants and favours of the same interactions, in one query each: their ids as one JSON parameter.
  const listed = sql<number>`(select value from json_each(${JSON.stringify(rows.map((row) => row[0]))}))`;
  // Each interaction's people as the entry lists them, names and ids side by side: no object per person.
  const participants = new Map<number, { names: string[]; ids: number[] }>();
  const people = (await selectAsArrays(
    db,
    db
      .selectFrom('interaction_contacts as ic')
      .innerJoin('contacts as c', 'c.id', 'ic.contact_id')
      .select(['ic.interaction_id', 'c.id', 'c.name'])
      .where('ic.interaction_id', 'in', listed)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.name')
      .orderBy('c.id'),
    ['interaction_id', 'id', 'name'],
  )) as Array<[interaction_id: number, id: number, name: string]>;
  for (const [interaction, id, name] of people) {
    const them = participants.get(interaction);
    if (them === undefined) participants.set(interaction, { names: [name], ids: [id] });
    else {
      them.names.push(name);
      them.ids.push(id);
    }
  }
  const favours = new Map<number, { gave: string[]; got: string[] }>();
  const favourRows = await db
    .selectFrom('favours')
    .select(['interaction_id', 'direction', 'text'])
    .where('interaction_id', 'in', listed)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const f of favourRows) {
    if (f.interaction_id === null) continue;
    const entry = favours.get(f.interaction_id) ?? { gave: [], got: [] };
    const list = f.direction === 'given' ? entry.gave : entry.got;
    // The same favour given to each participant is one favour in the history.
    if (!list.includes(f.text)) list.push(f.text);
    favours.set(f.interaction_id, entry);
  }
  return rows.map(([id, occurred_at, occurred_on, channel, direction, note]) => {
    const them = participants.get(id);
    const f = favours.get(id);
    return {
      id,
      occurred_at,
      date: occurred_on,
      via: channel,
      direction,
      contacts: them?.names ?? [],
      contact_ids: them?.ids ?? [],
      note,
      gave: f?.gave ?? [],
      got: f?.got ?? [],
    };
  });
}
