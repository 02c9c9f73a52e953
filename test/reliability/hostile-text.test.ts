// Text from outside that tried to reach the terminal or another program:
// names in the contacts field of interaction imports, controls and bidi
// overrides in any field, hostile values quoted by import warnings, and a
// bare CR in stored text, which broke vCard, iCalendar and protected CSV.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rawWrite } from '../raw-writes.js';
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { UNSAFE_FOR_TERMINAL } from './hostile.js';

const HOSTILE_NAMES: Array<[string, string]> = [
  ['an OSC 52 clipboard write', 'Eve\u001b]52;c;ZWNobyBwd25lZA==\u0007'],
  ['a colour escape', '\u001b[31mEve\u001b[0m'],
  ['a bell', 'Eve\u0007'],
  ['a carriage return', 'Eve\rMallory'],
  ['a line break', 'Eve\nMallory'],
  ['a C1 CSI', 'Eve\u009b31m'],
  ['a bidi override', 'Eve \u202eyrollaM'],
  ['a bidi isolate', 'Eve \u2067Mallory\u2069'],
  ['5,000 characters', 'E'.repeat(5000)],
];

let s: Sandbox;
const count = (table: string) => s.query<{ n: number }>(`select count(*) as n from ${table}`)[0].n;
const file = (name: string, content: string | Buffer) => {
  const path = join(s.dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com']));
});
afterAll(() => s.cleanup());

describe('names in the contacts field of interaction imports', () => {
  it.each(HOSTILE_NAMES)('refuses %s in import json, and creates nobody', (_, name) => {
    const contacts = count('contacts');
    const path = file('touches.json', JSON.stringify([{ date: '2026-03-01', contacts: ['Giulia Rossi', name], via: 'call' }]));
    const result = s.net(['import', 'json', path]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^net: record 1: contacts .*(control character|line break|bidirectional control|longer than 200)/);
    expect(result.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
    expect(count('contacts')).toBe(contacts);
    expect(count('interactions')).toBe(0);
  });

  // The same check: a few of the names are enough for the other ways in (each case starts net three times).
  it.each(HOSTILE_NAMES.filter(([what]) => /OSC 52|carriage|override|5,000/.test(what)))('refuses %s in import csv --interactions, a uid reference and a follow-up', (_, name) => {
    const contacts = count('contacts');
    const cell = `"${name.replace(/"/g, '""')}"`;
    const csv = s.net(['import', 'csv', '--interactions', file('touches.csv', `date,contacts,via\n2026-03-01,${cell},call\n`)]);
    expect(csv.code, csv.stderr).toBe(1);
    expect(csv.stderr).toMatch(/^net: row 2: contacts /);
    expect(csv.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
    const byUid = [{ occurred_at: '2026-03-01T10:00:00.000Z', contacts: [name], contact_uids: ['0190a5b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b'], via: 'call', direction: 'out' }];
    expect(s.net(['import', 'json', file('uids.json', JSON.stringify(byUid))]).code).toBe(1);
    const followup = [{ name, text: 'send the deck', due_on: '2026-03-20' }];
    expect(s.net(['import', 'json', file('followups.json', JSON.stringify(followup))]).code).toBe(1);
    expect(count('contacts')).toBe(contacts);
  });

  it('still adds the people a file names with accents, apostrophes and emoji', () => {
    const path = file('touches.json', JSON.stringify([{ date: '2026-03-01', contacts: ['Niccolò D’Amico', 'Zoë 🎉'], via: 'call' }]));
    expect(ok(s.net(['import', 'json', path]))).toContain('2 new contacts');
    expect(s.query('select name from contacts where id > 1 order by id')).toEqual([{ name: 'Niccolò D’Amico' }, { name: 'Zoë 🎉' }]);
  });
});

describe('controls and bidi overrides in any field', () => {
  it.each([
    [['add', 'Eve\u009b31m'], 'NAME: "Eve\\u{9b}31m" has a control character (U+009B)'],
    [['add', 'Eve \u202eyrollaM'], 'has a bidirectional control (U+202E)'],
    [['add', 'Eve', '--company', 'Acme\u2066'], '--company: "Acme\\u{2066}" has a bidirectional control (U+2066)'],
    [['add', 'Eve', '--note', 'hi\u0085there'], '--note: "hi\\u{85}there" has a control character (U+0085)'],
    [['add', 'Eve', '--note', 'hi \u202e there'], 'has a bidirectional control (U+202E)'],
    [['edit', 'giulia', '--rename', 'Giulia\u0090'], '--rename: "Giulia\\u{90}" has a control character (U+0090)'],
    [['outreach', 'add', 'Eve\u202d'], 'has a bidirectional control (U+202D)'],
    [['log', 'giulia', '--follow-up', 'send\u009d'], 'has a control character (U+009D)'],
  ])('%j is refused, the character named', (args, message) => {
    const result = s.net(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(UNSAFE_FOR_TERMINAL);
  });

  it('keeps line breaks and tabs in a note, with CRLF and a lone CR stored as LF', () => {
    const { id } = s.json<{ id: number }>(['add', 'Anna Meyer', '--note', 'one\r\ntwo\rthree\n\tfour']);
    expect(s.query('select notes from contacts where id = ?', id)).toEqual([{ notes: 'one\ntwo\nthree\n\tfour' }]);
    ok(s.net(['log', 'anna', '-m', 'a\rb']));
    expect(s.query("select note from interactions where note like 'a%b'")).toEqual([{ note: 'a\nb' }]);
  });
});

describe('import warnings and skipped lines', () => {
  const OSC52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';

  it.each([false, true])('show a hostile value instead of sending it (dry run: %s)', (dryRun) => {
    const google = file(
      'google.csv',
      `First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Notes\nMarco,Bianchi,"m${OSC52}@x","+39${OSC52}","hi \u202e there"\n`,
    );
    const result = s.net(['import', 'google', google, ...(dryRun ? ['--dry-run'] : [])]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Warnings:$/m);
    expect(result.stdout).toContain('email "m\\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}@x" is not an email address; left out');
    expect(result.stdout).toContain('phone "+39\\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}" has a control character (U+001B); left out');
    expect(result.stdout).toContain('note "hi \\u{202e} there" has a bidirectional control (U+202E); left out');
    expect(result.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);
  });

  it('show the names of skipped messages, and the file name, the same way', () => {
    const messages = file(
      `messages\u001b[2J.csv`,
      `FROM,TO,DATE,CONTENT,DIRECTION\n"Eve${OSC52}",Me,2026-03-01 10:00:00 UTC,hello,INCOMING\n`,
    );
    const result = s.net(['import', 'linkedin-messages', messages, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('no contact matches "Eve\\u{1b}]52;c;ZWNobyBwd25lZA==\\u{7}"');
    expect(result.stdout).toContain('messages\\u{1b}[2J.csv');
    expect(result.stdout).not.toMatch(UNSAFE_FOR_TERMINAL);
  });
});

describe('a bare CR in stored text, as a database from before may hold', () => {
  let d: Sandbox;
  const NOTE = 'hi\rEMAIL:evil@example.com\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory';
  beforeAll(() => {
    d = sandbox();
    ok(d.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com']));
    ok(d.net(['followup', 'add', 'giulia', 'send the deck', '--by', '2026-03-10']));
    const db = new Database(d.db);
    rawWrite(db, () => {
      db.prepare('update contacts set notes = ?, company = ?').run(NOTE, "Acme\r=cmd|' /C calc'!A0");
      db.prepare('update followups set text = ?').run('send\rthe deck');
    });
    db.close();
  });
  afterAll(() => d.cleanup());

  it('vCard: one card, one NOTE, no EMAIL of the note; imported again, the note has LF', () => {
    const vcf = ok(d.net(['export', 'contacts', '--vcf']));
    expect(vcf.replace(/\r\n/g, '')).not.toContain('\r');
    expect(vcf.match(/^BEGIN:VCARD/gm)).toHaveLength(1);
    expect(vcf.match(/^EMAIL/gm)).toHaveLength(1);
    const again = sandbox();
    try {
      ok(again.net(['import', 'vcf', file('cr.vcf', vcf)]));
      expect(again.query('select name, notes from contacts')).toEqual([{ name: 'Giulia Rossi', notes: NOTE.replace(/\r/g, '\n') }]);
      expect(again.query('select email from contact_emails')).toEqual([{ email: 'giulia@example.com' }]);
    } finally {
      again.cleanup();
    }
  });

  it('CSV: every cell with a CR quoted, no row split, no formula; imported again, the same contact', () => {
    const csv = ok(d.net(['export', 'contacts']));
    const rows = parse(csv) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(ok(d.net(['import', 'csv', file('cr.csv', csv)]))).toContain('updated 1');
    expect(d.query('select company, notes from contacts')).toEqual([{ company: "Acme =cmd|' /C calc'!A0", notes: NOTE.replace(/\r/g, '\n') }]);
  });

  it('iCalendar: no CR but in line ends; the title comes back whole', () => {
    // Due items flatten the text of a promise; a name is as stored.
    const db = new Database(d.db);
    rawWrite(db, () => db.prepare('update contacts set name = ?').run('Giulia\rROSSI'));
    db.close();
    const ics = ok(d.net(['export', 'due', '--ics']));
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const events = new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary'))).toContain('Promise to Giulia\nROSSI: send the deck');
  });
});

describe('stored text printed for people, as a database from before or a raw tool may hold it', () => {
  let d: Sandbox;
  const EVIL = 'Eve\u001b]52;c;ZWNobyBwd25lZA==\u0007 \u009b2J\u202eyrollaM\rX';
  beforeAll(() => {
    d = sandbox();
    ok(d.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com']));
    ok(d.net(['log', 'giulia', '-m', 'coffee']));
    ok(d.net(['followup', 'add', 'giulia', 'send the deck', '--by', '2026-03-10']));
    const db = new Database(d.db);
    rawWrite(db, () => {
      db.prepare('update contacts set name = ?, company = ?, notes = ?').run(`Giulia ${EVIL}`, EVIL, EVIL);
      db.prepare('update interactions set note = ?').run(EVIL);
      db.prepare('update followups set text = ?').run(EVIL);
    });
    db.close();
  });
  afterAll(() => d.cleanup());

  const views = [['list'], ['show', '1'], ['history'], ['followup', 'list'], ['due'], ['review'], ['changes'], ['search', 'eve']];
  it.each(views)('net %s, piped and on a terminal, escapes every control and bidi character', (...args) => {
    for (const terminal of [false, true]) {
      const result = d.net(args, { terminal, spawn: false });
      expect(result.code, result.stderr).toBe(0);
      // Net's own colours pass on a terminal; nothing else of the stored text does.
      const out = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
      expect(out, `${args.join(' ')} ${terminal ? 'terminal' : 'piped'}`).not.toMatch(UNSAFE_FOR_TERMINAL);
      expect(result.stderr.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(UNSAFE_FOR_TERMINAL);
    }
  });

  it('JSON keeps the stored text exactly: it is a contract for scripts', () => {
    const shown = JSON.parse(ok(d.net(['show', '1', '--json']))) as { company: string; notes: string };
    expect(shown.company).toBe(EVIL);
    expect(ok(d.net(['list', '--json']))).toContain('\u009b2J\u202e');
    // net brief --json too: escaped for a terminal, \u{202e} inside a JSON string would not even parse.
    const [brief] = JSON.parse(ok(d.net(['brief', '1', '--json']))) as Array<Record<string, unknown>>;
    expect(JSON.stringify(brief)).toContain('\u009b2J\u202e');
  });
});
