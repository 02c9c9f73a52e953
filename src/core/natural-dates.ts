// Dates as people type them, in English or Italian ("yesterday", "martedì
// scorso", "3 giorni fa", "3/12", "2026-03-10"): what date-words.ts reads
// without it, else chrono-node. Loaded only for dates in words that
// date-words.ts does not know: chrono-node takes some 25 ms to load.
import * as chrono from 'chrono-node';
import * as chronoIt from 'chrono-node/it';
import { readCommonDate, type DateOptions, type ParsedDate } from './date-words.js';
import { localDay } from './dates.js';
import { UsageError } from './errors.js';

export type { DateOptions, ParsedDate } from './date-words.js';

function fullMatch(results: chrono.ParsedResult[], text: string): chrono.ParsedResult | undefined {
  const r = results[0];
  if (!r) return undefined;
  const rest = (text.slice(0, r.index) + text.slice(r.index + r.text.length)).replace(/[\s.,;:!]+/g, '');
  return rest === '' ? r : undefined;
}

/** A date in words as chrono-node reads it (English, then Italian), or undefined. */
export function chronoDate(text: string, now: Date, direction: DateOptions['direction']): ParsedDate | undefined {
  const t = text.trim();
  const forwardDate = direction === 'future';
  const result =
    fullMatch(chrono.casual.parse(t, now, { forwardDate }), t) ??
    fullMatch(chronoIt.casual.parse(t, now, { forwardDate }), t);
  if (!result) return undefined;
  const instant = result.start.date();
  return { day: localDay(instant), instant };
}

/** A date in words: read by readCommonDate when it can, else by chrono-node. */
export function parseDate(text: string, now: Date, options: DateOptions): ParsedDate {
  const parsed = readCommonDate(text, now, options) ?? chronoDate(text, now, options.direction);
  if (!parsed) {
    throw new UsageError(
      `${options.field}: "${text}" is not a date`,
      'try "yesterday", "last tuesday", "2 weeks ago", "ieri", "martedì scorso" or 2026-03-10',
    );
  }
  return parsed;
}
