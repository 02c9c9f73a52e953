// A team on a real PostgreSQL server: two and three members, each with their
// own database and login role, syncing through the hub. People and the facts
// of interactions arrive; notes, circles, favours and follow-ups do not, and
// the hub's own tables are read to prove it. A person two members hold is one
// person; `net who --team`, `net list --team` and `net show` read the copy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../helpers.js';
import { hubText, serverForFile, startStudio, teamWorld, type Member, type TeamWorld } from './team-fixture.js';

const server = serverForFile();

let world: TeamWorld;
let marta: Member;
let luca: Member;
beforeEach(async () => {
  world = await teamWorld(server());
  marta = await world.member('marta', { createrole: true });
  luca = await world.member('luca');
});
afterEach(async () => world.cleanup());

async function startTeam(): Promise<void> {
  startStudio(world, marta, luca);
}

describe('two members', () => {
  it('share people and the facts of interactions; notes, circles, favours and follow-ups stay home', async () => {
    ok(marta.s.net(['add', 'Federico Sala', '--company', 'Satispay', '--email', 'federico@satispay.com', '--circle', 'inner', '--note', 'PRIVATE-CONTACT-NOTE', '--tag', 'fintech']));
    ok(marta.s.net(['log', 'federico', '--via', 'meeting', '--date', '2026-11-20', '-m', 'PRIVATE-LOG-NOTE', '--got', 'PRIVATE-FAVOUR', '--follow-up', 'PRIVATE-PROMISE']));
    ok(marta.s.net(['log', 'federico', '--via', 'email', '--in', '--date', '2026-10-02', '-m', 'SHARED-NOTE about the pilot', '--share-note']));
    await startTeam();
    ok(luca.s.net(['team', 'join', luca.url]));

    const hub = await hubText(world.admin);
    expect(hub).toContain('Federico Sala');
    expect(hub).toContain('federico@satispay.com');
    expect(hub).toContain('fintech');
    expect(hub).toContain('SHARED-NOTE about the pilot');
    for (const secret of ['PRIVATE-CONTACT-NOTE', 'PRIVATE-LOG-NOTE', 'PRIVATE-FAVOUR', 'PRIVATE-PROMISE', 'inner']) expect(hub).not.toContain(secret);

    // Luca's copy: the person and the two touches, nothing of Marta's own.
    const people = luca.s.query<{ name: string; company: string }>('select name, company from team_people');
    expect(people).toEqual([{ name: 'Federico Sala', company: 'Satispay' }]);
    const touches = luca.s.query<{ channel: string; direction: string; note: string | null }>('select channel, direction, note from team_touches order by occurred_on');
    expect(touches).toEqual([
      { channel: 'email', direction: 'in', note: 'SHARED-NOTE about the pilot' },
      { channel: 'meeting', direction: 'mutual', note: null },
    ]);
    // Not in Luca's own lists, due or review.
    expect(luca.s.json<unknown[]>(['list'])).toEqual([]);
    expect(ok(luca.s.net(['due']))).not.toContain('Federico');

    const who = ok(luca.s.net(['who', '--team', '--company', 'satispay']));
    expect(who).toContain(`${marta.role}  1 email and 1 meeting with Federico Sala this year, last on 2026-11-20 (meeting)`);
    expect(who).not.toContain('PRIVATE');
    expect(luca.s.json<Array<{ member: string; touches: number }>>(['who', '--team', '--interest', 'Fintech'])).toEqual([expect.objectContaining({ member: marta.role, touches: 2 })]);
    expect(ok(luca.s.net(['who', '--team', '--company', 'Nexi']))).toBe('No one else on the team has touched Nexi (as of the last `net team sync`).\n');
    const shown = ok(luca.s.net(['show', 'Federico Sala']));
    expect(shown).toContain("(the team's; not in your network)");
    expect(shown).toContain(`${marta.role} (2 touches, last 2026-11-20, meeting)`);

    // `net sync` in a network that is in a team (and syncs no devices) syncs with the team.
    ok(marta.s.net(['log', 'federico', '--via', 'call', '--date', '2026-12-01']));
    expect(ok(marta.s.net(['sync']))).toBe('Team: pushed 1 fact(s), pulled 1.\n');
    expect(ok(luca.s.net(['sync']))).toMatch(/^Team: pushed 0 fact\(s\), pulled 1\.\n$/);
    expect(luca.s.query('select count(*) as n from team_touches')).toEqual([{ n: 3 }]);
  });

  it('a person both members hold is one person, and show tells each who else knows them', async () => {
    ok(marta.s.net(['add', 'Anna Meyer', '--company', 'Siemens', '--email', 'anna@siemens.com']));
    ok(marta.s.net(['log', 'anna', '--via', 'call', '--date', '2026-09-01']));
    ok(luca.s.net(['add', 'Anna Meyer', '--email', 'ANNA@siemens.com']));
    ok(luca.s.net(['log', 'anna', '--via', 'coffee', '--date', '2026-11-30']));
    await startTeam();
    ok(luca.s.net(['team', 'join', luca.url]));
    ok(marta.s.net(['team', 'sync']));

    for (const m of [marta, luca]) {
      const team = m.s.json<Array<{ name: string; held_by: string[]; yours: boolean }>>(['list', '--team']);
      expect(team).toEqual([{ name: 'Anna Meyer', company: 'Siemens', role: null, held_by: [marta.role, luca.role].sort(), yours: true, emails: ['anna@siemens.com'] }]);
    }
    expect(ok(marta.s.net(['show', 'anna']))).toContain(`team       ${luca.role} (1 touch, last 2026-11-30, coffee)`);
    expect(ok(marta.s.net(['brief', 'anna']))).toContain(`${luca.role}: 1 touch, last on 2026-11-30 (coffee)`);
    expect(marta.s.json<Array<{ team: unknown[] }>>(['brief', 'anna'])[0].team).toEqual([{ member: luca.role, touches: 1, last_on: '2026-11-30', last_channel: 'coffee' }]);
    expect(ok(luca.s.net(['show', 'anna']))).toContain(`team       ${marta.role} (1 touch, last 2026-09-01, call)`);
    const ranks = luca.s.json<Array<{ member: string; touches: number }>>(['who', '--team', '--person', 'anna']);
    expect(ranks).toEqual([expect.objectContaining({ member: marta.role, touches: 1 })]);
  });

  it('namesakes at different companies stay two people', async () => {
    ok(marta.s.net(['add', 'Marco Rossi', '--company', 'Nexi']));
    ok(luca.s.net(['add', 'Marco Rossi', '--company', 'Satispay']));
    await startTeam();
    ok(luca.s.net(['team', 'join', luca.url]));
    expect(luca.s.json<Array<{ company: string }>>(['list', '--team']).map((p) => p.company).sort()).toEqual(['Nexi', 'Satispay']);
  });

  it('an edit, a merge and a deletion reach the other member; adopting a person keeps one person', async () => {
    ok(marta.s.net(['add', 'Sara Verdi', '--company', 'Bending Spoons']));
    ok(marta.s.net(['add', 'Paolo Neri', '--company', 'Nexi']));
    ok(marta.s.net(['add', 'Paolo N', '--email', 'paolo@nexi.it']));
    await startTeam();
    ok(luca.s.net(['team', 'join', luca.url]));
    expect(luca.s.json<unknown[]>(['list', '--team'])).toHaveLength(3);

    ok(marta.s.net(['edit', 'sara', '--role', 'CTO']));
    ok(marta.s.net(['merge', 'Paolo Neri', 'Paolo N', '--yes']));
    ok(marta.s.net(['team', 'sync']));
    ok(luca.s.net(['team', 'sync']));
    const team = luca.s.json<Array<{ name: string; role: string | null; emails: string[] }>>(['list', '--team']);
    expect(team.map((p) => [p.name, p.role, p.emails])).toEqual([
      ['Paolo Neri', null, ['paolo@nexi.it']],
      ['Sara Verdi', 'CTO', []],
    ]);

    ok(luca.s.net(['team', 'adopt', 'Sara Verdi', '--circle', 'active']));
    expect(luca.s.json<Array<{ name: string; circle: string }>>(['list']).map((p) => [p.name, p.circle])).toEqual([['Sara Verdi', 'active']]);
    ok(luca.s.net(['team', 'sync']));
    ok(marta.s.net(['team', 'sync']));
    const both = marta.s.json<Array<{ name: string; held_by: string[] }>>(['list', '--team']);
    expect(both.find((p) => p.name === 'Sara Verdi')?.held_by).toEqual([luca.role, marta.role].sort());
    expect(both).toHaveLength(2);

    ok(marta.s.net(['rm', 'Paolo Neri', '--yes']));
    ok(marta.s.net(['team', 'sync']));
    ok(luca.s.net(['team', 'sync']));
    expect(luca.s.json<Array<{ name: string }>>(['list', '--team']).map((p) => p.name)).toEqual(['Sara Verdi']);
  });
});

describe('three members', () => {
  it('each sees the others’ touches with one person, ranked warmest first, never their notes', async () => {
    const giada = await world.member('giada');
    for (const [m, date, via] of [
      [marta, '2025-01-10', 'call'],
      [luca, '2026-11-28', 'coffee'],
      [giada, '2026-06-01', 'meeting'],
    ] as const) {
      ok(m.s.net(['add', 'Federico Sala', '--company', 'Satispay', '--email', 'federico@satispay.com']));
      ok(m.s.net(['log', 'federico', '--via', via, '--date', date, '-m', `NOTE-OF-${m.role}`]));
    }
    await startTeam();
    ok(marta.s.net(['team', 'add-member', giada.role, '--viewer']));
    ok(luca.s.net(['team', 'join', luca.url]));
    ok(giada.s.net(['team', 'join', giada.url]));
    ok(marta.s.net(['team', 'sync']));
    ok(luca.s.net(['team', 'sync']));

    // A viewer reads the team and shares nothing.
    expect(await hubText(world.admin)).not.toContain('2026-06-01');
    const ranks = marta.s.json<Array<{ member: string }>>(['who', '--team', '--person', 'federico']);
    expect(ranks.map((r) => r.member)).toEqual([luca.role]);
    const fromGiada = giada.s.json<Array<{ member: string }>>(['who', '--team', '--company', 'Satispay']);
    expect(fromGiada.map((r) => r.member)).toEqual([luca.role, marta.role]);
    expect(ok(giada.s.net(['who', '--team', '--company', 'Satispay']))).not.toContain('NOTE-OF');
    const members = giada.s.json<Array<{ member: string; access: string }>>(['team', 'members']);
    expect(members.map((m) => [m.member, m.access]).sort()).toEqual(
      [
        [marta.role, 'owner'],
        [luca.role, 'editor'],
        [giada.role, 'viewer'],
      ].sort(),
    );
  });
});

describe('sync.auto', () => {
  it('a change in a network that is in a team syncs with it in the background', async () => {
    await startTeam();
    ok(marta.s.net(['config', 'set', 'sync.auto', '30']));
    ok(marta.s.net(['add', 'Late Addition', '--company', 'Background Co'], { env: { NET_NOW: '2026-12-07' }, spawn: true }));
    for (let waited = 0; !(await hubText(world.admin)).includes('Late Addition') && waited < 15_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await hubText(world.admin)).toContain('Late Addition');
  });
});
