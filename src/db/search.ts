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

/** What each kind of row is, joined to its people and day (rowid = id * 8 + kind number). */
const DETAILS = `
  with hits(rowid, rank, excerpt, text) as (
    select rowid, bm25(search_index), snippet(search_index, 0, char(2), char(3), '…', 12), text
    from search_index where search_index match ?),
  found(kind, id, rank, excerpt, text) as (
    select case rowid % 8 when 1 then 'interaction' when 2 then 'contact' when 3 then 'favour' when 4 then 'followup' else 'outreach' end,
      rowid / 8, rank, excerpt, text from hits)
  select f.kind, f.id, f.rank, f.excerpt, f.text,
    case f.kind
      when 'interaction' then (select occurred_on from interactions where id = f.id)
      when 'contact' then (select substr(created_at, 1, 10) from contacts where id = f.id)
      when 'favour' then (select occurred_on from favours where id = f.id)
      when 'followup' then (select due_on from followups where id = f.id)
      else (select substr(created_at, 1, 10) from outreach where id = f.id) end as date,
    (select json_group_array(json_array(c.id, c.name)) from contacts c where c.deleted_at is null and c.id in (
      select ic.contact_id from interaction_contacts ic where f.kind = 'interaction' and ic.interaction_id = f.id
      union all select f.id where f.kind = 'contact'
      union all select contact_id from favours where f.kind = 'favour' and id = f.id
      union all select contact_id from followups where f.kind = 'followup' and id = f.id
      union all select contact_id from outreach where f.kind = 'outreach' and id = f.id)) as people
  from found f
  order by f.rank, f.id`;

export function searchText(sqlite: BetterSqlite3.Database, query: string): SearchHit[] {
  const rows = sqlite.prepare(DETAILS).all(query) as Array<{ kind: SearchKind; id: number; rank: number; excerpt: string; text: string; date: string | null; people: string }>;
  return rows.flatMap((r) => {
    const people = JSON.parse(r.people) as Array<[number, string]>;
    // Records of deleted people (whose rows stay, as tombstones keep them) have no one left to show.
    if (people.length === 0) return [];
    return [
      {
        kind: r.kind,
        id: r.id,
        date: r.date ?? '',
        contacts: people.map((p) => p[1]),
        contact_ids: people.map((p) => p[0]),
        text: r.text,
        excerpt: r.excerpt,
        rank: Number((-r.rank).toPrecision(6)),
      },
    ];
  });
}

/** The interactions whose note matches, for `history --grep`. */
export function interactionsMatching(sqlite: BetterSqlite3.Database, query: string): number[] {
  return sqlite.prepare('select rowid / 8 from search_index where search_index match ? and rowid % 8 = 1').pluck().all(query) as number[];
}
