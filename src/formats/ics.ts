// iCalendar output through the `ics` library: one all-day event per item.
// All-day dates are built from the YYYY-MM-DD text itself, never from a local
// Date, which would shift a day in far time zones.
import { createEvents, type DateArray, type EventAttributes } from 'ics';
import { addDays } from '../core/dates.js';
import { DataError } from '../core/errors.js';
import type { AttentionItem } from '../core/scheduler.js';

/** An all-day entry of a calendar. */
export interface DayEntry {
  /** Stable across exports, so a calendar app updates the entry instead of adding it twice. */
  uid: string;
  /** `YYYY-MM-DD`. */
  day: string;
  title: string;
  description?: string;
  categories?: string[];
}

export function dayArray(day: string): DateArray {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** CR as LF: the library escapes LF as \\n but writes a CR raw, which readers take as a line end. */
const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

/** DTSTAMP in UTC basic form: 20260314T110000Z. */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A calendar of all-day events; `now` is the time stamp of every event (NET_NOW makes it reproducible). */
export function dayEntriesToIcs(entries: readonly DayEntry[], options: { now: Date; name: string }): string {
  const events = entries.map((e): EventAttributes => {
    const event = {
      uid: e.uid,
      start: dayArray(e.day),
      end: dayArray(addDays(e.day, 1)),
      title: lf(e.title),
      description: e.description === undefined ? undefined : lf(e.description),
      categories: e.categories?.map(lf),
      transp: 'TRANSPARENT' as const,
      productId: 'net',
      calName: options.name,
      // Not in the library's types, but in its schema: DTSTAMP, else the real clock.
      timestamp: stamp(options.now),
    };
    return event as EventAttributes;
  });
  const { error, value } = createEvents(events, { productId: 'net', calName: options.name });
  if (error || value === null) throw new DataError(`cannot write the calendar: ${error?.message ?? 'no output'}`);
  return value;
}

/** The uid of a due item: the same item on the same day keeps it. */
export function dueItemUid(item: AttentionItem): string {
  const followup = item.followup_id === null ? '' : `-${item.followup_id}`;
  return `net-${item.kind}-${item.contact_id}${followup}-${item.due_on}@net`;
}

/** `net due --ics` (and `net export due --ics`): one all-day event per item, on its due day or today when late. */
export function dueItemsToIcs(items: readonly AttentionItem[], options: { now: Date; today: string }): string {
  return dayEntriesToIcs(
    items.map((item) => ({
      uid: dueItemUid(item),
      // A late item is still to do: it goes on today, not on a day gone by.
      day: item.due_on < options.today ? options.today : item.due_on,
      title: item.title,
      description: [item.reason, item.hint].filter(Boolean).join('\n'),
      categories: ['net', item.kind],
    })),
    { now: options.now, name: 'net due' },
  );
}
