// What `net list` shows of each person (not --json or --csv, which carry
// every field): six columns, read as one JSON text of objects (json-rows.ts). The
// records with their emails, phones, tags and interests cost ten times more
// for 20,000 people, and the table prints none of them.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { rowsAsObjects } from './json-rows.js';
import { onePassCache } from './read-snapshot.js';
import type { Database } from './schema.js';

export interface ListRow {
  id: number;
  name: string;
  circle: string;
  company: string | null;
  /** The day of the latest interaction, from contact_activity. */
  last_contact: string | null;
  /** The person's own rhythm in days; null when their circle's applies. */
  cadence_override: number | null;
  created_at: string;
}

/**
 * The list rows of the people `ids` names (in no particular order), or of
 * everyone who is neither archived nor deleted: the list without a filter,
 * which then needs no query for the ids first.
 */
export function listRows(source: { db: Kysely<Database>; sqlite: BetterSqlite3.Database }, ids: readonly number[] | 'everyone'): ListRow[] {
  if (ids !== 'everyone' && ids.length === 0) return [];
  let query = source.db
    .selectFrom('contacts as c')
    .leftJoin('contact_activity as a', 'a.contact_id', 'c.id')
    .select(['c.id', 'c.name', 'c.circle', 'c.company', 'a.last_on as last_contact', 'c.cadence_days as cadence_override', 'c.created_at']);
  // Long id lists would pass SQLite's limit of bound parameters: read all, keep the wanted.
  const wanted = ids !== 'everyone' && ids.length > 500 ? new Set(ids) : undefined;
  if (ids === 'everyone') query = query.where('c.deleted_at', 'is', null).where('c.archived_at', 'is', null);
  else if (!wanted) query = query.where('c.id', 'in', ids);
  const compiled = query.compile();
  onePassCache(source.sqlite);
  const rows = rowsAsObjects<ListRow>(source.sqlite, compiled.sql, compiled.parameters);
  return wanted ? rows.filter((r) => wanted.has(r.id)) : rows;
}

/** How many people the network has had at most (the largest id, read from the end of the table's index): a bound on a listing's rows before it reads them. */
export function peopleAtMost(sqlite: BetterSqlite3.Database): number {
  return sqlite.prepare('select coalesce(max(id), 0) from contacts').pluck().get() as number;
}
