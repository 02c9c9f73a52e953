// Duplicates prevented: companies compared without their legal form, dry
// runs explained row by row, messages logged by hand not repeated by an
// import, outreach add using the person already there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

interface Fate {
  at: string;
  outcome: string;
  name: string;
  id: number | null;
  matched: { id: number; name: string; by: string } | null;
  fields: string[];
  reason: string | null;
}

const CONNECTIONS = (rows: string[]) =>
  ['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n') + '\n';

describe('companies with and without their legal form', () => {
  it('a re-import of LinkedIn with "S.p.A.", "Inc." or "SE" added finds the same people', () => {
    const first = CONNECTIONS([
      'Federico,Sala,,,Mediobanca,Analyst,01 Mar 2024',
      'Chiara,Neri,,,Edison,Engineer,01 Mar 2024',
      'Paul,Hart,,,McKinsey & Company,Partner,01 Mar 2024',
      'Lena,Vogt,,,Zalando,Designer,01 Mar 2024',
    ]);
    const again = CONNECTIONS([
      'Federico,Sala,,,Mediobanca S.p.A.,Analyst,01 Mar 2024',
      'Chiara,Neri,,,Edison S.p.A.,Engineer,01 Mar 2024',
      'Paul,Hart,,,"McKinsey & Company, Inc.",Partner,01 Mar 2024',
      'Lena,Vogt,,,Zalando SE,Designer,01 Mar 2024',
    ]);
    ok(s.net(['import', 'linkedin', '-'], { input: first }));
    const result = s.json<{ added: number; unchanged: number; rows: Fate[] }>(['import', 'linkedin', '-'], { input: again });
    expect(result).toMatchObject({ added: 0, unchanged: 4 });
    expect(result.rows.map((r) => [r.outcome, r.matched?.by])).toEqual(Array(4).fill(['unchanged', 'name and company']));
    expect(s.json<unknown[]>(['list'])).toHaveLength(4);
    expect(s.json<Array<{ company: string }>>(['list']).map((c) => c.company).sort()).toEqual(['Edison', 'McKinsey & Company', 'Mediobanca', 'Zalando']);
  });

  it('list --company and add find the company whatever its legal form; a namesake elsewhere is another person', () => {
    ok(s.net(['add', 'Federico Sala', '--company', 'Mediobanca S.p.A.']));
    expect(s.json<Array<{ name: string }>>(['list', '--company', 'mediobanca']).map((c) => c.name)).toEqual(['Federico Sala']);
    expect(s.json<Array<{ name: string }>>(['list', '--company', 'Mediobanca SpA']).map((c) => c.name)).toEqual(['Federico Sala']);
    const twin = s.net(['add', 'Federico Sala', '--company', 'Mediobanca']);
    expect(twin.code).toBe(1);
    expect(twin.stderr).toContain('#1 Federico Sala, Mediobanca S.p.A. (same name and company)');
    ok(s.net(['add', 'Federico Sala', '--company', 'Intesa Sanpaolo']));
    expect(s.json<unknown[]>(['list'])).toHaveLength(2);
  });
});

describe('import --dry-run explains every row', () => {
  it('added, updated (which fields), unchanged, matched to whom and why, skipped; on a terminal and in JSON', () => {
    ok(s.net(['add', 'Anna Meyer', '--email', 'anna@example.com']));
    ok(s.net(['add', 'Marco Bianchi', '--company', 'Nexi']));
    const csv = 'name,company,email\nAnna Meyer,Satispay,anna@example.com\nMarco Bianchi,Nexi S.p.A.,\nLuca Verdi,Edison,\n,Nobody,\n';
    const out = ok(s.net(['import', 'csv', '-', '--dry-run'], { input: csv }));
    expect(out.split('\n').slice(0, 3)).toEqual([
      'row 2  updated    Anna Meyer → #1 Anna Meyer (same email): company',
      'row 3  unchanged  Marco Bianchi → #2 Marco Bianchi (same name and company)',
      'row 4  added      Luca Verdi',
    ]);
    expect(out).toContain('Dry run, nothing written');
    expect(out).toContain('row 5: no name');
    const json = s.json<{ dryRun: boolean; rows: Fate[] }>(['import', 'csv', '-', '--dry-run'], { input: csv });
    expect(json.dryRun).toBe(true);
    expect(json.rows[0]).toEqual({
      at: 'row 2',
      outcome: 'updated',
      name: 'Anna Meyer',
      id: 1,
      matched: { id: 1, name: 'Anna Meyer', by: 'email' },
      fields: ['company'],
      reason: null,
    });
    expect(s.json<unknown[]>(['list'])).toHaveLength(2);
  });
});

describe('messages logged by hand are not repeated by an import', () => {
  it('attaches the message to the interaction logged by hand (same person, channel and direction, within a day); again changes nothing', () => {
    ok(s.net(['add', 'Anna Meyer']));
    ok(s.net(['log', 'anna', '--via', 'email', '--in', '--date', '2026-03-10']));
    ok(s.net(['log', 'anna', '--via', 'call', '--date', '2026-03-11', '-m', 'a call']));
    const csv =
      'date,contacts,via,direction,note\n' +
      '2026-03-10,Anna Meyer,email,in,asked about the Berlin job\n' +
      '2026-03-11,Anna Meyer,email,out,sent the deck\n' +
      '2026-03-02,Anna Meyer,email,in,an older message\n';
    const fates = s.json<{ rows: Fate[] }>(['import', 'csv', '--interactions', '-'], { input: csv }).rows;
    expect(fates.map((f) => f.outcome)).toEqual(['attached', 'added', 'added']);
    expect(fates[0].reason).toBe('already logged by hand as interaction #1: the message is attached to it');
    const history = s.json<Array<{ date: string; via: string; direction: string; note: string | null }>>(['history']);
    expect(history.map((h) => [h.date, h.via, h.direction, h.note])).toEqual([
      ['2026-03-11', 'email', 'out', 'sent the deck'],
      ['2026-03-11', 'call', 'mutual', 'a call'],
      ['2026-03-10', 'email', 'in', 'asked about the Berlin job'],
      ['2026-03-02', 'email', 'in', 'an older message'],
    ]);
    const again = s.json<{ added: number; unchanged: number }>(['import', 'csv', '--interactions', '-'], { input: csv });
    expect(again).toMatchObject({ added: 0, unchanged: 3 });
    expect(s.json<unknown[]>(['history'])).toHaveLength(4);
  });

  it('appends the message to a note written by hand', () => {
    ok(s.net(['add', 'Anna Meyer']));
    ok(s.net(['log', 'anna', '--via', 'linkedin', '--in', '--date', '2026-03-10', '-m', 'wants an intro']));
    ok(s.net(['import', 'csv', '--interactions', '-'], { input: 'date,contacts,via,direction,note\n2026-03-10,Anna Meyer,linkedin,in,"Hi! Could you introduce me to Sara?"\n' }));
    expect(s.json<Array<{ note: string }>>(['history']).map((h) => h.note)).toEqual(['wants an intro\nHi! Could you introduce me to Sara?']);
  });
});
