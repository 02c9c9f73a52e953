// net outreach nudge: a gentle reminder to someone who has not replied, at
// most twice and a week apart.
import { ConflictError, UsageError } from '../../core/errors.js';
import { checkNudge, earliestNudge, MAX_NUDGES, NUDGE_SPACING_DAYS } from '../../core/outreach.js';
import { check, textSchema } from '../../core/validate.js';
import { insertInteraction } from '../../db/interactions.js';
import { insertOutreachEvent, lastMoveDay, lastMessageDay, updateOutreach } from '../../db/outreach.js';
import { resolveContact } from '../../db/resolve.js';
import type { Context } from '../context.js';
import { openOutreachOf, readChannel, readNextDay, readStepDate, writeOutreachJson } from '../outreach-input.js';

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
  const at = ctx.now.toISOString();

  const { db } = await ctx.database({ create: false });
  const result = await db.transaction().execute(async (trx) => {
    const contact = await resolveContact(trx, ref);
    const outreach = await openOutreachOf(trx, contact, 'nudge NAME');
    const lastMessageOn = await lastMessageDay(trx, outreach);
    const allowed = checkNudge({ stage: outreach.stage, nudges: outreach.nudges, lastMessageOn }, when.day);
    // --force records a nudge that was sent anyway; it cannot make a nudge of a stage that waits for none.
    if (!allowed.ok && (allowed.rule === 'stage' || !options.force)) {
      throw new ConflictError(`no nudge for ${contact.name}: ${allowed.reason}`, allowed.hint.replace('NAME', `"${contact.name}"`));
    }
    const last = await lastMoveDay(trx, outreach.id);
    if (last !== null && when.day < last) {
      throw new ConflictError(`--date: ${when.day} is before the last step of this outreach (${last})`, 'steps are recorded in the order they happened');
    }
    const channel = channelOption ?? outreach.channel;
    if (channel === null) throw new UsageError(`--channel: no channel is chosen for ${contact.name}'s outreach`, 'say which one, e.g. --channel email');
    const interactionId = await insertInteraction(
      trx,
      { occurred_at: when.instant.toISOString(), occurred_on: when.day, channel, direction: 'out', note: note ?? 'nudge (outreach)' },
      [contact.id],
      at,
    );
    const nudges = outreach.nudges + 1;
    const nextOn = nextOption ?? earliestNudge(when.day);
    await updateOutreach(trx, outreach.id, { nudges, last_nudge_on: when.day, next_on: nextOn }, at);
    await insertOutreachEvent(
      trx,
      { outreach_id: outreach.id, kind: 'nudge', from_stage: outreach.stage, to_stage: outreach.stage, occurred_on: when.day, note, interaction_id: interactionId },
      at,
    );
    return { contact, nudges, nextOn, channel };
  });

  if (options.json) {
    await writeOutreachJson(ctx, db, result.contact.id);
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
