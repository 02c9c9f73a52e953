// The hub holds when tried: row-level security under each member's own role
// (raw SQL, as psql would send it), five members pushing at once, the server
// stopped in the middle of a sync, a hub newer than the program, a member
// removed from the team, and the pull's index.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../helpers.js';
import { startPgServer, type PgServer } from '../../bench/pg-server.js';
import { asRole, hubText, netAsync, serverForFile, teamWorld, type Member, type TeamWorld } from './team-fixture.js';

const server = serverForFile();

let world: TeamWorld;
beforeEach(async () => {
  world = await teamWorld(server());
});
afterEach(async () => world.cleanup());

describe('row-level security', () => {
  it('a member of team A cannot read or write team B, nor another member’s personal files', async () => {
    const ownerA = await world.member('ownera', { createrole: true });
    // A second team's owner needs no CREATEROLE: the hub makes the team's roles.
    const ownerB = await world.member('ownerb');
    const memberA = await world.member('membera');
    ok(ownerA.s.net(['add', 'Alpha Person', '--company', 'A-Corp']));
    ok(ownerB.s.net(['add', 'Beta Person', '--company', 'B-Corp']));
    ok(ownerA.s.net(['team', 'init', ownerA.url, '--team', `alpha ${world.database}`]));
    ok(ownerB.s.net(['team', 'init', ownerB.url, '--team', `beta ${world.database}`]));
    ok(ownerA.s.net(['team', 'add-member', memberA.role]));
    ok(memberA.s.net(['team', 'join', memberA.url]));
    // Another member's personal space, written through the hub.
    await asRole(ownerB, (c) => c.query("insert into net_hub.personal_files (space, name, bytes) values (gen_random_uuid(), 'batch-1', '\\x00')"));

    await asRole(memberA, async (c) => {
      const teams = await c.query<{ name: string }>('select name from net_hub.teams');
      expect(teams.rows.map((r) => r.name)).toEqual([`alpha ${world.database}`]);
      const batches = await c.query<{ facts: unknown }>('select facts from net_hub.batches');
      expect(JSON.stringify(batches.rows)).toContain('Alpha Person');
      expect(JSON.stringify(batches.rows)).not.toContain('Beta Person');
      expect((await c.query('select * from net_hub.personal_files')).rows).toEqual([]);
      expect((await c.query('select * from net_hub.members where member = $1', [ownerB.role])).rows).toEqual([]);
      const teamB = (await world.admin.query<{ id: string }>('select id from net_hub.teams where name = $1', [`beta ${world.database}`])).rows[0].id;
      await expect(c.query("insert into net_hub.batches (team, device, idx, upto, facts, count) values ($1, 'd', 1, 1, '[]', 0)", [teamB])).rejects.toThrow(/row-level security/);
      await expect(c.query("insert into net_hub.members (team, member, access) values ($1, current_user, 'owner')", [teamB])).rejects.toThrow(/row-level security/);
      await expect(c.query('delete from net_hub.batches')).rejects.toThrow(/permission denied/);
      await expect(c.query("update net_hub.teams set name = 'mine'")).rejects.toThrow(/permission denied/);
      // Nor give itself the owner's role.
      await expect(c.query(`grant ${`net_alpha_${world.database}_owner`} to current_user`)).rejects.toThrow(/permission denied|must have admin option/);
    });
  });

  it('a viewer cannot push', async () => {
    const owner = await world.member('owner', { createrole: true });
    const viewer = await world.member('viewer');
    ok(owner.s.net(['team', 'init', owner.url, '--team', `v ${world.database}`]));
    ok(owner.s.net(['team', 'add-member', viewer.role, '--viewer']));
    const team = (await world.admin.query<{ id: string }>('select id from net_hub.teams')).rows[0].id;
    await asRole(viewer, async (c) => {
      await expect(c.query("insert into net_hub.batches (team, device, idx, upto, facts, count) values ($1, 'd', 1, 1, '[]', 0)", [team])).rejects.toThrow(/row-level security/);
    });
  });
});

describe('concurrency and faults', () => {
  it('five members pushing at once, in rounds, lose and duplicate nothing', async () => {
    const owner = await world.member('boss', { createrole: true });
    ok(owner.s.net(['team', 'init', owner.url, '--team', `five ${world.database}`]));
    const members: Member[] = [];
    for (let i = 0; i < 5; i += 1) {
      const m = await world.member(`m${i}`);
      ok(owner.s.net(['team', 'add-member', m.role]));
      ok(m.s.net(['add', `Person ${i}`, '--company', `Company ${i}`]));
      ok(m.s.net(['team', 'join', m.url]));
      members.push(m);
    }
    const rounds = 3;
    for (let round = 0; round < rounds; round += 1) {
      members.forEach((m, i) => ok(m.s.net(['log', `Person ${i}`, '--via', 'call', '--date', `2026-11-${10 + round}`])));
      const results = await Promise.all(members.map((m) => netAsync(m.s, ['team', 'sync'])));
      for (const r of results) expect(r.code, r.stderr).toBe(0);
    }
    ok(owner.s.net(['team', 'sync']));
    const touches = owner.s.query<{ member: string; n: number }>('select member, count(*) as n from team_touches group by member order by member');
    expect(touches).toEqual(members.map((m) => ({ member: m.role, n: rounds })).sort((a, b) => a.member.localeCompare(b.member)));
    const hub = await world.admin.query<{ n: number; distinct_idx: number }>('select count(*)::int as n, count(distinct (member, device, idx))::int as distinct_idx from net_hub.batches');
    expect(hub.rows[0].n).toBe(hub.rows[0].distinct_idx);
    // Every member ends with the same copy.
    await Promise.all(members.map((m) => netAsync(m.s, ['team', 'sync'])));
    const copies = members.map((m) => m.s.query('select uid, same_as, deleted from team_people order by uid'));
    for (const copy of copies) expect(copy).toEqual(copies[0]);
  }, 120_000);

  it('a sync cut by the server stopping fails cleanly, and the next one completes', async () => {
    // A server of its own, to stop (whatever NET_TEST_PG names).
    const own = await startPgServer({ own: true });
    const faulty = await teamWorld(own);
    try {
      await stoppedMidSync(own, faulty);
    } finally {
      await faulty.cleanup();
      own.close();
    }
  }, 120_000);
});

/** The server stopped in the middle of a sync: a clear failure, offline commands still work, and the next sync completes. */
async function stoppedMidSync(server: PgServer, world: TeamWorld): Promise<void> {
  {
    const owner = await world.member('own', { createrole: true });
    const other = await world.member('oth');
    ok(owner.s.net(['team', 'init', owner.url, '--team', `fault ${world.database}`]));
    ok(owner.s.net(['team', 'add-member', other.role]));
    ok(other.s.net(['team', 'join', other.url]));
    ok(owner.s.net(['add', 'Late Person', '--company', 'Late Co']));
    await world.admin.end();
    server.stop();
    try {
      const cut = owner.s.net(['team', 'sync']);
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/cannot reach the team's PostgreSQL server/);
      expect(ok(owner.s.net(['team', 'status']))).toContain('the last one failed');
      // Offline, the local commands still work.
      expect(ok(owner.s.net(['list']))).toContain('Late Person');
    } finally {
      server.start();
      world.admin = new pg.Client({ connectionString: world.adminUrl });
      world.admin.on('error', () => {});
      await world.admin.connect();
    }
    ok(owner.s.net(['team', 'sync']));
    ok(other.s.net(['team', 'sync']));
    expect(other.s.json<Array<{ name: string }>>(['list', '--team']).map((p) => p.name)).toContain('Late Person');
  }
}

describe('the hub refuses what it cannot take', () => {
  it('a hub upgraded by a newer net is refused, and nothing is changed', async () => {
    const owner = await world.member('o', { createrole: true });
    ok(owner.s.net(['team', 'init', owner.url, '--team', `new ${world.database}`]));
    await world.admin.query("insert into net_hub.kysely_migration (name, timestamp) values ('900-future', now()::text)");
    ok(owner.s.net(['add', 'Someone New']));
    const refused = owner.s.net(['team', 'sync']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('upgraded by a newer net (it has 900-future)');
    const again = owner.s.net(['team', 'init', owner.url, '--team', 'another']);
    expect(again.stderr).toMatch(/already in the team|newer net/);
    expect(await hubText(world.admin)).not.toContain('Someone New');
  });

  it('a member removed from the team can no longer pull', async () => {
    const owner = await world.member('own2', { createrole: true });
    const gone = await world.member('gone');
    ok(owner.s.net(['team', 'init', owner.url, '--team', `rm ${world.database}`]));
    ok(owner.s.net(['team', 'add-member', gone.role]));
    ok(gone.s.net(['team', 'join', gone.url]));
    ok(owner.s.net(['team', 'remove-member', gone.role]));
    ok(owner.s.net(['add', 'After Removal', '--company', 'X']));
    ok(owner.s.net(['team', 'sync']));
    const refused = gone.s.net(['team', 'sync']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not a member of the team');
    // Even by hand, with their own role.
    await asRole(gone, async (c) => expect((await c.query('select * from net_hub.batches')).rows).toEqual([]));
    expect(gone.s.query("select * from team_people where name = 'After Removal'")).toEqual([]);
  });
});

describe('pulling', () => {
  it('reads batches after the cursor through the index', async () => {
    const owner = await world.member('idx', { createrole: true });
    ok(owner.s.net(['team', 'init', owner.url, '--team', `index ${world.database}`]));
    // A hub with some history: 20,000 batches of twenty teams, this one's among them.
    const team = (await world.admin.query<{ id: string }>('select id from net_hub.teams')).rows[0].id;
    await world.admin.query(
      `insert into net_hub.teams (id, name, role_prefix, owner)
       select ('00000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, 'other ' || i, 'net_other_' || i, current_user from generate_series(1, 19) i`,
    );
    await world.admin.query(
      `insert into net_hub.batches (team, member, device, idx, upto, facts, count)
       select case when i % 20 = 0 then $1::uuid else ('00000000-0000-0000-0000-' || lpad((i % 20)::text, 12, '0'))::uuid end,
         current_user, 'd', i, i, '[]', 0 from generate_series(1, 20000) i`,
      [team],
    );
    await world.admin.query('analyze net_hub.batches');
    const plan = await asRole(owner, (c) => c.query<{ 'QUERY PLAN': string }>('explain select seq, member, facts from net_hub.batches where team = $1 and seq > 10000 order by seq limit 100', [team]));
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('batches_pull');
  });
});
