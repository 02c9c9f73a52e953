// Dates from options and prompts: ISO and numeric dates, and the words people
// type most, are read without chrono-node (loaded only for other words),
// numeric ones in the order the person writes them: `dates.order`, else the
// locale, else day first.
import { environmentOrder, isNumericDate, readNumericDate, type DateOrder } from '../core/date-order.js';
import { isIsoDay } from '../core/dates.js';
import { readCommonDate, type DateOptions, type ParsedDate } from '../core/date-words.js';
import { loadSettings } from '../db/settings.js';
import type { Context } from './context.js';

/** Where the order of a person's numeric dates comes from, read once per run. */
const orders = new WeakMap<Context, Promise<DateOrder | null>>();

/** The `dates.order` setting, else the locale's order; null when neither says (C, POSIX). */
export function knownDateOrder(ctx: Context): Promise<DateOrder | null> {
  let order = orders.get(ctx);
  if (!order) {
    order = (async () => {
      const opened = await ctx.existingDatabase();
      const stored = opened ? (await loadSettings(opened.db)).date_order : null;
      return stored ?? environmentOrder(ctx.env);
    })();
    orders.set(ctx, order);
  }
  return order;
}

/** A date typed by the person: in their order, and day first when nothing says (most of the world writes so). */
export async function readDate(ctx: Context, text: string, options: Omit<DateOptions, 'order'>): Promise<ParsedDate> {
  const t = text.trim();
  const noon = (day: string) => new Date(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 12);
  if (isIsoDay(t)) return { day: t, instant: noon(t) };
  // The setting is read only for a numeric date: a date in words, or a usage error, never opens the database for it.
  if (isNumericDate(t)) {
    const order = (await knownDateOrder(ctx)) ?? 'dmy';
    const day = readNumericDate(t, { ...options, order, today: ctx.today });
    if (day !== undefined) return { day, instant: noon(day) };
  }
  // The words people type most (now, yesterday, last monday…) need no chrono-node.
  const common = readCommonDate(t, ctx.now, { ...options, order: 'dmy' });
  if (common) return common;
  const { parseDate } = await import('../core/natural-dates.js');
  return parseDate(t, ctx.now, { ...options, order: 'dmy' });
}
