// net followup add | list | edit | done | drop: the promises made in conversations.
import { addFollowup, closeFollowups, editFollowup } from '../../app/followups.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { check, lineSchema } from '../../core/validate.js';
import { readId } from '../../core/counts.js';
import { FOLLOWUP_KEYS, listFollowups, type FollowupEntry } from '../../db/followups.js';
import type { Context } from '../context.js';
import { pickFormat, toJson, writeMachine, writeTable, type FormatOptions, type TableColumn } from '../render.js';
import { readDate } from '../dates.js';
import { nameLabelsOf } from '../labels.js';

/** A follow-up is due a week later unless --by says when. */
export const DEFAULT_FOLLOWUP_DAYS = 7;

interface AddOptions {
  by?: string;
  theirs?: boolean;
  json?: boolean;
}

export async function add(ctx: Context, ref: string, textArg: string, options: AddOptions): Promise<void> {
  const text = check(lineSchema, textArg, 'TEXT');
  if (text === '') throw new UsageError('TEXT: the promise is empty', 'e.g. net followup add anna "send the deck" --by friday');
  let dueOn = addDays(ctx.today, DEFAULT_FOLLOWUP_DAYS);
  if (options.by !== undefined) {
    dueOn = (await readDate(ctx, options.by, { field: '--by', direction: 'future' })).day;
  }
  const entry = await addFollowup(await ctx.database({ create: false }), ctx, ref, text, dueOn, { theirs: options.theirs });
  if (options.json) {
    ctx.writeExact(toJson(entry));
    return;
  }
  ctx.io.write(
    entry.theirs
      ? `Follow-up #${entry.id}, promised by ${entry.name}: ${text} (by ${dueOn}).\n`
      : `Follow-up #${entry.id} for ${entry.name}: ${text} (by ${dueOn}).\n`,
  );
}

interface ListOptions extends FormatOptions {
  all?: boolean;
}

function dueText(entry: FollowupEntry, today: string): string {
  if (entry.done_on !== null || entry.dropped_on !== null) return entry.due_on;
  const days = daysBetween(today, entry.due_on);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : days > 1 ? `in ${days} days` : days === -1 ? '1 day late' : `${-days} days late`;
  return `${entry.due_on} (${when})`;
}

export async function list(ctx: Context, options: ListOptions): Promise<void> {
  const format = pickFormat(options);
  const opened = await ctx.existingDatabase();
  const entries = opened ? await listFollowups(opened.db, { all: options.all }) : [];
  if (format !== 'human') {
    await writeMachine(ctx, format, entries, FOLLOWUP_KEYS, options);
    return;
  }
  if (entries.length === 0) {
    ctx.io.error(
      options.all
        ? 'No follow-ups yet. Add one with `net followup add NAME "send the deck" --by friday`.\n'
        : 'No open follow-ups: every promise is kept. `--all` shows the kept ones too.\n',
    );
    return;
  }
  const label = await nameLabelsOf(ctx);
  const chalk = await ctx.chalk();
  // Late in red, today in yellow, as in net due.
  const late = (row: number): number => {
    const e = entries[row];
    return e.done_on !== null || e.dropped_on !== null ? -1 : daysBetween(e.due_on, ctx.today);
  };
  // Whose promise: yours to keep (mine), or theirs to keep (`followup add --theirs`).
  const columns: TableColumn[] = [
    { header: 'ID', align: 'right' },
    { header: 'Who', max: 24, keep: true },
    { header: 'Whose' },
    { header: 'Promise', flex: true },
    { header: 'Due', keep: true, paint: (cell, row) => (late(row) > 0 ? chalk.red(cell) : late(row) === 0 ? chalk.yellow(cell) : cell) },
  ];
  if (options.all) columns.push({ header: 'Closed' });
  await writeTable(
    ctx,
    columns,
    entries.map((e) => {
      const row = [e.id, label(e.contact_id, e.name), e.theirs ? 'theirs' : 'mine', e.text, dueText(e, ctx.today)];
      return options.all ? [...row, e.done_on ? `kept ${e.done_on}` : e.dropped_on ? `dropped ${e.dropped_on}` : ''] : row;
    }),
  );
}

export async function done(ctx: Context, idArgs: string[]): Promise<void> {
  const closed = await closeFollowups(await ctx.database({ create: false }), ctx, idArgs.map(readId), 'done');
  const lines = closed.map(({ entry, already }) =>
    already
      ? entry.done_on
        ? `Follow-up #${entry.id} was already kept on ${entry.done_on}.`
        : `Follow-up #${entry.id} was dropped on ${entry.dropped_on}.`
      : `Kept: ${entry.text} (${entry.name}, #${entry.id}).`,
  );
  ctx.io.write(`${lines.join('\n')}\n`);
}

export async function drop(ctx: Context, idArgs: string[]): Promise<void> {
  const closed = await closeFollowups(await ctx.database({ create: false }), ctx, idArgs.map(readId), 'dropped');
  const lines = closed.map(({ entry, already }) =>
    already
      ? `Follow-up #${entry.id} was already ${entry.done_on ? `kept on ${entry.done_on}` : `dropped on ${entry.dropped_on}`}.`
      : `Dropped: ${entry.text} (${entry.name}, #${entry.id}): no longer needed, not counted as kept.`,
  );
  ctx.io.write(`${lines.join('\n')}\n`);
}

interface EditOptions {
  by?: string;
  text?: string;
  contact?: string;
  json?: boolean;
}

export async function edit(ctx: Context, idArg: string, options: EditOptions): Promise<void> {
  const id = readId(idArg);
  const text = options.text === undefined ? undefined : check(lineSchema, options.text, '--text');
  if (text === '') throw new UsageError('--text: the promise is empty');
  let dueOn: string | undefined;
  if (options.by !== undefined) {
    dueOn = (await readDate(ctx, options.by, { field: '--by', direction: 'future' })).day;
  }
  const entry = await editFollowup(await ctx.database({ create: false }), ctx, id, { text, dueOn, contact: options.contact });
  if (options.json) {
    ctx.writeExact(toJson(entry));
    return;
  }
  ctx.io.write(`Follow-up #${entry.id} for ${entry.name}: ${entry.text} (by ${entry.due_on}).\n`);
}
