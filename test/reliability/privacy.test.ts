// Privacy: the database, its side files, backups and exports are private
// (0600 in 0700 folders) whatever the caller's umask, and net leaves nothing
// behind: no temporary files, nothing outside the files it was asked to write.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { rawWrite } from '../raw-writes.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

/** Every file and folder under `root`, relative to it, sorted. */
function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      out.push(relative(root, path) + (entry.isDirectory() ? '/' : ''));
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(root);
  return out.sort();
}

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

/** Runs net under a permissive umask, as a careless shell profile would set. */
function netWithUmask(args: readonly string[], env: NodeJS.ProcessEnv = {}): void {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const result = spawnSync('sh', ['-c', `umask 000; exec '${process.execPath}' '${BIN}' ${quoted}`], {
    env: { ...s.env, ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
}

describe('file modes', () => {
  it('creates the database 0600, and every folder it creates 0700, under umask 000', () => {
    const db = join(s.dir, 'deep', 'er', 'net.db');
    netWithUmask(['add', 'Giulia Rossi'], { NET_DB: db });
    expect(mode(db)).toBe(0o600);
    expect(mode(join(s.dir, 'deep'))).toBe(0o700);
    expect(mode(join(s.dir, 'deep', 'er'))).toBe(0o700);
    // SQLite gives the -wal and -shm the mode of the database file.
    const open = new Database(db);
    rawWrite(open, "insert into settings (key, value) values ('x', 'y')");
    expect(mode(`${db}-wal`)).toBe(0o600);
    expect(mode(`${db}-shm`)).toBe(0o600);
    open.close();
  });

  it('writes backups 0600 (also over an existing 0644 file) in 0700 folders, and keeps a replaced database 0600', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    netWithUmask(['backup']);
    expect(mode(join(s.dir, 'data', 'net-backup-2026-03-14-120000.db'))).toBe(0o600);
    const copy = join(s.dir, 'new', 'folder', 'copy.db');
    netWithUmask(['backup', copy]);
    expect(mode(copy)).toBe(0o600);
    expect(mode(join(s.dir, 'new'))).toBe(0o700);
    expect(mode(join(s.dir, 'new', 'folder'))).toBe(0o700);
    chmodSync(copy, 0o644);
    netWithUmask(['backup', copy, '--force']);
    expect(mode(copy)).toBe(0o600);
    netWithUmask(['restore', copy, '--yes']);
    expect(mode(join(s.dir, 'data', 'net-backup-2026-03-14-120000-before-restore.db'))).toBe(0o600);
    expect(mode(s.db)).toBe(0o600);
  });

  it('writes exports with --out 0600, also when replacing a 0644 file', () => {
    ok(s.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com']));
    const out = join(s.dir, 'exports');
    mkdirSync(out, { mode: 0o700 });
    for (const [entity, format, file] of [
      ['contacts', '--csv', 'contacts.csv'],
      ['interactions', '--json', 'interactions.json'],
      ['contacts', '--vcf', 'contacts.vcf'],
      ['due', '--ics', 'due.ics'],
    ]) {
      netWithUmask(['export', entity, format, '--out', join(out, file)]);
      expect(mode(join(out, file)), file).toBe(0o600);
    }
    writeFileSync(join(out, 'old.csv'), 'stale');
    chmodSync(join(out, 'old.csv'), 0o644);
    netWithUmask(['export', 'contacts', '--out', join(out, 'old.csv')]);
    expect(mode(join(out, 'old.csv'))).toBe(0o600);
  });
});

describe('nothing left behind', () => {
  it('a day of use, failures included, leaves only the files asked for: no temp files, nothing elsewhere', () => {
    const tmp = join(s.dir, 'tmp');
    mkdirSync(tmp, { mode: 0o700 });
    const env = { TMPDIR: tmp, TMP: tmp, TEMP: tmp };
    const run = (args: string[], code = 0): void => {
      const result = s.net(args, { env });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(code);
    };
    writeFileSync(join(s.dir, 'people.csv'), 'name,emails\nAnna Meyer,anna@example.com\nMarco Bianchi,marco@example.com\n');
    writeFileSync(join(s.dir, 'bad.csv'), 'name,emails,circle\nSara Verdi,sara@example.com,close\nLuca Neri,luca@example.com,bogus\n');
    run(['add', 'Giulia Rossi', '--email', 'giulia@example.com']);
    run(['log', 'giulia', '--via', 'coffee', '-m', 'private note: salary talk', '--follow-up', 'send the deck']);
    run(['import', 'csv', join(s.dir, 'people.csv')]);
    run(['import', 'csv', join(s.dir, 'bad.csv')], 1);
    run(['export', 'contacts', '--out', join(s.dir, 'contacts.csv')]);
    run(['export', 'contacts', '--out', join(s.dir, 'missing', 'contacts.csv')], 1);
    run(['backup']);
    run(['restore', join(s.dir, 'data', 'net-backup-2026-03-14-120000.db'), '--yes']);
    run(['doctor']);
    run(['due']);
    run(['review']);
    run(['show', 'giulia']);
    run(['log', 'nobody-at-all', '-m', 'x'], 1);
    run(['add', 'Giulia Rossi'], 1);

    expect(tree(s.dir)).toEqual([
      'bad.csv',
      'contacts.csv',
      'data/',
      'data/net-backup-2026-03-14-120000-before-restore.db',
      'data/net-backup-2026-03-14-120000.db',
      'data/net.db',
      'people.csv',
      'tmp/',
    ]);
  });
});
