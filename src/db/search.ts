// Searching what was written in words (migration 010's full-text index):
// interaction notes, contact notes, favours, follow-ups and outreach reasons,
// ranked, each with a short excerpt and what it belongs to.
import type BetterSqlite3 from 'better-sqlite3';

export const SEARCH_KINDS = ['interaction', 'contact', 'favour', 'followup', 'outreach'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** The record's id (`net history` for an interaction, `net show` for a contact, …). */
  id: number;
  /** Its day: when it happened, or was added. */
  date: string;
  contacts: string[];
  contact_ids: number[];
  text: string;
  /** The matching words between «markers», in a short piece of the text. */
  excerpt: string;
  rank: number;
}

export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/**
 * What a person typed as an FTS5 query: each word a prefix, all of them
 * needed; quotes keep FTS5's own syntax out (a hyphen, a colon, OR).
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/\s+/).map((w) => w.replace(/"/g, '')).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/** The people of a hit: participants of an interaction, the person of a note, favour, promise or outreach entry. */
const PEOPLE_OF = `
  select ic.contact_id from interaction_contacts ic where f.kind = 1 and ic.interaction_id = f.id
  union all select f.id where f.kind = 2
  union all select contact_id from favours where f.kind = 3 and id = f.id
  union all select contact_id from followups where f.kind = 4 and id = f.id
  union all select contact_id from outreach where f.kind = 5 and id = f.id`;

/**
 * The best hits, filtered and cut in SQL: ranking every match is cheap in
 * FTS5, but days, people and excerpts are worked out only for the rows
 * shown (a common word matches a fifth of a large network's notes).
 */
const BEST = `
  with found(kind, id, rank) as (
    -- bm25() named, not FTS5's rank column: the same scores, sorted in two thirds of the time;
    -- rowid (id, then kind) breaks ties as the final order does, so the rows fetched are its first ones.
    select rowid % 8, rowid / 8, bm25(search_index) from search_index where search_index match @query
    order by bm25(search_index), rowid limit coalesce(@fetch, -1)),
  dated as (
    select f.kind, f.id, f.rank, case f.kind
      when 1 then (select occurred_on from interactions where id = f.id)
      when 2 then (select substr(created_at, 1, 10) from contacts where id = f.id)
      when 3 then (select occurred_on from favours where id = f.id)
      when 4 then (select due_on from followups where id = f.id)
      else (select substr(created_at, 1, 10) from outreach where id = f.id) end as date
    from found f)
  select f.kind, f.id, f.rank, f.date,
    (select json_group_array(json_array(c.id, c.name)) from contacts c where c.deleted_at is null and c.id in (${PEOPLE_OF})) as people
  from dated f
  where (@since is null or f.date >= @since)
    -- Records of deleted people (whose rows stay, as tombstones keep them) have no one left to show.
    and exists (select 1 from contacts c where c.deleted_at is null and c.id in (${PEOPLE_OF}) and (@contact is null or c.id = @contact))
  order by f.rank, f.id, f.kind
  limit coalesce(@limit, -1)`;

const KINDS: Record<number, SearchKind> = { 1: 'interaction', 2: 'contact', 3: 'favour', 4: 'followup', 5: 'outreach' };

export interface SearchFilter {
  contactId?: number;
  since?: string;
  limit?: number;
  /** Work out each hit's excerpt (FTS5's snippet(): a second pass over the matches, some 10 ms for a common word on a large network); else it is ''. */
  excerpts?: boolean;
}

type BestRow = { kind: number; id: number; rank: number; date: string | null; people: string };

export function searchText(sqlite: BetterSqlite3.Database, query: string, filter: SearchFilter = {}): SearchHit[] {
  const best = sqlite.prepare(BEST);
  const params = { query, since: filter.since ?? null, contact: filter.contactId ?? null, limit: filter.limit ?? null };
  // A few times the rows wanted, best first, usually hold them all (FTS5 ranks in its own sort); when
  // the filters leave too few of those, every match is looked at.
  const fetch = filter.limit === undefined ? null : filter.limit * 4 + 20;
  let rows = best.all({ ...params, fetch }) as BestRow[];
  if (fetch !== null && rows.length < (filter.limit ?? 0)) rows = best.all({ ...params, fetch: null }) as BestRow[];
  // snippet() works only in the statement that matches: asked once more for the rows shown. Without
  // excerpts, the texts are read by rowid alone, which needs no second pass over the matches.
  const excerpts = new Map<number, { excerpt: string; text: string }>();
  if (rows.length > 0) {
    const rowids = JSON.stringify(rows.map((r) => r.id * 8 + r.kind));
    const found = (
      filter.excerpts === false
        ? sqlite.prepare(`select rowid, '' as excerpt, text from search_index where rowid in (select value from json_each(?))`).all(rowids)
        : sqlite
            .prepare(`select rowid, snippet(search_index, 0, char(2), char(3), '…', 12) as excerpt, text from search_index where search_index match ? and rowid in (select value from json_each(?))`)
            .all(query, rowids)
    ) as Array<{ rowid: number; excerpt: string; text: string }>;
    for (const f of found) excerpts.set(f.rowid, f);
  }
  return rows.map((r) => {
    const people = JSON.parse(r.people) as Array<[number, string]>;
    const words = excerpts.get(r.id * 8 + r.kind) ?? { excerpt: '', text: '' };
    return {
      kind: KINDS[r.kind],
      id: r.id,
      date: r.date ?? '',
      contacts: people.map((p) => p[1]),
      contact_ids: people.map((p) => p[0]),
      text: words.text,
      excerpt: words.excerpt,
      rank: Number((-r.rank).toPrecision(6)),
    };
  });
}

/** The interactions whose note matches, for `history --grep`. */
export function interactionsMatching(sqlite: BetterSqlite3.Database, query: string): number[] {
  return sqlite.prepare('select rowid / 8 from search_index where search_index match ? and rowid % 8 = 1').pluck().all(query) as number[];
}

/** The tables the index holds, their kind number (rowid = id * 8 + kind) and column: as migration 010 made them. */
const INDEXED = [
  { table: 'interactions', kind: 1, column: 'note' },
  { table: 'contacts', kind: 2, column: 'notes' },
  { table: 'favours', kind: 3, column: 'text' },
  { table: 'followups', kind: 4, column: 'text' },
  { table: 'outreach', kind: 5, column: 'why' },
] as const;

/**
 * Runs a bulk write (an import) with the index's triggers set aside: the
 * records it touches are noted by temporary triggers of this connection, and
 * indexed once at the end. Per row, the triggers made an import of 500,000
 * interactions spend 40% more CPU. Must run inside the write transaction,
 * so that a failure puts the triggers back with everything else.
 */
export async function withSearchDeferred<T>(sqlite: BetterSqlite3.Database, work: () => Promise<T>): Promise<T> {
  const triggers = sqlite.prepare("select name, sql from sqlite_schema where type = 'trigger' and name like 'search\\_%' escape '\\'").all() as Array<{ name: string; sql: string }>;
  if (triggers.length === 0) return work();
  for (const { name } of triggers) sqlite.exec(`drop trigger main."${name}"`);
  sqlite.exec('create temp table search_touched (kind integer not null, id integer not null, primary key (kind, id)) without rowid');
  for (const { table, kind, column } of INDEXED) {
    sqlite.exec(`
      create temp trigger search_touched_${table}_insert after insert on main.${table} begin
        insert or ignore into search_touched values (${kind}, new.id); end;
      create temp trigger search_touched_${table}_update after update of ${column}, deleted_at on main.${table} begin
        insert or ignore into search_touched values (${kind}, old.id); insert or ignore into search_touched values (${kind}, new.id); end;
      create temp trigger search_touched_${table}_delete after delete on main.${table} begin
        insert or ignore into search_touched values (${kind}, old.id); end;`);
  }
  const result = await work();
  for (const { table } of INDEXED) {
    for (const event of ['insert', 'update', 'delete']) sqlite.exec(`drop trigger temp.search_touched_${table}_${event}`);
  }
  sqlite.exec('delete from main.search_index where rowid in (select id * 8 + kind from temp.search_touched)');
  for (const { table, kind, column } of INDEXED) {
    sqlite.exec(
      `insert into main.search_index (rowid, text)
       select t.id * 8 + ${kind}, t.${column} from temp.search_touched s join main.${table} t on t.id = s.id
       where s.kind = ${kind} and t.deleted_at is null and trim(coalesce(t.${column}, '')) <> ''`,
    );
  }
  sqlite.exec('drop table temp.search_touched');
  for (const { sql } of triggers) sqlite.exec(sql);
  return result;
}
