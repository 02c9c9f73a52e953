// net who through the built binary: the bridges to a company, an interest, a
// group or a person, warmest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

// `who` changes nothing: one network serves every test.
let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--company', 'Satispay', '--interest', 'fintech,AI', '--tag', 'milan', '--circle', 'close']));
  ok(s.net(['add', 'Anna Meyer', '--company', 'Satispay S.p.A.', '--interest', 'design']));
  ok(s.net(['add', 'Luca Verdi', '--interest', 'Fintech', '--tag', 'Milan']));
  ok(s.net(['add', 'Old Friend', '--company', 'satispay']));
  ok(s.net(['log', 'giulia', '--via', 'coffee', '--date', '2026-03-10']));
  ok(s.net(['log', 'giulia', '--via', 'call', '--date', '2026-02-01']));
  ok(s.net(['log', 'anna', '--via', 'email', '--date', '2026-01-10']));
  ok(s.net(['log', 'old friend', '--via', 'meal', '--date', '2024-06-01']));
  // Someone you are still trying to reach is not a bridge.
  ok(s.net(['outreach', 'add', 'Marco Bianchi', '--company', 'Nexi', '--interest', 'fintech', '--tag', 'milan']));
  ok(s.net(['outreach', 'add', 'Piero Satis', '--company', 'Satispay']));
});
afterAll(() => s.cleanup());

interface WhoRow {
  contact_id: number;
  name: string;
  matches: string[];
  last_contact: string | null;
  days_since: number | null;
  interactions_last_year: number;
  score: number;
}

describe('net who', () => {
  it('ranks the people at a company by how recently and how often you were in touch', () => {
    const rows = s.json<WhoRow[]>(['who', '--company', 'satispay']);
    expect(Object.keys(rows[0])).toEqual([
      'contact_id', 'name', 'company', 'role', 'circle', 'matches', 'last_contact', 'days_since', 'interactions_last_year', 'score',
    ]);
    expect(rows.map((r) => [r.name, r.matches, r.last_contact, r.days_since, r.interactions_last_year, r.score])).toEqual([
      ['Giulia Rossi', ['works at Satispay'], '2026-03-10', 4, 2, 1.31],
      ['Anna Meyer', ['works at Satispay S.p.A.'], '2026-01-10', 63, 1, 0.83],
      ['Old Friend', ['works at satispay'], '2024-06-01', 651, 0, 0.01],
    ]);
  });

  it('finds an interest or a tag without case, and puts people matching more first', () => {
    expect(s.json<WhoRow[]>(['who', '--interest', 'FINTECH']).map((r) => [r.name, r.matches])).toEqual([
      ['Giulia Rossi', ['interest: fintech']],
      ['Luca Verdi', ['interest: Fintech']],
    ]);
    expect(s.json<WhoRow[]>(['who', '--tag', 'milan', '--company', 'Satispay']).map((r) => [r.name, r.matches.length])).toEqual([
      ['Giulia Rossi', 2],
      ['Anna Meyer', 1],
      // Seen once, long ago, is still warmer than never.
      ['Old Friend', 1],
      ['Luca Verdi', 1],
    ]);
  });

  it("bridges to a person through their company, interests and tags (--for)", () => {
    const rows = s.json<WhoRow[]>(['who', '--for', 'marco']);
    expect(rows.map((r) => [r.name, r.matches])).toEqual([
      ['Giulia Rossi', ['interest: fintech', 'tag: milan']],
      ['Luca Verdi', ['interest: Fintech', 'tag: Milan']],
    ]);
  });

  it('prints a table when piped, CSV with the same keys, and a message when nobody matches', () => {
    const plain = ok(s.net(['who', '--company', 'Satispay'])).split('\n');
    expect(plain[0]).toBe('1\tGiulia Rossi\tworks at Satispay\tclose\t4d ago\t2\t1.31');
    const csv = ok(s.net(['who', '--interest', 'design', '--csv']));
    expect(csv).toBe(
      'contact_id,name,company,role,circle,matches,last_contact,days_since,interactions_last_year,score\n' +
        '2,Anna Meyer,Satispay S.p.A.,,network,design,2026-01-10,63,1,0.83\n'.replace(',design,', ',interest: design,'),
    );
    const none = s.net(['who', '--company', 'Nexi']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('No one in your network matches: no bridge there yet.\n');
  });

  it('needs something to bridge to (exit 2)', () => {
    const result = s.net(['who']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('net: who: say what to bridge to: --company, --interest, --tag or --for');
  });
});
