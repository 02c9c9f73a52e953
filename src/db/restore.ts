// Replacing the live database with a backup, without losing a line.
//
// Other net processes may be writing the whole time. So the replacement takes
// SQLite's write lock first (BEGIN IMMEDIATE) and holds it until it commits:
// the copy kept of the current database is made under that lock, by a second
// connection that reads the very state being replaced, and the backup's
// contents then go into the live file in the same transaction. A write that
// another process committed before the lock is in the kept copy; one that
// waited for the lock lands in the restored database; none falls in between.
// The contents are copied table by table (better-sqlite3's backup API can only
// write into a file through a connection of its own, which the lock we hold
// would shut out), and checked before the commit. The backup is copied and
// upgraded to the current schema beforehand, outside the lock.
import { constants, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DataError } from '../core/errors.js';
import { backupName, backupNextTo, checkedCopy, claimName, fsyncFolder, openReadOnly, removeWithSideFiles, temporaryPath } from './backup.js';
import { secureDatabaseFiles } from './file-access.js';
import { BUSY_TIMEOUT_MS, openDatabase } from './open.js';
import { copyContents, countRows } from './restore-copy.js';

export interface RestoreResult {
  /** Where the replaced database is kept; null when there was none. */
  kept: string | null;
  contacts: number;
  interactions: number;
}

export interface RestoreOptions {
  /** Dates the name of the kept copy. */
  now: Date;
  /** How long to wait for other processes to release the write lock (default: the busy timeout). */
  busyTimeoutMs?: number;
}

function codeOf(error: unknown): string {
  return String((error as { code?: unknown } | undefined)?.code ?? '');
}

/** SQLite cannot read the file as a database at all. */
function isDamaged(error: unknown): boolean {
  const code = codeOf(error);
  return code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT');
}

/**
 * The backup, copied beside the database (a temporary name `net doctor` knows)
 * and upgraded there to the current schema, in rollback-journal mode so that
 * it can be attached: the contents that will go into the live database.
 */
async function prepareSource(source: string, dbPath: string): Promise<string> {
  const reader = openReadOnly(source);
  let temp: string;
  try {
    ({ temp } = await checkedCopy(reader, dbPath));
  } finally {
    reader.close();
  }
  try {
    const opened = await openDatabase(temp);
    await opened.close();
    const copy = new BetterSqlite3(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return temp;
  } catch (error) {
    removeWithSideFiles(temp);
    throw error;
  }
}

/** Counts of what a restored database holds, read through `sqlite`. */
function countsOf(sqlite: BetterSqlite3.Database): { contacts: number; interactions: number } {
  const rows = countRows(sqlite, 'main');
  return { contacts: rows.get('contacts') ?? 0, interactions: rows.get('interactions') ?? 0 };
}

/**
 * Keeps the database as it is under the lock `live` holds: a second,
 * read-only connection sees exactly that state (nobody else can commit), and
 * copies it. The copy must hold every row the live database holds.
 */
async function keepLocked(live: BetterSqlite3.Database, dbPath: string, now: Date, timeout: number): Promise<string> {
  const reader = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true, timeout });
  let kept: string;
  try {
    ({ path: kept } = await backupNextTo(reader, dbPath, now, '-before-restore'));
  } finally {
    reader.close();
  }
  const copy = new BetterSqlite3(kept, { readonly: true, fileMustExist: true });
  let differs: string | undefined;
  try {
    const expected = countRows(live, 'main');
    const found = countRows(copy, 'main');
    differs = [...expected].find(([table, n]) => found.get(table) !== n)?.[0];
  } finally {
    copy.close();
  }
  if (differs !== undefined) {
    removeWithSideFiles(kept);
    throw new DataError(`the copy of the current database does not hold the rows of ${differs} it holds`);
  }
  return kept;
}

/**
 * Keeps a database SQLite cannot read file by file (its -wal too), under a
 * name of its own, so that nothing is lost even then.
 */
function keepFiles(dbPath: string, now: Date): string {
  const temp = temporaryPath(dbPath);
  try {
    copyFileSync(dbPath, temp, constants.COPYFILE_EXCL);
    for (let n = 1; ; n += 1) {
      const target = backupName(dbPath, now, '-before-restore', n);
      if (!claimName(temp, target)) continue;
      if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${target}-wal`, constants.COPYFILE_EXCL);
      return target;
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Puts the prepared copy in place of a database too damaged to open; its stale -wal and -shm go first. */
function replaceFile(prepared: string, dbPath: string): void {
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(prepared, dbPath);
  fsyncFolder(dirname(dbPath));
}

function notRestored(error: unknown, dbPath: string): DataError {
  if (error instanceof DataError) {
    return new DataError(`the restore did not happen: ${error.message}`, error.hint ?? `${dbPath} was not changed`);
  }
  return new DataError(`the restore did not happen: ${(error as Error).message}`, `${dbPath} was not changed`, { cause: error });
}

/** Replaces the live database under its write lock; see the top of this file. */
async function restoreUnderLock(prepared: string, dbPath: string, options: RestoreOptions): Promise<RestoreResult> {
  const timeout = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const live = new BetterSqlite3(dbPath, { fileMustExist: true, timeout });
  let kept: string | null = null;
  try {
    // Neither can change inside a transaction: the old tables go before the
    // new rows come, and the backup is read through this same connection.
    live.pragma('foreign_keys = OFF');
    live.prepare('attach database ? as restored').run(prepared);
    try {
      live.exec('begin immediate');
    } catch (error) {
      if (!codeOf(error).startsWith('SQLITE_BUSY')) throw error;
      throw new DataError(
        `the restore did not happen: another process held the write lock on ${dbPath} for ${timeout / 1000} s`,
        'try again when the other net commands have finished; nothing was changed',
      );
    }
    kept = await keepLocked(live, dbPath, options.now, timeout);
    copyContents(live, 'restored');
    live.exec('commit');
    return { kept, ...countsOf(live) };
  } catch (error) {
    try {
      if (live.inTransaction) live.exec('rollback');
    } catch {
      // A damaged file may not even roll back; SQLite undoes it on the next open.
    }
    if (isDamaged(error)) {
      // Copied before the connection closes: closing removes the -wal.
      kept ??= keepFiles(dbPath, options.now);
      live.close();
      replaceFile(prepared, dbPath);
      const restored = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
      try {
        return { kept, ...countsOf(restored) };
      } finally {
        restored.close();
      }
    }
    // The database is as it was: the copy kept of it would only be a duplicate.
    if (kept !== null) removeWithSideFiles(kept);
    throw error instanceof DataError && error.message.startsWith('the restore did not happen') ? error : notRestored(error, dbPath);
  } finally {
    if (live.open) live.close();
  }
}

/**
 * Replaces the database at `dbPath` with the contents of the backup `source`
 * (already checked with inspectBackup), keeping the replaced database under a
 * new name beside it. Throws, changing nothing, when it cannot.
 */
export async function restoreDatabase(source: string, dbPath: string, options: RestoreOptions): Promise<RestoreResult> {
  secureDatabaseFiles(dbPath);
  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });
  const prepared = await prepareSource(source, dbPath);
  try {
    if (!existsSync(dbPath) && claimName(prepared, dbPath)) {
      fsyncFolder(dirname(dbPath));
      const restored = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
      try {
        return { kept: null, ...countsOf(restored) };
      } finally {
        restored.close();
      }
    }
    return await restoreUnderLock(prepared, dbPath, options);
  } finally {
    removeWithSideFiles(prepared);
  }
}
