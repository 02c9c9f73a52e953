// Dates as people type them, in English or Italian ("yesterday", "martedì
// scorso", "3 giorni fa", "3/12", "2026-03-10"), through chrono-node. Loaded
// only by the commands that read dates in words: chrono-node is heavy at
// startup. Numeric dates, weekdays and a few common phrases are read here
// first, where chrono reads them wrongly or not at all: it takes 3/12/2026
// month-first, a bare "monday" as the nearest one (tomorrow, on a Sunday),
// and "day before yesterday" as "yesterday".
import * as chrono from 'chrono-node';
import * as chronoIt from 'chrono-node/it';
import { nearestWeekday, readNumericDate, type DateOrder } from './date-order.js';
import { addDays, isIsoDay, localDay } from './dates.js';
import { UsageError } from './errors.js';

export interface ParsedDate {
  /** The local calendar day. */
  day: string;
  /** The instant: the time typed, else noon of that day (or now, for "now"/"today"). */
  instant: Date;
}

export interface DateOptions {
  /** The option or field the text came from, for messages ("--date"). */
  field: string;
  /**
   * "past" for when something happened ("friday" = the last one), "future" for
   * due dates ("friday" = the next one). Never forwardDate for the past:
   * chrono would turn "last friday" into next Friday.
   */
  direction: 'past' | 'future';
  /**
   * How numeric dates are written (`dates.order`, else the locale); null when
   * it cannot be known (a file): then an ambiguous date is an error.
   */
  order: DateOrder | null;
}

const NOW_WORDS = new Set(['now', 'today', 'adesso', 'ora', 'oggi']);

/** Phrases chrono misses or misreads, as [days from today, hour]. */
const PHRASE_GROUPS: ReadonlyArray<readonly [days: number, hour: number, phrases: string]> = [
  [-2, 12, "day before yesterday|the day before yesterday|l'altro ieri|l'altroieri|altro ieri|altroieri|avantieri|ieri l'altro"],
  [0, 9, 'this morning|stamattina|stamani|stamane|questa mattina'],
  [0, 15, 'this afternoon|oggi pomeriggio|questo pomeriggio'],
  [0, 20, 'this evening|tonight|stasera|questa sera'],
  [-1, 21, 'last night|ieri sera'],
];
const PHRASES: ReadonlyMap<string, readonly [number, number]> = new Map(
  PHRASE_GROUPS.flatMap(([days, hour, phrases]) => phrases.split('|').map((p): [string, readonly [number, number]] => [p, [days, hour]])),
);

const WEEKDAYS: ReadonlyMap<string, number> = new Map(
  (
    [
      [0, 'sunday sun domenica dom'],
      [1, 'monday mon lunedì lunedi lun'],
      [2, 'tuesday tue tues martedì martedi mar'],
      [3, 'wednesday wed mercoledì mercoledi mer'],
      [4, 'thursday thu thur thurs giovedì giovedi gio'],
      [5, 'friday fri venerdì venerdi ven'],
      [6, 'saturday sat sabato sab'],
    ] as const
  ).flatMap(([n, names]) => names.split(' ').map((name) => [name, n] as const)),
);

/** Lower case, one kind of apostrophe, single spaces, no closing punctuation. */
function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/[.,;:!]+$/, '');
}

function fullMatch(results: chrono.ParsedResult[], text: string): chrono.ParsedResult | undefined {
  const r = results[0];
  if (!r) return undefined;
  const rest = (text.slice(0, r.index) + text.slice(r.index + r.text.length)).replace(/[\s.,;:!]+/g, '');
  return rest === '' ? r : undefined;
}

export function atHour(day: string, hour: number): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hour);
}

export function parseDate(text: string, now: Date, options: DateOptions): ParsedDate {
  const t = text.trim();
  const lower = normalise(t);
  if (NOW_WORDS.has(lower)) return { day: localDay(now), instant: now };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    if (!isIsoDay(t)) throw new UsageError(`${options.field}: "${text}" is not a date (no such day)`);
    return { day: t, instant: atHour(t, 12) };
  }
  const today = localDay(now);
  const asNumber = readNumericDate(t, { ...options, today });
  if (asNumber !== undefined) return { day: asNumber, instant: atHour(asNumber, 12) };
  const phrase = PHRASES.get(lower);
  if (phrase) {
    const day = addDays(today, phrase[0]);
    return { day, instant: atHour(day, phrase[1]) };
  }
  const weekday = WEEKDAYS.get(lower.replace(/^(on|di) /, ''));
  if (weekday !== undefined) {
    const day = nearestWeekday(weekday, today, options.direction);
    return { day, instant: atHour(day, 12) };
  }
  const forwardDate = options.direction === 'future';
  const result =
    fullMatch(chrono.casual.parse(t, now, { forwardDate }), t) ??
    fullMatch(chronoIt.casual.parse(t, now, { forwardDate }), t);
  if (!result) {
    throw new UsageError(
      `${options.field}: "${text}" is not a date`,
      'try "yesterday", "last tuesday", "2 weeks ago", "ieri", "martedì scorso" or 2026-03-10',
    );
  }
  const instant = result.start.date();
  return { day: localDay(instant), instant };
}
