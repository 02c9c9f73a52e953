// Copies of the database: `net backup` through SQLite's online backup API (a
// consistent snapshot even while other net processes write), and `net restore`,
// which checks a copy before it replaces the live database in place.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DataError, UsageError } from '../core/errors.js';
import { kindOf, prepareSideFiles } from './file-access.js';
import { BUSY_TIMEOUT_MS } from './open.js';
import { APPLICATION_ID, SCHEMA_VERSION } from './migrate.js';

export interface BackupResult {
  path: string;
  bytes: number;
  pages: number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `2026-03-14-120000`, in local time: sorts by time and is safe in any file system. */
export function backupStamp(now: Date): string {
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`
  );
}

function stemOf(dbPath: string): string {
  const name = basename(dbPath);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** `net.db` → `net-backup-`: the prefix every backup next to the database starts with. */
export function backupPrefix(dbPath: string): string {
  return `${stemOf(dbPath)}-backup-`;
}

/**
 * A free file name next to the database: `net-backup-2026-03-14-120000.db`,
 * then `…-2.db`, `…-3.db` when several backups are taken within a second.
 */
export function defaultBackupPath(dbPath: string, now: Date, tag = ''): string {
  const base = join(dirname(dbPath), `${backupPrefix(dbPath)}${backupStamp(now)}${tag}`);
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${base}.db` : `${base}-${n}.db`;
    if (!existsSync(candidate)) return candidate;
  }
}

/** Backups found next to the database, newest first. */
export function listBackups(dbPath: string): { path: string; bytes: number; modified: Date }[] {
  const folder = dirname(dbPath);
  const prefix = backupPrefix(dbPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.db'))
    .map((name) => {
      const path = join(folder, name);
      const stat = statSync(path);
      return { path, bytes: stat.size, modified: stat.mtime };
    })
    .sort((a, b) => b.modified.getTime() - a.modified.getTime() || b.path.localeCompare(a.path));
}

function fsyncFolder(folder: string): void {
  // Makes the rename itself durable; not every file system allows it, and the
  // copy is already complete without it.
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}

/**
 * Runs SQLite's online backup from an open connection into `destination`.
 * Everything is copied in one step, inside one read transaction of the source:
 * a writer in another process cannot make the copy restart or mix two states.
 * When the destination is locked by a writer, better-sqlite3 retries; this
 * gives up after the busy timeout instead of spinning for ever.
 */
async function onlineBackup(source: BetterSqlite3.Database, destination: string): Promise<number> {
  const started = Date.now();
  const { totalPages } = await source.backup(destination, {
    progress: () => {
      if (Date.now() - started > BUSY_TIMEOUT_MS) {
        throw new DataError(`${destination} stayed locked by another process for ${BUSY_TIMEOUT_MS / 1000} s`, 'try again when other net commands have finished');
      }
      return 0x7fffffff;
    },
  });
  return totalPages;
}

/** A temporary name in the same folder, so that the final rename is atomic. */
function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
}

/** Removes a file and the -wal/-shm/-journal files SQLite may have left next to it. */
function removeWithSideFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Writes a consistent copy of the open database to `target` (mode 0600). The
 * copy is made under a temporary name, switched to a single self-contained
 * file (rollback journal, no -wal), checked, and only then renamed into place:
 * a crash never leaves a half-written backup under the final name.
 */
export async function backupDatabase(source: BetterSqlite3.Database, target: string): Promise<BackupResult> {
  const temp = temporaryPath(target);
  removeWithSideFiles(temp);
  // Created empty with mode 0600 first: SQLite then writes into a private file
  // whatever the umask of the process that calls this.
  closeSync(openSync(temp, 'wx', 0o600));
  try {
    const pages = await onlineBackup(source, temp);
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new DataError(`the copy in ${temp} failed its check: ${String(check)}`, 'run `net doctor` on the database');
    } finally {
      copy.close();
    }
    renameSync(temp, target);
    fsyncFolder(dirname(target));
    return { path: target, bytes: statSync(target).size, pages };
  } catch (error) {
    removeWithSideFiles(temp);
    throw error;
  }
}

export interface BackupInfo {
  path: string;
  version: number;
  contacts: number;
  interactions: number;
}

function openReadOnly(path: string): BetterSqlite3.Database {
  prepareSideFiles(path);
  try {
    return new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new DataError(`cannot open ${path}: ${(error as Error).message}`);
  }
}

/**
 * Checks that a file can replace the database: a net database, not newer than
 * this program, that passes SQLite's integrity and foreign-key checks. Opened
 * read-only: checking a file never changes it.
 */
export function inspectBackup(path: string): BackupInfo {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new DataError(`no file at ${path}`, 'name a backup made by `net backup`');
  // A FIFO would block the open for ever.
  if (!stat.isFile()) throw new UsageError(`${path} is ${kindOf(stat)}, not a backup file`);
  const sqlite = openReadOnly(path);
  try {
    let appId: number;
    let version: number;
    try {
      appId = sqlite.pragma('application_id', { simple: true }) as number;
      version = sqlite.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      throw new DataError(`${path} is not a SQLite database (${(error as Error).message})`, 'name a backup made by `net backup`');
    }
    if (appId !== APPLICATION_ID || version === 0) {
      throw new DataError(`${path} is not a net database`, 'name a backup made by `net backup`');
    }
    if (version > SCHEMA_VERSION) {
      throw new DataError(
        `${path} has schema version ${version}, newer than this net understands (${SCHEMA_VERSION})`,
        'upgrade net first; nothing was changed',
      );
    }
    let problems: string[];
    try {
      problems = (sqlite.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (error) {
      // Damage in the schema itself makes the check fail outright.
      problems = [(error as Error).message];
    }
    if (problems.join() !== 'ok') {
      throw new DataError(`${path} is damaged: ${problems.slice(0, 3).join('; ')}`, 'choose another backup; nothing was changed');
    }
    const orphans = sqlite.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) {
      throw new DataError(`${path} has ${orphans.length} broken reference(s) between tables`, 'choose another backup; nothing was changed');
    }
    const count = (table: string): number => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { path, version, contacts: count('contacts'), interactions: count('interactions') };
  } finally {
    sqlite.close();
  }
}

/**
 * Keeps the database that is about to be replaced. A readable database is
 * copied through the backup API (which includes what is still in its -wal);
 * one too damaged for that is copied file by file, -wal included, so that
 * nothing is lost even then.
 */
export async function keepCurrent(dbPath: string, target: string): Promise<string> {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(dbPath, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    await backupDatabase(sqlite, target);
    return target;
  } catch {
    for (const suffix of ['', '-wal']) {
      if (existsSync(`${dbPath}${suffix}`)) copyFileSync(`${dbPath}${suffix}`, `${target}${suffix}`);
    }
    return target;
  } finally {
    sqlite?.close();
  }
}

/**
 * Replaces the database at `dbPath` with the contents of `source`.
 *
 * The copy goes through the backup API *into* the live file: SQLite takes the
 * write lock, writes every page in one transaction, and other net processes
 * (which wait on the lock) then see either the old or the new database, never
 * a mix; the -wal and -shm files stay consistent because SQLite itself
 * updates them. Only when the live file is too damaged for SQLite to write
 * into is it replaced by renaming a checked copy over it, its stale -wal and
 * -shm removed first.
 */
export async function replaceDatabase(source: string, dbPath: string): Promise<void> {
  const reader = openReadOnly(source);
  try {
    if (!existsSync(dbPath)) {
      await backupDatabase(reader, dbPath);
      return;
    }
    try {
      await onlineBackup(reader, dbPath);
      return;
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (!code.startsWith('SQLITE_NOTADB') && !code.startsWith('SQLITE_CORRUPT')) throw error;
    }
    const temp = `${dbPath}.restore`;
    removeWithSideFiles(temp);
    await backupDatabase(reader, temp);
    rmSync(`${dbPath}-wal`, { force: true });
    rmSync(`${dbPath}-shm`, { force: true });
    renameSync(temp, dbPath);
    fsyncFolder(dirname(dbPath));
  } finally {
    reader.close();
  }
}
