// The database's own files before SQLite touches them: the path must name a
// regular file (SQLite blocks for ever on a FIFO and fails obscurely on a
// folder), every file must belong to the person running net, and they are made
// private. SQLite gives the -wal and -shm the mode of the database file, so a
// file made elsewhere (a `touch`ed net.db, 0644) would make them readable by
// others, and a read-only database (0400) would leave a read-only -shm that
// makes every later write fail once the database is writable again.
import { chmodSync, closeSync, openSync, statSync, type Stats } from 'node:fs';
import { DataError, UsageError } from '../core/errors.js';

/** The files SQLite keeps beside a database in WAL mode. */
export const SIDE_FILES = ['-wal', '-shm'] as const;

function statOf(path: string): Stats | undefined {
  return statSync(path, { throwIfNoEntry: false });
}

/** What a path that is not a regular file is, in words. */
export function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Refuses a database path that exists but is not a regular file (a folder, a FIFO, a device). */
export function checkDatabasePath(path: string): void {
  if (path === ':memory:') return;
  const stat = statOf(path);
  if (stat && !stat.isFile()) {
    throw new UsageError(`the database ${path} is ${kindOf(stat)}, not a database file`, 'point --db or NET_DB at a file (a new name creates one)');
  }
}

/** The uid of this process, or undefined where there are no uids (Windows). */
function myUid(): number | undefined {
  return process.geteuid?.();
}

/** The owner of a file when it is not the person running net, else null. */
export function foreignOwner(stat: Stats): number | null {
  const uid = myUid();
  return uid !== undefined && stat.uid !== uid ? stat.uid : null;
}

/** The mode a file should have: the database keeps its owner's bits, side files are always 0600. */
export function privateMode(stat: Stats, side: boolean): number {
  return side ? 0o600 : stat.mode & 0o700;
}

/**
 * Checks the database file and its side files (those that exist) and makes
 * them private; refuses any that is not a regular file or that belongs to
 * another user. When the database is read-only, its missing side files are
 * made first, writable: SQLite would make them read-only, like the database.
 */
export function secureDatabaseFiles(path: string): void {
  if (path === ':memory:') return;
  checkDatabasePath(path);
  const db = statOf(path);
  if (!db) return;
  for (const suffix of ['', ...SIDE_FILES]) {
    const file = `${path}${suffix}`;
    const stat = suffix === '' ? db : statOf(file);
    if (!stat) continue;
    if (!stat.isFile()) throw new UsageError(`${file} is ${kindOf(stat)}, not a file SQLite can use`, `remove it; it belongs beside the database ${path}`);
    const owner = foreignOwner(stat);
    if (owner !== null) {
      throw new DataError(
        `${file} belongs to another user (uid ${owner}); net uses only a database and side files of your own`,
        suffix === '' ? 'copy the database to a file of yours and use --db, or run net as its owner' : `ask its owner to remove it, then run net again`,
      );
    }
    const wanted = privateMode(stat, suffix !== '');
    if ((stat.mode & 0o777) !== wanted) {
      try {
        chmodSync(file, wanted);
      } catch {
        // A read-only file system: reading still works, and doctor reports the mode.
      }
    }
  }
  prepareSideFiles(path);
}

/**
 * Makes the missing side files of a read-only database, empty and writable:
 * SQLite makes them even to read, with the database's mode, and a read-only
 * -shm left behind breaks every write once the database is writable again.
 */
export function prepareSideFiles(path: string): void {
  const db = statOf(path);
  if (!db?.isFile() || (db.mode & 0o200) !== 0) return;
  for (const suffix of SIDE_FILES) {
    try {
      closeSync(openSync(`${path}${suffix}`, 'wx', 0o600));
    } catch {
      // Already there, or a read-only folder: SQLite then says what it can.
    }
  }
}
