// The due items of a context, computed once for `net due` and `net export due`
// so that both list exactly the same rows.
import { UsageError } from '../core/errors.js';
import { scheduleTop, withHints, type AttentionItem } from '../core/scheduler.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';
import { conversationFacts, loadSchedulerInput } from '../db/due-data.js';
import { loadSettings } from '../db/settings.js';
import type { Context } from './context.js';
import { readDate } from './dates.js';

export interface DueReport {
  /** The day the list is for. */
  day: string;
  settings: Settings;
  /** Ranked: every item, or the first of them when a limit was given. */
  items: AttentionItem[];
  /** How many items there are in all. */
  total: number;
  /** False when there is no database yet. */
  hasNetwork: boolean;
}

export interface DueOptions {
  /** `--on`: a day in the future, as typed ("friday", "in 2 weeks", 2026-04-01). */
  on?: string;
  /** Only the first this many items (the total is still counted); a number or `due.limit` from the settings. */
  limit?: number | 'setting';
}

/** The day of `--on`, looking ahead ("friday" = the next one); chrono loads only for natural language. */
export async function dueDay(ctx: Context, on: string | undefined): Promise<string> {
  if (on === undefined) return ctx.today;
  const { day } = await readDate(ctx, on, { field: '--on', direction: 'future' });
  if (day < ctx.today) {
    throw new UsageError(`--on: "${on}" is in the past (${day})`, '--on shows what will be due on a coming day, e.g. --on friday');
  }
  return day;
}

export async function dueReport(ctx: Context, options: DueOptions = {}): Promise<DueReport> {
  const day = await dueDay(ctx, options.on);
  const opened = await ctx.existingDatabase();
  if (!opened) return { day, settings: structuredClone(DEFAULT_SETTINGS), items: [], total: 0, hasNetwork: false };
  const settings = await loadSettings(opened.db);
  const limit = options.limit === 'setting' ? settings.due_limit : (options.limit ?? Number.POSITIVE_INFINITY);
  const { items, total } = scheduleTop(await loadSchedulerInput(opened, day, settings), limit);
  return { day, settings, items, total, hasNetwork: true };
}

/** The items with a conversation hint each (interests, last note): a query per person, so only for the items shown. */
export async function addHints(ctx: Context, items: readonly AttentionItem[]): Promise<AttentionItem[]> {
  const opened = await ctx.existingDatabase();
  if (!opened || items.length === 0) return [...items];
  return withHints(items, await conversationFacts(opened.db, items.map((i) => i.contact_id)));
}
