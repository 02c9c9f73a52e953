// net favour add | list | rm: favours given and received, each with one person.
import { addFavour, removeFavour } from '../../app/favours.js';
import { UsageError } from '../../core/errors.js';
import { check, lineSchema } from '../../core/validate.js';
import { readId } from '../../core/counts.js';
import { FAVOUR_KEYS, listFavours } from '../../db/followups.js';
import { resolveContact } from '../../db/resolve.js';
import type { Context } from '../context.js';
import { pickFormat, toJson, writeMachine, writeTable, type FormatOptions } from '../render.js';
import { readDate } from '../dates.js';
import { nameLabelsOf } from '../labels.js';

interface AddOptions {
  gave?: string;
  got?: string;
  date?: string;
  json?: boolean;
}

export async function add(ctx: Context, ref: string, options: AddOptions): Promise<void> {
  if ((options.gave === undefined) === (options.got === undefined)) {
    throw new UsageError('say --gave TEXT or --got TEXT (one of them)', 'e.g. net favour add anna --gave "intro to Sara"');
  }
  const direction = options.gave !== undefined ? 'given' : 'received';
  const text = check(lineSchema, options.gave ?? options.got ?? '', direction === 'given' ? '--gave' : '--got');
  if (text === '') throw new UsageError(`${direction === 'given' ? '--gave' : '--got'}: the favour is empty`);
  let day = ctx.today;
  if (options.date !== undefined) {
    day = (await readDate(ctx, options.date, { field: '--date', direction: 'past' })).day;
    if (day > ctx.today) throw new UsageError(`--date: "${options.date}" is in the future (${day})`);
  }
  const entry = await addFavour(await ctx.database({ create: false }), ctx, ref, { direction, text, day });
  if (options.json) {
    ctx.writeExact(toJson(entry));
    return;
  }
  ctx.io.write(`Favour #${entry.id} ${direction === 'given' ? 'given to' : 'received from'} ${entry.name} on ${entry.occurred_on}: ${entry.text}.\n`);
}

interface ListOptions extends FormatOptions {
  contact?: string;
}

export async function list(ctx: Context, options: ListOptions): Promise<void> {
  const format = pickFormat(options);
  const store = await ctx.existingDatabase();
  const contactId = store && options.contact !== undefined ? (await resolveContact(store.db, options.contact)).id : undefined;
  const entries = store ? await listFavours(store.db, { contactId }) : [];
  if (format !== 'human') {
    await writeMachine(ctx, format, entries, FAVOUR_KEYS, options);
    return;
  }
  if (entries.length === 0) {
    ctx.io.error('No favours yet. Record one with `net favour add NAME --gave "intro to Sara"` or `net log … --gave …`.\n');
    return;
  }
  const label = await nameLabelsOf(ctx);
  await writeTable(
    ctx,
    [{ header: 'ID', align: 'right' as const }, { header: 'Date' }, { header: 'Who', max: 24, keep: true }, { header: '' }, { header: 'Favour', flex: true }],
    entries.map((e) => [e.id, e.occurred_on, label(e.contact_id, e.name), e.direction === 'given' ? 'gave' : 'got', e.text]),
  );
}

export async function rm(ctx: Context, idArg: string): Promise<void> {
  const id = readId(idArg);
  const entry = await removeFavour(await ctx.database({ create: false }), ctx, id);
  ctx.io.write(`Deleted favour #${entry.id} (${entry.text}, ${entry.name}). \`net undo\` brings it back.\n`);
}
