// net history edit | rm: correct or delete an interaction logged by mistake.
import { editInteraction, removeInteraction, type InteractionChange } from '../../app/edit-interaction.js';
import { DeclinedError, UsageError } from '../../core/errors.js';
import { channelSchema, check, textSchema } from '../../core/validate.js';
import { readId } from '../../core/counts.js';
import type { Direction } from '../../core/vocabulary.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';
import { colourPrompts } from '../prompt-colours.js';
import { readDate } from '../dates.js';

interface EditOptions {
  date?: string;
  via?: string;
  in?: boolean;
  out?: boolean;
  mutual?: boolean;
  note?: string;
  add?: string[];
  remove?: string[];
  json?: boolean;
  /** --share-note / --no-share-note: whether the team sees the note. */
  shareNote?: boolean;
}

export async function edit(ctx: Context, idArg: string, options: EditOptions): Promise<void> {
  const id = readId(idArg);
  const flags = [options.in, options.out, options.mutual].filter(Boolean).length;
  if (flags > 1) throw new UsageError('--in, --out and --mutual cannot be used together', 'choose who reached out');
  const direction: Direction | undefined = options.in ? 'in' : options.out ? 'out' : options.mutual ? 'mutual' : undefined;
  const change: InteractionChange = { direction, add: options.add ?? [], remove: options.remove ?? [] };
  if (options.via !== undefined) change.channel = check(channelSchema, options.via.trim().toLowerCase(), '--via');
  if (options.note !== undefined) change.note = options.note === '' ? null : check(textSchema, options.note, '--note');
  if (options.shareNote !== undefined) change.shareNote = options.shareNote;
  if (options.date !== undefined) {
    const when = await readDate(ctx, options.date, { field: '--date', direction: 'past' });
    if (when.day > ctx.today) throw new UsageError(`--date: "${options.date}" is in the future (${when.day})`);
    change.instant = when.instant;
  }
  const entry = await editInteraction(await ctx.database({ create: false }), ctx, id, change);
  if (options.json) {
    ctx.writeExact(toJson(entry));
    return;
  }
  ctx.io.write(`Corrected #${entry.id}: ${entry.via} with ${entry.contacts.join(', ')} on ${entry.date}.\n`);
}

export async function rm(ctx: Context, idArg: string, options: { yes?: boolean }): Promise<void> {
  const id = readId(idArg);
  if (!options.yes) {
    if (!ctx.interactive) throw new UsageError(`deleting interaction #${id} needs --yes without a terminal`, `net history rm ${id} --yes`);
    colourPrompts(ctx);
    const { default: confirm } = await import('@inquirer/confirm');
    if (!(await confirm({ message: `Delete interaction #${id}? \`net undo\` can bring it back.`, default: false }))) throw new DeclinedError('the interaction was not deleted');
  }
  const entry = await removeInteraction(await ctx.database({ create: false }), ctx, id);
  ctx.io.write(`Deleted #${entry.id}: ${entry.via} with ${entry.contacts.join(', ')} on ${entry.date}. \`net undo\` brings it back.\n`);
}
