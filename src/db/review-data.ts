// What `net review` reads: aggregates over a period (counts by channel and
// by week, favours, replies answered, follow-ups, outreach moves), the facts
// of each person (the scheduler's, from due-data.ts), and each person's days
// in touch. Everything is counted in SQL except the gaps between touches,
// which come as one concatenated list of instants per person.
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { addDays, localDay, startOfLocalDay } from '../core/dates.js';
import type { ActivityCounts } from '../core/review/activity.js';
import type { FavourCounts, OneSided } from '../core/review/balance.js';
import { FADING_MIN_TOUCHES } from '../core/review/fading.js';
import { touchStatsFrom, USUAL_GAP_WINDOW, type TouchStats } from '../core/review/gaps.js';
import { RHYTHM_MIN_TOUCHES } from '../core/review/rhythms.js';
import type { KeptFollowup, OpenFollowup } from '../core/review/followups.js';
import type { StageCount, StageMove } from '../core/review/outreach.js';
import type { Period } from '../core/review/period.js';
import type { AnsweredReply } from '../core/review/replies.js';
import type { ReviewInput } from '../core/review/report.js';
import { weekStarts, type WeekCount } from '../core/review/weekly.js';
import type { Settings } from '../core/settings.js';
import { WRITTEN_CHANNELS } from '../core/vocabulary.js';
import type { ContactFacts } from '../core/scheduler/types.js';
import { activeOutreach, type DueSource } from './due-data.js';
import type { Database } from './schema.js';

const WRITTEN = [...WRITTEN_CHANNELS];

/**
 * The instants that bound a range of local days: from the start of `from` to
 * the start of the day after `to`. A day is a local day of the process's time
 * zone, as everywhere in net; counting through the occurred_at index this way
 * never reads the rows themselves.
 */
function dayBounds(from: string, to: string): { lo: string; hi: string } {
  return { lo: startOfLocalDay(from).toISOString(), hi: startOfLocalDay(addDays(to, 1)).toISOString() };
}

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

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil, as scheduler/days.ts). */
function civilDay(year: number, month: number, day: number): number {
  const y = year - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The years the fast path of LocalDayNumbers covers; others take the slow one. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;
const UNKNOWN = -32768;
const CHANGES = 32767;

/**
 * Local day numbers of UTC instants written as `YYYY-MM-DDTHH:MM` (how net
 * stores every occurred_at, from toISOString), read digit by digit: this runs
 * once per interaction and person, half a million times on a large network.
 * The first day of each month and the time-zone offset of each UTC day are
 * worked out once and kept in typed arrays; on the days the offset changes
 * (daylight saving) it is worked out per instant.
 */
export class LocalDayNumbers {
  private readonly monthStarts = new Int32Array((LAST_YEAR - FIRST_YEAR + 1) * 12).fill(UNKNOWN);
  private readonly offsets = new Int16Array(civilDay(LAST_YEAR + 1, 1, 1)).fill(UNKNOWN);

  private offsetOn(utcDay: number): number {
    let offset = this.offsets[utcDay];
    if (offset === UNKNOWN) {
      const start = -new Date(utcDay * DAY_MS).getTimezoneOffset();
      const end = -new Date(utcDay * DAY_MS + DAY_MS - 60_000).getTimezoneOffset();
      offset = this.offsets[utcDay] = start === end ? start : CHANGES;
    }
    return offset;
  }

  /** The local day of the instant at `text[at, at + 16)`; NaN when it is not one. */
  dayAt(text: string, at: number): number {
    const year = (text.charCodeAt(at) - 48) * 1000 + (text.charCodeAt(at + 1) - 48) * 100 + (text.charCodeAt(at + 2) - 48) * 10 + text.charCodeAt(at + 3) - 48;
    const month = (text.charCodeAt(at + 5) - 48) * 10 + text.charCodeAt(at + 6) - 48;
    const day = (text.charCodeAt(at + 8) - 48) * 10 + text.charCodeAt(at + 9) - 48;
    const hour = (text.charCodeAt(at + 11) - 48) * 10 + text.charCodeAt(at + 12) - 48;
    const minute = (text.charCodeAt(at + 14) - 48) * 10 + text.charCodeAt(at + 15) - 48;
    if (
      text.charCodeAt(at + 10) !== 84 /* T */ ||
      !(year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)
    ) {
      return this.slowDay(text.slice(at, at + 16));
    }
    const m = (year - FIRST_YEAR) * 12 + month - 1;
    let monthStart = this.monthStarts[m];
    if (monthStart === UNKNOWN) monthStart = this.monthStarts[m] = civilDay(year, month, 1);
    const utcDay = monthStart + day - 1;
    const minutes = hour * 60 + minute;
    let offset = this.offsetOn(utcDay);
    if (offset === CHANGES) offset = -new Date(utcDay * DAY_MS + minutes * 60_000).getTimezoneOffset();
    return utcDay + Math.floor((minutes + offset) / 1440);
  }

  private slowDay(prefix: string): number {
    const ms = Date.parse(`${prefix}Z`);
    if (Number.isNaN(ms)) return Number.NaN;
    const local = new Date(ms);
    return civilDay(local.getFullYear(), local.getMonth() + 1, local.getDate());
  }
}

/**
 * The distinct days each person who is not archived was in touch, as sorted
 * day numbers, for people with at least `minTouches` of them up to `today`,
 * read from their latest `window` interactions up to today (USUAL_GAP_WINDOW:
 * the usual gap is the rhythm of late, and a long history is not read whole).
 * One row per person: one seek on the (contact_id, occurred_at) index, then
 * their instants (to the minute) concatenated by SQLite, read here without
 * splitting the text.
 */
export async function touchDays(db: Kysely<Database>, today: string, minTouches: number, window = USUAL_GAP_WINDOW): Promise<Map<number, Int32Array>> {
  const { hi } = dayBounds(today, today);
  const { rows } = await sql<{ contact_id: number; instants: string | null }>`
    select c.id as contact_id,
      (select group_concat(x, ',') from (
        select substr(ic.occurred_at, 1, 16) as x from interaction_contacts ic
        where ic.contact_id = c.id and ic.occurred_at < ${hi}
        order by ic.occurred_at desc
        limit ${window})) as instants
    from contacts c
    where c.archived_at is null`.execute(db);
  const reader = instantsReader(today, minTouches);
  const result = new Map<number, Int32Array>();
  for (const row of rows) {
    const count = reader.read(row.instants);
    if (count) result.set(row.contact_id, reader.days.slice(0, count));
  }
  return result;
}

/**
 * A reader of one person's instants (`YYYY-MM-DDTHH:MM`, comma-separated, in
 * any order) into their sorted distinct local days up to `today`, left at the
 * start of `reader.days` (one buffer serves every person: valid until the
 * next read); `read` returns how many, 0 with fewer than `minTouches`.
 */
function instantsReader(today: string, minTouches: number): { days: Int32Array; read: (text: string | null) => number } {
  const local = new LocalDayNumbers();
  const last = civilDay(Number(today.slice(0, 4)), Number(today.slice(5, 7)), Number(today.slice(8, 10)));
  const reader = {
    days: new Int32Array(1024),
    read(text: string | null): number {
      // Fewer instants than touches needed: nothing to read.
      if (text === null || text.length < minTouches * 17 - 1) return 0;
      if (reader.days.length < text.length / 16 + 1) reader.days = new Int32Array(Math.ceil(text.length / 16) + 1);
      const list = reader.days;
      let n = 0;
      let sorted = true;
      let descending = true;
      for (let at = 0; at < text.length; ) {
        let end = text.indexOf(',', at);
        if (end === -1) end = text.length;
        const day = end - at >= 16 ? local.dayAt(text, at) : Number.NaN;
        at = end + 1;
        if (Number.isNaN(day) || day > last) continue;
        if (n > 0 && day < list[n - 1]) sorted = false;
        if (n > 0 && day > list[n - 1]) descending = false;
        list[n++] = day;
      }
      // The latest instants come newest first: reversing is enough.
      if (!sorted) {
        if (descending) list.subarray(0, n).reverse();
        else list.subarray(0, n).sort();
      }
      let distinct = 0;
      for (let i = 0; i < n; i++) if (i === 0 || list[i] !== list[distinct - 1]) list[distinct++] = list[i];
      return distinct >= minTouches ? distinct : 0;
    },
  };
  return reader;
}

type ContactRow = [
  id: number,
  name: string,
  circle: string,
  cadence_days: number | null,
  snoozed_until: string | null,
  met_on: string | null,
  created_at: string,
  rhythm_from: string | null,
  birthday: string | null,
  channel: string | null,
  last_on: string | null,
  last_direction: string | null,
  last_channel: string | null,
  interactions: number,
  instants: string | null,
];

/** How far back a contact counts as new for the nurture rule, as in due-data.ts. */
const NEW_CONTACT_LOOKBACK = 31;

/**
 * The scheduler's facts of every person who is not archived (the same as
 * contactFacts in due-data.ts, which a test checks) and the stats of their
 * days in touch (as touchStatsOf(touchDays(…))), in one pass over the
 * people: the seek for the last interaction and the one for the latest
 * instants land on the same index pages, and no list of days is kept.
 */
export function reviewContacts(
  { sqlite }: DueSource,
  today: string,
  minTouches: number,
  window = USUAL_GAP_WINDOW,
): { contacts: ContactFacts[]; touchStats: Map<number, TouchStats> } {
  const { hi } = dayBounds(today, today);
  const rows = sqlite
    .prepare(
      `select c.id, c.name, c.circle, c.cadence_days, c.snoozed_until, c.met_on, c.created_at, c.rhythm_from, c.birthday, c.channel,
        i.occurred_on, i.direction, i.channel,
        case when i.id is null then 0
          when coalesce(c.met_on, substr(c.created_at, 1, 10)) >= ?
          then (select count(*) from (select 1 from interaction_contacts x where x.contact_id = c.id limit 2))
          else 2 end,
        (select group_concat(t, ',') from (
          select substr(ic.occurred_at, 1, 16) as t from interaction_contacts ic
          where ic.contact_id = c.id and ic.occurred_at < ?
          order by ic.occurred_at desc
          limit ?))
      from contacts c
      left join interactions i on i.id = (
        select ic.interaction_id from interaction_contacts ic
        where ic.contact_id = c.id
        order by ic.occurred_at desc, ic.interaction_id desc
        limit 1)
      where c.archived_at is null`,
    )
    .raw(true)
    // Row by row: each person's instants are garbage as soon as read, instead of all of them held at once.
    .iterate(addDays(today, -NEW_CONTACT_LOOKBACK), hi, window) as IterableIterator<ContactRow>;
  const reader = instantsReader(today, minTouches);
  const touch = new Map<number, TouchStats>();
  // Bulk imports give many people the same created_at: convert each distinct one once.
  const localDays = new Map<string, string>();
  const contacts: ContactFacts[] = [];
  for (const row of rows) {
    const [id, name, circle, cadence_days, snoozed_until, met_on, created_at, rhythm_from, birthday, channel, last_on, last_direction, last_channel, interactions, instants] = row;
    let added_on = localDays.get(created_at);
    if (added_on === undefined) localDays.set(created_at, (added_on = localDay(new Date(created_at))));
    contacts.push({
      id,
      name,
      circle,
      cadence_days,
      snoozed_until,
      archived: false,
      met_on,
      added_on,
      rhythm_from,
      birthday,
      channel,
      last: last_on === null || last_direction === null || last_channel === null ? null : { on: last_on, direction: last_direction, channel: last_channel },
      interactions,
    });
    const count = reader.read(instants);
    const stats = count ? touchStatsFrom(reader.days, count) : null;
    if (stats) touch.set(id, stats);
  }
  return { contacts, touchStats: touch };
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
