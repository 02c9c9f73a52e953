// Frozen in time: this file never imports from src/.
//
// A full-text index of everything written in words: interaction notes,
// contact notes, favours, follow-ups and outreach reasons (SQLite's FTS5,
// compiled into better-sqlite3), for `net search` and `history --grep`.
// Case and accents aside ("citta" finds "città"). Derived data: kept current
// by triggers for every writer, never recorded as operations; a tombstone
// leaves the index, a restore comes back. Each row's rowid says what it is:
// the record's id times 8 plus its kind (1 interaction, 2 contact, 3 favour,
// 4 follow-up, 5 outreach), so a change finds its row without a search.
import { sql, type Kysely } from 'kysely';

interface Indexed {
  table: string;
  kind: number;
  column: string;
}

const INDEXED: readonly Indexed[] = [
  { table: 'interactions', kind: 1, column: 'note' },
  { table: 'contacts', kind: 2, column: 'notes' },
  { table: 'favours', kind: 3, column: 'text' },
  { table: 'followups', kind: 4, column: 'text' },
  { table: 'outreach', kind: 5, column: 'why' },
];

const has = (row: string, spec: Indexed) => `${row}.deleted_at is null and trim(coalesce(${row}.${spec.column}, '')) <> ''`;

function triggers(spec: Indexed): string[] {
  const rowid = (row: string) => `${row}.id * 8 + ${spec.kind}`;
  return [
    `create trigger search_${spec.table}_insert after insert on ${spec.table} when ${has('new', spec)} begin
       insert into search_index (rowid, text) values (${rowid('new')}, new.${spec.column});
     end`,
    `create trigger search_${spec.table}_update after update of ${spec.column}, deleted_at on ${spec.table} begin
       delete from search_index where rowid = ${rowid('old')};
       insert into search_index (rowid, text) select ${rowid('new')}, new.${spec.column} where ${has('new', spec)};
     end`,
    `create trigger search_${spec.table}_delete after delete on ${spec.table} begin
       delete from search_index where rowid = ${rowid('old')};
     end`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create virtual table search_index using fts5(text, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  for (const spec of INDEXED) {
    await sql.raw(`insert into search_index (rowid, text) select id * 8 + ${spec.kind}, ${spec.column} from ${spec.table} t where ${has('t', spec)}`).execute(db);
    for (const trigger of triggers(spec)) await sql.raw(trigger).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const spec of INDEXED) {
    for (const event of ['insert', 'update', 'delete']) await sql.raw(`drop trigger search_${spec.table}_${event}`).execute(db);
  }
  await sql`drop table search_index`.execute(db);
}
