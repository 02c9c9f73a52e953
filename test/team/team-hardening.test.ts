// The team when tried as a careless user or a hostile teammate would: an
// edited note, a person deleted before joining, an undone shared note, an
// adopted person deleted by the adopter, a person three members hold in
// three ways, a search_path that shadows pg_has_role, an editor writing raw
// batches, a database restored from a backup.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../helpers.js';
import { asRole, hubText, serverForFile, startStudio, teamWorld, type Member, type TeamWorld } from './team-fixture.js';

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

describe('what reaches the hub', () => {
  it('a shared note edited is not shared again unless said; --share-note on the edit shares it', async () => {
    ok(marta.s.net(['add', 'Federico Sala', '--company', 'Satispay']));
    ok(marta.s.net(['log', 'federico', '--via', 'email', '--date', '2026-10-02', '-m', 'ok to share', '--share-note']));
    await startTeam();
    const id = String(marta.s.query<{ id: number }>('select id from interactions')[0].id);
    ok(marta.s.net(['history', 'edit', id, '-m', 'PRIVATE-EDITED-NOTE']));
    ok(marta.s.net(['team', 'sync']));
    expect(await hubText(world.admin)).not.toContain('PRIVATE-EDITED-NOTE');
    ok(marta.s.net(['history', 'edit', id, '-m', 'SHARED-AGAIN', '--share-note']));
    ok(marta.s.net(['team', 'sync']));
    expect(await hubText(world.admin)).toContain('SHARED-AGAIN');
  });

  it('people deleted before joining, and a shared note taken back by undo, are not sent', async () => {
    ok(marta.s.net(['add', 'Secret Person', '--email', 'secret@example.com']));
    ok(marta.s.net(['rm', 'Secret Person', '--yes']));
    ok(marta.s.net(['add', 'Federico Sala', '--company', 'Satispay']));
    await startTeam();
    ok(marta.s.net(['log', 'federico', '--via', 'call', '-m', 'OOPS-SHARED', '--share-note']));
    ok(marta.s.net(['undo', '--yes']));
    ok(marta.s.net(['team', 'sync']));
    const hub = await hubText(world.admin);
    for (const secret of ['Secret Person', 'secret@example.com', 'OOPS-SHARED']) expect(hub).not.toContain(secret);
  });
});

describe('one person for the team', () => {
  it('a teammate who took a person in and deletes them ends only their own holding', async () => {
    ok(marta.s.net(['add', 'Sara Verdi', '--company', 'Bending Spoons']));
    ok(marta.s.net(['log', 'sara', '--via', 'call', '--date', '2026-11-01']));
    await startTeam();
    ok(luca.s.net(['team', 'join', luca.url]));
    ok(luca.s.net(['team', 'adopt', 'Sara Verdi']));
    ok(luca.s.net(['team', 'sync']));
    ok(luca.s.net(['rm', 'Sara Verdi', '--yes']));
    ok(luca.s.net(['team', 'sync']));
    ok(marta.s.net(['team', 'sync']));
    for (const m of [marta, luca]) {
      expect(m.s.json<Array<{ name: string; held_by: string[] }>>(['list', '--team'])).toEqual([expect.objectContaining({ name: 'Sara Verdi', held_by: [marta.role] })]);
    }
    expect(luca.s.json<Array<{ member: string }>>(['who', '--team', '--company', 'Bending Spoons']).map((r) => r.member)).toEqual([marta.role]);
  });

  it('a record that joins two others makes one person of all three, on every member', async () => {
    const carla = await world.member('carla');
    ok(marta.s.net(['add', 'Anna Meyer', '--email', 'anna@x.com']));
    ok(luca.s.net(['add', 'Anna Meyer', '--linkedin', 'https://www.linkedin.com/in/annameyer']));
    ok(carla.s.net(['add', 'Anna Meyer', '--email', 'anna@x.com', '--linkedin', 'https://www.linkedin.com/in/annameyer']));
    await startTeam();
    ok(marta.s.net(['team', 'add-member', carla.role, '--editor']));
    ok(luca.s.net(['team', 'join', luca.url]));
    ok(carla.s.net(['team', 'join', carla.url]));
    for (const m of [marta, luca]) ok(m.s.net(['team', 'sync']));
    for (const m of [marta, luca, carla]) {
      const team = m.s.json<Array<{ held_by: string[] }>>(['list', '--team']);
      expect(team).toHaveLength(1);
      expect(team[0].held_by).toEqual([marta.role, luca.role, carla.role].sort());
    }
  });
});

describe('a hostile role', () => {
  it('cannot read the hub by putting a pg_has_role of its own first in its search_path', async () => {
    ok(marta.s.net(['add', 'Federico Sala', '--email', 'federico@satispay.com']));
    await startTeam();
    const eve = await world.member('eve');
    await asRole(eve, async (c) => {
      await c.query('create schema evil');
      await c.query("create function evil.pg_has_role(name, text, text) returns boolean language sql as 'select true'");
      await c.query("create function evil.pg_has_role(text, text) returns boolean language sql as 'select true'");
      await c.query('set search_path = evil, pg_catalog');
      expect((await c.query('select * from net_hub.batches')).rows).toEqual([]);
      expect((await c.query('select * from net_hub.teams')).rows).toEqual([]);
    });
  });

  it('an editor writing raw batches cannot delete a teammate’s person or rewrite their touches', async () => {
    ok(marta.s.net(['add', 'Federico Sala', '--company', 'Satispay']));
    ok(marta.s.net(['log', 'federico', '--via', 'meeting', '--date', '2026-11-20']));
    await startTeam();
    ok(luca.s.net(['team', 'join', luca.url]));
    const person = marta.s.query<{ uid: string }>('select uid from contacts')[0].uid;
    const touch = marta.s.query<{ uid: string }>('select uid from interactions')[0].uid;
    const team = (await world.admin.query<{ id: string }>('select id from net_hub.teams')).rows[0].id;
    const facts = [
      { t: 'person', uid: person, name: '', company: null, role: null, linkedin: null, location: null, emails: [], phones: [], tags: [], interests: [], deleted: true, merged_into: null },
      { t: 'touch', uid: touch, at: '2020-01-01T00:00:00.000Z', on: '2020-01-01', channel: 'email', direction: 'in', note: 'FORGED', people: [person], deleted: false },
    ];
    await asRole(luca, (c) =>
      c.query("insert into net_hub.batches (team, device, idx, upto, facts, count) values ($1, 'forged', 1, 0, $2, 2)", [team, JSON.stringify(facts)]),
    );
    ok(marta.s.net(['team', 'sync']));
    expect(marta.s.json<Array<{ name: string }>>(['list', '--team']).map((p) => p.name)).toEqual(['Federico Sala']);
    expect(marta.s.query('select occurred_on, note from team_touches')).toEqual([{ occurred_on: '2026-11-20', note: null }]);
  });
});

describe('a database restored from a backup', () => {
  it('pushes what is made after the restore, though the hub holds batches the backup never knew', async () => {
    await startTeam();
    const backup = join(marta.s.dir, 'before.db');
    ok(marta.s.net(['backup', backup]));
    ok(marta.s.net(['add', 'Before Restore', '--company', 'B']));
    ok(marta.s.net(['team', 'sync']));
    ok(marta.s.net(['restore', backup, '--yes']));
    ok(marta.s.net(['add', 'After Restore', '--company', 'C']));
    ok(marta.s.net(['team', 'sync']));
    expect(await hubText(world.admin)).toContain('After Restore');
    expect(marta.s.json<{ unpushed_records: number }>(['team', 'status']).unpushed_records).toBe(0);
  });
});
