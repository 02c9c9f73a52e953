// What goes to the team: facts, never operations as they are. A fact is the
// shared part of one record as it stands when pushed, so the hub holds only
// what the team may read, and the hub's order decides (the later fact of a
// record wins, the same on every member's database).
// - a person: name, company, role, emails, phones, LinkedIn, location, tags
//   and interests; never circles, rhythms, snoozes, notes, favours,
//   follow-ups or outreach;
// - a touch: who, when, channel and direction, and the note only when it is
//   shared (`net log --share-note`).
import type BetterSqlite3 from 'better-sqlite3';

export interface PersonFact {
  t: 'person';
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  linkedin: string | null;
  location: string | null;
  emails: string[];
  phones: string[];
  tags: string[];
  interests: string[];
  deleted: boolean;
  /** Merged into this person (their uid), by the member who merged. */
  merged_into: string | null;
}

export interface TouchFact {
  t: 'touch';
  uid: string;
  at: string;
  on: string;
  channel: string;
  direction: string;
  note: string | null;
  people: string[];
  deleted: boolean;
}

export type TeamFact = PersonFact | TouchFact;

/** Fields of a person that are the member's own: a change of only these sends nothing. */
const PRIVATE_CONTACT_FIELDS = new Set(['circle', 'cadence_days', 'rhythm_from', 'channel', 'notes', 'how_met', 'met_on', 'birthday', 'archived_at', 'snoozed_until', 'nicknames']);

export interface Changed {
  people: string[];
  touches: string[];
}

/** The records whose shared part the operations after `after` (up to `upto`) may have changed. */
export function changedSince(sqlite: BetterSqlite3.Database, after: number, upto: number): Changed {
  const rows = sqlite
    .prepare(`select distinct entity, record, field from ops where id > ? and id <= ? and entity in ('contact', 'interaction')`)
    .raw()
    .all(after, upto) as Array<[string, string, string | null]>;
  const people = new Set<string>();
  const touches = new Set<string>();
  for (const [entity, record, field] of rows) {
    if (entity === 'contact' && (field === null || !PRIVATE_CONTACT_FIELDS.has(field))) people.add(record);
    if (entity === 'interaction' && field !== 'source_key') touches.add(record);
  }
  return { people: [...people], touches: [...touches] };
}

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const list = (text: string | null): string[] => (text === null ? [] : (JSON.parse(text) as string[]));

/** The shared part of these people as it stands (a person merged away says whom into). */
export function personFacts(sqlite: BetterSqlite3.Database, uids: readonly string[]): PersonFact[] {
  const facts: PersonFact[] = [];
  for (const part of chunks(uids)) {
    const rows = sqlite
      .prepare(
        `select c.uid, c.name, c.company, c.role, c.linkedin, c.location, c.deleted_at is not null as deleted, m.uid as merged_into,
           (select json_group_array(email) from (select email from contact_emails where contact_id = c.id order by position)) as emails,
           (select json_group_array(phone) from (select phone from contact_phones where contact_id = c.id order by position)) as phones,
           (select json_group_array(tag) from (select tag from contact_tags where contact_id = c.id order by tag)) as tags,
           (select json_group_array(interest) from (select interest from contact_interests where contact_id = c.id order by interest)) as interests
         from contacts c left join contacts m on m.id = c.merged_into
         where c.uid in (select value from json_each(?))`,
      )
      .all(JSON.stringify(part)) as Array<Omit<PersonFact, 't' | 'emails' | 'phones' | 'tags' | 'interests' | 'deleted'> & { deleted: number; emails: string; phones: string; tags: string; interests: string }>;
    for (const r of rows) {
      // A deleted person goes as a tombstone: whom they were merged into, nothing of who they were.
      if (r.deleted === 1) {
        facts.push({ t: 'person', uid: r.uid, name: '', company: null, role: null, linkedin: null, location: null, emails: [], phones: [], tags: [], interests: [], deleted: true, merged_into: r.merged_into });
        continue;
      }
      facts.push({
        t: 'person',
        uid: r.uid,
        name: r.name,
        company: r.company,
        role: r.role,
        linkedin: r.linkedin,
        location: r.location,
        emails: list(r.emails),
        phones: list(r.phones),
        tags: list(r.tags),
        interests: list(r.interests),
        deleted: r.deleted === 1,
        merged_into: r.merged_into,
      });
    }
  }
  return facts;
}

/** The facts of these interactions as they stand; a note only when it is shared. */
export function touchFacts(sqlite: BetterSqlite3.Database, uids: readonly string[]): TouchFact[] {
  const facts: TouchFact[] = [];
  for (const part of chunks(uids)) {
    const rows = sqlite
      .prepare(
        `select i.uid, i.occurred_at as at, i.occurred_on as "on", i.channel, i.direction,
           case when i.note_shared = 1 then i.note end as note, i.deleted_at is not null as deleted,
           (select json_group_array(c.uid) from (
              select contact_id from interaction_contacts where interaction_id = i.id
              union select contact_id from interaction_contacts_parked where interaction_id = i.id) x
            join contacts c on c.id = x.contact_id) as people
         from interactions i where i.uid in (select value from json_each(?))`,
      )
      .all(JSON.stringify(part)) as Array<Omit<TouchFact, 't' | 'people' | 'deleted'> & { deleted: number; people: string }>;
    for (const r of rows) {
      // A deleted touch goes without its note (a note shared, then taken back by undo, is not sent again).
      facts.push({ t: 'touch', uid: r.uid, at: r.at, on: r.on, channel: r.channel, direction: r.direction, note: r.deleted === 1 ? null : r.note, people: list(r.people), deleted: r.deleted === 1 });
    }
  }
  return facts;
}
