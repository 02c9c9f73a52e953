// Dates in the words people type most, read without chrono-node (some 25 ms
// to load, natural-dates.ts): now and today, ISO and numeric dates, weekdays,
// "yesterday" and "last monday" and their Italian ("ieri", "lunedì scorso"),
// with chrono's own meaning (test/unit/date-words.test.ts holds the two
// together, in every time zone it is run in; "3 days ago" is left to chrono,
// which counts it in a way of its own across a change of summer time); and the
// phrases chrono misses or misreads: it takes 3/12/2026 month-first, a bare
// "monday" as the nearest one (tomorrow, on a Sunday), and "day before
// yesterday" as "yesterday". Pure: "now" comes in.
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

/** A language's names of the weekdays, by number (0 = Sunday), as a map from each name to its number. */
function weekdayNames(rows: readonly string[]): ReadonlyMap<string, number> {
  return new Map(rows.flatMap((names, n) => names.split(' ').map((name) => [name, n] as const)));
}

const EN_WEEKDAYS = weekdayNames(['sunday sun', 'monday mon', 'tuesday tue tues', 'wednesday wed', 'thursday thu thur thurs', 'friday fri', 'saturday sat']);
const IT_WEEKDAYS = weekdayNames([
  'domenica dom',
  'lunedì lunedi lun',
  'martedì martedi mar',
  'mercoledì mercoledi mer',
  'giovedì giovedi gio',
  'venerdì venerdi ven',
  'sabato sab',
]);
const WEEKDAYS: ReadonlyMap<string, number> = new Map([...EN_WEEKDAYS, ...IT_WEEKDAYS]);

/** Lower case, one kind of apostrophe, single spaces, no closing punctuation. */
function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').replace(/[.,;:!]+$/, '');
}

export function atHour(day: string, hour: number): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, hour);
}

/** `now` moved by whole days on the calendar, at the same time of day (as chrono reads "yesterday"). */
function daysFrom(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days, now.getHours(), now.getMinutes(), now.getSeconds(), now.getMilliseconds());
}

/** "last monday", "lunedì scorso": the weekday named, the last one before today. */
function lastWeekday(lower: string): number | undefined {
  const english = /^last (\S+)$/.exec(lower);
  if (english) return EN_WEEKDAYS.get(english[1]);
  const italian = /^(\S+) scors[oa]$/.exec(lower);
  return italian ? IT_WEEKDAYS.get(italian[1]) : undefined;
}

/**
 * The date `text` says, when it is one of the forms above; undefined for
 * anything else (chrono-node's to read). A numeric date that is not a day
 * (31/02) is an error here, as it would be there.
 */
export function readCommonDate(text: string, now: Date, options: DateOptions): ParsedDate | undefined {
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
  // chrono reads these so only for the past: "last monday" as a due date (--by) is its to read.
  if (options.direction === 'past') {
    if (lower === 'yesterday' || lower === 'ieri') return at(daysFrom(now, -1));
    const weekday = lastWeekday(lower);
    if (weekday !== undefined) {
      const nearest = nearestWeekday(weekday, today, 'past');
      const day = nearest === today ? addDays(today, -7) : nearest;
      return { day, instant: atHour(day, 12) };
    }
  }
  return undefined;
}

function at(instant: Date): ParsedDate {
  return { day: localDay(instant), instant };
}
