// net duplicates and net merge: finding one person recorded twice, merging
// them with everything that was theirs, and taking the merge back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Federico Sala', '--company', 'Mediobanca', '--email', 'f.sala@mediobanca.com', '--tag', 'finance', '--circle', 'close']));
  ok(s.net(['add', 'Federico Sala', '--company', 'Mediobanca S.p.A.', '--force', '--phone', '+39 333 1234567', '--tag', 'milan', '--role', 'Analyst']));
  ok(s.net(['add', 'Federico Sala', '--company', 'Intesa Sanpaolo', '--force']));
  ok(s.net(['log', '#1', '--via', 'coffee', '-m', 'first', '--date', '2026-03-01']));
  ok(s.net(['log', '#1', '#2', '--via', 'meeting', '-m', 'both', '--date', '2026-03-05']));
  ok(s.net(['log', '#2', '--via', 'call', '--follow-up', 'send the deck', '--gave', 'an intro', '--date', '2026-03-10']));
  ok(s.net(['outreach', 'add', '#1', '--why', 'runs the fintech group', '--channel', 'email']));
  ok(s.net(['outreach', 'add', '#2', '--why', 'the payments team', '--channel', 'email']));
  ok(s.net(['outreach', 'step', '#2', 'contacted']));
});
afterEach(() => s.cleanup());

interface Pair {
  score: number;
  a_id: number;
  b_id: number;
  reasons: string[];
}

describe('net duplicates', () => {
  it('proposes the same name at the same company, not the namesake elsewhere; --not silences a pair', () => {
    expect(s.json<Pair[]>(['duplicates']).map((p) => [p.a_id, p.b_id, p.reasons])).toEqual([[1, 2, ['same name and company']]]);
    const csv = ok(s.net(['duplicates', '--csv'])).split('\n');
    expect(csv[0]).toBe('score,a_id,a_name,a_company,b_id,b_name,b_company,reasons');
    expect(csv[1]).toBe('4,1,Federico Sala,Mediobanca,2,Federico Sala,Mediobanca S.p.A.,same name and company');
    expect(ok(s.net(['duplicates', '--not', '2', '1']))).toContain('are different people');
    expect(s.json<Pair[]>(['duplicates'])).toEqual([]);
    ok(s.net(['undo', '--yes']));
    expect(s.json<Pair[]>(['duplicates'])).toHaveLength(1);
  });
});

describe('net merge', () => {
  it('needs --yes without a terminal, and refuses a person merged with themselves', () => {
    expect(s.net(['merge', '1', '2'])).toMatchObject({ code: 2 });
    expect(s.net(['merge', '1', '#1', '--yes'])).toMatchObject({ code: 2 });
    expect(s.json<unknown[]>(['list'])).toHaveLength(3);
  });

  it("moves everything of OTHER's to KEEP, keeps KEEP's fields, takes the missing ones, unites the lists", () => {
    const out = ok(s.net(['merge', '1', '2', '--yes']));
    expect(out.split('\n').slice(0, 5)).toEqual([
      'Merged Federico Sala (#2) into Federico Sala (#1).',
      '  company       ✓ Mediobanca  |    Mediobanca S.p.A.',
      '  role            (none)  |  ✓ Analyst',
      '  circle        ✓ close  |    network',
      '  Federico Sala gains: phone +39 333 1234567, tag milan',
    ]);
    const keep = s.json<{ company: string; role: string; phone: string; circle: string; tags: string[]; interactions: Array<{ contacts: string[] }>; followups: unknown[]; favours: unknown[] }>(['show', '1']);
    expect(keep).toMatchObject({ company: 'Mediobanca', role: 'Analyst', phone: '+39 333 1234567', circle: 'close', tags: ['finance', 'milan'] });
    // Four interactions (the outreach step logged one), each with one participant: the meeting had both.
    expect(keep.interactions.map((i) => i.contacts)).toEqual([['Federico Sala'], ['Federico Sala'], ['Federico Sala'], ['Federico Sala']]);
    expect(keep.followups).toHaveLength(1);
    expect(keep.favours).toHaveLength(1);
    // OTHER's id resolves to KEEP; OTHER is gone from every listing.
    expect(s.json<{ id: number }>(['show', '2']).id).toBe(1);
    expect(s.json<Array<{ id: number }>>(['list']).map((c) => c.id)).toEqual([1, 3]);
    // Two open outreach entries: the one further along (#2's, contacted) goes on, for KEEP.
    expect(s.json<Array<{ contact_id: number; stage: string }>>(['outreach', 'list']).map((o) => [o.contact_id, o.stage])).toEqual([[1, 'contacted']]);
    expect(s.json<Array<{ check: string; status: string }>>(['doctor']).find((c) => c.check === 'summaries')?.status).toBe('ok');
    expect(s.json<Array<{ name: string; last_contact: string }>>(['list'])[0].last_contact).toBe('2026-03-14');
  });

  it('is one command: undo takes it back whole, with the summaries right again', () => {
    const before = ['list', 'history', 'outreach list', 'followup list --all', 'favour list'].map((c) => ok(s.net([...c.split(' '), '--json'])));
    ok(s.net(['merge', '1', '2', '--yes']));
    ok(s.net(['undo', '--yes']));
    const after = ['list', 'history', 'outreach list', 'followup list --all', 'favour list'].map((c) => ok(s.net([...c.split(' '), '--json'])));
    expect(after).toEqual(before);
    expect(s.json<Array<{ check: string; status: string }>>(['doctor']).find((c) => c.check === 'summaries')?.status).toBe('ok');
    expect(s.json<Pair[]>(['duplicates'])).toHaveLength(1);
  });
});
