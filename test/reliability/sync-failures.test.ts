// net sync when things go wrong: killed with SIGKILL while pulling and while
// pushing, a wrong recovery phrase, a flipped byte or a truncated file in the
// folder, a clock a day ahead, and a device joining after 10,000 operations.
import { readdirSync, readFileSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, seededRandom, start } from './support.js';

let a: Sandbox;
let b: Sandbox;
let space: string;
beforeEach(() => {
  a = sandbox();
  b = sandbox();
  space = join(a.dir, 'space');
  mkdirSync(space);
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

const inProcess = { spawn: false };

/** A's network, a space in a folder, and B joined to it; returns the phrase. */
function twoDevices(): string {
  ok(a.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com', '--tag', 'ai'], inProcess));
  ok(a.net(['log', 'giulia', '--via', 'coffee', '-m', 'the AI meetup'], inProcess));
  const phrase = ok(a.net(['sync', 'init', 'folder', space], inProcess)).trim();
  ok(b.net(['sync', 'join', 'folder', space], { ...inProcess, env: { NET_SYNC_KEY: phrase } }));
  return phrase;
}

function data(s: Sandbox): unknown {
  const strip = (rows: Array<Record<string, unknown>>) =>
    rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id' && !k.endsWith('_id') && !k.endsWith('_ids') && k !== 'created_at' && k !== 'updated_at')))
      .sort((x, y) => String(x.uid).localeCompare(String(y.uid)));
  return Object.fromEntries(['contacts', 'interactions', 'followups', 'favours', 'outreach'].map((e) => [e, strip(s.json(['export', e], inProcess))]));
}

function batchFiles(): string[] {
  return readdirSync(space, { recursive: true, encoding: 'utf8' }).filter((f) => /batch-\d+$/.test(f));
}

/** An interactions CSV of `rows` rows among 40 people. */
function interactionsCsv(dir: string, rows: number): string {
  const lines = ['date,contacts,via,direction,note'];
  for (let i = 0; i < rows; i += 1) lines.push(`2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},Person ${i % 40},call,mutual,call number ${i}`);
  const path = join(dir, 'interactions.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('killed mid-sync', () => {
  it('a pull or a push killed with SIGKILL at random moments leaves a sound database, and the next sync completes', async () => {
    twoDevices();
    ok(a.net(['import', 'csv', interactionsCsv(a.dir, 300), '--interactions'], inProcess));
    for (let i = 0; i < 30; i += 1) {
      ok(a.net(['log', 'giulia', '--via', 'call', '-m', `call ${i}`], inProcess));
      ok(a.net(['sync'], inProcess));
    }
    const random = seededRandom(16);
    const applied = () => b.query<{ n: number }>('select count(*) as n from sync_batches')[0].n;
    const counts: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      // Killed once a few more batches are in: between two of them, or inside the next.
      const target = applied() + 1 + Math.floor(random() * 6);
      const { child, done } = start(b, ['sync']);
      let finished = false;
      void done.then(() => (finished = true));
      while (!finished && applied() < target) await new Promise((resolve) => setTimeout(resolve, 2));
      child.kill('SIGKILL');
      await done;
      counts.push(applied());
      expect(integrity(b.db)).toBe('ok');
      const doctor = b.net(['doctor', '--json'], inProcess);
      const checks = JSON.parse(doctor.stdout) as Array<{ check: string; status: string }>;
      expect(checks.find((c) => c.check === 'summaries')?.status).toBe('ok');
    }
    // It was killed part of the way through, more than once.
    expect(counts.filter((n) => n > 1 && n < 32).length).toBeGreaterThan(1);
    // A push killed too: commands made, the sync cut short, then done again.
    for (let i = 0; i < 5; i += 1) ok(a.net(['log', 'giulia', '--via', 'email', '--in', '-m', `mail ${i}`], inProcess));
    const { child, done } = start(a, ['sync']);
    await new Promise((resolve) => setTimeout(resolve, 60 + random() * 200));
    child.kill('SIGKILL');
    await done;
    ok(a.net(['sync']));
    ok(b.net(['sync']));
    ok(a.net(['sync']));
    expect(data(b)).toEqual(data(a));
    expect(b.json<{ unpushed_operations: number; waiting_batches: number }>(['sync', 'status'], inProcess)).toMatchObject({ unpushed_operations: 0, waiting_batches: 0 });
  }, 120_000);
});

describe('what sync refuses', () => {
  it('a wrong recovery phrase: a clear error, nothing applied, this device not syncing', () => {
    ok(a.net(['add', 'Giulia Rossi'], inProcess));
    ok(a.net(['sync', 'init', 'folder', space], inProcess));
    const other = sandbox();
    try {
      const otherSpace = join(other.dir, 'space');
      mkdirSync(otherSpace);
      const wrong = ok(other.net(['sync', 'init', 'folder', otherSpace], inProcess)).trim();
      const result = b.net(['sync', 'join', 'folder', space], { env: { NET_SYNC_KEY: wrong } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^net: the key does not open the space in the folder .*: the recovery phrase is not this space's\n/);
      expect(b.json(['list'], inProcess)).toEqual([]);
      expect(b.json<{ syncing: boolean }>(['sync', 'status'], inProcess).syncing).toBe(false);
      const typo = b.net(['sync', 'join', 'folder', space], { env: { NET_SYNC_KEY: wrong.replace(/^\w+/, 'abandonx') } });
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('word 1 of the recovery phrase ("abandonx") is not a word of the list');
    } finally {
      other.cleanup();
    }
  });

  it.each([
    ['a flipped byte', (path: string) => {
      const bytes = readFileSync(path);
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      writeFileSync(path, bytes);
    }, /was changed or damaged after it was written/],
    ['a truncated file', (path: string) => truncateSync(path, 20), /is truncated or not a file of net sync/],
  ])('%s in a batch: refused and named, nothing of it applied', (_, damage, message) => {
    twoDevices();
    ok(a.net(['add', 'Marco Bianchi'], inProcess));
    ok(a.net(['sync'], inProcess));
    const [file] = batchFiles();
    damage(join(space, file));
    const before = data(b);
    const result = b.net(['sync']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(file.replace(/\\/g, '/'));
    expect(data(b)).toEqual(before);
    expect(b.json<{ last_error: string }>(['sync', 'status'], inProcess).last_error).toContain(file);
  });
});

describe('clocks and latecomers', () => {
  it('a clock a day ahead wins only until a later change made after seeing it', () => {
    twoDevices();
    const ahead = { ...inProcess, env: { NET_NOW: '2026-03-15T11:00:00' } };
    ok(a.net(['edit', 'giulia', '--company', 'Ahead'], ahead));
    ok(a.net(['sync'], ahead));
    ok(b.net(['sync'], inProcess));
    // B's clock says a day earlier, but B has seen A's reading: its edit comes after.
    ok(b.net(['edit', 'giulia', '--company', 'Behind but later'], inProcess));
    ok(b.net(['sync'], inProcess));
    ok(a.net(['sync'], ahead));
    for (const s of [a, b]) expect(s.json<{ company: string }[]>(['list'], inProcess)[0].company).toBe('Behind but later');
    // And two edits made without seeing each other: the reading a day ahead wins, on both. An hour on for A
    // (with its clock standing still, both readings would be the last one seen plus one, and the device ids decide).
    ok(a.net(['edit', 'giulia', '--role', 'from the fast clock'], { ...inProcess, env: { NET_NOW: '2026-03-15T12:00:00' } }));
    ok(b.net(['edit', 'giulia', '--role', 'from the right clock'], inProcess));
    for (const [s, options] of [[a, ahead], [b, inProcess], [a, ahead]] as const) ok(s.net(['sync'], options));
    for (const s of [a, b]) expect(s.json<{ role: string }[]>(['list'], inProcess)[0].role).toBe('from the fast clock');
  });

  it('a device that joins after 10,000 operations gets all of them', () => {
    twoDevices();
    ok(a.net(['import', 'csv', interactionsCsv(a.dir, 5000), '--interactions'], inProcess));
    ok(a.net(['sync'], inProcess));
    const ops = a.query<{ n: number }>('select count(*) as n from ops')[0].n;
    expect(ops).toBeGreaterThan(10_000);
    const late = sandbox();
    try {
      const phrase = ok(a.net(['sync', 'key'], inProcess)).trim();
      ok(late.net(['sync', 'join', 'folder', space], { ...inProcess, env: { NET_SYNC_KEY: phrase } }));
      expect(data(late)).toEqual(data(a));
      expect(late.query<{ n: number }>('select count(*) as n from ops')[0].n).toBe(ops);
      ok(late.net(['doctor'], inProcess));
    } finally {
      late.cleanup();
    }
  }, 60_000);
});
