// Dates as people type them, in English or Italian ("yesterday", "martedì
// scorso", "3 giorni fa", "2026-03-10"), through chrono-node. Loaded only by
// the commands that read dates: chrono-node is heavy at startup.
import * as chrono from 'chrono-node';
import * as chronoIt from 'chrono-node/it';
import { isIsoDay, localDay } from './dates.js';
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
}

const NOW_WORDS = new Set(['now', 'today', 'adesso', 'ora', 'oggi']);

function fullMatch(results: chrono.ParsedResult[], text: string): chrono.ParsedResult | undefined {
  const r = results[0];
  if (!r) return undefined;
  const rest = (text.slice(0, r.index) + text.slice(r.index + r.text.length)).replace(/[\s.,;:!]+/g, '');
  return rest === '' ? r : undefined;
}

export function parseDate(text: string, now: Date, options: DateOptions): ParsedDate {
  const t = text.trim();
  const lower = t.toLowerCase();
  if (NOW_WORDS.has(lower)) return { day: localDay(now), instant: now };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    if (!isIsoDay(t)) throw new UsageError(`${options.field}: "${text}" is not a date (no such day)`);
    const [y, m, d] = t.split('-').map(Number);
    return { day: t, instant: new Date(y, m - 1, d, 12) };
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
