// `net capture mail` and `net capture calendar`: what a source holds, read
// as headers and events, judged by the capture rules and kept in the inbox
// as one command. Nothing is logged here and nobody is added: the inbox
// proposes, the person decides.
import type { Readable } from 'node:stream';
import { judgeMail, judgeMeeting, type CaptureRules, type CaptureVerdict, type IgnoredCounts } from '../core/capture-rules.js';
import { UsageError } from '../core/errors.js';
import { CaptureWriter, inboxCounts } from '../db/captures.js';
import { loadSettings } from '../db/settings.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface CaptureSummary {
  /** Messages or meeting occurrences read. */
  read: number;
  /** New in the inbox. */
  added: number;
  /** Captured before: reading a source again proposes nothing new. */
  known: number;
  /** Before the period asked for. */
  earlier: number;
  ignored: IgnoredCounts;
  /** Messages, files or events that could not be read, with why. */
  unreadable: string[];
  /** What the inbox holds for people of the network now, and addresses of nobody's. */
  proposals: number;
  strangers: number;
}

async function rulesOf(store: Store): Promise<CaptureRules> {
  const settings = await loadSettings(store.db);
  if (settings.me_emails.length === 0) {
    throw new UsageError(
      'capture needs your own addresses, to tell what you sent from what you received',
      'net config set me.emails "you@example.com, you@work.example"',
    );
  }
  return { me: new Set(settings.me_emails), maxRecipients: settings.capture_max_recipients, maxAttendees: settings.capture_max_attendees };
}

function emptySummary(): CaptureSummary {
  return { read: 0, added: 0, known: 0, earlier: 0, ignored: {}, unreadable: [], proposals: 0, strangers: 0 };
}

/** Counts one verdict and keeps its item; `since` leaves out what came before it. */
function keep(summary: CaptureSummary, writer: CaptureWriter, verdict: CaptureVerdict, source: string, at: string, since: string | undefined): void {
  summary.read += 1;
  if ('ignored' in verdict) {
    summary.ignored[verdict.ignored] = (summary.ignored[verdict.ignored] ?? 0) + 1;
    return;
  }
  if (since !== undefined && verdict.item.occurredAt < since) {
    summary.earlier += 1;
    return;
  }
  if (writer.add(verdict.item, source, at)) summary.added += 1;
  else summary.known += 1;
}

function countInbox(store: Store, clock: Clock, summary: CaptureSummary): CaptureSummary {
  return { ...summary, ...inboxCounts(store.sqlite, clock.now.toISOString()) };
}

export interface MailCaptureRequest {
  /** A Maildir, an mbox file, or "-" for one message on stdin. */
  source: string;
  /** An ISO instant: older messages are left out. */
  since?: string;
  stdin: () => Readable;
  onProgress?: (read: number) => void;
}

export async function captureMail(store: Store, clock: Clock, request: MailCaptureRequest): Promise<CaptureSummary> {
  const rules = await rulesOf(store);
  const { readMail } = await import('../capture/mail-source.js');
  const at = clock.now.toISOString();
  const summary = emptySummary();
  await inCommand(store, clock, 'capture mail', async (w) => {
    const writer = new CaptureWriter(store.sqlite);
    for await (const message of readMail(request.source, request.stdin)) {
      if ('unreadable' in message) {
        summary.unreadable.push(message.unreadable);
        continue;
      }
      keep(summary, writer, judgeMail(message.headers, rules), request.source, at, request.since);
      if (summary.read % 1000 === 0) request.onProgress?.(summary.read);
    }
    w.summary = `captured ${summary.added} ${summary.added === 1 ? 'message' : 'messages'} from ${request.source}`;
  });
  return countInbox(store, clock, summary);
}

export interface CalendarCaptureRequest {
  /** An .ics file or a vdir folder. */
  source: string;
  since: Date;
  until: Date;
}

export async function captureCalendar(store: Store, clock: Clock, request: CalendarCaptureRequest): Promise<CaptureSummary> {
  if (request.since >= request.until) throw new UsageError('--since must come before --until');
  const rules = await rulesOf(store);
  const { readCalendar } = await import('../capture/calendar-source.js');
  const { occurrences, unreadable } = readCalendar(request.source, request.since, request.until);
  const at = clock.now.toISOString();
  const summary = emptySummary();
  summary.unreadable.push(...unreadable);
  await inCommand(store, clock, 'capture calendar', async (w) => {
    const writer = new CaptureWriter(store.sqlite);
    for (const occurrence of occurrences) keep(summary, writer, judgeMeeting(occurrence, rules), request.source, at, undefined);
    w.summary = `captured ${summary.added} ${summary.added === 1 ? 'meeting' : 'meetings'} from ${request.source}`;
  });
  return countInbox(store, clock, summary);
}
