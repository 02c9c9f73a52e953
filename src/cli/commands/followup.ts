// net followup add | list | done: the promises made in conversations.
import { addDays, daysBetween } from '../../core/dates.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { check, lineSchema, positiveIntSchema } from '../../core/validate.js';
import { FOLLOWUP_KEYS, listFollowups, type FollowupEntry } from '../../db/followups.js';
import { insertFollowup } from '../../db/interactions.js';
import { resolveContact } from '../../db/resolve.js';
import type { Context } from '../context.js';
import { pickFormat, toJson, writeMachine, writeTable, type FormatOptions } from '../render.js';

/** A follow-up is due a week later unless --by says when. */
export const DEFAULT_FOLLOWUP_DAYS = 7;

interface AddOptions {
  by?: string;
  json?: boolean;
}

export async function add(ctx: Context, ref: string, textArg: string, options: AddOptions): Promise<void> {
  const text = check(lineSchema, textArg, 'TEXT');
  if (text === '') throw new UsageError('TEXT: the promise is empty', 'e.g. net followup add anna "send the deck" --by friday');
  let dueOn = addDays(ctx.today, DEFAULT_FOLLOWUP_DAYS);
  if (options.by !== undefined) {
    const { parseDate } = await import('../../core/natural-dates.js');
    dueOn = parseDate(options.by, ctx.now, { field: '--by', direction: 'future' }).day;
  }
  const at = ctx.now.toISOString();
  const { db } = await ctx.database({ create: false });
  const entry = await db.transaction().execute(async (trx): Promise<FollowupEntry> => {
    const person = await resolveContact(trx, ref);
    const id = await insertFollowup(trx, { contact_id: person.id, interaction_id: null, text, due_on: dueOn }, at);
    return { id, contact_id: person.id, name: person.name, text, due_on: dueOn, done_on: null };
  });
  if (options.json) {
    ctx.io.write(toJson(entry));
    return;
  }
  ctx.io.write(`Follow-up #${entry.id} for ${entry.name}: ${text} (by ${dueOn}).\n`);
}

interface ListOptions extends FormatOptions {
  all?: boolean;
}

function dueText(entry: FollowupEntry, today: string): string {
  if (entry.done_on !== null) return entry.due_on;
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
  const columns = [{ header: 'ID', align: 'right' as const }, { header: 'Who', max: 24 }, { header: 'Promise', max: 50 }, { header: 'Due' }];
  if (options.all) columns.push({ header: 'Done' });
  await writeTable(
    ctx,
    columns,
    entries.map((e) => {
      const row = [e.id, e.name, e.text, dueText(e, ctx.today)];
      return options.all ? [...row, e.done_on ?? ''] : row;
    }),
  );
}

export async function done(ctx: Context, idArgs: string[]): Promise<void> {
  const ids = idArgs.map((idArg) => check(positiveIntSchema, idArg.trim().replace(/^#/, ''), 'ID'));
  const at = ctx.now.toISOString();
  const { db } = await ctx.database({ create: false });
  // All or nothing: one unknown id keeps none of them.
  const messages = await db.transaction().execute(async (trx) => {
    const lines: string[] = [];
    for (const id of ids) {
      const row = await trx
        .selectFrom('followups as f')
        .innerJoin('contacts as c', 'c.id', 'f.contact_id')
        .select(['f.id', 'f.text', 'f.done_on', 'c.name'])
        .where('f.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError(`no follow-up #${id}`, 'see the open ones with `net followup list`');
      if (row.done_on !== null) {
        lines.push(`Follow-up #${id} was already kept on ${row.done_on}.`);
        continue;
      }
      await trx.updateTable('followups').set({ done_on: ctx.today, updated_at: at }).where('id', '=', id).execute();
      lines.push(`Kept: ${row.text} (${row.name}, #${id}).`);
    }
    return lines;
  });
  const message = messages.join('\n');
  ctx.io.write(`${message}\n`);
}
