// What a brief before a meeting reads about each person (see core/brief.ts):
// the profile, the latest touches, open promises both ways, favours, the
// people met in the same interactions, the active outreach and the
// scheduler's facts. A handful of small queries per person.
import { sql, type Kysely } from 'kysely';
import { BRIEF_TOUCHES, type BriefFacts, type BriefFavour, type BriefInput } from '../core/brief.js';
import type { Settings } from '../core/settings.js';
import { loadContactRecords } from './contacts.js';
import { activeOutreach, personFacts, type DueSource } from './due-data.js';
import { listFavours, listFollowups } from './followups.js';
import { listHistory } from './interactions.js';
import type { Database } from './schema.js';

/** The people met in the same interactions as `id` (not archived or gone), with how often and when last. */
export async function metWith(db: Kysely<Database>, id: number): Promise<BriefFacts['met_with']> {
  const rows = await db
    .selectFrom('interaction_contacts as p')
    .innerJoin('interaction_contacts as o', (join) => join.onRef('o.interaction_id', '=', 'p.interaction_id').onRef('o.contact_id', '!=', 'p.contact_id'))
    .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .innerJoin('contacts as c', 'c.id', 'o.contact_id')
    .select(['o.contact_id', 'c.name', sql<number>`count(*)`.as('together'), sql<string>`max(i.occurred_on)`.as('last_on')])
    .where('p.contact_id', '=', id)
    .where('c.deleted_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .groupBy(['o.contact_id', 'c.name'])
    .execute();
  return rows;
}

/** Everyone living and not archived who has a company: core/brief.ts finds the colleagues (companies compare in code). */
export async function peopleWithCompanies(db: Kysely<Database>): Promise<BriefInput['companies']> {
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'name', 'company'])
    .where('deleted_at', 'is', null)
    .where('archived_at', 'is', null)
    .where('company', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => (r.company === null ? [] : [{ contact_id: r.id, name: r.name, company: r.company }]));
}

const favourOf = (f: { text: string; occurred_on: string } | undefined): BriefFavour | null => (f ? { text: f.text, occurred_on: f.occurred_on } : null);

/** The facts of each person of a brief, in the order of `ids` (ids of people gone are left out). */
export async function loadBriefFacts(source: DueSource, settings: Settings, ids: readonly number[]): Promise<BriefFacts[]> {
  const { db } = source;
  const records = await loadContactRecords(db, settings, ids);
  const facts: BriefFacts[] = [];
  for (const c of records) {
    const touches = await listHistory(db, { contactId: c.id, limit: BRIEF_TOUCHES });
    const followups = await listFollowups(db, { contactId: c.id });
    // Newest first: the first of each direction is the latest.
    const favours = await listFavours(db, { contactId: c.id });
    const given = favours.filter((f) => f.direction === 'given');
    const received = favours.filter((f) => f.direction === 'received');
    const [outreach] = await activeOutreach(db, c.id);
    facts.push({
      id: c.id,
      name: c.name,
      company: c.company,
      role: c.role,
      circle: c.circle,
      cadence_days: c.cadence_days,
      archived: c.archived,
      how_met: c.how_met,
      met_on: c.met_on,
      birthday: c.birthday,
      interests: c.interests,
      last_contact: c.last_contact,
      touches: touches.map((t) => ({
        id: t.id,
        date: t.date,
        via: t.via,
        direction: t.direction,
        note: t.note,
        with: t.contact_ids.flatMap((other, k) => (other === c.id ? [] : [{ contact_id: other, name: t.contacts[k] }])),
        gave: t.gave,
        got: t.got,
      })),
      followups: followups.map((f) => ({ id: f.id, contact_id: f.contact_id, name: f.name, text: f.text, due_on: f.due_on, theirs: f.theirs })),
      favours: { given: given.length, received: received.length, last_given: favourOf(given[0]), last_received: favourOf(received[0]) },
      met_with: await metWith(db, c.id),
      outreach: outreach ?? null,
      // Archived people get no reminders: personFacts leaves them out.
      scheduler: personFacts(source, c.id) ?? null,
    });
  }
  return facts;
}
