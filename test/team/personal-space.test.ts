// A member's personal space through the team's PostgreSQL hub: `net sync
// init postgres URL` on one device, `net sync join postgres URL` on another,
// the same role. The server holds the sealed files only its role can read,
// and nothing of the network in plain text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { serverForFile, teamWorld, type TeamWorld } from './team-fixture.js';

const server = serverForFile();

let world: TeamWorld;
let laptop: Sandbox;
beforeEach(async () => {
  world = await teamWorld(server());
  laptop = sandbox('2026-12-06');
});
afterEach(async () => {
  laptop.cleanup();
  await world.cleanup();
});

describe('a personal space on the hub', () => {
  it('syncs two devices of one member, encrypted, out of other roles’ reach', async () => {
    const marta = await world.member('marta', { createrole: true });
    const other = await world.member('other');
    ok(marta.s.net(['add', 'Federico Sala', '--company', 'Satispay', '--note', 'SECRET-NOTE']));
    const phrase = ok(marta.s.net(['sync', 'init', 'postgres', marta.url])).trim();
    expect(phrase.split(/\s+/)).toHaveLength(24);
    ok(laptop.net(['sync', 'join', 'postgres', marta.url], { env: { NET_SYNC_KEY: phrase } }));
    expect(laptop.json<Array<{ name: string }>>(['list']).map((p) => p.name)).toEqual(['Federico Sala']);

    ok(laptop.net(['log', 'federico', '--via', 'call', '-m', 'from the laptop']));
    ok(laptop.net(['sync']));
    ok(marta.s.net(['sync']));
    expect(ok(marta.s.net(['show', 'federico']))).toContain('from the laptop');

    const files = await world.admin.query<{ member: string; bytes: Buffer }>('select member, bytes from net_hub.personal_files');
    expect(files.rows.length).toBeGreaterThan(2);
    expect(new Set(files.rows.map((r) => r.member))).toEqual(new Set([marta.role]));
    for (const needle of ['Federico', 'SECRET-NOTE', 'from the laptop']) expect(Buffer.concat(files.rows.map((r) => r.bytes)).includes(needle)).toBe(false);

    // Another role on the same hub sees no file of it, and cannot join it.
    const stranger = sandbox('2026-12-06');
    try {
      const refused = stranger.net(['sync', 'join', 'postgres', other.url], { env: { NET_SYNC_KEY: phrase } });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('holds no space of net sync');
    } finally {
      stranger.cleanup();
    }
  });
});
