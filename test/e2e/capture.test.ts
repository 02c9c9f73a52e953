// net capture mail | calendar and net inbox: proposals from real Maildir,
// mbox, iCalendar and vdir files (test/fixtures/capture), never logged
// until accepted, never twice.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'capture');
const MAILDIR = join(FIXTURES, 'maildir');
const MBOX = join(FIXTURES, 'takeout.mbox');
const ICS = join(FIXTURES, 'google-calendar.ics');
const VDIR = join(FIXTURES, 'vdir');

interface Proposal {
  id: number;
  kind: string;
  date: string;
  occurred_at: string;
  direction: string;
  channel: string;
  subject: string | null;
  contacts: string[];
  unknown: string[];
  logged: number | null;
}

interface Summary {
  read: number;
  added: number;
  known: number;
  ignored: Record<string, number>;
  unreadable: string[];
  proposals: number;
  strangers: number;
}

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--email', 'giulia@satispay.com']));
  ok(s.net(['add', 'Niccolò Bianchi', '--email', 'nb@example.org']));
  ok(s.net(['add', 'Marco Verdi', '--email', 'marco.verdi@acme.example']));
  ok(s.net(['config', 'set', 'me.emails', 'me@example.com, ME@work.example']));
});
afterEach(() => s.cleanup());

const inbox = () => s.json<Proposal[]>(['inbox']);

describe('net capture mail', () => {
  it('reads a Maildir’s headers: encoded words decoded, lists and automated senders left out, direction from my addresses', () => {
    const summary = s.json<Summary>(['capture', 'mail', MAILDIR]);
    expect(summary).toMatchObject({ read: 6, added: 4, known: 0, ignored: { 'mailing list': 1, 'automated sender': 1 }, unreadable: [], proposals: 3, strangers: 1 });
    const proposals = inbox();
    expect(proposals.map((p) => [p.subject, p.direction, p.contacts])).toEqual([
      ['Intro to Jürgen', 'in', ['Niccolò Bianchi']],
      ['Re: Il deck per giovedì', 'out', ['Giulia Rossi']],
      ['Il deck per giovedì', 'in', ['Giulia Rossi']],
    ]);
    // An upper-case address in the file is the person's lower-case one; the time is the Date header's.
    expect(proposals[2].occurred_at).toBe('2026-03-10T08:15:00.000Z');
    // Nothing is logged until accepted.
    expect(s.json<unknown[]>(['history'])).toEqual([]);
  });

  it('proposes nothing new when the same source is read again', () => {
    ok(s.net(['capture', 'mail', MAILDIR]));
    const again = s.json<Summary>(['capture', 'mail', MAILDIR]);
    expect(again).toMatchObject({ added: 0, known: 4 });
    expect(inbox()).toHaveLength(3);
    // A capture that added nothing is no command to undo.
    expect(s.query('select name from commands order by id desc limit 1')[0]).toEqual({ name: 'capture mail' });
  });

  it('reads an mbox (From-munging, messages without a Message-ID, broadcasts left out)', () => {
    const summary = s.json<Summary>(['capture', 'mail', MBOX]);
    expect(summary).toMatchObject({ read: 4, added: 3, ignored: { 'too many recipients': 1 } });
    expect(s.json<Summary>(['capture', 'mail', MBOX])).toMatchObject({ added: 0, known: 3 });
    expect(inbox().map((p) => [p.subject, p.direction])).toEqual([
      ['No id here', 'in'],
      ['Re: Pricing question', 'out'],
      ['Pricing question', 'in'],
    ]);
    // Unknown people in a message I sent are named, not added.
    expect(inbox()[1].unknown).toEqual(['a1@x.example', 'a2@x.example']);
  });

  it('reads one message on stdin, for a mail client’s key binding', () => {
    const message = readFileSync(join(MAILDIR, 'INBOX', 'new', '1710100000.M2P1.host'), 'utf8');
    const summary = s.json<Summary>(['capture', 'mail', '-'], { input: message });
    expect(summary).toMatchObject({ read: 1, added: 1 });
    expect(inbox().map((p) => p.subject)).toEqual(['Intro to Jürgen']);
  });

  it('leaves out what came before --since, and needs my addresses first (exit 2)', () => {
    expect(s.json<Summary>(['capture', 'mail', MAILDIR, '--since', '2026-03-11'])).toMatchObject({ added: 2 });
    ok(s.net(['config', 'unset', 'me.emails']));
    const refused = s.net(['capture', 'mail', MAILDIR]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('net config set me.emails');
    const missing = s.net(['capture', 'mail', join(FIXTURES, 'nothing-here')]);
    expect(missing.code).toBe(2);
  });
});

describe('net capture calendar', () => {
  it('expands a recurring event in the period, takes a moved occurrence from its exception, leaves out declined and cancelled events', () => {
    const summary = s.json<Summary>(['capture', 'calendar', ICS]);
    expect(summary).toMatchObject({ read: 5, added: 3, ignored: { declined: 1, cancelled: 1 } });
    expect(inbox().map((p) => [p.date, p.channel, p.subject, p.contacts])).toEqual([
      ['2026-03-10', 'video', 'Weekly sync (moved to Tuesday)', ['Giulia Rossi']],
      ['2026-03-06', 'meeting', 'Lunch with Niccolò', ['Niccolò Bianchi']],
      ['2026-03-02', 'video', 'Weekly sync', ['Giulia Rossi']],
    ]);
    // 10:00 in Rome in March is 09:00 UTC.
    expect(inbox()[2].occurred_at).toBe('2026-03-02T09:00:00.000Z');
    expect(s.json<Summary>(['capture', 'calendar', ICS])).toMatchObject({ added: 0, known: 3 });
    // A longer period reads the later occurrences (the series has six), the earlier ones known.
    expect(s.json<Summary>(['capture', 'calendar', ICS, '--until', '2026-04-30'])).toMatchObject({ added: 4, known: 3 });
  });

  it('reads a vdir and leaves out large events; a meeting later today is not proposed yet', () => {
    expect(s.json<Summary>(['capture', 'calendar', VDIR])).toMatchObject({ read: 2, added: 1, ignored: { 'too many attendees': 1 }, proposals: 0, strangers: 1 });
    const strangers = s.json<Array<{ address: string; name: string; meetings: number; add: string }>>(['inbox', '--strangers']);
    expect(strangers).toEqual([expect.objectContaining({ address: 'anna@studio-neri.it', name: 'Anna Neri', meetings: 1, add: 'net add "Anna Neri" --email anna@studio-neri.it' })]);
    // Adding her makes what was captured a proposal.
    ok(s.net(['add', 'Anna Neri', '--email', 'anna@studio-neri.it']));
    expect(inbox().map((p) => p.subject)).toEqual(['Coffee with Anna']);
    expect(s.json<Proposal[]>(['inbox'], { env: { NET_NOW: '2026-03-12T08:00:00Z' } })).toEqual([]);
  });
});

describe('net inbox accept and reject', () => {
  it('logs accepted mail so that a message received is a reply owed and my reply closes it; undo puts it back', () => {
    ok(s.net(['capture', 'mail', MAILDIR]));
    ok(s.net(['inbox', 'accept', '--all']));
    expect(inbox()).toEqual([]);
    const history = s.json<Array<{ contacts: string[]; direction: string; note: string }>>(['history']);
    expect(history.map((h) => [h.contacts, h.direction, h.note])).toEqual([
      [['Niccolò Bianchi'], 'in', 'Intro to Jürgen'],
      [['Giulia Rossi'], 'out', 'Re: Il deck per giovedì'],
      [['Giulia Rossi'], 'in', 'Il deck per giovedì'],
    ]);
    const due = ok(s.net(['due']));
    expect(due).toContain('Niccolò Bianchi\treply');
    expect(due).not.toContain('Giulia Rossi\treply');
    ok(s.net(['undo', '--yes']));
    expect(inbox()).toHaveLength(3);
    expect(s.json<unknown[]>(['history'])).toEqual([]);
  });

  it('links a proposal to the interaction logged by hand instead of logging it twice, once only', () => {
    ok(s.net(['log', 'marco', '--via', 'email', '--in', '-m', 'asked about pricing', '--date', '2026-03-02']));
    ok(s.net(['capture', 'mail', MBOX]));
    const proposals = inbox();
    expect(proposals.find((p) => p.subject === 'Pricing question')?.logged).toBe(1);
    ok(s.net(['inbox', 'accept', '--all']));
    const history = s.json<Array<{ id: number; note: string; direction: string }>>(['history']);
    // The hand log stays as written; the second message of that day is logged on its own.
    expect(history.map((h) => [h.direction, h.note])).toEqual([
      ['in', 'No id here'],
      ['out', 'Re: Pricing question'],
      ['in', 'asked about pricing'],
    ]);
  });

  it('accepts and rejects by id and by source, refuses ids not in the inbox', () => {
    ok(s.net(['capture', 'mail', MAILDIR]));
    ok(s.net(['capture', 'calendar', ICS]));
    const ids = inbox().map((p) => p.id);
    const rejected = s.json<Proposal[]>(['inbox', 'reject', '--all', '--from', 'meeting', '--json']);
    expect(rejected.map((p) => p.kind)).toEqual(['meeting', 'meeting', 'meeting']);
    expect(inbox().every((p) => p.kind === 'mail')).toBe(true);
    const first = inbox()[0].id;
    expect(ok(s.net(['inbox', 'accept', `#${first}`]))).toContain('logged email with Niccolò Bianchi on 2026-03-12');
    const unknown = s.net(['inbox', 'accept', String(Math.max(...ids) + 100)]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no proposal');
    expect(s.net(['inbox', 'accept']).code).toBe(2);
    expect(s.net(['inbox', 'accept', '1', '--all']).code).toBe(2);
    // Each decision is a command of its own in the record of changes.
    expect(ok(s.net(['changes']))).toContain('inbox accept');
  });

  it('lists proposals grouped by person when piped, and the strangers with the command that adds them', () => {
    ok(s.net(['capture', 'mail', MAILDIR]));
    const listed = ok(s.net(['inbox']));
    expect(listed.split('\n').slice(0, 5)).toEqual([
      'Niccolò Bianchi #2',
      '  #4  2026-03-12 ← email   "Intro to Jürgen"',
      'Giulia Rossi #1',
      '  #1  2026-03-10 → email   "Re: Il deck per giovedì"',
      '  #2  2026-03-10 ← email   "Il deck per giovedì"',
    ]);
    expect(listed).toContain('anna@studio-neri.it (Anna Neri): 1 email, last 2026-03-13 — net add "Anna Neri" --email anna@studio-neri.it');
    const csv = ok(s.net(['inbox', '--csv']));
    expect(csv.split('\n')[0]).toBe('id,kind,date,occurred_at,direction,channel,subject,contacts,contact_ids,unknown,logged,source');
  });
});

describe('net brief --today', () => {
  it('briefs the people of today’s captured meetings, later ones of the day included', () => {
    const morning = { env: { NET_NOW: '2026-03-12T07:00:00Z' } };
    ok(s.net(['add', 'Anna Neri', '--email', 'anna@studio-neri.it', '--interest', 'design'], morning));
    ok(s.net(['capture', 'calendar', VDIR], morning));
    const shown = ok(s.net(['brief', '--today'], morning));
    expect(shown.split('\n')[0]).toBe('09:30  Coffee with Anna — Anna Neri');
    expect(shown).toContain('Anna Neri');
    const briefs = s.json<Array<{ name: string }>>(['brief', '--today'], morning);
    expect(briefs.map((b) => b.name)).toEqual(['Anna Neri']);
    // The next day has no meeting.
    const none = s.net(['brief', '--today'], { env: { NET_NOW: '2026-03-13T07:00:00Z' } });
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('No captured meeting today');
    expect(s.net(['brief']).code).toBe(2);
    expect(s.net(['brief', 'anna', '--today']).code).toBe(2);
  });
});
