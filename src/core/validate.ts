// Checks for every value that comes from outside (flags, prompts, files),
// through zod, with messages that name the field and the value.
import { z } from 'zod';
import { isIsoDay } from './dates.js';
import { UsageError } from './errors.js';
import { parseInterval } from './intervals.js';
import { CHANNELS, CIRCLES } from './vocabulary.js';

// Control characters other than tab and newline have no place in stored text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n\t]/;

export const nameSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, 'is empty')
      .max(200, 'is longer than 200 characters')
      .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), 'has control characters or line breaks'),
  );

/** A one-line field: company, role, location, a tag. */
export const lineSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(500, 'is longer than 500 characters')
      .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), 'has control characters or line breaks'),
  );

/** Free text: notes, messages; line breaks allowed. */
export const textSchema = z
  .string()
  .max(100_000, 'is longer than 100,000 characters')
  .refine((s) => !CONTROL.test(s), 'has control characters');

export const emailSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.email('is not an email address').max(320, 'is longer than 320 characters'));

export const urlSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .url({ protocol: /^https?$/, error: 'is not a web address (http:// or https://)' })
      .max(2000, 'is longer than 2000 characters'),
  );

export const phoneSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^[+\d][\d\s().\-/]{2,39}(\s*(x|ext\.?)\s*\d{1,6})?$/i, 'is not a phone number'));

export const circleSchema = z.enum(CIRCLES, { error: `is not a circle (${CIRCLES.join(', ')})` });
export const channelSchema = z.enum(CHANNELS, { error: `is not a channel (${CHANNELS.join(', ')})` });

/** An interval in days; null = "none". */
export const intervalSchema = z.string().transform((s, ctx) => {
  const days = parseInterval(s);
  if (days === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is not an interval (try "2 weeks", "45 days", "monthly", "quarterly", "none")' });
    return z.NEVER;
  }
  return days;
});

/** A birthday: YYYY-MM-DD, or --MM-DD / MM-DD without the year. */
export const birthdaySchema = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (isIsoDay(t)) return t;
  const m = /^-{0,2}(\d{2})-(\d{2})$/.exec(t);
  if (m && isIsoDay(`2000-${m[1]}-${m[2]}`)) return `--${m[1]}-${m[2]}`;
  ctx.addIssue({ code: 'custom', message: 'is not a birthday (1985-04-12, or --04-12 without the year)' });
  return z.NEVER;
});

export const positiveIntSchema = z.coerce
  .number({ error: 'is not a number' })
  .int('is not a whole number')
  .min(1, 'must be at least 1')
  .max(1_000_000, 'is too large');

/** Parses a value with a schema; a failure is a usage error naming the field and the value. */
export function check<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const shown = typeof value === 'string' ? `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"` : String(value);
  throw new UsageError(`${field}: ${shown} ${issue?.message ?? 'is not valid'}`);
}

/** "a, b" and repeated flags -> ["a", "b"], trimmed, empty ones and duplicates dropped. */
export function splitList(values: readonly string[] | undefined, field: string): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    for (const part of value.split(',')) {
      const item = check(lineSchema, part, field);
      if (item !== '' && !out.includes(item)) out.push(item);
    }
  }
  return out;
}

/** An optional one-line field: undefined stays undefined, "" clears (null). */
export function optionalLine(value: string | undefined, field: string): string | null | undefined {
  if (value === undefined) return undefined;
  const line = check(lineSchema, value, field);
  return line === '' ? null : line;
}
