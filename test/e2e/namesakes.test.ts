// Two Marco Rossis in one network: every listing tells them apart, the
// ambiguity error says who is who, and completion inserts a reference that
// names one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  const early = { env: { NET_NOW: '2025-06-01' } };
  ok(s.net(['add', 'Marco Rossi', '--company', 'Nexi', '--role', 'CTO', '--circle', 'close'], early));
  ok(s.net(['add', 'Marco Rossi', '--company', 'Satispay', '--circle', 'close', '--force'], early));
  ok(s.net(['add', 'Giulia Bianchi', '--circle', 'close'], early));
  ok(s.net(['log', '#1', '--via', 'email', '--in', '--date', '2026-03-01', '--follow-up', 'send the deck', '--by', '2026-03-10']));
  ok(s.net(['log', '#2', '--via', 'coffee', '--date', '2026-01-20']));
});
afterAll(() => s.cleanup());

describe('namesakes', () => {
  it('the ambiguity error lists each with id, company, role and last contact', () => {
    const r = s.net(['show', 'marco rossi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'net: "marco rossi" matches several people:\n' +
        '  #1 Marco Rossi (CTO at Nexi; last contact 2026-03-01)\n' +
        '  #2 Marco Rossi (Satispay; last contact 2026-01-20)\n' +
        '  use the id (e.g. `#1`) or more of the name\n',
    );
  });

  it('a name with its id resolves to that person, and only if the name is theirs', () => {
    expect(s.json<{ id: number }>(['show', 'Marco Rossi #2']).id).toBe(2);
    expect(s.json<{ id: number }>(['show', 'marco #1']).id).toBe(1);
    const wrong = s.net(['show', 'Giulia Bianchi #1']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('#1 is Marco Rossi, not Giulia Bianchi');
  });

  it('net due, followup list, history and review name them with their company', () => {
    const due = ok(s.net(['due']));
    expect(due).toContain('Marco Rossi (Nexi)\t');
    expect(due).toContain('Marco Rossi (Satispay)\t');
    expect(ok(s.net(['followup', 'list']))).toContain('Marco Rossi (Nexi)\tmine\tsend the deck');
    expect(ok(s.net(['history']))).toContain('Marco Rossi (Satispay)');
    expect(ok(s.net(['review']))).toMatch(/Marco Rossi \(Nexi\)/);
    // Machine output keeps the name as stored.
    expect(s.json<Array<{ name: string }>>(['due']).map((i) => i.name)).toContain('Marco Rossi');
  });

  it('without a company to tell them apart, the #id', () => {
    ok(s.net(['add', 'Giulia Bianchi', '--force']));
    expect(ok(s.net(['history']))).not.toContain('Giulia Bianchi #');
    ok(s.net(['log', 'giulia bianchi #3', '--via', 'call']));
    expect(ok(s.net(['history']))).toContain('Giulia Bianchi #3');
  });

  it('completion inserts a reference that names one person', () => {
    const out = ok(s.net(['__complete', 'bash', '--', 'show', 'marco']));
    const values = out.split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[0]);
    expect(values).toEqual(['Marco Rossi #1', 'Marco Rossi #2']);
    for (const value of values) expect(s.json<{ name: string }>(['show', value]).name).toBe('Marco Rossi');
  });
});
