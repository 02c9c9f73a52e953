// The records of `net export`: every stored column of each entity, in a fixed
// order, streamed from SQLite so that a large network never sits in memory
// twice. Exports are the data (they round-trip through `net import`);
// derived values such as the last contact are in `net list` and `net history`.
import type BetterSqlite3 from 'better-sqlite3';
import { arraysReader, rowsAsArrays } from './json-rows.js';

/** The keys of each export entity, in order (contract; documented in the README). */
export const EXPORT_KEYS = {
  contacts: [
    'id', 'uid', 'name', 'company', 'role', 'emails', 'phone', 'linkedin', 'location', 'circle', 'cadence_override',
    'rhythm_from', 'channel', 'tags', 'interests', 'how_met', 'met_on', 'birthday', 'snoozed_until', 'archived_at',
    'notes', 'created_at', 'updated_at', 'phones', 'phone_labels', 'email_labels', 'nicknames', 'name_prefix', 'name_suffix',
  ],
  interactions: [
    'id', 'uid', 'occurred_at', 'date', 'via', 'direction', 'contacts', 'contact_ids', 'contact_uids', 'note',
    'source_key', 'created_at', 'updated_at',
  ],
  followups: [
    'id', 'uid', 'contact_id', 'contact_uid', 'name', 'text', 'due_on', 'done_on', 'dropped_on', 'interaction_id', 'interaction_uid',
    'created_at', 'updated_at', 'theirs',
  ],
  favours: [
    'id', 'uid', 'contact_id', 'contact_uid', 'name', 'direction', 'text', 'occurred_on', 'interaction_id',
    'interaction_uid', 'created_at', 'updated_at',
  ],
  outreach: [
    'id', 'uid', 'contact_id', 'contact_uid', 'name', 'stage', 'why', 'via_contact_id', 'via_contact_uid', 'via',
    'channel', 'next_on', 'nudges', 'last_nudge_on', 'ended_on', 'created_at', 'updated_at', 'events',
  ],
} as const;

export type StoredEntity = keyof typeof EXPORT_KEYS;
export type ExportRecord = Record<string, unknown>;

const list = (json: string | null): unknown[] => (json === null ? [] : (JSON.parse(json) as unknown[]));

export function* exportContacts(sqlite: BetterSqlite3.Database): Generator<ExportRecord> {
  const rows = sqlite
    .prepare(
      `select c.id, c.uid, c.name, c.company, c.role,
         (select json_group_array(email) from (select email from contact_emails where contact_id = c.id order by position)) as emails,
         c.phone, c.linkedin, c.location, c.circle, c.cadence_days as cadence_override, c.rhythm_from, c.channel,
         (select json_group_array(tag) from (select tag from contact_tags where contact_id = c.id order by tag)) as tags,
         (select json_group_array(interest) from (select interest from contact_interests where contact_id = c.id order by interest)) as interests,
         c.how_met, c.met_on, c.birthday, c.snoozed_until, c.archived_at, c.notes, c.created_at, c.updated_at,
         (select json_group_array(phone) from (select phone from contact_phones where contact_id = c.id order by position, phone)) as phones,
         (select json_group_array(coalesce(label, '')) from (select label from contact_phones where contact_id = c.id order by position, phone)) as phone_labels,
         (select json_group_array(coalesce(label, '')) from (select label from contact_emails where contact_id = c.id order by position)) as email_labels,
         (select json_group_array(nickname) from (select nickname from contact_nicknames where contact_id = c.id order by nickname)) as nicknames,
         c.name_prefix, c.name_suffix
       from contacts c where c.deleted_at is null order by c.id`,
    )
    .iterate() as Iterable<ExportRecord & Record<'emails' | 'tags' | 'interests' | 'phones' | 'phone_labels' | 'email_labels' | 'nicknames', string>>;
  for (const row of rows) {
    for (const key of ['emails', 'tags', 'interests', 'phones', 'phone_labels', 'email_labels', 'nicknames'] as const) row[key] = list(row[key]) as never;
    yield row;
  }
}

/**
 * Who took part in each interaction, read once into flat typed arrays (a few
 * MB for 500,000 interactions) instead of a subquery per interaction. Each
 * person is stored as their rank in name order, so that sorting the ranks
 * lists an interaction's people by name, as `net history` does. The links
 * come in order of interaction, a range of ids at a time, as two JSON
 * arrays of numbers: row by row, the 620,000 links of the large network took
 * a second through better-sqlite3, and all at once 45 MB more.
 */
function participantRanks(sqlite: BetterSqlite3.Database, step: number): { people: Array<[number, string, string]>; ranksOf(interactionId: number): Int32Array } {
  const people = rowsAsArrays<[number, string, string]>(sqlite, 'select id, uid, name from contacts order by name, id');
  const maxContact = people.reduce((m, p) => Math.max(m, p[0]), 0);
  const rank = new Int32Array(maxContact + 1);
  people.forEach((p, i) => (rank[p[0]] = i));
  const [maxId, links] = sqlite.prepare('select coalesce(max(interaction_id), 0), count(*) from interaction_contacts').raw().get() as [number, number];
  // start[i + 1] counts the people of interaction i, then (summed) says where the next one's begin.
  const start = new Int32Array(maxId + 2);
  const ranks = new Int32Array(links);
  let filled = 0;
  // A deleted person is no longer among the people of the interactions they shared.
  const range = sqlite
    .prepare(
      `select json_group_array(interaction_id), json_group_array(contact_id) from
         (select ic.interaction_id, ic.contact_id from interaction_contacts ic join contacts c on c.id = ic.contact_id
          where ic.interaction_id > ? and ic.interaction_id <= ? and c.deleted_at is null order by ic.interaction_id)`,
    )
    .raw();
  for (let after = 0; after < maxId; after += step) {
    const [interactionText, contactText] = range.get(after, after + step) as [string, string];
    const interactionIds = JSON.parse(interactionText) as number[];
    const contactIds = JSON.parse(contactText) as number[];
    for (let k = 0; k < interactionIds.length; k++) {
      start[interactionIds[k] + 1] += 1;
      ranks[filled++] = rank[contactIds[k]];
    }
  }
  for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
  const none = new Int32Array(0);
  return {
    people,
    ranksOf(interactionId) {
      if (interactionId > maxId) return none;
      const mine = ranks.subarray(start[interactionId], start[interactionId + 1]);
      return mine.length > 1 ? mine.sort() : mine;
    },
  };
}

type InteractionRow = [id: number, uid: string, occurred_at: string, date: string, via: string, direction: string, note: string | null, source_key: string | null, created_at: string, updated_at: string];

/**
 * The interactions in the order of time, a page of `pageSize` at a time (as
 * arrays in one JSON text, a third of the time of reading them row by row),
 * each page after the last one's (occurred_at, id): the interactions_period
 * index reads on from there.
 */
function* interactionPages(sqlite: BetterSqlite3.Database, pageSize: number): Generator<InteractionRow[]> {
  const columns = 'id, uid, occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at';
  const page = (where: string) =>
    arraysReader<InteractionRow>(sqlite, `select ${columns} from interactions where deleted_at is null${where} order by occurred_at, id limit ${pageSize}`);
  const first = page('');
  const next = page(' and occurred_at >= ? and (occurred_at > ? or id > ?)');
  let rows = first();
  while (rows.length > 0) {
    yield rows;
    if (rows.length < pageSize) return;
    const [id, , at] = rows[rows.length - 1];
    rows = next(at, at, id);
  }
}

/** How much exportInteractions reads at once (smaller in tests, to cross the bounds of every read). */
export interface ExportReads {
  /** Interactions a page (a page held longer than a few young-generation collections is promoted, and memory grows). */
  pageSize: number;
  /** The range of interaction ids whose participations are read at once. */
  idsPerRead: number;
}

export function* exportInteractions(sqlite: BetterSqlite3.Database, reads: ExportReads = { pageSize: 250, idsPerRead: 65_536 }): Generator<ExportRecord> {
  // The pages and ranges are statements of their own: one read transaction
  // makes them one snapshot of the file, so that a change committed meanwhile
  // (another net, an automatic sync) neither repeats an interaction nor skips one.
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('begin deferred');
  try {
    yield* interactionRecords(sqlite, reads);
  } finally {
    if (own) sqlite.exec('commit');
  }
}

function* interactionRecords(sqlite: BetterSqlite3.Database, reads: ExportReads): Generator<ExportRecord> {
  const { people, ranksOf } = participantRanks(sqlite, reads.idsPerRead);
  for (const rows of interactionPages(sqlite, reads.pageSize)) {
    for (const [id, uid, occurred_at, date, via, direction, note, source_key, created_at, updated_at] of rows) {
      const ranks = ranksOf(id);
      const contacts: string[] = [];
      const contact_ids: number[] = [];
      const contact_uids: string[] = [];
      for (const r of ranks) {
        const [contactId, contactUid, name] = people[r];
        contacts.push(name);
        contact_ids.push(contactId);
        contact_uids.push(contactUid);
      }
      yield { id, uid, occurred_at, date, via, direction, contacts, contact_ids, contact_uids, note, source_key, created_at, updated_at };
    }
  }
}

export function* exportFollowups(sqlite: BetterSqlite3.Database): Generator<ExportRecord> {
  const rows = sqlite
    .prepare(
      `select f.id, f.uid, f.contact_id, c.uid as contact_uid, c.name, f.text, f.due_on, f.done_on, f.dropped_on,
         f.interaction_id, i.uid as interaction_uid, f.created_at, f.updated_at, f.theirs
       from followups f join contacts c on c.id = f.contact_id left join interactions i on i.id = f.interaction_id and i.deleted_at is null
       where f.deleted_at is null and c.deleted_at is null
       order by f.id`,
    )
    .iterate() as Iterable<ExportRecord & { theirs: number | boolean }>;
  // Stored as 0/1; exported as the boolean it means.
  for (const row of rows) {
    row.theirs = row.theirs === 1;
    yield row;
  }
}

export function* exportFavours(sqlite: BetterSqlite3.Database): Generator<ExportRecord> {
  yield* sqlite
    .prepare(
      `select f.id, f.uid, f.contact_id, c.uid as contact_uid, c.name, f.direction, f.text, f.occurred_on,
         f.interaction_id, i.uid as interaction_uid, f.created_at, f.updated_at
       from favours f join contacts c on c.id = f.contact_id left join interactions i on i.id = f.interaction_id and i.deleted_at is null
       where f.deleted_at is null and c.deleted_at is null
       order by f.id`,
    )
    .iterate() as Iterable<ExportRecord>;
}

export function* exportOutreach(sqlite: BetterSqlite3.Database): Generator<ExportRecord> {
  const rows = sqlite
    .prepare(
      `select o.id, o.uid, o.contact_id, c.uid as contact_uid, c.name, o.stage, o.why, o.via_contact_id,
         v.uid as via_contact_uid, v.name as via, o.channel, o.next_on, o.nudges, o.last_nudge_on, o.ended_on,
         o.created_at, o.updated_at,
         (select json_group_array(json_object('uid', uid, 'kind', kind, 'from_stage', from_stage, 'to_stage', to_stage,
             'occurred_on', occurred_on, 'note', note, 'interaction_uid', interaction_uid, 'created_at', created_at))
          from (select e.uid, e.kind, e.from_stage, e.to_stage, e.occurred_on, e.note, i.uid as interaction_uid, e.created_at
                from outreach_events e left join interactions i on i.id = e.interaction_id and i.deleted_at is null
                where e.outreach_id = o.id and e.deleted_at is null order by e.occurred_on, e.id)) as events
       from outreach o join contacts c on c.id = o.contact_id left join contacts v on v.id = o.via_contact_id and v.deleted_at is null
       where o.deleted_at is null and c.deleted_at is null
       order by o.id`,
    )
    .iterate() as Iterable<ExportRecord & { events: string }>;
  for (const row of rows) {
    row.events = list(row.events) as never;
    yield row;
  }
}

export const EXPORTERS: Record<StoredEntity, (sqlite: BetterSqlite3.Database) => Generator<ExportRecord>> = {
  contacts: exportContacts,
  interactions: exportInteractions,
  followups: exportFollowups,
  favours: exportFavours,
  outreach: exportOutreach,
};
