// net outreach ask | next-on: where an outreach stands and when to act next,
// without moving its stage.
import { askIntroduction, rescheduleOutreach } from '../../app/outreach-plan.js';
import { UsageError } from '../../core/errors.js';
import { check, textSchema } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readDate } from '../dates.js';
import { readNextDay, readStepDate, writeOutreachJson } from '../outreach-input.js';

interface AskOptions {
  via?: string;
  date?: string;
  next?: string;
  note?: string;
  json?: boolean;
}

export async function ask(ctx: Context, ref: string, options: AskOptions): Promise<void> {
  const note = options.note === undefined || options.note.trim() === '' ? null : check(textSchema, options.note, '--note');
  const when = await readStepDate(ctx, options.date);
  const next = await readNextDay(ctx, options.next);
  const store = await ctx.database({ create: false });
  const { contact, via, nextOn } = await askIntroduction(store, ctx, ref, { day: when.day, next, via: options.via, note });
  if (options.json) {
    await writeOutreachJson(ctx, store.db, contact.id);
    return;
  }
  ctx.io.write(
    `Asked ${via.name} to introduce you to ${contact.name} on ${when.day}.\n` +
      `  Next step on ${nextOn}: if no introduction has come, ask again or write yourself mentioning them (net outreach draft ${JSON.stringify(contact.name)}).\n`,
  );
}

export async function nextOn(ctx: Context, ref: string, dateText: string, options: { json?: boolean }): Promise<void> {
  const { day } = await readDate(ctx, dateText, { field: 'DATE', direction: 'future' });
  if (day < ctx.today) throw new UsageError(`DATE: "${dateText}" is in the past (${day})`, 'the next step is planned from today on');
  const store = await ctx.database({ create: false });
  const { contact, stage, from } = await rescheduleOutreach(store, ctx, ref, day);
  if (options.json) {
    await writeOutreachJson(ctx, store.db, contact.id);
    return;
  }
  ctx.io.write(`Next step with ${contact.name} on ${day}${from === null ? '' : ` (was ${from})`}; still at ${stage}.\n`);
}
