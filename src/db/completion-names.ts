// The names shell completion offers, read from a read-only connection that
// runs no migration: a file from before tombstones (schema 4) has no
// deleted_at column, and offers every name it holds.
import type BetterSqlite3 from 'better-sqlite3';

export interface CompletionName {
  id: number;
  name: string;
  circle: string;
  company: string | null;
  archived_at: string | null;
}

export function completionNames(sqlite: BetterSqlite3.Database): CompletionName[] {
  const tombstones = sqlite.prepare("select 1 from pragma_table_info('contacts') where name = 'deleted_at'").get() !== undefined;
  return sqlite
    .prepare(`select id, name, circle, company, archived_at from contacts ${tombstones ? 'where deleted_at is null' : ''} order by archived_at is not null, name_key`)
    .all() as CompletionName[];
}
