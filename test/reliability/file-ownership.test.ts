// A database file that net did not create: made private when net owns it,
// refused when another user does (a file pre-created in a shared folder would
// otherwise capture what net writes).
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rawWrite } from '../raw-writes.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { queryFile, sha1 } from './support.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const mode = (path: string): number => statSync(path).mode & 0o777;

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  mkdirSync(join(s.dir, 'data'), { mode: 0o700 });
});
afterEach(() => s.cleanup());

describe('a database file net did not create', () => {
  it('a touched 0644 file becomes 0600 on first use, and so do the -wal and -shm', () => {
    closeSync(openSync(s.db, 'w', 0o644));
    chmodSync(s.db, 0o644);
    ok(s.net(['add', 'Giulia Rossi']));
    expect(mode(s.db)).toBe(0o600);
    // Side files made while another connection has it open take the file's mode.
    const other = new Database(s.db);
    rawWrite(other, "insert into settings (key, value) values ('x', 'y')");
    expect(mode(`${s.db}-wal`)).toBe(0o600);
    expect(mode(`${s.db}-shm`)).toBe(0o600);
    other.close();
  });

  it('a 0644 database and the 0644 -wal and -shm another program made become 0600 when net opens them', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    chmodSync(s.db, 0o644);
    const other = new Database(s.db);
    other.pragma('wal_autocheckpoint = 0');
    rawWrite(other, "insert into settings (key, value) values ('x', 'y')");
    expect(mode(`${s.db}-wal`)).toBe(0o644);
    ok(s.net(['list']));
    expect([mode(s.db), mode(`${s.db}-wal`), mode(`${s.db}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    other.close();
  });

  it('a read-only database (0400) stays read-only: only the others’ bits go', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    chmodSync(s.db, 0o444);
    ok(s.net(['list']));
    expect(mode(s.db)).toBe(0o400);
  });
});

describe.skipIf(!isRoot)('files of another user (as root: owned by nobody)', () => {
  it('refuses a database that belongs to another user, reads and writes nothing', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    chmodSync(join(s.dir, 'data'), 0o777);
    chownSync(s.db, NOBODY, NOBODY);
    chmodSync(s.db, 0o666);
    const before = sha1(s.db);
    for (const args of [['log', 'giulia', '-m', 'a private note'], ['list'], ['backup']]) {
      const result = s.net(args);
      expect(result, args.join(' ')).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `net: ${s.db} belongs to another user (uid ${NOBODY}); net uses only a database and side files of your own\n  copy the database to a file of yours and use --db, or run net as its owner\n`,
      });
    }
    expect(sha1(s.db)).toBe(before);
    expect(mode(s.db)).toBe(0o666);
    expect(readdirSync(join(s.dir, 'data'))).toEqual(['net.db']);
    // doctor says so, without opening it (it would leave side files of its own there).
    const doctor = s.net(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/FAIL {2}file modes +.*net\.db belongs to another user \(uid 65534\)/);
    expect(readdirSync(join(s.dir, 'data'))).toEqual(['net.db']);
  });

  it('refuses a -wal planted by another user in a shared folder: the note is not written into it', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    chmodSync(join(s.dir, 'data'), 0o1777);
    // Another user's empty, world-writable -wal, waiting beside the database.
    closeSync(openSync(`${s.db}-wal`, 'w'));
    chownSync(`${s.db}-wal`, NOBODY, NOBODY);
    chmodSync(`${s.db}-wal`, 0o666);
    const result = s.net(['log', 'giulia', '-m', 'a private note']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(new RegExp(`^net: ${s.db}-wal belongs to another user \\(uid ${NOBODY}\\)`));
    expect(statSync(`${s.db}-wal`).size).toBe(0);
    expect(existsSync(`${s.db}-wal`)).toBe(true);
    expect(queryFile(s.db, 'select * from interactions')).toEqual([]);
  });
});
