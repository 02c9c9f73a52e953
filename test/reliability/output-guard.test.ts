// Files net writes (exports, backups, the copy a restore keeps) never go over
// the live database or its side files, however the path is spelled, and never
// over another SQLite file without --force.
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rawWrite } from '../raw-writes.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, queryFile, sha1 } from './support.js';

let template: Sandbox;
beforeAll(() => {
  template = sandbox();
  ok(template.net(['add', 'Giulia Rossi']));
  ok(template.net(['log', 'giulia', '-m', 'a note']));
});
afterAll(() => template.cleanup());

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  mkdirSync(join(s.dir, 'data'), { mode: 0o700 });
  copyFileSync(template.db, s.db);
});
afterEach(() => s.cleanup());

const names = (path: string): string[] => queryFile<{ name: string }>(path, 'select name from contacts where deleted_at is null').map((r) => r.name);

/** The database after a refused write: sound, and holding what it held. */
function intact(): void {
  expect(integrity(s.db)).toBe('ok');
  expect(names(s.db)).toEqual(['Giulia Rossi']);
  expect(queryFile(s.db, 'select note from interactions')).toEqual([{ note: 'a note' }]);
}

describe('export --out', () => {
  it('refuses the database, its -wal and its -shm, also through symlinks, and changes nothing', () => {
    const links = join(s.dir, 'links');
    mkdirSync(links);
    symlinkSync(s.db, join(links, 'db-link'));
    symlinkSync(`${s.db}-wal`, join(links, 'wal-link'));
    symlinkSync(join(s.dir, 'data'), join(links, 'folder'));
    // Another connection keeps the -wal and -shm in place, as a running net would.
    const other = new Database(s.db);
    other.pragma('wal_autocheckpoint = 0');
    rawWrite(other, "insert into settings (key, value) values ('other', 'open')");
    const walBefore = sha1(`${s.db}-wal`);
    const cases: [string, string][] = [
      [s.db, 'the database itself'],
      [`${s.db}-wal`, "the database's write-ahead log"],
      [`${s.db}-shm`, "the database's shared-memory file"],
      [`${s.db}-journal`, "the database's rollback journal"],
      [join(links, 'db-link'), 'the database itself'],
      [join(links, 'wal-link'), "the database's write-ahead log"],
      [join(links, 'folder', 'net.db'), 'the database itself'],
      [join(s.dir, 'data', '..', 'data', 'net.db-shm'), "the database's shared-memory file"],
    ];
    for (const [out, what] of cases) {
      for (const format of ['--json', '--csv']) {
        const result = s.net(['export', 'interactions', format, '--out', out]);
        expect(result, out).toMatchObject({ code: 2, stdout: '', stderr: `net: ${out} is ${what}\n  name another file\n` });
      }
    }
    // --force replaces another SQLite file, never one of the database's own.
    expect(s.net(['export', 'interactions', '--json', '--out', s.db, '--force']).code).toBe(2);
    expect(sha1(`${s.db}-wal`)).toBe(walBefore);
    other.close();
    intact();
    expect(queryFile(s.db, "select value from settings where key = 'other'")).toEqual([{ value: 'open' }]);
    // Nothing left beside the database: no temporary file, no journal (read-only checks leave -wal/-shm).
    expect(readdirSync(join(s.dir, 'data')).filter((f) => !/-(wal|shm)$/.test(f))).toEqual(['net.db']);
  });

  it('refuses an existing SQLite file unless --force, and writes other files as before', () => {
    const backup = join(s.dir, 'saved.db');
    ok(s.net(['backup', backup]));
    const saved = sha1(backup);
    const refused = s.net(['export', 'contacts', '--json', '--out', backup]);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: `net: ${backup} is a SQLite database\n  name another file, or add --force to replace it\n` });
    expect(sha1(backup)).toBe(saved);
    ok(s.net(['export', 'contacts', '--json', '--out', backup, '--force']));
    expect(JSON.parse(readFileSync(backup, 'utf8'))).toMatchObject([{ name: 'Giulia Rossi' }]);
    // A plain file is replaced without --force, as before; a folder or a device is not a file to write.
    writeFileSync(join(s.dir, 'old.csv'), 'stale');
    ok(s.net(['export', 'contacts', '--out', join(s.dir, 'old.csv')]));
    expect(s.net(['export', 'contacts', '--out', s.dir])).toMatchObject({ code: 2, stderr: `net: ${s.dir} is a folder\n  name a file inside it\n` });
    expect(s.net(['export', 'contacts', '--out', '/dev/null'])).toMatchObject({ code: 2, stderr: 'net: /dev/null is a device\n  name a regular file, or write to standard output\n' });
    expect(s.net(['export', 'contacts', '--force']).code).toBe(2);
  });
});

describe('backup and restore use the same guard', () => {
  it('backup refuses the -wal and -shm as well as the database, through symlinks too', () => {
    const other = new Database(s.db);
    rawWrite(other, "insert into settings (key, value) values ('other', 'open')");
    symlinkSync(`${s.db}-shm`, join(s.dir, 'shm-link'));
    for (const [target, what] of [
      [`${s.db}-wal`, "the database's write-ahead log"],
      [join(s.dir, 'shm-link'), "the database's shared-memory file"],
      [s.db, 'the database itself'],
    ]) {
      expect(s.net(['backup', target, '--force'])).toMatchObject({ code: 2, stderr: `net: ${target} is ${what}\n  name another file\n` });
    }
    other.close();
    expect(integrity(s.db)).toBe('ok');
    expect(queryFile(s.db, "select value from settings where key = 'other'")).toEqual([{ value: 'open' }]);
  });

  it('restore refuses the database through a symlink or a hard link', () => {
    symlinkSync(s.db, join(s.dir, 'link.db'));
    linkSync(s.db, join(s.dir, 'data', 'hard.db'));
    const before = sha1(s.db);
    for (const source of [join(s.dir, 'link.db'), join(s.dir, 'data', 'hard.db')]) {
      const result = s.net(['restore', source, '--yes']);
      expect(result).toMatchObject({ code: 2, stderr: `net: ${source} is the database itself\n  name a backup file\n` });
    }
    expect(sha1(s.db)).toBe(before);
    intact();
  });
});
