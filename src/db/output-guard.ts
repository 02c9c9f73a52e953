// Where net may write a file (an export, a backup, the copy a restore keeps):
// never over the live database or its -wal, -shm or -journal, whatever the
// path looks like (symlinks, `..`, another spelling), since a file renamed
// over them destroys the database; never over another SQLite file unless asked
// with --force, since that is most likely a backup or another program's data.
import { closeSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ConflictError, UsageError } from '../core/errors.js';
import { kindOf } from './file-access.js';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The database's files, and what each is called in a message. */
const DATABASE_FILES: readonly [suffix: string, what: string][] = [
  ['', 'the database itself'],
  ['-wal', "the database's write-ahead log"],
  ['-shm', "the database's shared-memory file"],
  ['-journal', "the database's rollback journal"],
];

/**
 * The path a file would really be written to: symlinks followed (a dangling
 * one too: renaming over it writes where it points), the folder's real path.
 */
export function realTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops += 1) {
    let link: string;
    try {
      if (!lstatSync(current).isSymbolicLink()) break;
      link = readlinkSync(current);
    } catch {
      break;
    }
    current = resolve(dirname(current), link);
  }
  try {
    return realpathSync.native(current);
  } catch {
    try {
      return join(realpathSync.native(dirname(current)), basename(current));
    } catch {
      return current;
    }
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The same file: the same real path, or the same inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
  if (realTarget(a) === realTarget(b)) return true;
  const sa = statOf(a);
  const sb = statOf(b);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Which of the database's files `path` is ("the database itself", …), or null. */
export function databaseFileAt(path: string, dbPath: string): string | null {
  const real = realTarget(path);
  const realDb = realTarget(dbPath);
  for (const [suffix, what] of DATABASE_FILES) {
    if (real === `${realDb}${suffix}` || sameFile(path, `${dbPath}${suffix}`)) return what;
  }
  return null;
}

/** Whether a regular file starts with SQLite's header. */
export function isSqliteFile(path: string): boolean {
  const stat = statOf(path);
  if (!stat?.isFile() || stat.size < SQLITE_HEADER.length) return false;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

export interface OutputRules {
  /** The live database: it and its side files are never written over. */
  dbPath: string;
  /** --force: an existing SQLite file may be replaced. */
  force?: boolean;
}

/**
 * The one check before net writes a file: refuses the database and its side
 * files (usage, exit 2), a folder or anything else that is not a regular file
 * (a device, a FIFO: renaming over it would replace it), and an existing
 * SQLite file without --force (exit 1).
 */
export function checkOutputPath(target: string, rules: OutputRules): void {
  const what = databaseFileAt(target, rules.dbPath);
  if (what) throw new UsageError(`${target} is ${what}`, 'name another file');
  const stat = statOf(target);
  if (stat && !stat.isFile()) {
    throw new UsageError(`${target} is ${kindOf(stat)}`, stat.isDirectory() ? 'name a file inside it' : 'name a regular file, or write to standard output');
  }
  if (!rules.force && isSqliteFile(target)) {
    throw new ConflictError(`${target} is a SQLite database`, 'name another file, or add --force to replace it');
  }
}
