// Counts and ids typed on the command line (--limit 20, an id like #12), read
// without zod: show and search check their --limit at every start, and
// building zod's schemas is most of the cost of loading validation.
import { valueError } from './errors.js';

/** The largest count or id accepted. */
export const MAX_COUNT = 1_000_000;

/**
 * A whole number from 1 to MAX_COUNT, read as zod's coerced number reads it
 * (Number(text): " 7 " and "1e3" are numbers); otherwise a usage error naming
 * the field, with the messages of every other check.
 */
export function readCount(value: unknown, field: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw valueError(field, value, 'is not a number');
  if (!Number.isSafeInteger(n)) throw valueError(field, value, 'is not a whole number');
  if (n < 1) throw valueError(field, value, 'must be at least 1');
  if (n > MAX_COUNT) throw valueError(field, value, 'is too large');
  return n;
}

/** A record's id as typed: `12` or `#12` (the field is named ID in a refusal). */
export function readId(text: string): number {
  return readCount(text.trim().replace(/^#/, ''), 'ID');
}
