// net log: what happened, with whom, when, and what was promised or given.
import { joinNames, logTouch } from '../../app/log-touch.js';
import { addDays } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { parseDate } from '../../core/natural-dates.js';
import { channelSchema, check, lineSchema, textSchema } from '../../core/validate.js';
import { defaultDirection, type Direction } from '../../core/vocabulary.js';
import { listHistory } from '../../db/interactions.js';
import type { Context } from '../context.js';
import { longText } from '../long-text.js';
import { toJson } from '../render.js';

interface LogOptions {
  note?: string;
  edit?: boolean;
  date: string;
  via: string;
  in?: boolean;
  out?: boolean;
  gave?: string[];
  got?: string[];
  followUp?: string;
  by?: string;
  json?: boolean;
}

function favourTexts(values: readonly string[] | undefined, field: string): string[] {
  return (values ?? []).map((v) => check(lineSchema, v, field)).filter((v) => v !== '');
}

export default async function log(ctx: Context, refs: string[], options: LogOptions): Promise<void> {
  const channel = check(channelSchema, options.via.trim().toLowerCase(), '--via');
  if (options.in && options.out) throw new UsageError('--in and --out cannot be used together', 'choose who reached out');
  const direction: Direction = options.in ? 'in' : options.out ? 'out' : defaultDirection(channel);
  const text = await longText(ctx, { text: options.note, edit: options.edit, field: '--note', purpose: `What happened with ${refs.join(', ')}?` });
  const note = text === undefined || text === '' ? null : check(textSchema, text, '--note');
  const when = parseDate(options.date, ctx.now, { field: '--date', direction: 'past' });
  if (when.day > ctx.today) {
    throw new UsageError(`--date: "${options.date}" is in the future (${when.day})`, 'log what has happened; plan what will with `net followup add`');
  }
  // A time later today is taken as now: nothing is logged ahead of the clock.
  const instant = when.instant > ctx.now ? ctx.now : when.instant;
  const gave = favourTexts(options.gave, '--gave');
  const got = favourTexts(options.got, '--got');
  if (options.by !== undefined && options.followUp === undefined) {
    throw new UsageError('--by needs --follow-up', 'e.g. --follow-up "send the deck" --by friday');
  }
  const followUp = options.followUp === undefined ? undefined : check(lineSchema, options.followUp, '--follow-up');
  if (followUp === '') throw new UsageError('--follow-up: the promise is empty');
  let dueOn: string | undefined;
  if (followUp !== undefined) {
    dueOn = options.by === undefined ? addDays(when.day, 7) : parseDate(options.by, ctx.now, { field: '--by', direction: 'future' }).day;
  }

  const store = await ctx.database({ create: false });
  const { people, interactionId } = await logTouch(store, ctx, refs, {
    channel,
    direction,
    instant,
    note,
    gave,
    got,
    followUp: followUp !== undefined && dueOn !== undefined ? { text: followUp, dueOn } : undefined,
  });

  if (options.json) {
    const [entry] = await listHistory(store.db, { interactionId });
    ctx.io.write(toJson(entry));
    return;
  }
  const names = joinNames(people.map((p) => p.name));
  const arrow = direction === 'in' ? ' (they reached out)' : '';
  const lines = [`Logged ${channel} with ${names} on ${when.day}${arrow}.`];
  if (gave.length) lines.push(`  gave: ${gave.join('; ')}`);
  if (got.length) lines.push(`  got: ${got.join('; ')}`);
  if (followUp !== undefined) lines.push(`  follow-up for ${people[0].name}: ${followUp} (by ${dueOn})`);
  ctx.io.write(`${lines.join('\n')}\n`);
}
