// The one write path: every command that changes user data runs here, in one
// write transaction, with a row in `commands` open while it works. The
// triggers of migrations/005-operations.ts record each change as operations
// of that command; a write with no command open is refused by them. A
// command that changed nothing leaves no row.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { nextHlc, uuidv7 } from '../core/ids.js';
import { countCommitted } from './committed.js';
import type { Database } from './schema.js';

export interface CommandStart {
  /** The command as the user would name it: `log`, `edit`, `import linkedin`, `undo`. */
  name: string;
  /** The clock of the command (NET_NOW in scripts and tests). */
  now: Date;
  /** The command this one reverts (undo). */
  undoes?: number;
}

export interface OpenCommand {
  id: number;
  uid: string;
  firstOp: number;
}

/** What a use case gets while its command is open. */
export interface Writer {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  command: OpenCommand;
  /** What the command did, in words, for `net changes` ("logged coffee with Giulia Rossi"). */
  summary: string;
}

export interface WriteStore {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
}

export function deviceId(sqlite: BetterSqlite3.Database): string {
  return (sqlite.prepare("select value from meta where key = 'device'").pluck().get() as string | undefined) ?? 'unknown';
}

/** Opens a command inside the current write transaction. `recording` off applies operations recorded elsewhere. */
export function openCommand(sqlite: BetterSqlite3.Database, start: CommandStart, recording = true): OpenCommand {
  const ms = start.now.getTime();
  const last = sqlite.prepare('select max(hlc) from commands').pluck().get() as string | null;
  const uid = uuidv7(ms);
  const firstOp = ((sqlite.prepare('select max(id) from ops').pluck().get() as number | null) ?? 0) + 1;
  const id = Number(
    sqlite
      .prepare('insert into commands (uid, hlc, device, at, name, summary, undoes, first_op, last_op) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uid, nextHlc(last, ms), deviceId(sqlite), start.now.toISOString(), start.name, '', start.undoes ?? null, firstOp, firstOp - 1).lastInsertRowid,
  );
  sqlite.prepare('insert into current_command (id, ms, recording) values (?, ?, ?)').run(id, ms, recording ? 1 : 0);
  return { id, uid, firstOp };
}

/** Closes the command: its range of operations and summary, or no row at all when it changed nothing. */
export function closeCommand(sqlite: BetterSqlite3.Database, command: OpenCommand, summary: string): number {
  sqlite.prepare('delete from current_command where id = ?').run(command.id);
  const lastOp = (sqlite.prepare('select max(id) from ops').pluck().get() as number | null) ?? 0;
  const count = lastOp - command.firstOp + 1;
  if (count <= 0) sqlite.prepare('delete from commands where id = ?').run(command.id);
  else sqlite.prepare('update commands set last_op = ?, summary = ? where id = ?').run(lastOp, summary, command.id);
  return Math.max(0, count);
}

/** Thrown inside the transaction to roll a dry run back; carries its result out. */
class DryRun<T> {
  constructor(readonly result: T) {}
}

export interface RunOptions {
  /** Do everything, report it, keep nothing. */
  dryRun?: boolean;
}

/**
 * Runs `work` as one command in one write transaction (BEGIN IMMEDIATE):
 * everything it writes is recorded as that command's operations, or nothing
 * is written at all.
 */
export async function runCommand<T>(store: WriteStore, start: CommandStart, work: (writer: Writer) => Promise<T>, options: RunOptions = {}): Promise<T> {
  try {
    let changed = false;
    const result = await store.db.transaction().execute(async (trx) => {
      const command = openCommand(store.sqlite, start);
      const writer: Writer = { db: trx, sqlite: store.sqlite, command, summary: start.name };
      const result = await work(writer);
      changed = closeCommand(store.sqlite, command, writer.summary) > 0;
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
    if (changed) countCommitted();
    return result;
  } catch (error) {
    if (error instanceof DryRun) return error.result as T;
    throw error;
  }
}
