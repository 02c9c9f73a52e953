// Copies of the database through SQLite's online backup API (a consistent
// snapshot even while other net processes write): `net backup`, and the copy
// `net restore` keeps of the database it replaces (src/db/restore.ts). Each is
// written under a temporary name, checked, and only then given a name no other
// file has; and the check that a file can be restored.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ConflictError, DataError, UsageError } from '../core/errors.js';
import { temporaryName } from '../core/temporary-name.js';
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

/** `net-backup-2026-03-14-120000.db` (n = 1), then `…-2.db`, `…-3.db`: the names a backup next to the database may take. */
export function backupName(dbPath: string, now: Date, tag: string, n: number): string {
  const base = join(dirname(dbPath), `${backupPrefix(dbPath)}${backupStamp(now)}${tag}`);
  return n === 1 ? `${base}.db` : `${base}-${n}.db`;
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
    .flatMap((name) => {
      const path = join(folder, name);
      // Another process may remove a file between the listing and this look at it.
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat?.isFile() ? [{ path, bytes: stat.size, modified: stat.mtime }] : [];
    })
    .sort((a, b) => b.modified.getTime() - a.modified.getTime() || b.path.localeCompare(a.path));
}

export function fsyncFolder(folder: string): void {
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
 */
async function onlineBackup(source: BetterSqlite3.Database, destination: string): Promise<number> {
  const { totalPages } = await source.backup(destination, { progress: () => 0x7fffffff });
  return totalPages;
}

/** A new temporary name beside `target` (see core/temporary-name.ts), so that the final rename is atomic. */
export function temporaryPath(target: string): string {
  return join(dirname(target), temporaryName(basename(target), process.pid, randomBytes(4).toString('hex')));
}

/** Removes a file and the -wal/-shm/-journal files SQLite may have left next to it. */
export function removeWithSideFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Gives `temp` the name `target` only if no file has it: a hard link fails
 * when the name is taken, so two processes can never both take it. Where the
 * file system has no hard links, the name is reserved by creating it
 * exclusively, then the copy is renamed over the reservation.
 */
export function claimName(temp: string, target: string): boolean {
  try {
    linkSync(temp, target);
    rmSync(temp, { force: true });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  try {
    closeSync(openSync(target, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  renameSync(temp, target);
  return true;
}

/**
 * Copies the open database into a new temporary file beside `target` (mode
 * 0600), as one self-contained file (rollback journal, no -wal), and checks
 * the copy: SQLite's quick check, and as many pages as the backup reported.
 * The backup API reads a locked destination or a source busy writing as "done"
 * with nothing copied; this is where that would show.
 */
export async function checkedCopy(source: BetterSqlite3.Database, target: string): Promise<{ temp: string; pages: number }> {
  const temp = temporaryPath(target);
  // Created empty with mode 0600 first: SQLite then writes into a private file
  // whatever the umask of the process that calls this.
  closeSync(openSync(temp, 'wx', 0o600));
  try {
    const pages = await onlineBackup(source, temp);
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const copied = copy.pragma('page_count', { simple: true }) as number;
      if (pages === 0 || copied !== pages) {
        throw new DataError(`the copy holds ${copied} of ${pages} page(s): SQLite did not copy the database`, 'try again when other net commands have finished');
      }
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new DataError(`the copy failed its check: ${String(check)}`, 'run `net doctor` on the database');
    } finally {
      copy.close();
    }
    return { temp, pages };
  } catch (error) {
    removeWithSideFiles(temp);
    throw error;
  }
}

/**
 * Writes a consistent, checked copy of the open database to `target` (mode
 * 0600), made under a temporary name and only then put in place: a crash never
 * leaves a half-written backup under the final name. Without `replace`, a file
 * already at `target` (even one made a moment ago by another process) is never
 * overwritten.
 */
export async function backupDatabase(source: BetterSqlite3.Database, target: string, options: { replace?: boolean } = {}): Promise<BackupResult> {
  const { temp, pages } = await checkedCopy(source, target);
  try {
    if (options.replace) renameSync(temp, target);
    else if (!claimName(temp, target)) throw new ConflictError(`${target} already exists`, 'name another file, or add --force to replace it');
  } finally {
    removeWithSideFiles(temp);
  }
  fsyncFolder(dirname(target));
  return { path: target, bytes: statSync(target).size, pages };
}

/**
 * A backup next to the database under the first free dated name: each of
 * several backups taken in the same second gets a name of its own.
 */
export async function backupNextTo(source: BetterSqlite3.Database, dbPath: string, now: Date, tag = ''): Promise<BackupResult> {
  const { temp, pages } = await checkedCopy(source, backupName(dbPath, now, tag, 1));
  try {
    for (let n = 1; ; n += 1) {
      const target = backupName(dbPath, now, tag, n);
      if (claimName(temp, target)) {
        fsyncFolder(dirname(target));
        return { path: target, bytes: statSync(target).size, pages };
      }
    }
  } finally {
    removeWithSideFiles(temp);
  }
}

export interface BackupInfo {
  path: string;
  version: number;
  contacts: number;
  interactions: number;
}

export function openReadOnly(path: string): BetterSqlite3.Database {
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
