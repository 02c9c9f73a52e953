// The records of `net export`: every stored column of each entity, in a fixed
// order, streamed from SQLite so that a large network never sits in memory
// twice. Exports are the data (they round-trip through `net import`);
// derived values such as the last contact are in `net list` and `net history`.
import type BetterSqlite3 from 'better-sqlite3';

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
 * lists an interaction's people by name, as `net history` does.
 */
function participantRanks(sqlite: BetterSqlite3.Database): { people: Array<[number, string, string]>; ranksOf(interactionId: number): Int32Array } {
  const people = sqlite.prepare('select id, uid, name from contacts order by name, id').raw().all() as Array<[number, string, string]>;
  const maxContact = people.reduce((m, p) => Math.max(m, p[0]), 0);
  const rank = new Int32Array(maxContact + 1);
  people.forEach((p, i) => (rank[p[0]] = i));
  const { maxId } = sqlite.prepare('select coalesce(max(interaction_id), 0) as maxId from interaction_contacts').get() as { maxId: number };
  const start = new Int32Array(maxId + 2);
  // A deleted person is no longer among the people of the interactions they shared.
  const links = sqlite
    .prepare('select ic.interaction_id, ic.contact_id from interaction_contacts ic join contacts c on c.id = ic.contact_id where c.deleted_at is null')
    .raw();
  for (const [interactionId] of links.iterate() as Iterable<[number, number]>) start[interactionId + 1] += 1;
  for (let i = 1; i < start.length; i++) start[i] += start[i - 1];
  const ranks = new Int32Array(start[start.length - 1]);
  const filled = new Int32Array(maxId + 1);
  for (const [interactionId, contactId] of links.iterate() as Iterable<[number, number]>) {
    ranks[start[interactionId] + filled[interactionId]++] = rank[contactId];
  }
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

export function* exportInteractions(sqlite: BetterSqlite3.Database): Generator<ExportRecord> {
  const { people, ranksOf } = participantRanks(sqlite);
  const rows = sqlite
    .prepare(
      `select id, uid, occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at
       from interactions where deleted_at is null order by occurred_at, id`,
    )
    .raw()
    .iterate() as Iterable<[number, string, string, string, string, string, string | null, string | null, string, string]>;
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
