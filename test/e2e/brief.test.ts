// net brief CONTACT...: what to know before a meeting, from the record only
// (NET_NOW 2026-03-14, a Saturday): the JSON contract, the layout on a
// terminal and piped, several people at once, and refusals.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { rawWrite } from '../raw-writes.js';

const BRIEF_KEYS = [
  'contact_id', 'name', 'company', 'role', 'circle', 'cadence_days', 'archived', 'last_contact', 'how_met', 'met_on', 'last_touches', 'promises',
  'reply_owed', 'balance', 'interests', 'shared_interests', 'in_common', 'upcoming', 'due', 'opener',
];

interface Brief {
  contact_id: number;
  name: string;
  last_touches: Array<{ date: string; via: string; note: string | null; with: Array<{ name: string }> }>;
  promises: { mine: Array<{ text: string; days_overdue: number }>; theirs: Array<{ text: string; days_overdue: number }> };
  reply_owed: { channel: string; came_on: string; due_on: string; days_overdue: number } | null;
  balance: { given: number; received: number; leaning: string };
  interests: string[];
  shared_interests: Array<{ interest: string; with: Array<{ name: string }> }>;
  in_common: Array<{ name: string; met_together: number; same_company: boolean }>;
  upcoming: Array<{ date: string; kind: string; text: string }>;
  due: Array<{ kind: string; reason: string }>;
  opener: { text: string; from: string };
}

const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('net brief', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    const run = (args: string[]) => ok(s.net(args));
    run(['add', 'Giulia Rossi', '--company', 'Satispay S.p.A.', '--role', 'CTO', '--circle', 'close', '--interest', 'AI,fintech', '--met-at', 'PyCon Italia', '--met-on', '2025-05-30', '--birthday', '--04-01']);
    run(['add', 'Marco Bianchi', '--company', 'Satispay', '--interest', 'AI', '--known-since', '2020-01-01']);
    run(['add', 'Niccolò Verdi', '--known-since', '2019-01-01']);
    run(['add', 'Sara Conti', '--circle', 'active', '--known-since', '2018-01-01']);
    run(['log', 'giulia', 'niccolo', '--via', 'meeting', '--date', '2026-03-10', '--gave', 'giulia: intro to Sara']);
    run(['log', 'giulia', '--via', 'call', '--date', '2026-02-20', '-m', 'pricing for the new API']);
    run(['log', 'giulia', '--via', 'coffee', '--date', '2026-03-13', '-m', 'talked about the AI meetup']);
    run(['log', 'giulia', '--via', 'email', '--date', '2026-01-05', '-m', 'the oldest, not shown']);
    run(['log', 'sara', '--via', 'email', '--in', '--date', '2026-03-05', '-m', 'asked for a tax advisor']);
    run(['followup', 'add', 'giulia', 'send the deck', '--by', '2026-03-14']);
    run(['followup', 'add', 'giulia', 'the term sheet', '--theirs', '--by', '2026-03-20']);
  });
  afterAll(() => s.cleanup());

  it('--json: one brief per person, with the documented keys', () => {
    const [giulia] = s.json<Brief[]>(['brief', 'giulia']);
    expect(Object.keys(giulia)).toEqual(BRIEF_KEYS);
    expect(giulia.last_touches.map((t) => [t.date, t.via, t.note, t.with.map((p) => p.name)])).toEqual([
      ['2026-03-13', 'coffee', 'talked about the AI meetup', []],
      ['2026-03-10', 'meeting', null, ['Niccolò Verdi']],
      ['2026-02-20', 'call', 'pricing for the new API', []],
    ]);
    expect(giulia.promises).toEqual({
      mine: [{ id: 1, text: 'send the deck', due_on: '2026-03-14', days_overdue: 0 }],
      theirs: [{ id: 2, text: 'the term sheet', due_on: '2026-03-20', days_overdue: -6 }],
    });
    expect(giulia.reply_owed).toBeNull();
    expect(giulia.balance).toMatchObject({ given: 1, received: 0, leaning: 'given', last_given: { text: 'intro to Sara', occurred_on: '2026-03-10' } });
    expect(giulia.in_common.map((p) => [p.name, p.met_together, p.same_company])).toEqual([
      ['Niccolò Verdi', 1, false],
      ['Marco Bianchi', 0, true],
    ]);
    expect(giulia.upcoming.map((u) => [u.date, u.kind, u.text])).toEqual([
      ['2026-03-14', 'my_promise', 'send the deck'],
      ['2026-03-20', 'their_promise', 'the term sheet'],
      ['2026-04-01', 'birthday', 'birthday'],
    ]);
    expect(giulia.due.map((d) => d.kind)).toEqual(['followup']);
    expect(giulia.opener).toEqual({ from: 'my_promise', text: 'Start by keeping your promise: send the deck (due today).' });
  });

  it('a reply owed, as net due decides it', () => {
    const [sara] = s.json<Brief[]>(['brief', 'sara']);
    expect(sara.reply_owed).toEqual({
      channel: 'email',
      came_on: '2026-03-05',
      due_on: '2026-03-12',
      days_overdue: 2,
      reason: 'reply to Sara Conti (their email came 9 days ago; a short answer today still keeps the conversation going)',
    });
    const due = s.json<Array<{ name: string; reason: string }>>(['due']).filter((i) => i.name === 'Sara Conti');
    expect(sara.due.map((d) => d.reason)).toEqual(due.map((i) => i.reason));
    expect(sara.opener.from).toBe('reply');
  });

  it('piped: plain text, one line per entry', () => {
    expect(ok(s.net(['brief', 'giulia']))).toBe(
      [
        'Giulia Rossi #1 — CTO at Satispay S.p.A.',
        '  close, every 30 days · last contact 2026-03-13 · met: PyCon Italia, 2025-05-30',
        '  Why now       keep your promise to Giulia Rossi: send the deck (due today)',
        '  Reply owed    none',
        '  Promises      yours: send the deck — due today',
        '                theirs: the term sheet — by 2026-03-20 (in 6 days)',
        '  Give & take   you gave 1, received 0',
        '                last given 2026-03-10: intro to Sara',
        '  Interests     AI, fintech',
        '  In common     Niccolò Verdi: met together once, last 2026-03-10',
        '                Marco Bianchi: also at Satispay S.p.A.',
        '  Coming up     2026-03-14 your promise: send the deck (today)',
        '                2026-03-20 their promise: the term sheet (in 6 days)',
        '                2026-04-01 birthday (in 18 days)',
        '  Last touches  2026-03-13 coffee ↔ talked about the AI meetup',
        '                2026-03-10 meeting ↔ with Niccolò Verdi · gave: intro to Sara',
        '                2026-02-20 call ↔ pricing for the new API',
        '  Opener        Start by keeping your promise: send the deck (due today).',
        '',
      ].join('\n'),
    );
  });

  it('several people: one block each, in the order asked, each once, with the interests they share', () => {
    const briefs = s.json<Brief[]>(['brief', 'marco', 'giulia', '#2']);
    expect(briefs.map((b) => b.name)).toEqual(['Marco Bianchi', 'Giulia Rossi']);
    expect(briefs[1].shared_interests).toEqual([{ interest: 'AI', with: [{ contact_id: 2, name: 'Marco Bianchi' }] }]);
    const text = ok(s.net(['brief', 'marco', 'giulia']));
    expect(text.split('\n\n').map((block) => block.split('\n')[0])).toEqual(['Marco Bianchi #2 — Satispay', 'Giulia Rossi #1 — CTO at Satispay S.p.A.']);
    expect(text).toContain('                AI: shared with Giulia Rossi\n');
  });

  it('on a terminal: a bold header, and every line within 80 columns', () => {
    ok(s.net(['log', 'giulia', '--via', 'coffee', '-m', 'a long conversation about pricing, hiring, the AI meetup in May and the plans for a new office in Turin']));
    const out = ok(s.net(['brief', 'giulia'], { terminal: true }));
    expect(out).toContain('\u001b[1mGiulia Rossi #1');
    const lines = strip(out).split('\n');
    for (const line of lines) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
    // A long note wraps under itself.
    expect(lines).toContain('  Last touches  2026-03-14 coffee ↔ a long conversation about pricing, hiring,');
    expect(lines).toContain('                the AI meetup in May and the plans for a new office in Turin');
    ok(s.net(['undo', '--yes']));
  });

  it('text from the database cannot drive the terminal', () => {
    const sqlite = new Database(s.db);
    try {
      rawWrite(sqlite, "update interactions set note = 'evil \u001b[2J note' where note = 'talked about the AI meetup'");
    } finally {
      sqlite.close();
    }
    const out = ok(s.net(['brief', 'giulia'], { terminal: true }));
    expect(out).not.toContain('\u001b[2J');
    expect(out).toContain('evil \\u{1b}[2J note');
  });

  it('refuses what it cannot do: no one named, someone unknown, no database', () => {
    const none = s.net(['brief']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/say who: names or ids, or --today/);
    const unknown = s.net(['brief', 'giulia', 'nobody here']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no contact matches "nobody here"/);
    expect(unknown.stdout).toBe('');
    const empty = sandbox();
    try {
      expect(empty.net(['brief', 'anna']).code).toBe(1);
      expect(empty.net(['brief', 'anna']).stderr).toMatch(/no contact matches "anna"/);
      expect(existsSync(empty.db)).toBe(false);
    } finally {
      empty.cleanup();
    }
  });

  it('an archived person: the record, no reminders', () => {
    ok(s.net(['archive', 'sara']));
    const [sara] = s.json<Brief[]>(['brief', 'sara']);
    expect([sara.due, sara.reply_owed]).toEqual([[], null]);
    expect(ok(s.net(['brief', 'sara']))).toMatch(/^Sara Conti #4 \(archived\)\n/);
  });
});
