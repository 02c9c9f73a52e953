// A read-only database, a read-only folder, a full disk: a clear message,
// exit 1, and nothing half-written.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type RunResult, type Sandbox } from '../helpers.js';
import { integrity, portableBin, queryFile, sha1, STACK_FRAME } from './support.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;

// As nobody, net runs from a copy in a folder anyone can read: the checkout
// may sit where other users cannot enter.
let runtime: { bin: string; cleanup(): void } | undefined;
beforeAll(() => {
  if (isRoot && hasSetpriv) runtime = portableBin();
});
afterAll(() => runtime?.cleanup());

/**
 * Runs net as a user that file permissions apply to: root ignores them, so as
 * root the command runs as nobody (setpriv), owning what `owned` lists.
 */
function unprivileged(s: Sandbox, args: readonly string[], owned: readonly string[]): RunResult {
  let command = process.execPath;
  let argv = [runtime?.bin ?? BIN, ...args];
  if (isRoot) {
    for (const path of owned) chownSync(path, NOBODY, NOBODY);
    chmodSync(s.dir, 0o711);
    command = 'setpriv';
    argv = ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', process.execPath, ...argv];
  }
  const result = spawnSync(command, argv, { env: s.env, encoding: 'utf8', input: '', timeout: 60_000 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const permissionsApply = !isRoot || hasSetpriv;
const noPermissions = 'running as root without setpriv: file permissions cannot be made to apply';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi']));
});
afterEach(() => {
  // A folder made read-only by a test must be writable again to be removed.
  if (existsSync(join(s.dir, 'data'))) chmodSync(join(s.dir, 'data'), 0o700);
  s.cleanup();
});

describe('a read-only database', () => {
  it('refuses a write with a clear message and exit 1; reading still works', (ctx) => {
    ctx.skip(!permissionsApply, noPermissions);
    const folder = join(s.dir, 'data');
    chmodSync(s.db, 0o400);
    const before = sha1(s.db);
    const result = unprivileged(s, ['log', 'giulia', '-m', 'a note'], [folder, s.db]);
    expect(result).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'net: database error: attempt to write a readonly database\n  the database file or its folder is read-only; nothing was written\n',
    });
    expect(sha1(s.db)).toBe(before);
    expect(queryFile(s.db, 'select * from interactions')).toEqual([]);
    const list = unprivileged(s, ['list', '--json'], []);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'Giulia Rossi' }]);
  });

  it('in a read-only folder: says that the folder is the problem, exit 1, nothing changed', (ctx) => {
    ctx.skip(!permissionsApply, noPermissions);
    const folder = join(s.dir, 'data');
    const before = sha1(s.db);
    // The file stays writable by its owner; the folder does not.
    chmodSync(folder, 0o755);
    const owned = isRoot ? [s.db] : [];
    if (!isRoot) chmodSync(folder, 0o500);
    const result = unprivileged(s, ['log', 'giulia', '-m', 'a note'], owned);
    expect(result.code).toBe(1);
    // SQLite's own words vary with what it tried first; the hint names the cause.
    const [first, hint, ...rest] = result.stderr.split('\n');
    expect(first).toMatch(new RegExp(`^net: cannot use the database ${s.db}: (unable to open database file|attempt to write a readonly database)$`));
    expect(hint).toBe(`  the folder ${folder} is read-only, and SQLite must create net.db-wal and net.db-shm there; nothing was written`);
    expect(rest).toEqual(['']);
    const doctor = unprivileged(s, ['doctor'], []);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/FAIL {2}writable +the folder .* is read-only/);
    expect(doctor.stderr).not.toMatch(STACK_FRAME);
    chmodSync(folder, 0o700);
    expect(sha1(s.db)).toBe(before);
    expect(readdirSync(folder)).toEqual(['net.db']);
  });
});

describe('a read-only database leaves nothing broken behind', () => {
  const modeOf = (path: string): number => statSync(path).mode & 0o777;

  it('after a read of a 0400 database, its side files are writable, and writes work once it is writable again', (ctx) => {
    ctx.skip(!permissionsApply, noPermissions);
    const folder = join(s.dir, 'data');
    chmodSync(s.db, 0o400);
    const list = unprivileged(s, ['list', '--json'], [folder, s.db]);
    expect(list.code, list.stderr).toBe(0);
    for (const side of ['-wal', '-shm']) {
      if (existsSync(`${s.db}${side}`)) expect(modeOf(`${s.db}${side}`), side).toBe(0o600);
    }
    chmodSync(s.db, 0o600);
    const log = unprivileged(s, ['log', 'giulia', '-m', 'once writable again'], []);
    expect(log.code, log.stderr).toBe(0);
    expect(queryFile(s.db, 'select note from interactions')).toEqual([{ note: 'once writable again' }]);
  });

  it('net doctor finds a read-only -shm beside a writable database; the next command makes it writable', (ctx) => {
    ctx.skip(!permissionsApply, noPermissions);
    const folder = join(s.dir, 'data');
    // What a read of a read-only database used to leave behind.
    writeFileSync(`${s.db}-shm`, '');
    chmodSync(`${s.db}-shm`, 0o400);
    const doctor = unprivileged(s, ['doctor'], [folder, s.db, `${s.db}-shm`]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/FAIL {2}writable +.*net\.db-shm is read-only: every write to the database fails/);
    expect(doctor.stderr).toContain(`writable: chmod 600 '${s.db}-shm'`);
    const log = unprivileged(s, ['log', 'giulia', '-m', 'a note'], []);
    expect(log.code, log.stderr).toBe(0);
    expect(unprivileged(s, ['doctor'], []).stdout).toMatch(/ok {4}writable/);
  });
});

describe('a full disk', () => {
  /** Runs a shell script in a new user and mount namespace, where a tiny tmpfs can be mounted. */
  function inNamespace(script: string): { status: number | null; stderr: string } {
    const result = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
      env: { ...s.env, BIN, NODE: process.execPath },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, stderr: result.stderr };
  }

  const probe = (): string | null => {
    const dir = join(s.dir, 'probe');
    mkdirSync(dir);
    const { status, stderr } = inNamespace(`mount -t tmpfs -o size=64k tmpfs '${dir}'`);
    return status === 0 ? null : `cannot mount a tmpfs here (${stderr.trim() || `unshare exit ${status}`})`;
  };

  it('fails a write, a backup and an export with "disk is full", exit 1, and keeps the database whole', (ctx) => {
    const cannot = probe();
    ctx.skip(cannot !== null, cannot ?? '');
    const out = join(s.dir, 'out');
    mkdirSync(out);
    // 1 MB of disk: the database (~200 KB), a filler leaving 44 KB, then a
    // 100,000-character note and a backup that cannot fit.
    const script = `
      set -u
      D='${join(s.dir, 'full')}'; O='${out}'
      mkdir -p "$D" && mount -t tmpfs -o size=1m,mode=0700 tmpfs "$D" || exit 90
      cp "$NET_DB" "$D/net.db"
      export NET_DB="$D/net.db"
      head -c $((1048576 - $(stat -c %s "$D/net.db") - 45056)) /dev/zero > "$D/filler" 2>/dev/null
      NOTE=$(head -c 100000 /dev/zero | tr '\\0' 'x')
      "$NODE" "$BIN" log giulia -m "$NOTE" > "$O/log.out" 2> "$O/log.err"; echo $? > "$O/log.code"
      "$NODE" "$BIN" backup > "$O/backup.out" 2> "$O/backup.err"; echo $? > "$O/backup.code"
      E='${join(s.dir, 'full-exports')}'
      mkdir -p "$E" && mount -t tmpfs -o size=64k,mode=0700 tmpfs "$E" || exit 91
      cat /dev/zero > "$E/filler" 2>/dev/null
      "$NODE" "$BIN" export contacts --out "$E/contacts.csv" > "$O/export.out" 2> "$O/export.err"; echo $? > "$O/export.code"
      ls -a "$E" > "$O/export-files"
      ls -a "$D" > "$O/files"
      rm "$D/filler"
      "$NODE" "$BIN" log giulia -m 'after freeing space' > /dev/null 2> "$O/after.err"; echo $? > "$O/after.code"
      cp "$D/net.db" "$O/net.db"
    `;
    const { status, stderr } = inNamespace(script);
    expect(status, stderr).toBe(0);
    const read = (name: string): string => readFileSync(join(out, name), 'utf8');
    expect(read('log.code')).toBe('1\n');
    expect(read('log.out')).toBe('');
    expect(read('log.err')).toBe('net: database error: database or disk is full\n  the disk is full; nothing was written\n');
    expect(read('backup.code')).toBe('1\n');
    expect(read('backup.err')).toMatch(/^net: database error: database or disk is full\n {2}the disk is full; nothing was written\n$/);
    // An export names the full disk too, instead of an "unexpected error".
    expect(read('export.code')).toBe('1\n');
    expect(read('export.err')).toBe(`net: cannot write ${join(s.dir, 'full-exports', 'contacts.csv')}: the disk is full\n  free some space; the file was not changed\n`);
    expect(read('export-files').split('\n').filter(Boolean).sort()).toEqual(['.', '..', 'filler']);
    // No half-written backup, export or temporary file is left on the full disk.
    expect(read('files').split('\n').filter(Boolean).sort()).toEqual(['.', '..', 'filler', 'net.db']);
    expect(read('after.code'), read('after.err')).toBe('0\n');
    const copy = join(out, 'net.db');
    expect(integrity(copy)).toBe('ok');
    expect(queryFile<{ note: string }>(copy, 'select note from interactions')).toEqual([{ note: 'after freeing space' }]);
  });
});
