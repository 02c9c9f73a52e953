// net sync through real transports: two databases through a real folder and
// through a real git repository (a bare one on disk), each with concurrent
// edits of one field, a tag removed on one device and added again on the
// other, a deletion against an edit (the trash), a merge against a new
// interaction with the merged person, and two notes written at once (one
// kept). Nothing readable is left in the folder or the repository.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let a: Sandbox;
let b: Sandbox;
beforeEach(() => {
  a = sandbox();
  b = sandbox();
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const LATER = { env: { NET_NOW: '2026-03-15' } };

/** Every file under a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The user data as both devices must hold it: exports without local ids and bookkeeping instants. */
function data(s: Sandbox): unknown {
  const strip = (rows: Array<Record<string, unknown>>) =>
    rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id' && !k.endsWith('_id') && !k.endsWith('_ids') && k !== 'created_at' && k !== 'updated_at')))
      .sort((x, y) => String(x.uid).localeCompare(String(y.uid)));
  return Object.fromEntries(['contacts', 'interactions', 'followups', 'favours', 'outreach'].map((e) => [e, strip(s.json(['export', e]))]));
}

const SECRETS = ['Giulia', 'Rossi', 'Federico', 'giulia@example.com', 'the AI meetup', 'espresso', 'Satispay'];

async function scenario(kind: 'folder' | 'git', place: string): Promise<void> {
  ok(a.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com', '--tag', 'ai', '--company', 'Acme']));
  ok(a.net(['add', 'Marco Bianchi', '--tag', 'mentor']));
  ok(a.net(['add', 'Federico Sala', '--company', 'Mediobanca']));
  ok(a.net(['add', 'Federico Sala', '--company', 'Mediobanca S.p.A.', '--force']));
  ok(a.net(['log', 'giulia', '--via', 'coffee', '-m', 'the AI meetup']));
  const phrase = ok(a.net(['sync', 'init', kind, place])).trim();
  expect(phrase.split(' ')).toHaveLength(24);
  ok(b.net(['sync', 'join', kind, place], { env: { NET_SYNC_KEY: phrase } }));
  expect(b.json<unknown[]>(['list'])).toHaveLength(4);

  // At the same time on both devices, B's clock a day later.
  ok(a.net(['edit', 'giulia', '--company', 'Nexi', '--note', 'likes espresso, and wants to hear about the fintech meetup in May']));
  ok(b.net(['edit', 'giulia', '--company', 'Satispay', '--note', 'moved to Satispay in March; ask about the payments team'], LATER));
  ok(a.net(['edit', 'giulia', '--untag', 'ai']));
  ok(a.net(['edit', 'giulia', '--tag', 'ai']));
  ok(b.net(['edit', 'giulia', '--untag', 'ai'], LATER));
  ok(a.net(['edit', 'marco', '--untag', 'mentor']));
  ok(a.net(['rm', 'marco', '--yes']));
  ok(b.net(['edit', 'marco', '--role', 'CTO'], LATER));
  ok(a.net(['merge', '3', '4', '--yes']));
  ok(b.net(['log', '#4', '--via', 'call', '-m', 'a call with the second Federico'], LATER));

  for (const [s, options] of [[a, {}], [b, LATER], [a, {}], [b, LATER]] as const) ok(s.net(['sync'], options));

  expect(data(b)).toEqual(data(a));
  const giulia = a.json<{ company: string; tags: string[]; notes: string }[]>(['list']).find((p) => p.company === 'Satispay');
  expect(giulia?.tags).toEqual(['ai']);
  expect(giulia?.notes).toBe('moved to Satispay in March; ask about the payments team');
  for (const s of [a, b]) {
    // The note that lost is kept, on both devices.
    expect(ok(s.net(['show', 'giulia'], LATER))).toContain('likes espresso, and wants to hear about the fintech meetup in May');
    expect(s.json<{ conflicts: unknown[] }>(['sync', 'status']).conflicts).toHaveLength(1);
    // Marco: deleted on one device, edited on the other: deleted, and in the trash.
    expect(s.json<{ name: string }[]>(['list']).map((p) => p.name)).not.toContain('Marco Bianchi');
    expect(s.json<{ label: string }[]>(['trash']).map((t) => t.label)).toEqual([expect.stringContaining('Marco Bianchi')]);
    // The call with the merged Federico went to the one he was merged into.
    const call = s.json<{ note: string; contact_uids: string[] }[]>(['export', 'interactions']).find((i) => i.note === 'a call with the second Federico');
    expect(call?.contact_uids).toEqual([s.json<{ uid: string; company: string }[]>(['export', 'contacts']).find((p) => p.company === 'Mediobanca')?.uid]);
    ok(s.net(['doctor'], LATER));
  }

  // Back from the trash on one device, back everywhere.
  const [entry] = b.json<{ id: number }[]>(['trash']);
  ok(b.net(['trash', 'restore', String(entry.id)], LATER));
  ok(b.net(['sync'], LATER));
  ok(a.net(['sync']));
  expect(a.json<{ name: string; role: string | null }[]>(['list']).find((p) => p.name === 'Marco Bianchi')?.role).toBe('CTO');
  expect(data(b)).toEqual(data(a));
}

function readableEverywhere(root: string): string {
  return files(root)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

describe('net sync through a folder', () => {
  it('two databases converge; deletes, merges, concurrent edits, tags removed and added; nothing readable in the folder', async () => {
    const place = join(a.dir, 'space');
    execFileSync('mkdir', ['-p', place]);
    await scenario('folder', place);
    const everything = readableEverywhere(place);
    for (const secret of SECRETS) expect(everything, secret).not.toContain(secret);
  });
});

describe('net sync through git', () => {
  it('two databases converge through a bare repository; nothing readable in any of its objects', async () => {
    const remote = join(a.dir, 'remote.git');
    execFileSync('git', ['init', '-q', '--bare', remote]);
    await scenario('git', remote);
    const objects = execFileSync('git', ['-C', remote, 'cat-file', '--batch-all-objects', '--batch'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
    expect(objects.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) expect(objects, secret).not.toContain(secret);
    const log = execFileSync('git', ['-C', remote, 'log', '--format=%an %ae %s', 'net-sync']).toString();
    for (const secret of SECRETS) expect(log, secret).not.toContain(secret);
  });
});

describe('sync.auto', () => {
  it('a change starts a sync in the background when the last one is older than the setting; reading never does', async () => {
    const place = join(a.dir, 'space');
    execFileSync('mkdir', ['-p', place]);
    ok(a.net(['add', 'Giulia Rossi']));
    ok(a.net(['sync', 'init', 'folder', place]));
    ok(a.net(['config', 'set', 'sync.auto', '30']));
    const batches = () => files(place).filter((f) => /batch-\d+$/.test(f)).length;
    const later = { env: { NET_NOW: '2026-03-15' }, spawn: true };
    ok(a.net(['due'], later));
    expect(a.query("select value from meta where key = 'sync.auto_started'")).toEqual([]);
    ok(a.net(['log', 'giulia', '-m', 'a call'], later));
    for (let waited = 0; batches() === 0 && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(batches()).toBe(1);
    // Within the next 30 minutes, another change waits for a sync of its own.
    ok(a.net(['log', 'giulia', '-m', 'another call'], { env: { NET_NOW: '2026-03-15T12:10:00' }, spawn: true }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(batches()).toBe(1);
    expect(a.json<{ unpushed_operations: number }>(['sync', 'status']).unpushed_operations).toBeGreaterThan(0);
  });
});
