// Frozen in time: this file never imports from src/.
//
// Pairs of people the user has said are not the same person (`net
// duplicates --not A B`), so that they are not proposed again. User data:
// recorded by triggers like every record of migration 005 (create, set,
// delete as a tombstone), with the two people written as their uids.
import { sql, type Kysely } from 'kysely';

const OP_UID = `printf('%08x-%04x-7%03x-%04x-%012x', cc.ms >> 16, cc.ms & 65535, random() & 4095, 32768 | (random() & 16383), random() & 281474976710655)`;
const NO_COMMAND = `select raise(abort, 'changes to user data go through net''s commands (no command is open)') where not exists (select 1 from current_command)`;
const uidOf = (row: string, column: string) => `(select uid from contacts where id = ${row}.${column})`;

function insertOp(kind: string, record: string, field: string, oldValue: string, newValue: string, where = ''): string {
  return `insert into ops (uid, command_id, kind, entity, record, field, old, new)
    select ${OP_UID}, cc.id, ${kind}, 'distinct_pair', ${record}, ${field}, ${oldValue}, ${newValue}
    from current_command cc where cc.recording ${where};`;
}

const TRIGGERS = [
  `create trigger ops_distinct_pairs_create after insert on distinct_pairs begin
     ${NO_COMMAND};
     ${insertOp(`'create'`, 'new.uid', 'null', 'null', `json_object('contact_a', ${uidOf('new', 'contact_a')}, 'contact_b', ${uidOf('new', 'contact_b')})`)}
   end`,
  `create trigger ops_distinct_pairs_update after update on distinct_pairs begin
     ${NO_COMMAND};
     insert into ops (uid, command_id, kind, entity, record, field, old, new)
       select ${OP_UID}, cc.id, 'set', 'distinct_pair', new.uid, f.field, f.o, f.n
       from current_command cc, (
         select 'contact_a' as field, json_quote(${uidOf('old', 'contact_a')}) as o, json_quote(${uidOf('new', 'contact_a')}) as n where old.contact_a is not new.contact_a
         union all
         select 'contact_b', json_quote(${uidOf('old', 'contact_b')}), json_quote(${uidOf('new', 'contact_b')}) where old.contact_b is not new.contact_b) f
       where cc.recording;
     ${insertOp(
       `case when new.deleted_at is null then 'restore' else 'delete' end`,
       'new.uid',
       'null',
       'json_quote(old.deleted_at)',
       'json_quote(new.deleted_at)',
       'and (old.deleted_at is null) <> (new.deleted_at is null)',
     )}
   end`,
  `create trigger ops_distinct_pairs_no_delete before delete on distinct_pairs
   when coalesce((select recording from current_command), 1) begin
     select raise(abort, 'records of net are deleted as tombstones (deleted_at), never removed');
   end`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('distinct_pairs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    // The smaller id first, so that a pair is found whichever way it was said.
    .addColumn('contact_a', 'integer', (c) => c.notNull().references('contacts.id'))
    .addColumn('contact_b', 'integer', (c) => c.notNull().references('contacts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('distinct_pairs_contacts').on('distinct_pairs').columns(['contact_a', 'contact_b']).execute();
  for (const trigger of TRIGGERS) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['ops_distinct_pairs_create', 'ops_distinct_pairs_update', 'ops_distinct_pairs_no_delete']) {
    await sql.raw(`drop trigger ${trigger}`).execute(db);
  }
  await db.schema.dropTable('distinct_pairs').execute();
}
