// Opening the database: private file modes, durable settings, a check that the
// file is net's and not newer than this program, then the migrations.
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { DataError } from '../core/errors.js';
import { sqliteModuleFailure } from '../core/sqlite-module.js';
import { NetSqliteDialect } from './dialect.js';
import { secureDatabaseFiles } from './file-access.js';
import { APPLICATION_ID, SCHEMA_VERSION, migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export interface OpenDatabase {
  db: Kysely<Database>;
  /** The raw connection, for bulk work (imports, backup) and pragmas. */
  sqlite: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

export const BUSY_TIMEOUT_MS = 10_000;

function readHeaderPragmas(sqlite: BetterSqlite3.Database): { appId: number; version: number; tables: number } {
  // One read transaction: read one by one, another process could commit its
  // migrations between them, and the tables would show without the marks.
  return sqlite.transaction(() => {
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    const { n } = sqlite.prepare("select count(*) as n from sqlite_schema where type = 'table'").get() as { n: number };
    return { appId, version, tables: n };
  })();
}

/** Checks that an open file is a net database this program can use; throws otherwise. */
export function checkCompatible(sqlite: BetterSqlite3.Database, path: string): { version: number } {
  const { appId, version, tables } = readHeaderPragmas(sqlite);
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new DataError(`${path} is not a net database (application id ${appId})`, 'pass another file with --db or NET_DB');
  }
  if (appId === 0 && tables > 0) {
    throw new DataError(`${path} is a SQLite database that net did not create`, 'pass another file with --db or NET_DB');
  }
  if (version > SCHEMA_VERSION) {
    throw new DataError(
      `${path} has schema version ${version}, newer than this net understands (${SCHEMA_VERSION})`,
      'upgrade net; the database was not changed',
    );
  }
  return { version };
}

/** Durability and concurrency settings, applied on every open. */
export function applyConnectionPragmas(sqlite: BetterSqlite3.Database): void {
  // One exec, not a prepared statement each. A database already in WAL mode reopens with synchronous=NORMAL in this build.
  sqlite.exec(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}; pragma foreign_keys = ON; pragma journal_mode = WAL; pragma synchronous = FULL; pragma temp_store = MEMORY`);
}

export interface OpenOptions {
  /** Open without creating the file (read-only commands on a missing database). */
  mustExist?: boolean;
}

/**
 * SQLite creates NAME-wal and NAME-shm next to a WAL database, even to read
 * it: in a read-only folder it can only say "unable to open database file".
 */
function readOnlyFolderHint(path: string): string | undefined {
  if (path === ':memory:') return undefined;
  try {
    accessSync(dirname(path), constants.W_OK);
    return undefined;
  } catch {
    const name = basename(path);
    return `the folder ${dirname(path)} is read-only, and SQLite must create ${name}-wal and ${name}-shm there; nothing was written`;
  }
}

/**
 * Runs checkCompatible on a read-only connection before the file is opened for
 * writing. A read-write connection that closes last checkpoints the -wal into
 * the main file and deletes it: even a refused database would change on disk.
 * Errors other than incompatibility are left to the read-write open to report.
 */
function refuseIncompatible(path: string): void {
  if (headerSaysCompatible(path)) return;
  let reader: BetterSqlite3.Database;
  try {
    reader = new BetterSqlite3(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch {
    return;
  }
  try {
    checkCompatible(reader, path);
  } catch (error) {
    if (error instanceof DataError) throw error;
  } finally {
    reader.close();
  }
}

/**
 * True when the file's own header shows a net database this program can use,
 * and no -wal holds commits the header may not show yet: then the
 * read-only connection of refuseIncompatible (some 3 ms: it parses the
 * schema) is not needed, and the read-write connection checks again anyway.
 * Anything else (a -wal with content, another file) takes the full check.
 */
function headerSaysCompatible(path: string): boolean {
  try {
    if ((statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) return false;
    const header = Buffer.alloc(100);
    const fd = openSync(path, 'r');
    try {
      if (readSync(fd, header, 0, header.length, 0) < header.length) return false;
    } finally {
      closeSync(fd);
    }
    // SQLite's file header: the magic string, user_version at 60, application_id at 68.
    if (header.toString('latin1', 0, 16) !== 'SQLite format 3\0') return false;
    return header.readUInt32BE(68) === APPLICATION_ID && header.readUInt32BE(60) <= SCHEMA_VERSION;
  } catch {
    return false;
  }
}

export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  const isMemory = path === ':memory:';
  const isNew = !isMemory && !existsSync(path);
  if (isNew && options.mustExist) {
    throw new DataError(`no database at ${path}`, 'add someone with `net add NAME`, or try `net demo`');
  }
  // Before any SQLite connection: a FIFO would block it, another user's file is refused.
  secureDatabaseFiles(path);
  if (isNew) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!isNew && !isMemory) refuseIncompatible(path);

  // Some lock waits do not go through SQLite's busy handler (switching a new
  // file to WAL while other processes open it too): those are tried again.
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return await openOnce(path, isNew);
    } catch (error) {
      if (!isBusy(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40));
    }
  }
}

function isBusy(error: unknown): boolean {
  const cause = error instanceof DataError ? error.cause : error;
  const code = String((cause as { code?: unknown } | undefined)?.code ?? '');
  return code.startsWith('SQLITE_BUSY') || /database is locked/.test(String((error as Error).message));
}

async function openOnce(path: string, isNew: boolean): Promise<OpenDatabase> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    // Not the database: SQLite itself cannot be loaded (src/cli/run.ts says why).
    if (sqliteModuleFailure(error)) throw error;
    throw new DataError(`cannot open the database ${path}: ${(error as Error).message}`, readOnlyFolderHint(path));
  }
  try {
    if (isNew) chmodSync(path, 0o600);
    const { version } = checkCompatible(sqlite, path);
    applyConnectionPragmas(sqlite);
    // Again now that SQLite has made the -wal and -shm: one slipped in by
    // another user since the first check is refused before anything is written.
    secureDatabaseFiles(path);
    const db = new Kysely<Database>({ dialect: new NetSqliteDialect({ database: sqlite }) });
    if (version < SCHEMA_VERSION) await migrateToLatest(db, sqlite);
    // Kysely closes the connection only if it ran a query: a command that read through
    // the raw connection alone (backup, doctor) would leave it, and the -wal, open.
    const close = async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    };
    return { db, sqlite, path, close };
  } catch (error) {
    sqlite.close();
    if (error instanceof DataError) throw error;
    throw new DataError(`cannot use the database ${path}: ${(error as Error).message}`, readOnlyFolderHint(path), { cause: error });
  }
}
