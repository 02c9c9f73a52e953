// What `net review` reads: aggregates over a period (counts by channel and
// by week, favours, follow-ups, outreach moves), the period's touches (for
// the replies answered and the people involved), and, from review-touches.ts,
// the facts and rhythm of the people who can appear in a list and everyone
// counted by circle.
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
import { reviewFilter } from '../core/review/relevance.js';
import { answeredIn, needingPrevious, peopleIn, previousInPeriod, type AnsweredReply, type TouchBefore, type Touches } from '../core/review/replies.js';
import type { ReviewInput } from '../core/review/report.js';
import { weekStarts, type WeekCount } from '../core/review/weekly.js';
import type { Settings } from '../core/settings.js';
import { WRITTEN_CHANNELS } from '../core/vocabulary.js';
import { activeOutreach, type DueSource } from './due-data.js';
import { rowsAsArrays } from './json-rows.js';
import { circleGroups, dayBounds, reviewContacts } from './review-touches.js';
import type { Database } from './schema.js';

/** Whether interaction `alias` asks for a reply: an inbound message through a written channel (SQL). */
const ASKS = (alias: string) => `(${alias}.direction = 'in' and ${alias}.channel in (${[...WRITTEN_CHANNELS].map((c) => `'${c}'`).join(', ')}))`;


/**
 * Interactions, people and new contacts in a period; by channel only when
 * asked. `people` is given when the caller has counted them already
 * (periodReplies reads every touch of the period).
 */
export async function activityCounts(
  db: Kysely<Database>,
  period: Period,
  { byChannels = true, people }: { byChannels?: boolean; people?: number } = {},
): Promise<ActivityCounts> {
  const { lo, hi } = dayBounds(period.from, period.to);
  const inPeriod = db.selectFrom('interactions as i').where('i.occurred_at', '>=', lo).where('i.occurred_at', '<', hi).where('i.deleted_at', 'is', null);
  const byChannel = byChannels
    ? await inPeriod.select(['i.channel', sql<number>`count(*)`.as('interactions')]).groupBy('i.channel').execute()
    : [await inPeriod.select([sql<string>`'all'`.as('channel'), sql<number>`count(*)`.as('interactions')]).executeTakeFirstOrThrow()];
  const involved =
    people ??
    (
      await inPeriod
        .innerJoin('interaction_contacts as ic', 'ic.interaction_id', 'i.id')
        .select(sql<number>`count(distinct ic.contact_id)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const added = await db
    .selectFrom('contacts')
    .select(sql<number>`count(*)`.as('n'))
    .where('created_at', '>=', lo)
    .where('created_at', '<', hi)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    interactions: byChannel.reduce((sum, c) => sum + c.interactions, 0),
    people: involved,
    new_contacts: added.n,
    by_channel: byChannels ? byChannel : [],
  };
}

/** Interactions in each week of the weekly series, the last one up to `to`: twelve counts over the index, in one query. */
export async function weeklyCounts(db: Kysely<Database>, to: string): Promise<WeekCount[]> {
  const starts = weekStarts(to);
  const row = await db
    .selectNoFrom((eb) =>
      starts.map((week_start, i) => {
        const { lo, hi } = dayBounds(week_start, i === starts.length - 1 ? to : addDays(week_start, 6));
        return eb
          .selectFrom('interactions')
          .select(sql<number>`count(*)`.as('n'))
          .where('occurred_at', '>=', lo)
          .where('occurred_at', '<', hi)
          .where('deleted_at', 'is', null)
          .as(`week${i}`);
      }),
    )
    .executeTakeFirstOrThrow();
  const counts = row as Record<string, number>;
  return starts.map((week_start, i) => ({ week_start, interactions: counts[`week${i}`] }));
}

async function favourTotals(db: Kysely<Database>, period?: Period): Promise<FavourCounts> {
  let query = db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.direction', sql<number>`count(*)`.as('n')])
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .groupBy('f.direction');
  if (period) query = query.where('f.occurred_on', '>=', period.from).where('f.occurred_on', '<=', period.to);
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
    .where('c.deleted_at', 'is', null)
    .where('f.deleted_at', 'is', null)
    .groupBy('f.contact_id')
    .having(sql<boolean>`sum(f.direction = 'given') <> sum(f.direction = 'received')`)
    .execute();
  return { period: await favourTotals(db, period), overall: await favourTotals(db), perContact };
}

/** The day number (days since 1970-01-01) of a YYYY-MM-DD column (SQL). */
const DAY_NUMBER = (column: string) => `cast(julianday(${column}) - 2440587.5 as integer)`;

/**
 * The period's touches (each person's part in each interaction, in time
 * order: by instant, then by id, as the index orders a person's history),
 * read from the indexes alone as one JSON text of three columns. The
 * interactions_period index gives that order, so nothing is sorted; the
 * aggregates take the rows as the subquery yields them.
 */
function periodTouches(sqlite: BetterSqlite3.Database, lo: string, hi: string): Touches {
  const text = sqlite
    .prepare(
      `select json_object('contact', json_group_array(contact_id), 'day', json_group_array(day), 'asks', json_group_array(asks)) from (
         select ic.contact_id, ${DAY_NUMBER('i.occurred_on')} as day, ${ASKS('i')} as asks
         from interactions i
         join interaction_contacts ic on ic.interaction_id = i.id
         where i.occurred_at >= ? and i.occurred_at < ? and i.deleted_at is null
         order by i.occurred_at, i.id)`,
    )
    .pluck()
    .get(lo, hi) as string;
  return JSON.parse(text) as Touches;
}

/** The last touch before `lo` of each of the people `ids` (those with one). */
function touchesBefore(sqlite: BetterSqlite3.Database, ids: readonly number[], lo: string): Map<number, TouchBefore> {
  const rows = rowsAsArrays<[number, number, 0 | 1]>(
    sqlite,
    `select p.value as contact_id, ${DAY_NUMBER('q.occurred_on')} as day, ${ASKS('q')} as asks
     from json_each(?) p
     join interactions q on q.id = (
       select x.interaction_id from interaction_contacts x
       where x.contact_id = p.value and x.occurred_at < ?
       order by x.occurred_at desc, x.interaction_id desc
       limit 1)`,
    [JSON.stringify(ids), lo],
  );
  const before = new Map<number, TouchBefore>();
  for (let k = 0; k < rows.length; k++) before.set(rows[k][0], { day: rows[k][1], asks: rows[k][2] });
  return before;
}

/**
 * The replies owed that were answered in the period (see answeredIn), and
 * how many people the period's interactions involved (the same reading).
 */
export function periodReplies({ sqlite }: DueSource, period: Period): { answered: AnsweredReply[]; people: number } {
  const { lo, hi } = dayBounds(period.from, period.to);
  const touches = periodTouches(sqlite, lo, hi);
  const previous = previousInPeriod(touches.contact);
  const answered = answeredIn(touches, touchesBefore(sqlite, needingPrevious(touches, previous), lo), previous);
  return { answered, people: peopleIn(previous) };
}

/**
 * The promises you made: kept in the period, and open. Their promises
 * (`followup add --theirs`) are not yours to keep, so the review, which
 * trains your habits, leaves them out.
 */
export async function followupFacts(db: Kysely<Database>, period: Period): Promise<{ kept: KeptFollowup[]; open: OpenFollowup[] }> {
  const kept = await db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.due_on', sql<string>`f.done_on`.as('done_on')])
    .where('f.theirs', '=', 0)
    .where('f.done_on', '>=', period.from)
    .where('f.done_on', '<=', period.to)
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .execute();
  const open = await db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.text', 'f.due_on'])
    .where('f.theirs', '=', 0)
    .where('f.done_on', 'is', null)
    .where('f.dropped_on', 'is', null)
    .where('f.deleted_at', 'is', null)
    .where('c.archived_at', 'is', null)
    .where('c.deleted_at', 'is', null)
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
    .where('c.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .groupBy('o.stage')
    .execute();
  const events = await db
    .selectFrom('outreach_events')
    .select(['kind', 'from_stage', 'to_stage', sql<number>`count(*)`.as('count')])
    .where('occurred_on', '>=', period.from)
    .where('occurred_on', '<=', period.to)
    .where('deleted_at', 'is', null)
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

/** Everything the review needs, read in one go (the caller holds a transaction for a consistent view). */
export async function loadReviewInput(
  source: DueSource,
  args: { period: Period; previous: Period; today: string; settings: Settings },
): Promise<ReviewInput> {
  const { db } = source;
  const { period, previous, today, settings } = args;
  const replies = periodReplies(source, period);
  return {
    period,
    previous,
    today,
    settings,
    activity: await activityCounts(db, period, { people: replies.people }),
    previousActivity: await activityCounts(db, previous, { byChannels: false }),
    weeks: await weeklyCounts(db, period.to),
    ...reviewContacts(source, today, MIN_TOUCHES, reviewFilter(today, settings)),
    circleGroups: circleGroups(source, today),
    inOutreach: new Set((await activeOutreach(db)).map((o) => o.contact_id)),
    favours: await favourFacts(db, period),
    answeredReplies: replies.answered,
    ...(await followupFacts(db, period).then((f) => ({ keptFollowups: f.kept, openFollowups: f.open }))),
    outreach: await outreachFacts(db, period),
  };
}
