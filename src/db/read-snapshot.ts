// Reads that must agree with each other (the review's queries, the pages of a
// long history) in one snapshot of the file.
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs reads inside one deferred transaction, so that every query sees the
 * same state of the file; in WAL mode it does not hold up writers.
 */
export async function inReadSnapshot<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  // Room for the pages read more than once (the review's queries read the
  // same index ranges, a history's pages the same people): 16 MB instead of SQLite's 2 MB, taken only as pages are read.
  sqlite.pragma('cache_size = -16384');
  sqlite.exec('begin deferred');
  try {
    return await work();
  } finally {
    sqlite.exec('commit');
  }
}
