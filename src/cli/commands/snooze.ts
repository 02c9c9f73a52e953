// net snooze: no rhythm, new-contact or birthday reminders for a person until
// a day; replies owed and follow-ups still show.
import { addDays } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { check, intervalSchema } from '../../core/validate.js';
import { snoozeContact } from '../../app/snooze-contact.js';
import type { Context } from '../context.js';
import { readDate } from '../dates.js';

interface SnoozeOptions {
  until?: string;
  for?: string;
  clear?: boolean;
}

/** The day reminders come back: the day after the last snoozed one. */
async function snoozeEnd(ctx: Context, options: SnoozeOptions): Promise<string> {
  if (options.until !== undefined) {
    const day = (await readDate(ctx, options.until, { field: '--until', direction: 'future' })).day;
    if (day <= ctx.today) throw new UsageError(`--until: "${options.until}" (${day}) is not after today`, 'e.g. --until friday, --until 2026-05-01');
    return day;
  }
  const days = check(intervalSchema, options.for ?? '', '--for');
  if (days === null) throw new UsageError(`--for: "${options.for}" is not a length of time`, 'e.g. --for "2 weeks"; to archive someone use `net archive`');
  return addDays(ctx.today, days);
}

export default async function snooze(ctx: Context, ref: string, options: SnoozeOptions): Promise<void> {
  const given = [options.until !== undefined, options.for !== undefined, options.clear === true].filter(Boolean).length;
  if (given !== 1) {
    throw new UsageError(
      given === 0 ? 'say how long: --until DATE, --for INTERVAL, or --clear' : '--until, --for and --clear cannot be used together',
      'e.g. net snooze anna --for "2 weeks"',
    );
  }
  const until = options.clear ? null : await snoozeEnd(ctx, options);
  const result = await snoozeContact(await ctx.database({ create: false }), ctx, ref, until);
  const who = `${result.name} (#${result.id})`;
  const message =
    until === null
      ? result.wasSnoozed
        ? `${who} is back in your reminders.`
        : `${who} was not snoozed.`
      : `Snoozed ${who} until ${until}: no rhythm, new-contact or birthday reminders before then. Replies and follow-ups still show.`;
  ctx.io.write(`${message}\n`);
}
