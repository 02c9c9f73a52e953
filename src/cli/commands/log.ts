// net log: what happened, with whom, when, and what was promised or given.
import { addDays, localDay } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { parseDate } from '../../core/natural-dates.js';
import { channelSchema, check, lineSchema, textSchema } from '../../core/validate.js';
import { defaultDirection, type Direction } from '../../core/vocabulary.js';
import { insertFavour, insertFollowup, insertInteraction, listHistory } from '../../db/interactions.js';
import { resolveContacts } from '../../db/resolve.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';

interface LogOptions {
  note?: string;
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

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export default async function log(ctx: Context, refs: string[], options: LogOptions): Promise<void> {
  const channel = check(channelSchema, options.via.trim().toLowerCase(), '--via');
  if (options.in && options.out) throw new UsageError('--in and --out cannot be used together', 'choose who reached out');
  const direction: Direction = options.in ? 'in' : options.out ? 'out' : defaultDirection(channel);
  const note = options.note === undefined || options.note === '' ? null : check(textSchema, options.note, '--note');
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

  const at = ctx.now.toISOString();
  const { db } = await ctx.database({ create: false });
  const { people, interactionId } = await db.transaction().execute(async (trx) => {
    const people = await resolveContacts(trx, refs);
    const interactionId = await insertInteraction(
      trx,
      { occurred_at: instant.toISOString(), occurred_on: localDay(instant), channel, direction, note },
      people.map((p) => p.id),
      at,
    );
    for (const person of people) {
      for (const text of gave) await insertFavour(trx, { contact_id: person.id, interaction_id: interactionId, direction: 'given', text, occurred_on: when.day }, at);
      for (const text of got) await insertFavour(trx, { contact_id: person.id, interaction_id: interactionId, direction: 'received', text, occurred_on: when.day }, at);
    }
    if (followUp !== undefined && dueOn !== undefined) {
      // A promise is owed to one person: the first one named.
      await insertFollowup(trx, { contact_id: people[0].id, interaction_id: interactionId, text: followUp, due_on: dueOn }, at);
    }
    return { people, interactionId };
  });

  if (options.json) {
    const [entry] = await listHistory(db, { interactionId });
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
