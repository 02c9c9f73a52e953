// Tests of derived data (summaries, queries) write their fixtures with raw
// SQL. Outside a command the triggers of migration 005 refuse any write to
// user data; a committed row in current_command with recording off lets a
// test's connection write (and delete) freely, recording nothing.
import type BetterSqlite3 from 'better-sqlite3';

export function allowRawWrites(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare('insert or ignore into current_command (id, ms, recording) values (0, 0, 0)').run();
}

/** Runs raw SQL as another program's connection would, in one transaction, with writes allowed and not recorded. */
export function rawWrite(sqlite: BetterSqlite3.Database, sql: string | (() => void)): void {
  sqlite.transaction(() => {
    sqlite.prepare('insert or ignore into current_command (id, ms, recording) values (0, 0, 0)').run();
    if (typeof sql === 'string') sqlite.exec(sql);
    else sql();
    sqlite.prepare('delete from current_command where id = 0').run();
  })();
}
