// net backup, net restore and net doctor through the built binary.
import { chmodSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { NetSqliteDialect } from '../../src/db/dialect.js';
import type { Database as Schema } from '../../src/db/schema.js';
import { rawWrite } from '../raw-writes.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateTo, SCHEMA_VERSION } from '../../src/db/migrate.js';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, queryFile, sha1, STACK_FRAME } from './support.js';

// One database made by net itself, copied into each test's sandbox: most
// tests then start no process before the one they are about.
let template: Sandbox;
beforeAll(() => {
  template = sandbox();
  ok(template.net(['add', 'Giulia Rossi', '--company', 'Satispay']));
  ok(template.net(['add', 'Marco Bianchi']));
  ok(template.net(['log', 'giulia', '--via', 'coffee', '-m', 'talked about the AI meetup']));
  copyFileSync(template.db, join(template.dir, 'base.db'));
  ok(template.net(['backup', join(template.dir, 'saved.db')]));
  ok(template.net(['add', 'Anna Meyer']));
  ok(template.net(['rm', 'giulia', '--yes']));
  copyFileSync(template.db, join(template.dir, 'changed.db'));
});
afterAll(() => template.cleanup());

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  mkdirSync(join(s.dir, 'data'), { mode: 0o700 });
  copyFileSync(join(template.dir, 'base.db'), s.db);
  chmodSync(s.db, 0o600);
});
afterEach(() => s.cleanup());

const mode = (path: string): number => statSync(path).mode & 0o777;
const names = (path: string): string[] => queryFile<{ name: string }>(path, 'select name from contacts where deleted_at is null order by id').map((r) => r.name);
const folder = (): string => join(s.dir, 'data');
/** The files in the database folder, without SQLite's -wal/-shm (read-only checks leave them). */
const files = (): string[] => readdirSync(folder()).filter((f) => !/-(wal|shm)$/.test(f)).sort();

/** Zeroes the root page of an index: integrity_check then reports damage. */
function damage(path: string): void {
  const [{ rootpage }] = queryFile<{ rootpage: number }>(path, "select rootpage from sqlite_schema where name = 'contacts_name_key'");
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, (rootpage - 1) * 4096);
  closeSync(fd);
}

describe('net backup', () => {
  it('writes a private, self-contained, checked copy next to the database', () => {
    const out = ok(s.net(['backup']));
    const path = join(folder(), 'net-backup-2026-03-14-120000.db');
    expect(out).toMatch(new RegExp(`^Backed up ${s.db} to ${path} \\(\\d+(\\.\\d)? KB\\)\\.\\n$`));
    expect(mode(path)).toBe(0o600);
    expect(integrity(path)).toBe('ok');
    expect(names(path)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    // One file, no -wal needed to read it, no temporary file left behind.
    expect(queryFile<{ journal_mode: string }>(path, 'pragma journal_mode')[0].journal_mode).toBe('delete');
    expect(readdirSync(folder()).sort()).toEqual(['net-backup-2026-03-14-120000.db', 'net.db']);
  });

  it('never overwrites: a second backup in the same second gets its own name; FILE needs --force', () => {
    ok(s.net(['backup']));
    expect(ok(s.net(['backup']))).toContain('net-backup-2026-03-14-120000-2.db');
    const target = join(s.dir, 'copies', 'net.db');
    const first = s.json<{ path: string; bytes: number; created_at: string }>(['backup', target]);
    expect(first).toEqual({ path: target, bytes: statSync(target).size, created_at: '2026-03-14T11:00:00.000Z' });
    expect(mode(join(s.dir, 'copies'))).toBe(0o700);
    ok(s.net(['add', 'Anna Meyer']));
    const again = s.net(['backup', target]);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toBe(`net: ${target} already exists\n  name another file, or add --force to replace it\n`);
    expect(names(target)).toHaveLength(2);
    ok(s.net(['backup', target, '--force']));
    expect(names(target)).toEqual(['Giulia Rossi', 'Marco Bianchi', 'Anna Meyer']);
  });

  it('includes what is still in the write-ahead log of another open connection', () => {
    const other = new Database(s.db);
    other.pragma('wal_autocheckpoint = 0');
    rawWrite(other, "update contacts set company = 'Stripe' where id = 1");
    expect(statSync(`${s.db}-wal`).size).toBeGreaterThan(0);
    const target = join(s.dir, 'b.db');
    ok(s.net(['backup', target]));
    other.close();
    expect(queryFile<{ company: string }>(target, 'select company from contacts where id = 1')).toEqual([{ company: 'Stripe' }]);
  });

  it('refuses a missing database, a folder and the database itself', () => {
    const none = s.net(['backup'], { env: { NET_DB: join(s.dir, 'none', 'net.db') } });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^net: no database at .*none\/net\.db: nothing to back up\n/);
    expect(existsSync(join(s.dir, 'none'))).toBe(false);
    expect(s.net(['backup', s.dir]).code).toBe(2);
    expect(s.net(['backup', s.db, '--force'])).toMatchObject({ code: 2, stderr: `net: ${s.db} is the database itself\n  name another file\n` });
  });
});

describe('net restore', () => {
  let backup: string;
  beforeEach(() => {
    backup = join(s.dir, 'saved.db');
    copyFileSync(join(template.dir, 'saved.db'), backup);
    copyFileSync(join(template.dir, 'changed.db'), s.db);
  });

  it('needs --yes without a terminal, and changes nothing without it', () => {
    const before = sha1(s.db);
    const result = s.net(['restore', backup]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`net: restoring replaces ${s.db}; this needs --yes without a terminal\n  net restore '${backup}' --yes\n`);
    expect(sha1(s.db)).toBe(before);
  });

  it('replaces the database and keeps the one it replaced', () => {
    const out = ok(s.net(['restore', backup, '--yes']));
    const kept = join(folder(), 'net-backup-2026-03-14-120000-before-restore.db');
    expect(out).toBe(
      `Restored ${s.db} from ${backup}: 2 contact(s) and 1 interaction(s).\nThe database it replaced is kept as ${kept}.\n`,
    );
    expect(names(s.db)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    expect(s.json<unknown[]>(['history'])).toHaveLength(1);
    expect(names(kept)).toEqual(['Marco Bianchi', 'Anna Meyer']);
    expect(mode(kept)).toBe(0o600);
    expect(mode(s.db)).toBe(0o600);
    expect(integrity(s.db)).toBe('ok');
    expect(files()).toEqual(['net-backup-2026-03-14-120000-before-restore.db', 'net.db']);
    // The live database is still in WAL mode and usable.
    expect(queryFile<{ journal_mode: string }>(s.db, 'pragma journal_mode')[0].journal_mode).toBe('wal');
    ok(s.net(['log', 'giulia', '-m', 'after the restore']));
  });

  it('replaces the pages of a database that another connection holds open, -wal included', () => {
    const other = new Database(s.db);
    other.pragma('wal_autocheckpoint = 0');
    rawWrite(other, "update contacts set company = 'only in the wal' where name = 'Anna Meyer'");
    const result = s.json<{ kept: string }>(['restore', backup, '--yes']);
    // The open connection sees the restored database; what was in its WAL is in the kept copy only.
    expect(other.prepare('select name from contacts order by id').pluck().all()).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    other.close();
    expect(queryFile(result.kept, "select name from contacts where company = 'only in the wal'")).toEqual([{ name: 'Anna Meyer' }]);
    expect(names(s.db)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    expect(integrity(s.db)).toBe('ok');
  });

  it('upgrades a backup made at an older schema version', async () => {
    // The backup, taken back to version 1 by the later migrations' down().
    const old = new Database(backup);
    const db = new Kysely<Schema>({ dialect: new NetSqliteDialect({ database: old }) });
    await migrateTo(db, old, '001-initial');
    await db.destroy();
    ok(s.net(['restore', backup, '--yes']));
    expect(queryFile(s.db, 'pragma user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
    expect(queryFile(s.db, "select name from sqlite_schema where name in ('outreach', 'contact_activity') order by name")).toHaveLength(2);
    expect(names(s.db)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    ok(s.net(['doctor']));
  });

  it('refuses a file that is missing, not SQLite, not net, newer, damaged or inconsistent; nothing changes', () => {
    const before = sha1(s.db);
    const refuse = (file: string, message: RegExp): void => {
      const result = s.net(['restore', file, '--yes']);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(sha1(s.db)).toBe(before);
      expect(files()).toEqual(['net.db']);
    };
    refuse(join(s.dir, 'missing.db'), /^net: no file at .*missing\.db\n/);
    writeFileSync(join(s.dir, 'text.db'), 'name,email\nGiulia,g@example.com\n');
    refuse(join(s.dir, 'text.db'), /is not a SQLite database/);
    const foreign = new Database(join(s.dir, 'foreign.db'));
    foreign.exec('create table t (x)');
    foreign.close();
    refuse(join(s.dir, 'foreign.db'), /foreign\.db is not a net database/);

    const newer = join(s.dir, 'newer.db');
    ok(s.net(['backup', newer]));
    const n = new Database(newer);
    n.pragma('user_version = 99');
    n.close();
    refuse(newer, new RegExp(`newer\\.db has schema version 99, newer than this net understands \\(${SCHEMA_VERSION}\\)\\n {2}upgrade net first; nothing was changed`));

    const damaged = join(s.dir, 'damaged.db');
    ok(s.net(['backup', damaged]));
    damage(damaged);
    refuse(damaged, /damaged\.db is damaged: .*\n {2}choose another backup; nothing was changed/);

    const orphan = join(s.dir, 'orphan.db');
    ok(s.net(['backup', orphan]));
    const o = new Database(orphan);
    o.pragma('foreign_keys = OFF');
    rawWrite(o, "insert into contact_tags (contact_id, tag) values (999, 'ghost')");
    o.close();
    refuse(orphan, /orphan\.db has 1 broken reference\(s\) between tables/);

    expect(s.net(['restore', s.db, '--yes']).code).toBe(2);
  });

  it('replaces a database too damaged to open, keeping the damaged file', () => {
    writeFileSync(s.db, Buffer.alloc(8192, 0x41));
    writeFileSync(`${s.db}-wal`, 'stale');
    ok(s.net(['restore', backup, '--yes']));
    expect(names(s.db)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    expect(integrity(s.db)).toBe('ok');
    const kept = join(folder(), 'net-backup-2026-03-14-120000-before-restore.db');
    expect(statSync(kept).size).toBe(8192);
    expect(existsSync(`${kept}-wal`)).toBe(true);
  });

  it('creates the database when there is none yet', () => {
    const fresh = join(s.dir, 'fresh', 'net.db');
    ok(s.net(['restore', backup, '--yes'], { env: { NET_DB: fresh } }));
    expect(names(fresh)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    expect(mode(fresh)).toBe(0o600);
    expect(mode(join(s.dir, 'fresh'))).toBe(0o700);
  });
});

describe('net doctor', () => {
  it('passes a healthy database and says so line by line', () => {
    ok(s.net(['backup']));
    const out = ok(s.net(['doctor']));
    const lines = out.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s{2,}/).slice(0, 2).join(' '))).toEqual([
      'ok database', 'ok file modes', 'ok writable', 'ok schema', 'ok integrity', 'ok foreign keys', 'ok journal', 'ok records', 'ok summaries', 'ok backups',
    ]);
    expect(out).toContain('file 0600, folder 0700');
    expect(out).toContain(`version ${SCHEMA_VERSION} (current)`);
    expect(out).toContain('2 contact(s), 1 interaction(s), 0 favour(s), 0 open follow-up(s), 0 active outreach');
    expect(out).toMatch(/backups +newest: .*net-backup-2026-03-14-120000\.db/);
  });

  it('prints the checks as JSON and warns (exit 0) when there is no backup', () => {
    const checks = s.json<{ check: string; status: string; detail: string; fix: string | null }[]>(['doctor']);
    expect(checks.map((c) => c.check)).toEqual(['database', 'file modes', 'writable', 'schema', 'integrity', 'foreign keys', 'journal', 'records', 'summaries', 'backups']);
    expect(checks.at(-1)).toEqual({ check: 'backups', status: 'warn', detail: 'none next to the database', fix: 'run `net backup`' });
  });

  it('finds summaries that disagree with the interactions, and --repair writes them again', () => {
    ok(s.net(['log', 'marco', '--via', 'email', '--in', '-m', 'a question']));
    const due = ok(s.net(['due', '--json']));
    const summaries = () => queryFile(s.db, 'select * from contact_activity order by contact_id');
    const before = summaries();
    // As if changed by hand, outside net.
    const db = new Database(s.db);
    db.exec("update contact_activity set last_direction = 'out'; update contact_activity set usual_gap = 99 where contact_id = (select min(contact_id) from contact_activity)");
    db.close();
    const result = s.net(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}summaries +2 person\(s\) summarised unlike their interactions/);
    expect(result.stderr).toContain('summaries: run `net doctor --repair` to write the summaries again from the interactions');
    expect(s.net(['doctor', '--repair']).stdout).toMatch(/ok {4}summaries/);
    expect(summaries()).toEqual(before);
    expect(ok(s.net(['due', '--json']))).toBe(due);
  });

  it('exits 1 with the fix when the file or folder is open to others', () => {
    chmodSync(s.db, 0o644);
    chmodSync(folder(), 0o755);
    const result = s.net(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}file modes/);
    expect(result.stderr).toBe(`net: 1 problem(s) found: file modes\n  file modes: chmod 600 '${s.db}' && chmod 700 '${folder()}'\n`);
  });

  it('exits 1 on a damaged database and points at the newest backup, without changing the file', () => {
    ok(s.net(['backup']));
    damage(s.db);
    const before = sha1(s.db);
    const result = s.net(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}integrity/);
    expect(result.stderr).toContain(`integrity: restore the newest backup: net restore '${join(folder(), 'net-backup-2026-03-14-120000.db')}'`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(sha1(s.db)).toBe(before);
  });

  it('exits 1 on a database from a newer net, and on a file that is not net’s', () => {
    const n = new Database(s.db);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    const run = s.net(['doctor', '--json']);
    expect(run.code).toBe(1);
    const newer = JSON.parse(run.stdout) as { check: string; status: string; detail: string }[];
    expect(newer.find((c) => c.check === 'schema')).toMatchObject({ status: 'fail', detail: `version ${SCHEMA_VERSION + 1}, newer than this net (${SCHEMA_VERSION})` });
    const foreign = join(s.dir, 'other', 'x.db');
    mkdirSync(join(s.dir, 'other'), { mode: 0o700 });
    const f = new Database(foreign);
    f.exec('create table t (x)');
    f.close();
    chmodSync(foreign, 0o600);
    const result = s.net(['doctor'], { env: { NET_DB: foreign } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}schema +not a net database \(no application id\)/);
  });

  it('says there is nothing to check yet when there is no database', () => {
    const result = s.net(['doctor'], { env: { NET_DB: join(s.dir, 'none', 'net.db') } });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ok +database +no database yet at .*none\/net\.db\n$/);
    expect(existsSync(join(s.dir, 'none'))).toBe(false);
  });
});
