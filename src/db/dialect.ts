// Kysely's SQLite dialect, with write transactions started as BEGIN IMMEDIATE.
// A plain BEGIN takes the write lock only at the first write, and two net
// processes that both read first then deadlock into "database is busy" without
// waiting for the busy timeout. IMMEDIATE takes the lock up front, so the
// second process waits.
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type SqliteDialectConfig,
} from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  // After SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM, SQLite has already rolled
  // the transaction back; a second ROLLBACK fails with "no transaction is
  // active", and Kysely would throw that instead of the error that matters.
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (error) {
      if (!/no transaction is active/.test((error as Error).message)) throw error;
    }
  }
}

export class NetSqliteDialect implements Dialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    this.#config = config;
  }
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
