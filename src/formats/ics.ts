// iCalendar output through ical.js, the library that already writes net's
// vCards: one all-day event per item. Lines are folded at 75 octets (UTF-8
// bytes, never inside a character), as RFC 5545 asks. All-day dates are built
// from the YYYY-MM-DD text itself, never from a local Date, which would shift
// a day in far time zones.
import ICAL from 'ical.js';
import { addDays } from '../core/dates.js';
import { foldedAt75 } from './folding.js';
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

/** A DATE value of `day` (YYYY-MM-DD), with no time and no zone. */
export function dateValue(day: string): ICAL.Time {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return ICAL.Time.fromData({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), isDate: true });
}

/** CR as LF: ical.js escapes LF as \\n but writes a CR raw, which readers take as a line end. */
const lf = (text: string): string => text.replace(/\r\n?/g, '\n');

/** A calendar of all-day events; `now` is the time stamp of every event (NET_NOW makes it reproducible). */
export function dayEntriesToIcs(entries: readonly DayEntry[], options: { now: Date; name: string }): string {
  const calendar = new ICAL.Component('vcalendar');
  const add = (component: ICAL.Component, name: string, value: string | ICAL.Time | string[]): void => {
    const property = new ICAL.Property(name, component);
    if (Array.isArray(value)) property.setValues(value);
    else property.setValue(value);
    component.addProperty(property);
  };
  add(calendar, 'version', '2.0');
  add(calendar, 'calscale', 'GREGORIAN');
  add(calendar, 'prodid', '-//net//networking journal//EN');
  add(calendar, 'method', 'PUBLISH');
  add(calendar, 'x-wr-calname', lf(options.name));
  const stamp = ICAL.Time.fromJSDate(options.now, true);
  for (const entry of entries) {
    const event = new ICAL.Component('vevent', calendar);
    add(event, 'uid', entry.uid);
    add(event, 'summary', lf(entry.title));
    add(event, 'dtstamp', stamp);
    add(event, 'dtstart', dateValue(entry.day));
    add(event, 'dtend', dateValue(addDays(entry.day, 1)));
    if (entry.description) add(event, 'description', lf(entry.description));
    if (entry.categories?.length) add(event, 'categories', entry.categories.map(lf));
    add(event, 'transp', 'TRANSPARENT');
    calendar.addSubcomponent(event);
  }
  return foldedAt75(() => `${calendar.toString()}\r\n`);
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
