// net log: what happened, with whom, when, and what was promised or given.
import { joinNames, logTouch, unownedIn, type TypedTouch } from '../../app/log-touch.js';
import type { Store } from '../../app/store.js';
import { assignOwner } from '../../core/participants.js';
import { resolveContacts } from '../../db/resolve.js';
import { addDays } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { channelSchema, check, lineSchema, textSchema } from '../../core/validate.js';
import { defaultDirection, type Direction } from '../../core/vocabulary.js';
import { listHistory } from '../../db/interactions.js';
import type { Context } from '../context.js';
import { longText } from '../long-text.js';
import { colourPrompts } from '../prompt-colours.js';
import { toJson } from '../render.js';
import { readDate } from '../dates.js';

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
  /** --share-note / --no-share-note; absent: the team.share_notes setting. */
  shareNote?: boolean;
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
  const when = await readDate(ctx, options.date, { field: '--date', direction: 'past' });
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
    dueOn = options.by === undefined ? addDays(when.day, 7) : (await readDate(ctx, options.by, { field: '--by', direction: 'future' })).day;
  }

  const store = await ctx.database({ create: false });
  const typed: TypedTouch = {
    channel,
    direction,
    instant,
    note,
    noteShared: options.shareNote,
    gave,
    got,
    followUp: followUp !== undefined && dueOn !== undefined ? { text: followUp, dueOn } : undefined,
  };
  // In a group, a favour or promise that names nobody: asked on a terminal (off one, logTouch refuses it).
  if (refs.length > 1 && ctx.interactive && (gave.length > 0 || got.length > 0 || followUp !== undefined)) {
    colourPrompts(ctx);
    await askOwners(store, refs, typed);
  }
  const { people, interactionId, favours, followUp: promise, outreach } = await logTouch(store, ctx, refs, typed);

  if (options.json) {
    const [entry] = await listHistory(store.db, { interactionId });
    ctx.writeExact(toJson(entry));
    return;
  }
  const names = joinNames(people.map((p) => p.name));
  const arrow = direction === 'in' ? ' (they reached out)' : '';
  const lines = [`Logged ${channel} with ${names} on ${when.day}${arrow}.`];
  // With one person, theirs; in a group, each favour says whose it is.
  const group = people.length > 1;
  for (const f of favours) {
    const how = f.direction === 'given' ? (group ? `gave ${f.name}` : 'gave') : group ? `got from ${f.name}` : 'got';
    lines.push(`  ${how}: ${f.text}`);
  }
  if (promise !== undefined) lines.push(`  follow-up for ${promise.name}: ${promise.text} (by ${promise.dueOn})`);
  for (const move of outreach) {
    const next = move.nextOn === null ? '' : `; next step on ${move.nextOn}`;
    const what =
      move.kind === 'step'
        ? `moved ${move.contact.name} from ${move.from} to ${move.to}`
        : move.kind === 'nudge'
          ? `a nudge to ${move.contact.name} (still ${move.from})`
          : `your answer to ${move.contact.name} (still ${move.from})`;
    lines.push(`  outreach: ${what}${next}`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}

/**
 * Asks whose each unnamed favour or promise of a group log is, and writes the
 * answer into it as "#id: text", the form logTouch reads.
 */
async function askOwners(store: Store, refs: readonly string[], typed: TypedTouch): Promise<void> {
  const people = await resolveContacts(store.db, refs);
  if (people.length < 2 || unownedIn(typed, people).length === 0) return;
  const { default: select } = await import('@inquirer/select');
  const choices = people.map((p) => ({ value: p.id, name: p.name }));
  const ask = async (option: string, text: string, verb: string): Promise<string> => {
    const { person } = assignOwner(text, people);
    if (person !== null) return text;
    const id = await select({ message: `${verb} "${text}" (${option})`, choices });
    return `#${id}: ${text}`;
  };
  // One question at a time, in the order typed.
  const gave: string[] = [];
  for (const text of typed.gave ?? []) gave.push(await ask('--gave', text, 'Who did you give'));
  typed.gave = gave;
  const got: string[] = [];
  for (const text of typed.got ?? []) got.push(await ask('--got', text, 'Who gave you'));
  typed.got = got;
  if (typed.followUp) typed.followUp = { ...typed.followUp, text: await ask('--follow-up', typed.followUp.text, 'Who did you promise') };
}
