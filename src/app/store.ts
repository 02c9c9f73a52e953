// What every use case is given: the store (the database, as Kysely and as the
// raw connection for bulk work) and the clock. Use cases never print and never
// read the real clock; each owns its transaction.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { runCommand, type RunOptions, type Writer } from '../db/write-path.js';

export interface Store {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
}

export interface Clock {
  now: Date;
  /** The local calendar day of `now`. */
  today: string;
}

/** Runs `work` as the command `name`: one transaction, every change recorded (src/db/write-path.ts). */
export function inCommand<T>(store: Store, clock: Clock, name: string, work: (writer: Writer) => Promise<T>, options?: RunOptions): Promise<T> {
  return runCommand(store, { name, now: clock.now }, work, options);
}

export type { Writer };
