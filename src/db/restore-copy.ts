// The contents of one database put in place of another's, through one
// connection, inside the transaction the caller holds: every table, index,
// trigger and view of `main` dropped, those of the attached source created
// again with their rows, the schema version and application id carried over,
// then checked against the source before the caller commits. Generic over the
// schema: it copies whatever the source holds, whichever migrations made it.
import type BetterSqlite3 from 'better-sqlite3';
import { DataError } from '../core/errors.js';

interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view';
  name: string;
  sql: string | null;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The objects of a schema that SQLite does not make itself, in the order they were created. */
function objectsOf(sqlite: BetterSqlite3.Database, schema: string): SchemaObject[] {
  return sqlite
    .prepare(`select type, name, sql from ${quote(schema)}.sqlite_schema where substr(name, 1, 7) <> 'sqlite_' order by rowid`)
    .all() as SchemaObject[];
}

const isVirtual = (o: SchemaObject) => o.type === 'table' && /^create virtual table/i.test(o.sql ?? '');

/**
 * The tables a virtual table (the full-text index) keeps for itself: made
 * with it, filled by it, never copied row by row.
 */
function shadowTables(objects: readonly SchemaObject[]): Set<string> {
  const virtual = objects.filter(isVirtual).map((o) => o.name);
  return new Set(objects.filter((o) => o.type === 'table' && virtual.some((v) => o.name.startsWith(`${v}_`))).map((o) => o.name));
}

function hasTable(sqlite: BetterSqlite3.Database, schema: string, name: string): boolean {
  return sqlite.prepare(`select 1 from ${quote(schema)}.sqlite_schema where type = 'table' and name = ?`).get(name) !== undefined;
}

/** The number of rows of every table of a schema (SQLite's own tables aside). */
export function countRows(sqlite: BetterSqlite3.Database, schema: string): Map<string, number> {
  const counts = new Map<string, number>();
  const objects = objectsOf(sqlite, schema);
  const shadows = shadowTables(objects);
  for (const { name } of objects.filter((o) => o.type === 'table' && !shadows.has(o.name))) {
    counts.set(name, (sqlite.prepare(`select count(*) as n from ${quote(schema)}.${quote(name)}`).get() as { n: number }).n);
  }
  return counts;
}

/** The columns a row is written with: generated and hidden ones are computed by SQLite. */
function storedColumns(sqlite: BetterSqlite3.Database, schema: string, table: string): string {
  const columns = sqlite.prepare(`select name from pragma_table_xinfo(?, ?) where hidden = 0 order by cid`).all(table, schema) as { name: string }[];
  return columns.map((c) => quote(c.name)).join(', ');
}

function header(sqlite: BetterSqlite3.Database, schema: string): { version: number; appId: number } {
  return {
    version: sqlite.pragma(`${quote(schema)}.user_version`, { simple: true }) as number,
    appId: sqlite.pragma(`${quote(schema)}.application_id`, { simple: true }) as number,
  };
}

function dropAll(sqlite: BetterSqlite3.Database): void {
  const old = objectsOf(sqlite, 'main');
  // Views and triggers first: they may name tables that go before them; a virtual table takes its own tables along.
  const shadows = shadowTables(old);
  for (const type of ['view', 'trigger', 'table'] as const) {
    for (const o of old.filter((x) => x.type === type && !shadows.has(x.name))) sqlite.exec(`drop ${type} if exists main.${quote(o.name)}`);
  }
  // Counters and planner statistics of the tables just dropped.
  for (const table of ['sqlite_sequence', 'sqlite_stat1', 'sqlite_stat4']) {
    if (hasTable(sqlite, 'main', table)) sqlite.exec(`delete from main.${table}`);
  }
}

/** Checks, before the commit, that `main` now holds what `source` holds. */
function checkCopied(sqlite: BetterSqlite3.Database, source: string): void {
  const describe = (schema: string) =>
    objectsOf(sqlite, schema)
      .filter((o, _, all) => !shadowTables(all).has(o.name))
      .map((o) => `${o.type} ${o.name} ${o.sql ?? ''}`)
      .sort()
      .join('\n');
  if (describe('main') !== describe(source)) throw new DataError('the tables and indexes written differ from the backup’s');
  const expected = countRows(sqlite, source);
  const found = countRows(sqlite, 'main');
  for (const [table, n] of expected) {
    if (found.get(table) !== n) throw new DataError(`${table}: ${found.get(table) ?? 0} row(s) written of ${n}`);
  }
  const wanted = header(sqlite, source);
  const got = header(sqlite, 'main');
  if (got.version !== wanted.version || got.appId !== wanted.appId) throw new DataError('the schema version written differs from the backup’s');
  if ((sqlite.pragma('main.foreign_key_check') as unknown[]).length > 0) throw new DataError('the rows written have broken references');
  const check = sqlite.pragma('main.quick_check', { simple: true });
  if (check !== 'ok') throw new DataError(`the database written failed its check: ${String(check)}`);
}

/**
 * Replaces everything in `main` with the contents of the attached schema
 * `source`, inside the caller's write transaction (foreign keys off, so that
 * tables can go and come in any order). Throws, for a rollback, when the
 * result differs from the source.
 */
export function copyContents(sqlite: BetterSqlite3.Database, source: string): void {
  if (!sqlite.inTransaction) throw new Error('copyContents needs a write transaction');
  dropAll(sqlite);
  const wanted = objectsOf(sqlite, source);
  const shadows = shadowTables(wanted);
  const tables = wanted.filter((o) => o.type === 'table' && !shadows.has(o.name));
  for (const t of tables) sqlite.exec(t.sql ?? '');
  for (const t of tables) {
    // A virtual table is filled through itself (it indexes what it is given), with its rowids.
    const columns = isVirtual(t) ? `rowid, ${storedColumns(sqlite, source, t.name)}` : storedColumns(sqlite, source, t.name);
    sqlite.exec(`insert into main.${quote(t.name)} (${columns}) select ${columns} from ${quote(source)}.${quote(t.name)}`);
  }
  if (hasTable(sqlite, source, 'sqlite_sequence')) {
    sqlite.exec(`insert into main.sqlite_sequence (name, seq) select name, seq from ${quote(source)}.sqlite_sequence`);
  }
  // Indexes once the rows are in (one sort each); triggers last, so that the
  // copied rows do not fire them: their derived rows were copied too.
  for (const type of ['index', 'view', 'trigger'] as const) {
    for (const o of wanted.filter((x) => x.type === type && x.sql !== null)) sqlite.exec(o.sql as string);
  }
  const { version, appId } = header(sqlite, source);
  sqlite.pragma(`main.user_version = ${version}`);
  sqlite.pragma(`main.application_id = ${appId}`);
  checkCopied(sqlite, source);
}
