// Applying the migrations: all pending ones in one transaction, with the
// schema version mirrored in PRAGMA user_version so that a newer database can
// be refused before anything touches it.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider, type NO_MIGRATIONS } from 'kysely/migration';
import { migrations } from '../../migrations/index.js';
import { DataError } from '../core/errors.js';
import type { Database } from './schema.js';

/** "NET1": marks a SQLite file as net's own (PRAGMA application_id). */
export const APPLICATION_ID = 0x4e455431;
export const SCHEMA_VERSION = migrations.length;

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly list: ReadonlyArray<readonly [string, Migration]>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(this.list);
  }
}

/**
 * Migrations made in parallel land between numbers a database has already
 * run: one made by an earlier net may have 014 and 015 without 012, or 012
 * without 011. Kysely refuses such a database by default; here it runs what
 * is missing, in order of name, and each migration is written to work after
 * either (a later one, like 016, joins what two parallel ones made).
 */
const MIGRATOR_OPTIONS = { allowUnorderedMigrations: true } as const;

export function migrationsUpTo(version: number): ReadonlyArray<readonly [string, Migration]> {
  return migrations.slice(0, version);
}

/**
 * Runs the migrator inside one BEGIN IMMEDIATE … COMMIT on the raw connection.
 * Kysely's migrator runs SQLite migrations without a transaction, and cannot
 * run on a Kysely Transaction; since the dialect has one single connection,
 * everything the migrator does happens inside this one.
 */
export async function inOneTransaction<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  sqlite.exec('begin immediate');
  try {
    const result = await work();
    sqlite.exec('commit');
    return result;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    throw error;
  }
}

export async function migrateToLatest(db: Kysely<Database>, sqlite: BetterSqlite3.Database, version = SCHEMA_VERSION): Promise<void> {
  await inOneTransaction(sqlite, async () => {
    const migrator = new Migrator({ db, provider: new StaticMigrationProvider(migrationsUpTo(version)), ...MIGRATOR_OPTIONS });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      const why = error instanceof Error ? error.message : String(error);
      throw new DataError(`migration ${failed ?? ''} failed: ${why}`.replace('  ', ' '), 'the database was left as it was');
    }
    sqlite.pragma(`user_version = ${version}`);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  });
}

/** Migrates up or down to a named migration (NO_MIGRATIONS for none); for tests. */
export async function migrateTo(db: Kysely<Database>, sqlite: BetterSqlite3.Database, target: string | typeof NO_MIGRATIONS): Promise<void> {
  await inOneTransaction(sqlite, async () => {
    const migrator = new Migrator({ db, provider: new StaticMigrationProvider(migrations), ...MIGRATOR_OPTIONS });
    const { error } = await migrator.migrateTo(target);
    if (error) throw error;
    const applied = typeof target === 'string' ? migrations.findIndex(([name]) => name === target) + 1 : 0;
    sqlite.pragma(`user_version = ${applied}`);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  });
}
