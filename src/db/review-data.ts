// What `net review` reads: aggregates over a period (counts by channel, by
// day, favours, follow-ups, outreach moves), the facts of each person, and
// each person's days in touch. Everything is counted in SQL except the gaps
// between touches, which come as one concatenated list per person.
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { addDays, localDay, startOfLocalDay } from '../core/dates.js';
import type { ActivityCounts } from '../core/review/activity.js';
import type { FavourCounts, OneSided } from '../core/review/balance.js';
import { FADING_MIN_TOUCHES } from '../core/review/fading.js';
import { RHYTHM_MIN_TOUCHES } from '../core/review/rhythms.js';
import type { KeptFollowup, OpenFollowup } from '../core/review/followups.js';
import type { StageCount, StageMove } from '../core/review/outreach.js';
import type { Period } from '../core/review/period.js';
import type { AnsweredReply } from '../core/review/replies.js';
import type { ReviewInput } from '../core/review/report.js';
import { weeklyFrom } from '../core/review/weekly.js';
import type { Settings } from '../core/settings.js';
import { WRITTEN_CHANNELS } from '../core/vocabulary.js';
import { activeOutreach, contactFacts } from './due-data.js';
import type { Database } from './schema.js';

const DAY_MS = 86_400_000;
const WRITTEN = [...WRITTEN_CHANNELS];

/**
 * Instants around a range of local days, two days wider on each side: the
 * index on occurred_at narrows the rows, and occurred_on (the local day as
 * logged) decides, whatever time zone a row was logged in.
 */
function instantBounds(from: string, to: string): { lo: string; hi: string } {
  return { lo: startOfLocalDay(addDays(from, -2)).toISOString(), hi: startOfLocalDay(addDays(to, 3)).toISOString() };
}

/** Interactions whose local day is in [from, to], through the occurred_at index. */
function inDays(from: string, to: string) {
  const { lo, hi } = instantBounds(from, to);
  return sql<boolean>`i.occurred_at >= ${lo} and i.occurred_at < ${hi} and i.occurred_on between ${from} and ${to}`;
}

export async function activityCounts(db: Kysely<Database>, period: Period): Promise<ActivityCounts> {
  const range = inDays(period.from, period.to);
  const byChannel = await db
    .selectFrom('interactions as i')
    .select(['i.channel', sql<number>`count(*)`.as('interactions')])
    .where(range)
    .groupBy('i.channel')
    .execute();
  const people = await db
    .selectFrom('interactions as i')
    .innerJoin('interaction_contacts as ic', 'ic.interaction_id', 'i.id')
    .select(sql<number>`count(distinct ic.contact_id)`.as('n'))
    .where(range)
    .executeTakeFirstOrThrow();
  // created_at is an instant: the period's local days as instants, exactly.
  const added = await db
    .selectFrom('contacts')
    .select(sql<number>`count(*)`.as('n'))
    .where('created_at', '>=', startOfLocalDay(period.from).toISOString())
    .where('created_at', '<', startOfLocalDay(addDays(period.to, 1)).toISOString())
    .executeTakeFirstOrThrow();
  return {
    interactions: byChannel.reduce((sum, c) => sum + c.interactions, 0),
    people: people.n,
    new_contacts: added.n,
    by_channel: byChannel,
  };
}

export async function interactionsPerDay(db: Kysely<Database>, from: string, to: string): Promise<Array<{ day: string; interactions: number }>> {
  return db
    .selectFrom('interactions as i')
    .select(['i.occurred_on as day', sql<number>`count(*)`.as('interactions')])
    .where(inDays(from, to))
    .groupBy('i.occurred_on')
    .execute();
}

/**
 * The local day of an ISO instant, fast: the day is looked up once per UTC
 * hour and reused, except in the hours that hold a local midnight (zones with
 * half-hour offsets), which are worked out one by one.
 */
class LocalDays {
  private readonly byHour = new Map<string, string | null>();

  dayOf(instant: string): string {
    if (instant.length < 20 || instant[10] !== 'T' || !instant.endsWith('Z')) return localDay(new Date(instant));
    const hour = instant.slice(0, 13);
    let day = this.byHour.get(hour);
    if (day === undefined) {
      const start = new Date(`${hour}:00:00.000Z`);
      const first = localDay(start);
      day = localDay(new Date(start.getTime() + 3_599_999)) === first ? first : null;
      this.byHour.set(hour, day);
    }
    return day ?? localDay(new Date(instant));
  }

  dayNumberOf(instant: string): number {
    const day = this.dayOf(instant);
    return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
  }
}

/**
 * The distinct days each person was in touch, as sorted day numbers, for
 * people with at least `minTouches` of them up to `today`. One row per person:
 * their instants concatenated by SQLite in index order.
 */
export async function touchDays(db: Kysely<Database>, today: string, minTouches: number): Promise<Map<number, number[]>> {
  const { rows } = await sql<{ contact_id: number; instants: string }>`
    select contact_id, group_concat(occurred_at, ',') as instants
    from interaction_contacts
    group by contact_id
    having count(*) >= ${minTouches}`.execute(db);
  const days = new LocalDays();
  const last = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10))) / DAY_MS;
  const result = new Map<number, number[]>();
  for (const row of rows) {
    const list: number[] = [];
    let sorted = true;
    for (const instant of row.instants.split(',')) {
      const n = days.dayNumberOf(instant);
      if (n > last) continue;
      if (list.length > 0 && n < list[list.length - 1]) sorted = false;
      list.push(n);
    }
    if (!sorted) list.sort((a, b) => a - b);
    const distinct = list.filter((n, i) => i === 0 || n !== list[i - 1]);
    if (distinct.length >= minTouches) result.set(row.contact_id, distinct);
  }
  return result;
}

async function favourTotals(db: Kysely<Database>, period?: Period): Promise<FavourCounts> {
  let query = db.selectFrom('favours').select(['direction', sql<number>`count(*)`.as('n')]).groupBy('direction');
  if (period) query = query.where('occurred_on', '>=', period.from).where('occurred_on', '<=', period.to);
  const rows = await query.execute();
  return {
    given: rows.find((r) => r.direction === 'given')?.n ?? 0,
    received: rows.find((r) => r.direction === 'received')?.n ?? 0,
  };
}

export async function favourFacts(
  db: Kysely<Database>,
  period: Period,
): Promise<{ period: FavourCounts; overall: FavourCounts; perContact: OneSided[] }> {
  const perContact = await db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select([
      'f.contact_id',
      'c.name',
      sql<number>`sum(f.direction = 'given')`.as('given'),
      sql<number>`sum(f.direction = 'received')`.as('received'),
    ])
    .where('c.archived_at', 'is', null)
    .groupBy('f.contact_id')
    .having(sql<boolean>`sum(f.direction = 'given') <> sum(f.direction = 'received')`)
    .execute();
  return { period: await favourTotals(db, period), overall: await favourTotals(db), perContact };
}

/**
 * Replies owed that were answered in the period: each interaction in the
 * period that is not itself an inbound written message, whose participant's
 * previous interaction was one. That previous message is the latest of the
 * run the answer closes, the one `net due` counts the deadline from.
 */
export async function answeredReplies(db: Kysely<Database>, period: Period): Promise<AnsweredReply[]> {
  const { lo, hi } = instantBounds(period.from, period.to);
  const written = sql.join(WRITTEN);
  const { rows } = await sql<AnsweredReply>`
    with answers as (
      select ic.contact_id, i.occurred_on as answered_on,
        (select p.interaction_id from interaction_contacts p
          where p.contact_id = ic.contact_id and (p.occurred_at, p.interaction_id) < (ic.occurred_at, ic.interaction_id)
          order by p.occurred_at desc, p.interaction_id desc
          limit 1) as previous_id
      from interactions i
      join interaction_contacts ic on ic.interaction_id = i.id
      where i.occurred_at >= ${lo} and i.occurred_at < ${hi}
        and i.occurred_on between ${period.from} and ${period.to}
        and not (i.direction = 'in' and i.channel in (${written}))
    )
    select a.contact_id, q.occurred_on as asked_on, a.answered_on
    from answers a
    join interactions q on q.id = a.previous_id
    where q.direction = 'in' and q.channel in (${written})
    order by a.answered_on, a.contact_id`.execute(db);
  return rows;
}

export async function followupFacts(db: Kysely<Database>, period: Period): Promise<{ kept: KeptFollowup[]; open: OpenFollowup[] }> {
  const kept = await db
    .selectFrom('followups')
    .select(['due_on', sql<string>`done_on`.as('done_on')])
    .where('done_on', '>=', period.from)
    .where('done_on', '<=', period.to)
    .execute();
  const open = await db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.text', 'f.due_on'])
    .where('f.done_on', 'is', null)
    .where('c.archived_at', 'is', null)
    .orderBy('f.due_on')
    .orderBy('f.id')
    .execute();
  return { kept, open };
}

export async function outreachFacts(
  db: Kysely<Database>,
  period: Period,
): Promise<{ stages: StageCount[]; moves: StageMove[]; added: number; nudges: number }> {
  const stages = await db
    .selectFrom('outreach as o')
    .innerJoin('contacts as c', 'c.id', 'o.contact_id')
    .select(['o.stage', sql<number>`count(*)`.as('count')])
    .where('c.archived_at', 'is', null)
    .groupBy('o.stage')
    .execute();
  const events = await db
    .selectFrom('outreach_events')
    .select(['kind', 'from_stage', 'to_stage', sql<number>`count(*)`.as('count')])
    .where('occurred_on', '>=', period.from)
    .where('occurred_on', '<=', period.to)
    .groupBy(['kind', 'from_stage', 'to_stage'])
    .execute();
  const moves = events
    .filter((e) => e.kind === 'step' && e.from_stage !== null && e.to_stage !== null)
    .map((e) => ({ from_stage: e.from_stage!, to_stage: e.to_stage!, count: e.count }));
  const sum = (kind: string) => events.filter((e) => e.kind === kind).reduce((n, e) => n + e.count, 0);
  return { stages, moves, added: sum('add'), nudges: sum('nudge') };
}

/** Touches needed before gaps are read by the fading or the rhythm rule. */
const MIN_TOUCHES = Math.min(FADING_MIN_TOUCHES, RHYTHM_MIN_TOUCHES);

/**
 * Runs reads inside one deferred transaction, so that every query sees the
 * same state of the file; in WAL mode it does not hold up writers.
 */
export async function inReadSnapshot<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  sqlite.exec('begin deferred');
  try {
    return await work();
  } finally {
    sqlite.exec('commit');
  }
}

/** Everything the review needs, read in one go (the caller holds a transaction for a consistent view). */
export async function loadReviewInput(
  db: Kysely<Database>,
  args: { period: Period; previous: Period; today: string; settings: Settings },
): Promise<ReviewInput> {
  const { period, previous, today, settings } = args;
  return {
    period,
    previous,
    today,
    settings,
    activity: await activityCounts(db, period),
    previousActivity: await activityCounts(db, previous),
    perDay: await interactionsPerDay(db, weeklyFrom(period.to), period.to),
    contacts: await contactFacts(db, today),
    inOutreach: new Set((await activeOutreach(db)).map((o) => o.contact_id)),
    touchDays: await touchDays(db, today, MIN_TOUCHES),
    favours: await favourFacts(db, period),
    answeredReplies: await answeredReplies(db, period),
    ...(await followupFacts(db, period).then((f) => ({ keptFollowups: f.kept, openFollowups: f.open }))),
    outreach: await outreachFacts(db, period),
  };
}
