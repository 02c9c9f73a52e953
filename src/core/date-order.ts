// Numeric dates in the order people write them: 3/12/2026 is 3 December in
// Milan and 12 March in New York. The order comes from the `dates.order`
// setting, else the locale; `3.12.2026` is day-first everywhere that writes
// dots, and a year first (2026-03-12, 2026/3/12) is year-first everywhere.
// Pure and light: no chrono-node, so that a numeric date costs no parser.
import { addDays, isIsoDay } from './dates.js';
import { UsageError } from './errors.js';

export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export function isDateOrder(value: string): value is DateOrder {
  return (DATE_ORDERS as readonly string[]).includes(value);
}

/** The order in words, for messages: "day/month/year". */
export function orderWords(order: DateOrder): string {
  return { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' }[order];
}

/** Territories that write the month first (CLDR's short date patterns: M/d/yy). */
const MONTH_FIRST = new Set(['en_US', 'es_US', 'en_PH', 'fil_PH', 'en_AS', 'en_GU', 'en_MP', 'en_PR', 'en_UM', 'en_VI']);
/** Languages that write the year first (y/M/d). */
const YEAR_FIRST = new Set(['zh', 'ja', 'ko', 'hu', 'lt', 'mn']);

/**
 * The order of a locale name as in LANG ("it_IT.UTF-8", "en_US@euro"): the
 * month first in the United States and a few territories that follow it, the
 * year first in East Asia, Hungary and Lithuania, the day first everywhere
 * else. Null when the locale says nothing: C, POSIX, or English with no country.
 */
export function localeOrder(locale: string): DateOrder | null {
  const m = /^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}|\d{3}))?/.exec(locale.trim());
  if (!m) return null;
  const language = m[1].toLowerCase();
  const territory = m[2]?.toUpperCase();
  if (locale.trim().toUpperCase().startsWith('POSIX')) return null;
  if (YEAR_FIRST.has(language)) return 'ymd';
  if (territory !== undefined && MONTH_FIRST.has(`${language}_${territory}`)) return 'mdy';
  if (language === 'en' && territory === undefined) return null;
  return 'dmy';
}

/** The locale that decides how dates are written: LC_ALL, else LC_TIME, else LANG (as POSIX reads them). */
export function environmentOrder(env: Readonly<Record<string, string | undefined>>): DateOrder | null {
  for (const name of ['LC_ALL', 'LC_TIME', 'LANG']) {
    const value = env[name]?.trim();
    if (value) return localeOrder(value);
  }
  return null;
}

export type NumericDate =
  | { kind: 'day'; day: string }
  /** Two readings are possible and nothing says which: both, day-first first. */
  | { kind: 'ambiguous'; readings: [string, string] }
  | { kind: 'invalid'; reason: string };

export interface NumericOptions {
  /** Null when the order cannot be known (an imported file, no setting, no locale). */
  order: DateOrder | null;
  /** The local day the text is read on (YYYY-MM-DD). */
  today: string;
  /** For a date without a year: the last such day ("past") or the next one ("future"). */
  direction: 'past' | 'future';
}

const YEAR_FIRST_FORM = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\.?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2})?)?$/;
const SLASHED = /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;

/** True for text that reads as a numeric date (checked or not): these never need chrono-node. */
export function isNumericDate(text: string): boolean {
  const t = text.trim();
  return YEAR_FIRST_FORM.test(t) || DOTTED.test(t) || SLASHED.test(t);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayOf(year: number, month: number, day: number): string | null {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isIsoDay(text) ? text : null;
}

/** A two-digit year: this century, unless that is more than 20 years ahead. */
function fullYear(text: string, thisYear: number): number {
  if (text.length === 4) return Number(text);
  const yy = Number(text);
  return 2000 + yy <= thisYear + 20 ? 2000 + yy : 1900 + yy;
}

/** The day of a month and day without a year: the last one up to today, or the next one from today. */
function nearest(month: number, day: number, options: NumericOptions): string | null {
  const year = Number(options.today.slice(0, 4));
  const step = options.direction === 'past' ? -1 : 1;
  // 29 February waits for a leap year (at most eight years away).
  for (let k = 0; k <= 8; k++) {
    const candidate = dayOf(year + k * step, month, day);
    if (candidate === null) continue;
    if (options.direction === 'past' ? candidate <= options.today : candidate >= options.today) return candidate;
  }
  return null;
}

/** Month, day and the year text (or undefined) as the parts say, in an order. */
function reading(a: number, b: number, year: string | undefined, monthFirst: boolean, options: NumericOptions): string | null {
  const [month, day] = monthFirst ? [a, b] : [b, a];
  if (year === undefined) return nearest(month, day, options);
  return dayOf(fullYear(year, Number(options.today.slice(0, 4))), month, day);
}

/**
 * A numeric date, read in the given order; null when the text is not one.
 * `invalid` says why in words ("no such day"); `ambiguous` only comes when
 * the order is unknown and both readings are days.
 */
export function parseNumericDate(text: string, options: NumericOptions): NumericDate | null {
  const t = text.trim();
  const ymd = YEAR_FIRST_FORM.exec(t);
  if (ymd) {
    const day = dayOf(Number(ymd[1]), Number(ymd[3]), Number(ymd[4]));
    return day ? { kind: 'day', day } : { kind: 'invalid', reason: 'no such day (year/month/day)' };
  }
  const dotted = DOTTED.exec(t);
  if (dotted) {
    const day = reading(Number(dotted[1]), Number(dotted[2]), dotted[3], false, options);
    return day ? { kind: 'day', day } : { kind: 'invalid', reason: 'no such day (day.month.year)' };
  }
  const slashed = SLASHED.exec(t);
  if (!slashed) return null;
  const [a, b, year] = [Number(slashed[1]), Number(slashed[3]), slashed[4]];
  const dayFirst = reading(a, b, year, false, options);
  const monthFirst = reading(a, b, year, true, options);
  // Month and day without a year read month-first where years come first (3/12 is 12 March in Tokyo).
  const order = options.order === 'ymd' && year === undefined ? 'mdy' : options.order;
  if (order === 'dmy' || order === 'mdy') {
    const day = order === 'dmy' ? dayFirst : monthFirst;
    return day ? { kind: 'day', day } : { kind: 'invalid', reason: `no such day in ${orderWords(order).replace('/year', year === undefined ? '' : '/year')} order` };
  }
  // The order is unknown, or years come first and this one is last: only an unambiguous text is a date.
  if (dayFirst && monthFirst && dayFirst !== monthFirst) return { kind: 'ambiguous', readings: [dayFirst, monthFirst] };
  const day = dayFirst ?? monthFirst;
  return day ? { kind: 'day', day } : { kind: 'invalid', reason: 'no such day' };
}

/**
 * The day of a numeric date typed into `field`; undefined when the text is
 * not numeric. A date that is no day, or one that is ambiguous, is a usage
 * error that says why.
 */
export function readNumericDate(text: string, options: NumericOptions & { field: string }): string | undefined {
  const result = parseNumericDate(text, options);
  if (result === null) return undefined;
  if (result.kind === 'day') return result.day;
  if (result.kind === 'invalid') throw new UsageError(`${options.field}: "${text}" is not a date (${result.reason})`, 'write it as 2026-03-12 to be sure');
  const [dayFirst, monthFirst] = result.readings;
  throw new UsageError(
    `${options.field}: "${text}" is ambiguous: ${dayInWords(dayFirst)} or ${dayInWords(monthFirst)}?`,
    'say how dates are written with --date-order dmy|mdy (or `net config set dates.order dmy`), or write it as an ISO date',
  );
}

/** "3 December 2026": a day in words, so that the two readings of an ambiguous date can be told apart. */
export function dayInWords(day: string): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/** "September 2010": the month of a day, for silences too long to count in days. */
export function monthInWords(day: string): string {
  return dayInWords(day).replace(/^\d+ /, '');
}

// Kept next to the numeric forms: the one place that knows the weekday of a day.
/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

/** The last day that is `weekday` on or before `today`, or the next one on or after it. */
export function nearestWeekday(weekday: number, today: string, direction: 'past' | 'future'): string {
  const diff = weekday - weekdayOf(today);
  if (direction === 'past') return addDays(today, diff > 0 ? diff - 7 : diff);
  return addDays(today, diff < 0 ? diff + 7 : diff);
}
