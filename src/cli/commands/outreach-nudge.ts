// net outreach nudge: a gentle reminder to someone who has not replied, at
// most twice and a week apart.
import { nudgeOutreach } from '../../app/outreach-step.js';
import { UsageError } from '../../core/errors.js';
import { earliestNudge, MAX_NUDGES, NUDGE_SPACING_DAYS } from '../../core/outreach.js';
import { check, textSchema } from '../../core/validate.js';
import type { Context } from '../context.js';
import { readChannel, readNextDay, readStepDate, writeOutreachJson } from '../outreach-input.js';

interface NudgeOptions {
  note?: string;
  date?: string;
  next?: string;
  channel?: string;
  force?: boolean;
  json?: boolean;
}

export default async function outreachNudge(ctx: Context, ref: string, options: NudgeOptions): Promise<void> {
  const note = options.note === undefined || options.note.trim() === '' ? null : check(textSchema, options.note, '--note');
  const channelOption = readChannel(options.channel);
  const when = await readStepDate(ctx, options.date);
  const nextOption = await readNextDay(ctx, options.next);
  if (nextOption !== undefined && nextOption < earliestNudge(when.day)) {
    throw new UsageError(
      `--next: ${nextOption} is too soon after this nudge: give them a week, until ${earliestNudge(when.day)}`,
      `respect their time: no nudge within ${NUDGE_SPACING_DAYS} days`,
    );
  }
  const store = await ctx.database({ create: false });
  const result = await nudgeOutreach(store, ctx, ref, { note, when, next: nextOption, channel: channelOption, force: options.force });

  if (options.json) {
    await writeOutreachJson(ctx, store.db, result.contact.id);
    return;
  }
  const name = result.contact.name;
  const lines = [`Recorded nudge ${result.nudges} of ${MAX_NUDGES} to ${name} (${result.channel}, ${when.day}).`];
  lines.push(
    result.nudges >= MAX_NUDGES
      ? `  If there is no reply by ${result.nextOn}, let it rest: \`net outreach next\` will suggest parking.`
      : `  Next look on ${result.nextOn}.`,
  );
  ctx.io.write(`${lines.join('\n')}\n`);
}
