// Checks for every value that comes from outside (flags, prompts, files),
// through zod, with messages that name the field and the value. zod/mini:
// the same checks as zod's chained API, a tenth of its code, and its schemas
// are quick to build (the chained ones took some 12 ms of every start of a
// command that imports this module).
import * as z from 'zod/mini';
import { isIsoDay } from './dates.js';
import { valueError } from './errors.js';
import { parseInterval } from './intervals.js';
import { CHANNELS, CIRCLES } from './vocabulary.js';

// What stored text may hold, one set of rules for every way in (flags,
// prompts, every import). Refused everywhere: C0 controls but tab and line
// feed, DEL and the C1 controls U+0080-U+009F (ESC and the C1 CSI drive a
// terminal; U+0085 is a line break to some readers); the bidirectional
// overrides and isolates, which make a terminal show the text around them
// in another order (a name could read as someone else's); a lone UTF-16
// surrogate (JSON can hold "\ud800"), which is not text and which SQLite
// would keep as invalid UTF-8. One-line fields also refuse line breaks,
// tab and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /\p{Cs}/u;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

const hex = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text cannot be stored, or undefined when it can. */
export function textProblem(text: string, multiline: boolean): string | undefined {
  const line = multiline ? undefined : LINE_BREAK.exec(text);
  if (line) return `has a line break or tab (${hex(line[0])})`;
  const control = CONTROL.exec(text);
  if (control) return `has a control character (${hex(control[0])})`;
  const bidi = BIDI.exec(text);
  if (bidi) return `has a bidirectional control (${hex(bidi[0])})`;
  if (LONE_SURROGATE.test(text)) return 'is not valid text (a lone UTF-16 surrogate)';
  return undefined;
}

// zod/mini carries no messages of its own: zod's English ones for what net's do not cover (a number where text belongs).
z.config(z.locales.en());

const oneLine = { error: (issue: { input: unknown }) => textProblem(String(issue.input), false) };
const isOneLine = (s: string) => textProblem(s, false) === undefined;

/** A string trimmed, then held to `checks`. */
const trimmed = (...checks: Parameters<z.ZodMiniString['check']>) => z.string().check(z.trim(), ...checks);

/** A person's name: one line, at most 200 characters. */
export const nameSchema = trimmed(z.minLength(1, 'is empty'), z.maxLength(200, 'is longer than 200 characters'), z.refine(isOneLine, oneLine));

/** A one-line field: company, role, location, a tag. */
export const lineSchema = trimmed(z.maxLength(500, 'is longer than 500 characters'), z.refine(isOneLine, oneLine));

/**
 * Free text: notes, messages; line breaks allowed. CRLF and a lone CR are
 * stored as LF, so no stored text holds a bare CR (which vCard, iCalendar
 * and CSV readers take as the end of a line).
 */
export const textSchema = z.string().check(
  z.overwrite((s) => s.replace(/\r\n?/g, '\n')),
  z.maxLength(100_000, 'is longer than 100,000 characters'),
  z.refine((s) => textProblem(s, true) === undefined, { error: (issue) => textProblem(String(issue.input), true) }),
);

export const emailSchema = z.pipe(z.pipe(z.string(), z.transform((s) => s.trim())), z.email('is not an email address').check(z.maxLength(320, 'is longer than 320 characters')));

export const urlSchema = z.pipe(
  z.pipe(z.string(), z.transform((s) => s.trim())),
  z.url({ protocol: /^https?$/, error: 'is not a web address (http:// or https://)' }).check(z.maxLength(2000, 'is longer than 2000 characters'), z.refine(isOneLine, oneLine)),
);

export const phoneSchema = trimmed(z.refine(isOneLine, oneLine), z.regex(/^[+\d][\d\s().\-/]{2,39}(\s*(x|ext\.?)\s*\d{1,6})?$/i, 'is not a phone number'));

export const circleSchema = z.enum(CIRCLES, { error: `is not a circle (${CIRCLES.join(', ')})` });
export const channelSchema = z.enum(CHANNELS, { error: `is not a channel (${CHANNELS.join(', ')})` });

/** A value refused by a transform, with `message`. */
function refused(payload: z.core.ParsePayload, message: string): never {
  payload.issues.push({ code: 'custom', message, input: payload.value });
  return z.NEVER;
}

/** An interval in days; null = "none". */
export const intervalSchema = z.pipe(
  z.string(),
  z.transform((s: string, payload) => {
    const days = parseInterval(s);
    return days === undefined ? refused(payload, 'is not an interval (try "2 weeks", "45 days", "monthly", "quarterly", "none")') : days;
  }),
);

/** A birthday: YYYY-MM-DD, or --MM-DD / MM-DD without the year. */
export const birthdaySchema = z.pipe(
  z.string(),
  z.transform((s: string, payload) => {
    const t = s.trim();
    if (isIsoDay(t)) return t;
    const m = /^-{0,2}(\d{2})-(\d{2})$/.exec(t);
    if (m && isIsoDay(`2000-${m[1]}-${m[2]}`)) return `--${m[1]}-${m[2]}`;
    return refused(payload, 'is not a birthday (1985-04-12, or --04-12 without the year)');
  }),
);

/** Parses a value with a schema; a failure is a usage error naming the field and the value. */
export function check<T extends z.ZodMiniType>(schema: T, value: unknown, field: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw valueError(field, value, result.error.issues[0]?.message ?? 'is not valid');
}

/**
 * The items of list values (tags, interests): commas and semicolons both
 * separate them, on the command line and in every import, since net's CSV
 * joins a list with "; " and reads it back so. An item never holds either.
 */
export function listItems(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(/[,;]/)).map((item) => item.trim()).filter((item) => item !== '');
}

/** "a, b", "a; b" and repeated flags -> ["a", "b"], trimmed, empty ones and duplicates dropped. */
export function splitList(values: readonly string[] | undefined, field: string): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    for (const part of value.split(/[,;]/)) {
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
