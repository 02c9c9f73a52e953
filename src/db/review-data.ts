// What `net review` reads: aggregates over a period (counts by channel and
// by week, favours, replies answered, follow-ups, outreach moves), the facts
// of each person (the scheduler's, from due-data.ts), and each person's days
// in touch. Everything is counted in SQL except the gaps between touches,
// which come as one concatenated list of instants per person.
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { addDays } from '../core/dates.js';
import type { ActivityCounts } from '../core/review/activity.js';
import type { FavourCounts, OneSided } from '../core/review/balance.js';
import { FADING_MIN_TOUCHES } from '../core/review/fading.js';
import { RHYTHM_MIN_TOUCHES } from '../core/review/rhythms.js';
import type { KeptFollowup, OpenFollowup } from '../core/review/followups.js';
import type { StageCount, StageMove } from '../core/review/outreach.js';
import type { Period } from '../core/review/period.js';
import type { AnsweredReply } from '../core/review/replies.js';
import type { ReviewInput } from '../core/review/report.js';
import { weekStarts, type WeekCount } from '../core/review/weekly.js';
import type { Settings } from '../core/settings.js';
import { WRITTEN_CHANNELS } from '../core/vocabulary.js';
import { activeOutreach, type DueSource } from './due-data.js';
import { dayBounds, reviewContacts } from './review-touches.js';
import type { Database } from './schema.js';

const WRITTEN = [...WRITTEN_CHANNELS];


/**
 * Interactions, people and new contacts in a period; by channel only when
 * asked (it reads the rows, where the totals need the index alone).
 */
export async function activityCounts(db: Kysely<Database>, period: Period, byChannels = true): Promise<ActivityCounts> {
  const { lo, hi } = dayBounds(period.from, period.to);
  const byChannel = byChannels
    ? await db
        .selectFrom('interactions as i')
        .select(['i.channel', sql<number>`count(*)`.as('interactions')])
        .where('i.occurred_at', '>=', lo)
        .where('i.occurred_at', '<', hi)
        .groupBy('i.channel')
        .execute()
    : [
        await db
          .selectFrom('interactions as i')
          .select([sql<string>`'all'`.as('channel'), sql<number>`count(*)`.as('interactions')])
          .where('i.occurred_at', '>=', lo)
          .where('i.occurred_at', '<', hi)
          .executeTakeFirstOrThrow(),
      ];
  const people = await db
    .selectFrom('interactions as i')
    .innerJoin('interaction_contacts as ic', 'ic.interaction_id', 'i.id')
    .select(sql<number>`count(distinct ic.contact_id)`.as('n'))
    .where('i.occurred_at', '>=', lo)
    .where('i.occurred_at', '<', hi)
    .executeTakeFirstOrThrow();
  const added = await db
    .selectFrom('contacts')
    .select(sql<number>`count(*)`.as('n'))
    .where('created_at', '>=', lo)
    .where('created_at', '<', hi)
    .executeTakeFirstOrThrow();
  return {
    interactions: byChannel.reduce((sum, c) => sum + c.interactions, 0),
    people: people.n,
    new_contacts: added.n,
    by_channel: byChannels ? byChannel : [],
  };
}

/** Interactions in each week of the weekly series, the last one up to `to`: twelve counts over the index. */
export async function weeklyCounts(db: Kysely<Database>, to: string): Promise<WeekCount[]> {
  const starts = weekStarts(to);
  const counts: WeekCount[] = [];
  for (const [i, week_start] of starts.entries()) {
    const last = i === starts.length - 1 ? to : addDays(week_start, 6);
    const { lo, hi } = dayBounds(week_start, last);
    const row = await db
      .selectFrom('interactions')
      .select(sql<number>`count(*)`.as('n'))
      .where('occurred_at', '>=', lo)
      .where('occurred_at', '<', hi)
      .executeTakeFirstOrThrow();
    counts.push({ week_start, interactions: row.n });
  }
  return counts;
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
  const { lo, hi } = dayBounds(period.from, period.to);
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
  // Room for the pages read more than once (the review's queries read the
  // same index ranges): 16 MB instead of SQLite's 2 MB, taken only as pages are read.
  sqlite.pragma('cache_size = -16384');
  sqlite.exec('begin deferred');
  try {
    return await work();
  } finally {
    sqlite.exec('commit');
  }
}

/** Everything the review needs, read in one go (the caller holds a transaction for a consistent view). */
export async function loadReviewInput(
  source: DueSource,
  args: { period: Period; previous: Period; today: string; settings: Settings },
): Promise<ReviewInput> {
  const { db } = source;
  const { period, previous, today, settings } = args;
  return {
    period,
    previous,
    today,
    settings,
    activity: await activityCounts(db, period),
    previousActivity: await activityCounts(db, previous, false),
    weeks: await weeklyCounts(db, period.to),
    ...reviewContacts(source, today, MIN_TOUCHES),
    touchDays: new Map(),
    inOutreach: new Set((await activeOutreach(db)).map((o) => o.contact_id)),
    favours: await favourFacts(db, period),
    answeredReplies: await answeredReplies(db, period),
    ...(await followupFacts(db, period).then((f) => ({ keptFollowups: f.kept, openFollowups: f.open }))),
    outreach: await outreachFacts(db, period),
  };
}
