// net outreach step: move a person along the pipeline, logging the
// conversation that the move stands for.
import { z } from 'zod';
import { ConflictError, UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import {
  checkMove,
  CONNECTED_CIRCLE,
  earliestNudge,
  isEnding,
  nextStepAfter,
  STAGES,
  STEP_DIRECTION,
  type Stage,
} from '../../core/outreach.js';
import { effectiveCadence } from '../../core/settings.js';
import { check, circleSchema, textSchema } from '../../core/validate.js';
import { getStoredContact, updateContact } from '../../db/contacts.js';
import { insertInteraction } from '../../db/interactions.js';
import { insertOutreachEvent, lastMoveDay, updateOutreach, type OutreachChange } from '../../db/outreach.js';
import { resolveContact } from '../../db/resolve.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { openOutreachOf, readChannel, readNextDay, readStepDate, writeOutreachJson } from '../outreach-input.js';

interface StepOptions {
  note?: string;
  date?: string;
  next?: string;
  channel?: string;
  circle?: string;
  json?: boolean;
}

const stageSchema = z.enum(STAGES, { error: `is not a stage (${STAGES.join(', ')})` });

/** The note on an interaction when none was given, so the timeline says what it was. */
const DEFAULT_NOTE: Partial<Record<Stage, string>> = {
  contacted: 'first message (outreach)',
  replied: 'they replied (outreach)',
  met: 'first meeting (outreach)',
};

const NEXT_HINT: Partial<Record<Stage, (who: string) => string>> = {
  contacted: (who) => `a nudge if they have not replied (net outreach nudge ${who})`,
  replied: (who) => `answer, and propose a call or a coffee (then net outreach step ${who} met)`,
  met: (who) => `a second touch, then net outreach step ${who} connected`,
};

export default async function outreachStep(ctx: Context, ref: string, stageArg: string, options: StepOptions): Promise<void> {
  const stage = check(stageSchema, stageArg.trim().toLowerCase(), 'STAGE');
  const note = options.note === undefined || options.note.trim() === '' ? null : check(textSchema, options.note, '--note');
  const channelOption = readChannel(options.channel);
  if (options.circle !== undefined && stage !== 'connected') {
    throw new UsageError('--circle goes with connected', `e.g. net outreach step "${ref}" connected --circle active`);
  }
  const circle = options.circle === undefined ? CONNECTED_CIRCLE : check(circleSchema, options.circle.trim().toLowerCase(), '--circle');
  if (options.next !== undefined && isEnding(stage)) throw new UsageError(`--next: ${stage} ends the outreach, there is no next step`);
  if (channelOption !== undefined && STEP_DIRECTION[stage] === undefined) {
    throw new UsageError(`--channel: ${stage} logs no conversation`, '--channel goes with contacted, replied or met');
  }
  const when = await readStepDate(ctx, options.date);
  const nextOption = await readNextDay(ctx, options.next);
  const at = ctx.now.toISOString();

  const { db } = await ctx.database({ create: false });
  const result = await db.transaction().execute(async (trx) => {
    const contact = await resolveContact(trx, ref);
    const outreach = await openOutreachOf(trx, contact, `move NAME to ${stage}`);
    const from = outreach.stage as Stage;
    const move = checkMove(from, stage);
    if (!move.ok) throw new ConflictError(`cannot move ${contact.name} from ${from} to ${stage}: ${move.reason}`, move.hint);
    const last = await lastMoveDay(trx, outreach.id);
    if (last !== null && when.day < last) {
      throw new ConflictError(`--date: ${when.day} is before the last step of this outreach (${last})`, 'steps are recorded in the order they happened');
    }

    let nextOn = nextOption ?? nextStepAfter(stage, when.day);
    if (stage === 'contacted' && nextOption !== undefined && nextOption < earliestNudge(when.day)) {
      throw new UsageError(
        `--next: ${nextOption} is too soon after the first message: give them a week, until ${earliestNudge(when.day)}`,
        'respect their time: no nudge within 7 days',
      );
    }
    if (isEnding(stage)) nextOn = null;

    let interactionId: number | null = null;
    let channel: string | null = null;
    const direction = STEP_DIRECTION[stage];
    if (direction) {
      channel = channelOption ?? outreach.channel;
      if (channel === null) {
        throw new UsageError(`--channel: no channel is chosen for ${contact.name}'s outreach`, `say which one, e.g. net outreach step "${contact.name}" ${stage} --channel email`);
      }
      interactionId = await insertInteraction(
        trx,
        { occurred_at: when.instant.toISOString(), occurred_on: when.day, channel, direction, note: note ?? DEFAULT_NOTE[stage] ?? null },
        [contact.id],
        at,
      );
    }

    const change: OutreachChange = { stage, next_on: nextOn };
    if (isEnding(stage)) change.ended_on = when.day;
    // The channel of the first message is the channel of the outreach from then on.
    if (stage === 'contacted' && channelOption !== undefined) change.channel = channelOption;
    await updateOutreach(trx, outreach.id, change, at);
    await insertOutreachEvent(
      trx,
      { outreach_id: outreach.id, kind: 'step', from_stage: from, to_stage: stage, occurred_on: when.day, note, interaction_id: interactionId },
      at,
    );

    const stored = await getStoredContact(trx, contact.id);
    if (stage === 'met' && stored && stored.met_on === null) await updateContact(trx, contact.id, { met_on: when.day }, at);
    if (stage === 'connected') await updateContact(trx, contact.id, { circle }, at);
    return { contact, from, channel, direction, nextOn, cadenceOverride: stored?.cadence_days ?? null };
  });

  if (options.json) {
    await writeOutreachJson(ctx, db, result.contact.id);
    return;
  }
  const name = result.contact.name;
  const lines: string[] = [];
  if (stage === 'connected') {
    const cadence = effectiveCadence(await loadSettings(db), circle, result.cadenceOverride);
    const rhythm = cadence === null ? 'no rhythm' : `every ${formatInterval(cadence)}`;
    lines.push(`${name} is connected: the outreach has ended, and they are now in your ${circle} circle (${rhythm}).`);
  } else if (isEnding(stage)) {
    lines.push(`The outreach with ${name} is ${stage} (from ${result.from}).`);
  } else {
    const logged = result.channel ? ` Logged ${result.channel} (${result.direction === 'in' ? 'they wrote' : result.direction === 'out' ? 'you wrote' : 'together'}) on ${when.day}.` : '';
    lines.push(`Moved ${name} from ${result.from} to ${stage}.${logged}`);
    if (result.nextOn) lines.push(`  Next step ${result.nextOn === ctx.today ? 'today' : `on ${result.nextOn}`}: ${NEXT_HINT[stage]?.(`"${name}"`) ?? 'see `net outreach next`'}.`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
