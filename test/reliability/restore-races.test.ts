// net restore while other net processes write: no acknowledged write is lost
// (it is in the restored database or in the copy kept of the replaced one),
// two restores at once each keep a copy of their own, and a restore that could
// not take the lock says so instead of reporting a success.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, queryFile, run, sha1 } from './support.js';

let s: Sandbox;
let backupA: string;
let backupB: string;
beforeEach(() => {
  s = sandbox();
  backupA = join(s.dir, 'a.db');
  backupB = join(s.dir, 'b.db');
  ok(s.net(['add', 'Giulia Rossi']));
  ok(s.net(['add', 'Alpha Only']));
  ok(s.net(['backup', backupA]));
  ok(s.net(['rm', 'alpha', '--yes']));
  ok(s.net(['add', 'Beta Only']));
  ok(s.net(['backup', backupB]));
  ok(s.net(['rm', 'beta', '--yes']));
  ok(s.net(['add', 'Original Marker']));
});
afterEach(() => s.cleanup());

const names = (path: string): string[] => queryFile<{ name: string }>(path, 'select name from contacts where deleted_at is null order by id').map((r) => r.name);
const notes = (path: string): string[] => queryFile<{ note: string }>(path, 'select note from interactions').map((r) => r.note);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a restore and a writer holding the lock', () => {
  it('waits for the writer, then restores; the write is in the kept copy', async () => {
    const writer = new Database(s.db);
    writer.exec('begin immediate');
    writer.prepare('insert into current_command (id, ms, recording) values (0, 0, 0)').run();
    writer.prepare("update contacts set company = 'written under the lock' where name = 'Original Marker'").run();
    writer.prepare('delete from current_command where id = 0').run();
    const restoring = run(s, ['restore', backupA, '--yes', '--json']);
    await sleep(1500);
    writer.exec('commit');
    writer.close();
    const result = await restoring;
    expect(result.code, result.stderr).toBe(0);
    const { kept, contacts } = JSON.parse(result.stdout) as { kept: string; contacts: number };
    expect(names(s.db)).toEqual(['Giulia Rossi', 'Alpha Only']);
    expect(contacts).toBe(2);
    expect(queryFile(kept, "select company from contacts where name = 'Original Marker'")).toEqual([{ company: 'written under the lock' }]);
  });

  it('that cannot take the lock in time changes nothing and says why (exit 1)', async () => {
    const { restoreDatabase } = await import('../../src/db/restore.js');
    const writer = new Database(s.db);
    writer.exec('begin immediate');
    const before = sha1(s.db);
    await expect(restoreDatabase(backupA, s.db, { now: new Date(), busyTimeoutMs: 300 })).rejects.toMatchObject({
      exitCode: 1,
      message: `the restore did not happen: another process held the write lock on ${s.db} for 0.3 s`,
      hint: 'try again when the other net commands have finished; nothing was changed',
    });
    writer.exec('rollback');
    writer.close();
    expect(sha1(s.db)).toBe(before);
    expect(names(s.db)).toEqual(['Giulia Rossi', 'Original Marker']);
    // No kept copy, and no temporary file left beside the database.
    expect(readdirSync(join(s.dir, 'data')).filter((f) => !/-(wal|shm)$/.test(f))).toEqual(['net.db']);
  });
});

describe('restores while `net log` runs in a loop', () => {
  it('20 rounds of two restores at once: every acknowledged note is kept, each restore keeps a copy of its own', async () => {
    let writing = true;
    const acknowledged: string[] = [];
    const failures: string[] = [];
    const writer = async (w: number): Promise<void> => {
      for (let n = 0; writing; n += 1) {
        const note = `writer ${w} note ${n}`;
        const result = await run(s, ['log', 'giulia', '-m', note]);
        if (result.code === 0) acknowledged.push(note);
        else failures.push(result.stderr);
      }
    };
    const writers = [writer(1), writer(2)];
    const kept: string[] = [];
    const outcomes: string[] = [];
    try {
      for (let round = 0; round < 20; round += 1) {
        const results = await Promise.all([backupA, backupB].map((b) => run(s, ['restore', b, '--yes', '--json'])));
        for (const result of results) {
          outcomes.push(result.code === 0 ? 'ok' : result.stderr);
          if (result.code === 0) kept.push((JSON.parse(result.stdout) as { kept: string }).kept);
        }
      }
    } finally {
      writing = false;
      await Promise.all(writers);
    }
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    expect(failures).toEqual([]);
    // The writers ran all along.
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(new Set(kept).size).toBe(40);
    for (const copy of kept) {
      expect(existsSync(copy), copy).toBe(true);
      expect(integrity(copy)).toBe('ok');
    }
    expect(integrity(s.db)).toBe('ok');
    const everywhere = new Set([s.db, ...kept].flatMap(notes));
    expect(acknowledged.filter((note) => !everywhere.has(note))).toEqual([]);
    // The database as it was before the first restore is in one of the copies.
    expect(kept.filter((copy) => names(copy).includes('Original Marker'))).toHaveLength(1);
    // Each copy is the database that a restore replaced: A's or B's people, or the original.
    for (const copy of kept) expect([['Giulia Rossi', 'Alpha Only'], ['Giulia Rossi', 'Beta Only'], ['Giulia Rossi', 'Original Marker']]).toContainEqual(names(copy));
  }, 300_000);
});
