// Each person's days in touch, read for `net review`: the latest instants of
// every person (one concatenated row in contact_recent), turned into local
// day numbers, and the scheduler's facts of each person in the same pass.
import type BetterSqlite3 from 'better-sqlite3';
import { addDays, startOfLocalDay } from '../core/dates.js';
import { touchStatsFrom, USUAL_GAP_WINDOW, type TouchStats } from '../core/review/gaps.js';
import type { ContactFacts } from '../core/scheduler/types.js';
import { factsReader, type DueSource, type FactsRow } from './due-data.js';

/**
 * The instants that bound a range of local days: from the start of `from` to
 * the start of the day after `to`. A day is a local day of the process's time
 * zone, as everywhere in net; counting through the occurred_at index this way
 * never reads the rows themselves.
 */
export function dayBounds(from: string, to: string): { lo: string; hi: string } {
  return { lo: startOfLocalDay(from).toISOString(), hi: startOfLocalDay(addDays(to, 1)).toISOString() };
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
 * Each person's latest instants up to today, newest first, comma-separated:
 * from contact_recent (the latest 50 logged, kept by the database's
 * triggers), or from the index for the rare person whose list holds
 * interactions dated after today and may leave older ones out.
 */
function latestInstants(sqlite: BetterSqlite3.Database, today: string, window: number): (id: number, kept: string | null) => string | null {
  if (window > USUAL_GAP_WINDOW) throw new RangeError(`contact_recent keeps ${USUAL_GAP_WINDOW} instants per person, not ${window}`);
  const { hi } = dayBounds(today, today);
  const future = hi.slice(0, 16);
  const fromIndex = sqlite
    .prepare(
      `select group_concat(t, ',') from (
         select substr(ic.occurred_at, 1, 16) as t from interaction_contacts ic
         where ic.contact_id = ? and ic.occurred_at < ?
         order by ic.occurred_at desc
         limit ?)`,
    )
    .pluck();
  return (id, kept) => {
    // The newest first: when it is not after today, none is.
    if (kept === null || kept < future) return kept;
    return fromIndex.get(id, hi, window) as string | null;
  };
}

/**
 * The distinct days each person who is not archived was in touch, as sorted
 * day numbers, for people with at least `minTouches` of them up to `today`,
 * read from their latest `window` interactions up to today (USUAL_GAP_WINDOW:
 * the usual gap is the rhythm of late, and a long history is not read whole).
 */
export function touchDays(source: DueSource, today: string, minTouches: number, window = USUAL_GAP_WINDOW): Map<number, Int32Array> {
  const rows = source.sqlite
    .prepare(
      `select c.id, r.instants from contacts c
       join contact_recent r on r.contact_id = c.id
       where c.archived_at is null`,
    )
    .raw(true)
    .all() as Array<[id: number, instants: string]>;
  const instants = latestInstants(source.sqlite, today, window);
  const reader = instantsReader(today, minTouches, window);
  const result = new Map<number, Int32Array>();
  for (const [id, kept] of rows) {
    const count = reader.read(instants(id, kept));
    if (count) result.set(id, reader.days.slice(0, count));
  }
  return result;
}

/**
 * A reader of one person's instants (`YYYY-MM-DDTHH:MM`, comma-separated,
 * newest first) into their sorted distinct local days up to `today`, from
 * the first `window` of them, left at the start of `reader.days` (one buffer
 * serves every person: valid until the next read); `read` returns how many,
 * 0 with fewer than `minTouches`.
 */
function instantsReader(today: string, minTouches: number, window: number): { days: Int32Array; read: (text: string | null) => number } {
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
      for (let at = 0; at < text.length && n < window; ) {
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

/** The facts of a person, then their latest instants joined with commas. */
type ContactRow = [...FactsRow, instants: string | null];

/**
 * The scheduler's facts of every person who is not archived (the same as
 * contactFacts in due-data.ts, which a test checks) and the stats of their
 * days in touch (as touchStatsOf(touchDays(…))), in one pass over the
 * people and the two summaries the triggers keep (contact_activity,
 * contact_recent), with no list of days kept.
 */
export function reviewContacts(
  { sqlite }: DueSource,
  today: string,
  minTouches: number,
  window = USUAL_GAP_WINDOW,
): { contacts: ContactFacts[]; touchStats: Map<number, TouchStats> } {
  const rows = sqlite
    .prepare(
      `select c.id, c.name, c.circle, c.cadence_days, c.snoozed_until, c.met_on, c.created_at, c.rhythm_from, c.birthday, c.channel,
        a.last_on, a.last_direction, a.last_channel, coalesce(a.interactions, 0),
        case when a.interactions >= ? then (select r.instants from contact_recent r where r.contact_id = c.id) end
      from contacts c
      left join contact_activity a on a.contact_id = c.id
      where c.archived_at is null`,
    )
    .raw(true)
    // Row by row: each person's instants are garbage as soon as read, instead of all of them held at once.
    .iterate(minTouches) as IterableIterator<ContactRow>;
  const instants = latestInstants(sqlite, today, window);
  const reader = instantsReader(today, minTouches, window);
  const touch = new Map<number, TouchStats>();
  const toFacts = factsReader();
  const contacts: ContactFacts[] = [];
  for (const row of rows) {
    const facts = toFacts(row);
    contacts.push(facts);
    const count = reader.read(instants(facts.id, row[14]));
    const stats = count ? touchStatsFrom(reader.days, count) : null;
    if (stats) touch.set(facts.id, stats);
  }
  return { contacts, touchStats: touch };
}
