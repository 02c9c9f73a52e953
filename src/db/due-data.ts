// The aggregates the scheduler needs, one row per person: never every
// interaction into JavaScript. The last interaction of each person is one
// seek on the (contact_id, occurred_at, interaction_id) index; the count for
// the nurture rule stops at 2 and is only taken for recent contacts.
import { sql, type Kysely } from 'kysely';
import { addDays, localDay } from '../core/dates.js';
import type { ContactFacts, ConversationFacts, OpenFollowup, OutreachStep, SchedulerInput } from '../core/scheduler.js';
import type { Settings } from '../core/settings.js';
import type { Database } from './schema.js';

/** How far back a contact counts as new for the nurture rule (30 days, plus one for time zones). */
const NEW_CONTACT_LOOKBACK = 31;

/** Every person who is not archived, with their last interaction and a capped interaction count. */
export async function contactFacts(db: Kysely<Database>, today: string): Promise<ContactFacts[]> {
  const newSince = addDays(today, -NEW_CONTACT_LOOKBACK);
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('interactions as i', (join) =>
      join.on((eb) =>
        eb(
          'i.id',
          '=',
          eb
            .selectFrom('interaction_contacts as ic')
            .select('ic.interaction_id')
            .whereRef('ic.contact_id', '=', 'c.id')
            .orderBy('ic.occurred_at', 'desc')
            .orderBy('ic.interaction_id', 'desc')
            .limit(1),
        ),
      ),
    )
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
      'i.occurred_on as last_on',
      'i.direction as last_direction',
      'i.channel as last_channel',
      // Only recent contacts can be nurtured: the others with any interaction count as "2 or more".
      sql<number>`case when i.id is null then 0
        when coalesce(c.met_on, substr(c.created_at, 1, 10)) >= ${newSince}
        then (select count(*) from (select 1 from interaction_contacts x where x.contact_id = c.id limit 2))
        else 2 end`.as('interactions'),
    ])
    .where('c.archived_at', 'is', null)
    .execute();
  // Bulk imports give many people the same created_at: convert each distinct one once.
  const localDays = new Map<string, string>();
  const addedOn = (createdAt: string): string => {
    let day = localDays.get(createdAt);
    if (day === undefined) localDays.set(createdAt, (day = localDay(new Date(createdAt))));
    return day;
  };
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    circle: r.circle,
    cadence_days: r.cadence_days,
    snoozed_until: r.snoozed_until,
    archived: false,
    met_on: r.met_on,
    added_on: addedOn(r.created_at),
    rhythm_from: r.rhythm_from,
    birthday: r.birthday,
    channel: r.channel,
    last:
      r.last_on === null || r.last_direction === null || r.last_channel === null
        ? null
        : { on: r.last_on, direction: r.last_direction, channel: r.last_channel },
    interactions: Number(r.interactions),
  }));
}

/** Open follow-ups due on or before `today`, of people who are not archived. */
export async function followupsDue(db: Kysely<Database>, today: string): Promise<OpenFollowup[]> {
  return db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.text', 'f.due_on'])
    .where('f.done_on', 'is', null)
    .where('f.due_on', '<=', today)
    .where('c.archived_at', 'is', null)
    .orderBy('f.due_on')
    .orderBy('f.id')
    .execute();
}

/** Every active outreach (ended_on is null) of people who are not archived. */
export async function activeOutreach(db: Kysely<Database>): Promise<OutreachStep[]> {
  return db
    .selectFrom('outreach as o')
    .innerJoin('contacts as c', 'c.id', 'o.contact_id')
    .leftJoin('contacts as v', 'v.id', 'o.via_contact_id')
    .select(['o.contact_id', 'c.name', 'o.stage', 'o.next_on', 'o.nudges', 'o.channel', 'o.why', 'v.name as via'])
    .where('o.ended_on', 'is', null)
    .where('c.archived_at', 'is', null)
    .orderBy('o.id')
    .execute();
}

export async function loadSchedulerInput(db: Kysely<Database>, today: string, settings: Settings): Promise<SchedulerInput> {
  const [contacts, followups, outreach] = [await contactFacts(db, today), await followupsDue(db, today), await activeOutreach(db)];
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
