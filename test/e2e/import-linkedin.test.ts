// net import linkedin and linkedin-messages: LinkedIn's data export, as it
// really comes (notes before the header, BOM, CRLF, quoted commas and line
// breaks, accents, empty emails, pre-2023 files without URLs).
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const fixture = (name: string) => resolve(import.meta.dirname, '..', 'fixtures', name);

interface Row {
  name: string;
  company: string | null;
  role: string | null;
  linkedin: string | null;
  how_met: string | null;
  met_on: string | null;
  circle: string;
  rhythm_from: string | null;
}

describe('net import linkedin', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
  });
  afterEach(() => s.cleanup());

  const contacts = () => s.query<Row>('select name, company, role, linkedin, how_met, met_on, circle, rhythm_from from contacts order by id');

  it('shows with --dry-run what it would do, with the rows it skips, and writes nothing', () => {
    const out = ok(s.net(['import', 'linkedin', fixture('Connections.csv'), '--dry-run']));
    // Each row's fate first, then the counts.
    expect(out.split('\n').slice(0, 6).every((line) => /^row \d+ +added {6}\S/.test(line))).toBe(true);
    expect(out.slice(out.indexOf('Dry run'))).toBe(
      `Dry run, nothing written: 7 contacts from ${fixture('Connections.csv')} (LinkedIn connections).\n` +
        '  added 6, updated 0, unchanged 0, skipped 1\n' +
        'Skipped:\n' +
        '  row 9: no name (LinkedIn leaves out the names of closed accounts)\n',
    );
    // Not even the database file: there was none before.
    expect(existsSync(s.db)).toBe(false);
  });

  it('adds each connection met on LinkedIn, and spreads first touches over the circle rhythm', () => {
    const out = ok(s.net(['import', 'linkedin', fixture('Connections.csv'), '--circle', 'network', '--tag', 'linkedin']));
    expect(out).toContain('  added 6, updated 0, unchanged 0, skipped 1\n');
    expect(out).toContain('First touches of 6 new people in network spread over the next 120 days (about 1 a day).');
    const rows = contacts();
    expect(rows.map((r) => r.name)).toEqual(['Giulia Rossi', 'Niccolò Bianchi', 'Françoise Dupont', 'Marco Verdi', 'Anna Meyer', 'José Núñez García']);
    expect(rows[2]).toMatchObject({ company: 'Rossi, Bianchi & Partners', role: 'Head of Partnerships, EMEA', met_on: '2022-02-28', how_met: 'LinkedIn', circle: 'network' });
    expect(rows[3].role).toBe('Founder (ex-Google)');
    expect(rows[4].role).toBe('=HYPERLINK("http://evil.example")');
    expect(s.query('select email from contact_emails order by contact_id')).toEqual([{ email: 'giulia@satispay.example' }, { email: 'marco.verdi@example.org' }]);
    expect(s.query("select count(*) as n from contact_tags where tag = 'linkedin'")).toEqual([{ n: 6 }]);
    // First due days: tomorrow first, then evenly apart, all within one rhythm.
    const due = rows.map((r) => addDays(r.rhythm_from as string, 120));
    expect(due).toEqual(['2026-03-15', '2026-04-04', '2026-04-24', '2026-05-14', '2026-06-03', '2026-06-23']);
    expect(s.json<unknown[]>(['due'])).toEqual([]);
  });

  it('updates by profile URL on a newer export and adds no one twice', () => {
    ok(s.net(['import', 'linkedin', fixture('Connections.csv')]));
    expect(ok(s.net(['import', 'linkedin', fixture('Connections.csv')]))).toContain('  added 0, updated 0, unchanged 6, skipped 1\n');
    const out = ok(s.net(['import', 'linkedin', fixture('Connections-2026.csv')]));
    expect(out).toContain('  added 1, updated 2, unchanged 4, skipped 0\n');
    const rows = contacts();
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({ name: 'Giulia Rossi', company: 'Scalapay', role: 'VP Engineering', circle: 'acquaintance', rhythm_from: null });
    expect(s.query("select email from contact_emails e join contacts c on c.id = e.contact_id where c.name = 'Anna Meyer'")).toEqual([{ email: 'anna@meyer.example' }]);
  });

  it('matches an export without URLs (before 2023) by name and company', () => {
    ok(s.net(['import', 'linkedin', fixture('Connections-2019.csv')]));
    expect(contacts().map((r) => r.linkedin)).toEqual([null, null, null]);
    const out = ok(s.net(['import', 'linkedin', fixture('Connections.csv')]));
    expect(out).toContain('  added 4, updated 2, unchanged 0, skipped 1\n');
    const giulia = contacts()[0];
    // The first meeting stays; the job and the profile come from the newer export.
    expect(giulia).toMatchObject({ met_on: '2019-03-15', role: 'CTO', linkedin: 'https://www.linkedin.com/in/giuliarossi' });
  });

  it('stops at a malformed row, names it, and writes nothing', () => {
    const bad = resolve(s.dir, 'Connections.csv');
    writeFileSync(bad, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnna,Meyer,,,Zalando,Dev,03 Mar 2025\nLuca,"Ferri,,,,,01 Jan 2024\n');
    const result = s.net(['import', 'linkedin', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`net: ${bad}: row 3: not valid CSV (Quote Not Closed: the parsing is finished with an opening quote)`);
    expect(result.stdout).toBe('');
    expect(s.query('select count(*) as n from contacts')).toEqual([{ n: 0 }]);
  });

  it('refuses a file of another kind', () => {
    const result = s.net(['import', 'linkedin', fixture('google-contacts.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no header row with First Name, Last Name, Connected On (LinkedIn Connections.csv) in its first rows');
  });
});

describe('net import linkedin-messages', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
    ok(s.net(['import', 'linkedin', fixture('Connections.csv')]));
  });
  afterEach(() => s.cleanup());

  const history = () => s.json<Array<{ date: string; via: string; direction: string; contacts: string[]; note: string | null }>>(['history']);

  it('makes each message an interaction through linkedin, inbound or outbound, once', () => {
    const out = ok(s.net(['import', 'linkedin-messages', fixture('messages.csv')]));
    expect(out).toContain('  added 5, updated 0, unchanged 0, skipped 1\n');
    expect(out).toContain('  row 6: no contact matches https://www.linkedin.com/in/lucaferri (import Connections.csv first)');
    expect(out).toContain('Took Alex Moretti (https://www.linkedin.com/in/alexmoretti) as you');
    expect(history().map((h) => [h.date, h.direction, h.contacts.join(' & ')])).toEqual([
      ['2026-03-10', 'out', 'Anna Meyer & Niccolò Bianchi'],
      ['2026-03-01', 'out', 'Giulia Rossi'],
      ['2026-03-01', 'in', 'Giulia Rossi'],
      ['2026-02-21', 'in', 'Marco Verdi'],
      ['2026-02-20', 'out', 'Marco Verdi'],
    ]);
    expect(history()[4].note).toBe('Fintech group\nHi Marco,\nGiulia told me about the Milan fintech group.\nCould we have a short virtual coffee?');
    expect(ok(s.net(['import', 'linkedin-messages', fixture('messages.csv')]))).toContain('  added 0, updated 0, unchanged 5, skipped 1\n');
    // The last LinkedIn message of Marco came in and was not answered: a reply is owed.
    expect(s.json<Array<{ kind: string; name: string }>>(['due']).map((d) => [d.kind, d.name])).toContainEqual(['reply', 'Marco Verdi']);
  });

  it('takes --me as said, and reads the oldest variant with a DIRECTION column', () => {
    ok(s.net(['import', 'linkedin-messages', fixture('messages.csv'), '--me', 'https://www.linkedin.com/in/giuliarossi']));
    // Seen from Giulia's side: her messages with Alex (not a contact), and others' messages that are not hers.
    expect(history()).toHaveLength(0);
    ok(s.net(['import', 'linkedin-messages', fixture('messages-2019.csv')]));
    expect(history().map((h) => [h.date, h.direction, h.contacts[0]])).toEqual([
      ['2019-05-02', 'out', 'Giulia Rossi'],
      ['2019-05-02', 'in', 'Giulia Rossi'],
    ]);
  });
});
