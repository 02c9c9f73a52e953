// Where captured meetings come from: an .ics file (a Google Calendar or
// Outlook export) or a vdir folder of them (khal, vdirsyncer), read with
// ical.js: time zones as the file defines them, recurring events expanded
// into their occurrences in the period read, moved and cancelled occurrences
// (RECURRENCE-ID) taken from their exceptions.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { MailAddress, MeetingOccurrence } from '../core/capture-rules.js';
import { UsageError } from '../core/errors.js';

/** A runaway rule (every minute, forever) stops here: more occurrences than any calendar of meetings has. */
const MAX_OCCURRENCES_PER_EVENT = 5000;

export interface CalendarRead {
  occurrences: MeetingOccurrence[];
  /** Files or events that could not be read, with why. */
  unreadable: string[];
}

/** The .ics files of a source: the file itself, or those of a vdir (one level of collections below it too). */
export function calendarFiles(source: string): string[] {
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`${source}: no such file or folder`, 'give an .ics file or a vdir folder (khal, vdirsyncer)');
  }
  if (!stat.isDirectory()) return [source];
  const files: string[] = [];
  for (const entry of readdirSync(source, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(source, entry.name);
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.ics')) files.push(path);
    else if (entry.isDirectory() && !entry.name.startsWith('.')) {
      for (const inner of readdirSync(path).sort()) if (inner.toLowerCase().endsWith('.ics')) files.push(join(path, inner));
    }
  }
  return files;
}

const mailto = (value: unknown): string => String(value ?? '').replace(/^mailto:/i, '').trim();

function person(property: ICAL.Property | null): MailAddress | null {
  if (property === null) return null;
  const address = mailto(property.getFirstValue());
  if (!address.includes('@')) return null;
  const cn = property.getParameter('cn');
  return { address, name: typeof cn === 'string' ? cn : '' };
}

function occurrenceOf(item: ICAL.Event, start: ICAL.Time, occurrence: ICAL.Time | null): MeetingOccurrence {
  const component = item.component;
  const attendees = component.getAllProperties('attendee').flatMap((p) => {
    const who = person(p);
    const partstat = p.getParameter('partstat');
    return who === null ? [] : [{ ...who, partstat: typeof partstat === 'string' ? partstat : null }];
  });
  const status = component.getFirstPropertyValue('status');
  const where = [component.getFirstPropertyValue('location'), component.getFirstPropertyValue('url'), component.getFirstPropertyValue('description'), component.getFirstPropertyValue('x-google-conference')]
    .filter((v) => v !== null && v !== undefined)
    .map(String)
    .join(' ');
  return {
    uid: item.uid,
    start: start.toJSDate().toISOString(),
    occurrence: occurrence === null ? null : occurrence.toJSDate().toISOString(),
    summary: item.summary ?? null,
    organizer: person(component.getFirstProperty('organizer')),
    attendees,
    status: typeof status === 'string' ? status : null,
    location: where === '' ? null : where,
  };
}

/** The occurrences of one event (a master and its exceptions) that start in [since, until). */
function occurrencesOf(master: ICAL.Component, exceptions: readonly ICAL.Component[], since: Date, until: Date): MeetingOccurrence[] {
  const event = new ICAL.Event(master);
  for (const exception of exceptions) event.relateException(exception);
  if (!event.isRecurring()) {
    const start = event.startDate;
    const at = start.toJSDate();
    return at >= since && at < until ? [occurrenceOf(event, start, event.isRecurrenceException() ? event.recurrenceId : null)] : [];
  }
  const out: MeetingOccurrence[] = [];
  const iterator = event.iterator();
  for (let n = 0, next = iterator.next(); next && n < MAX_OCCURRENCES_PER_EVENT; n += 1, next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    const at = details.startDate.toJSDate();
    if (next.toJSDate() >= until && at >= until) break;
    if (at >= since && at < until) out.push(occurrenceOf(details.item, details.startDate, details.recurrenceId));
  }
  return out;
}

/** Every occurrence in [since, until) of the events in a source. */
export function readCalendar(source: string, since: Date, until: Date): CalendarRead {
  const occurrences: MeetingOccurrence[] = [];
  const unreadable: string[] = [];
  for (const file of calendarFiles(source)) {
    let root: ICAL.Component;
    try {
      root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')) as unknown[]);
    } catch (error) {
      unreadable.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const byUid = new Map<string, { master: ICAL.Component | null; exceptions: ICAL.Component[] }>();
    for (const vevent of root.getAllSubcomponents('vevent')) {
      const uid = String(vevent.getFirstPropertyValue('uid') ?? '');
      if (uid === '') {
        unreadable.push(`${file}: an event without a UID ("${String(vevent.getFirstPropertyValue('summary') ?? '')}")`);
        continue;
      }
      const entry = byUid.get(uid) ?? { master: null, exceptions: [] };
      if (vevent.hasProperty('recurrence-id')) entry.exceptions.push(vevent);
      else entry.master = vevent;
      byUid.set(uid, entry);
    }
    for (const [uid, { master, exceptions }] of byUid) {
      try {
        // An exception whose series is not in the file stands alone.
        if (master === null) for (const exception of exceptions) occurrences.push(...occurrencesOf(exception, [], since, until));
        else occurrences.push(...occurrencesOf(master, exceptions, since, until));
      } catch (error) {
        unreadable.push(`${file}: event ${uid}: ${(error as Error).message}`);
      }
    }
  }
  return { occurrences, unreadable };
}
