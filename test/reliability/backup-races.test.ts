// net backup from several processes at once, while `net log` writes: each
// backup that reports success is a file of its own that no other backup
// overwrote; and a backup killed half-way leaves nothing `net doctor` cannot
// find and remove.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rawWrite } from '../raw-writes.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, queryFile, run } from './support.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi']));
});
afterEach(() => s.cleanup());

const folder = (): string => join(s.dir, 'data');

/** Runs `net log` in a loop until stopped; resolves to the exit codes. */
function writeUntil(stop: () => boolean): Promise<number[]> {
  return (async () => {
    const codes: number[] = [];
    for (let n = 0; !stop(); n += 1) codes.push((await run(s, ['log', 'giulia', '-m', `note ${n}`])).code);
    return codes;
  })();
}

describe('backups at once', () => {
  it('20 rounds of three `net backup` in the same second: each reports its own file, and every file is there', async () => {
    let done = false;
    const writing = writeUntil(() => done);
    const reported: string[] = [];
    try {
      for (let round = 0; round < 20; round += 1) {
        const results = await Promise.all([0, 1, 2].map(() => run(s, ['backup', '--json'])));
        for (const result of results) {
          expect(result.code, result.stderr).toBe(0);
          reported.push((JSON.parse(result.stdout) as { path: string }).path);
        }
      }
    } finally {
      done = true;
    }
    expect((await writing).filter((code) => code !== 0)).toEqual([]);
    // NET_NOW fixes the clock: all 60 share a second, and take -2, -3 … in turn.
    expect(new Set(reported).size).toBe(60);
    const files = readdirSync(folder()).filter((f) => f.startsWith('net-backup-'));
    expect(files).toHaveLength(60);
    expect(readdirSync(folder()).filter((f) => f.startsWith('.'))).toEqual([]);
    for (const path of reported) {
      expect(integrity(path)).toBe('ok');
      expect(queryFile(path, 'select name from contacts')).toEqual([{ name: 'Giulia Rossi' }]);
    }
  }, 300_000);

  it('10 rounds of two `net backup FILE` at once without --force: one writes it, the other says it exists', async () => {
    for (let round = 0; round < 10; round += 1) {
      const target = join(s.dir, `copy-${round}.db`);
      const results = await Promise.all([0, 1].map(() => run(s, ['backup', target])));
      const codes = results.map((r) => r.code).sort();
      expect(codes, results.map((r) => r.stderr).join('')).toEqual([0, 1]);
      expect(results.find((r) => r.code === 1)?.stderr).toBe(`net: ${target} already exists\n  name another file, or add --force to replace it\n`);
      expect(integrity(target)).toBe('ok');
    }
    expect(readdirSync(s.dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 300_000);
});

describe('a backup killed half-way', () => {
  it('leaves a temporary file that `net doctor` lists and `net doctor --repair` removes', async () => {
    // About 40 MB, so that the copy takes long enough to be caught half-way.
    const db = new Database(s.db);
    rawWrite(db, () => db.prepare("insert into settings (key, value) values ('filler', ?)").run('x'.repeat(40 * 1024 * 1024)));
    db.close();
    let leftover: string | undefined;
    for (let attempt = 0; attempt < 5 && leftover === undefined; attempt += 1) {
      const child = spawn(process.execPath, [BIN, 'backup'], { env: s.env, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('close', resolve));
      // Watches the folder until the temporary copy has grown, then kills the backup.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline && child.exitCode === null) {
        const temp = readdirSync(folder()).find((f) => f.startsWith('.') && statSync(join(folder(), f), { throwIfNoEntry: false })?.size);
        if (temp) {
          child.kill('SIGKILL');
          leftover = join(folder(), temp);
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      await exited;
      if (leftover && !existsSync(leftover)) leftover = undefined;
    }
    expect(leftover, 'no backup was caught half-way').toBeDefined();
    const checks = JSON.parse(s.net(['doctor', '--json']).stdout) as { check: string; status: string; detail: string; fix: string }[];
    const found = checks.find((c) => c.check === 'leftovers');
    expect(found).toMatchObject({ status: 'warn', fix: 'run `net doctor --repair` to remove them' });
    expect(found?.detail).toContain(leftover);
    const repair = s.net(['doctor', '--repair']);
    // The copy, and the journal SQLite may have left beside it.
    expect(repair.stderr).toMatch(/^Removed [12] leftover temporary file\(s\) \(\d/);
    expect(existsSync(String(leftover))).toBe(false);
    expect(readdirSync(folder()).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(JSON.parse(s.net(['doctor', '--json']).stdout)).not.toContainEqual(expect.objectContaining({ check: 'leftovers' }));
  }, 120_000);

  it('a temporary file of a backup still running is not a leftover', () => {
    // This test's own process id: a process that runs.
    const temp = join(folder(), `.net-backup-2026-03-14-120000.db.${process.pid}-0badc0de.tmp`);
    const db = new Database(temp);
    db.exec('create table t (x)');
    db.close();
    const checks = JSON.parse(s.net(['doctor', '--json']).stdout) as { check: string }[];
    expect(checks.map((c) => c.check)).not.toContain('leftovers');
    s.net(['doctor', '--repair']);
    expect(existsSync(temp)).toBe(true);
  });
});
