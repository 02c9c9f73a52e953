// net outreach step: move a person along the pipeline, logging the
// conversation that the move stands for.
import * as z from 'zod/mini';
import { stepOutreach } from '../../app/outreach-step.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { isEnding, STAGES, STEP_DIRECTION, type Stage } from '../../core/outreach.js';
import { effectiveCadence } from '../../core/settings.js';
import { check, circleSchema, textSchema } from '../../core/validate.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { readChannel, readNextDay, readStepDate, writeOutreachJson } from '../outreach-input.js';

interface StepOptions {
  note?: string;
  date?: string;
  next?: string;
  channel?: string;
  circle?: string;
  json?: boolean;
}

const stageSchema = z.enum(STAGES, { error: `is not a stage (${STAGES.join(', ')})` });

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
  const circle = options.circle === undefined ? undefined : check(circleSchema, options.circle.trim().toLowerCase(), '--circle');
  if (options.next !== undefined && isEnding(stage)) throw new UsageError(`--next: ${stage} ends the outreach, there is no next step`);
  if (channelOption !== undefined && STEP_DIRECTION[stage] === undefined) {
    throw new UsageError(`--channel: ${stage} logs no conversation`, '--channel goes with contacted, replied or met');
  }
  const when = await readStepDate(ctx, options.date);
  const nextOption = await readNextDay(ctx, options.next);
  const store = await ctx.database({ create: false });
  const result = await stepOutreach(store, ctx, ref, { stage, note, when, next: nextOption, channel: channelOption, circle });

  if (options.json) {
    await writeOutreachJson(ctx, store.db, result.contact.id);
    return;
  }
  const name = result.contact.name;
  const lines: string[] = [];
  if (stage === 'connected') {
    const cadence = effectiveCadence(await loadSettings(store.db), result.circle, result.cadenceOverride);
    const rhythm = cadence === null ? 'no rhythm' : `every ${formatInterval(cadence)}`;
    lines.push(`${name} is connected: the outreach has ended, and they are now in your ${result.circle} circle (${rhythm}).`);
  } else if (isEnding(stage)) {
    lines.push(`The outreach with ${name} is ${stage} (from ${result.from}).`);
  } else {
    const logged = result.channel ? ` Logged ${result.channel} (${result.direction === 'in' ? 'they wrote' : result.direction === 'out' ? 'you wrote' : 'together'}) on ${when.day}.` : '';
    lines.push(`Moved ${name} from ${result.from} to ${stage}.${logged}`);
    if (result.nextOn) lines.push(`  Next step ${result.nextOn === ctx.today ? 'today' : `on ${result.nextOn}`}: ${NEXT_HINT[stage]?.(`"${name}"`) ?? 'see `net outreach next`'}.`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
