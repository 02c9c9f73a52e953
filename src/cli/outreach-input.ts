// What the outreach commands share: reading their dates and channel, finding
// the outreach a command acts on, and the JSON shape of one outreach.
import type { Kysely } from 'kysely';
import { UsageError } from '../core/errors.js';
import { channelSchema, check } from '../core/validate.js';
import { listOutreach, OUTREACH_KEYS, type OutreachEntry } from '../db/outreach.js';
import type { Database } from '../db/schema.js';
import type { Context } from './context.js';
import { toJson } from './render.js';
import { readDate } from './dates.js';

/** When a step happened: --date (never in the future), else now. */
export async function readStepDate(ctx: Context, text: string | undefined): Promise<{ day: string; instant: Date }> {
  if (text === undefined) return { day: ctx.today, instant: ctx.now };
  const when = await readDate(ctx, text, { field: '--date', direction: 'past' });
  if (when.day > ctx.today) {
    throw new UsageError(`--date: "${text}" is in the future (${when.day})`, 'record what has happened; plan the next step with --next');
  }
  // A time later today is taken as now: nothing is recorded ahead of the clock.
  return { day: when.day, instant: when.instant > ctx.now ? ctx.now : when.instant };
}

/** When the next step comes: --next, a day from today on. */
export async function readNextDay(ctx: Context, text: string | undefined): Promise<string | undefined> {
  if (text === undefined) return undefined;
  const day = (await readDate(ctx, text, { field: '--next', direction: 'future' })).day;
  if (day < ctx.today) throw new UsageError(`--next: "${text}" is in the past (${day})`, 'the next step is planned from today on');
  return day;
}

export function readChannel(text: string | undefined): string | undefined {
  return text === undefined ? undefined : check(channelSchema, text.trim().toLowerCase(), '--channel');
}

/** One outreach in the shape of `outreach list --json` (contract keys). */
export function outreachRecord(entry: OutreachEntry): Record<(typeof OUTREACH_KEYS)[number], unknown> {
  return Object.fromEntries(OUTREACH_KEYS.map((k) => [k, entry[k] ?? null])) as Record<(typeof OUTREACH_KEYS)[number], unknown>;
}

export async function writeOutreachJson(ctx: Context, db: Kysely<Database>, contactId: number): Promise<void> {
  const [entry] = await listOutreach(db, { contactId });
  if (!entry) throw new Error(`the outreach of contact #${contactId} vanished`);
  ctx.writeExact(toJson(outreachRecord(entry)));
}
