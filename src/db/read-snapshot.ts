// Reads that must agree with each other (the review's queries, the pages of a
// long history) in one snapshot of the file; and the page cache that suits a
// read which passes over its pages once.
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs reads inside one deferred transaction, so that every query sees the
 * same state of the file; in WAL mode it does not hold up writers.
 */
export async function inReadSnapshot<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  // Room for the pages read more than once (the review's queries read the
  // same index ranges, a history's pages the same people): 4 MB instead of
  // SQLite's 2 MB, taken only as pages are read. With 2 MB a long history
  // reads its people's pages again (495 → 660 ms on 20,000 people); 16 MB
  // was no faster and kept 3–5 MB more.
  sqlite.pragma('cache_size = -4096');
  sqlite.exec('begin deferred');
  try {
    return await work();
  } finally {
    sqlite.exec('commit');
  }
}

/**
 * A small page cache (512 KB) for a read that passes over its pages once (a
 * scan of the people: net due's facts, net list's rows). SQLite's default
 * 2 MB kept nothing worth reading twice there, and the memory it took stayed
 * with the process: 5–7 MB more at the peak of `net due` and `net list` on
 * 20,000 people, and some 20 ms slower. The connection keeps it for the
 * rest of the command.
 */
export function onePassCache(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('cache_size = -512');
}
