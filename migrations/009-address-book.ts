// Frozen in time: this file never imports from src/.
//
// Everything an address book carries: every phone with its label
// (contact_phones, the record; contacts.phone becomes a copy of the first,
// kept by triggers for the readers of one phone), labels of emails,
// nicknames, and a name's prefix and suffix ("Dott.ssa", "Jr.") kept apart
// from the name. Recorded like the rest (migration 005): phones and
// nicknames are sets whose members are their content (a phone with a label
// is recorded as {"value", "label"}); the prefix and suffix are fields of the
// contact, and the phone copy is no longer one.
import { sql, type Kysely } from 'kysely';

const OP_UID = `printf('%08x-%04x-7%03x-%04x-%012x', cc.ms >> 16, cc.ms & 65535, random() & 4095, 32768 | (random() & 16383), random() & 281474976710655)`;
const NO_COMMAND = `select raise(abort, 'changes to user data go through net''s commands (no command is open)') where not exists (select 1 from current_command)`;

/** The fields of a contact that are recorded from now on (005's, without the phone copy, with prefix and suffix). */
const CONTACT_FIELDS = [
  'name', 'company', 'role', 'linkedin', 'location', 'how_met', 'met_on', 'circle', 'cadence_days', 'rhythm_from', 'channel', 'notes',
  'birthday', 'archived_at', 'snoozed_until', 'name_prefix', 'name_suffix',
];
const contactValue = (row: string, column: string) => (column === 'merged_into' ? `(select uid from contacts where id = ${row}.merged_into)` : `${row}.${column}`);
const COLUMNS = [...CONTACT_FIELDS, 'merged_into'];

function insertOp(kind: string, entity: string, record: string, field: string, oldValue: string, newValue: string, where = ''): string {
  return `insert into ops (uid, command_id, kind, entity, record, field, old, new)
    select ${OP_UID}, cc.id, ${kind}, '${entity}', ${record}, ${field}, ${oldValue}, ${newValue}
    from current_command cc where cc.recording ${where};`;
}

const CONTACT_TRIGGERS = [
  `create trigger ops_contacts_create after insert on contacts begin
     ${NO_COMMAND};
     ${insertOp(`'create'`, 'contact', 'new.uid', 'null', 'null', `json_object(${COLUMNS.map((c) => `'${c}', ${contactValue('new', c)}`).join(', ')})`)}
     ${insertOp(`'delete'`, 'contact', 'new.uid', 'null', 'null', 'json_quote(new.deleted_at)', 'and new.deleted_at is not null')}
   end`,
  `create trigger ops_contacts_update after update on contacts begin
     ${NO_COMMAND};
     insert into ops (uid, command_id, kind, entity, record, field, old, new)
       select ${OP_UID}, cc.id, case when f.field = 'merged_into' and f.n is not 'null' then 'merge' else 'set' end, 'contact', new.uid, f.field, f.o, f.n
       from current_command cc, (${COLUMNS.map(
         (c) => `select '${c}' as field, json_quote(${contactValue('old', c)}) as o, json_quote(${contactValue('new', c)}) as n where old.${c} is not new.${c}`,
       ).join(' union all ')}) f
       where cc.recording;
     ${insertOp(
       `case when new.deleted_at is null then 'restore' else 'delete' end`,
       'contact',
       'new.uid',
       'null',
       'json_quote(old.deleted_at)',
       'json_quote(new.deleted_at)',
       'and (old.deleted_at is null) <> (new.deleted_at is null)',
     )}
   end`,
];

/** A member of a labelled set: the value alone, or the value with its label. */
const labelled = (row: string, column: string) => `case when ${row}.label is null then json_quote(${row}.${column}) else json_object('value', ${row}.${column}, 'label', ${row}.label) end`;
const ownerUid = (row: string) => `(select uid from contacts where id = ${row}.contact_id)`;

function setTriggers(table: string, field: string, member: (row: string) => string, labelledUpdate: boolean): string[] {
  const triggers = [
    `create trigger ops_${table}_add after insert on ${table} begin
       ${NO_COMMAND};
       ${insertOp(`'add'`, 'contact', ownerUid('new'), `'${field}'`, 'null', member('new'))}
     end`,
    `create trigger ops_${table}_remove after delete on ${table} begin
       ${NO_COMMAND};
       ${insertOp(`'remove'`, 'contact', ownerUid('old'), `'${field}'`, member('old'), 'null')}
     end`,
  ];
  // A new label is the member written anew: the old one leaves, the new one comes.
  if (labelledUpdate) {
    triggers.push(`create trigger ops_${table}_relabel after update of label on ${table} when old.label is not new.label begin
       ${NO_COMMAND};
       ${insertOp(`'remove'`, 'contact', ownerUid('old'), `'${field}'`, member('old'), 'null')}
       ${insertOp(`'add'`, 'contact', ownerUid('new'), `'${field}'`, 'null', member('new'))}
     end`);
  }
  return triggers;
}

/** contacts.phone: the first phone, for the readers of one. */
const firstPhone = (who: string) => `(select p.phone from contact_phones p where p.contact_id = ${who} order by p.position, p.phone limit 1)`;
const PHONE_COPY_TRIGGERS = ['insert', 'delete', 'update'].map((event) => {
  const who = event === 'delete' ? 'old.contact_id' : 'new.contact_id';
  return `create trigger contact_phone_copy_${event} after ${event} on contact_phones begin
     update contacts set phone = ${firstPhone(who)} where id = ${who} and phone is not ${firstPhone(who)};
   end`;
});

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('contacts').addColumn('name_prefix', 'text').execute();
  await db.schema.alterTable('contacts').addColumn('name_suffix', 'text').execute();
  await db.schema.alterTable('contact_emails').addColumn('label', 'text').execute();
  await db.schema
    .createTable('contact_phones')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_phones_pk', ['contact_id', 'phone'])
    .execute();
  await db.schema
    .createTable('contact_nicknames')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_nicknames_pk', ['contact_id', 'nickname'])
    .execute();

  // The phones known so far, as the first phone of each person; written as derived data, not recorded.
  await sql`insert into current_command (id, ms, recording) values (0, 0, 0)`.execute(db);
  await sql`insert into contact_phones (contact_id, phone, label, position) select id, phone, null, 0 from contacts where phone is not null and trim(phone) <> ''`.execute(db);
  await sql`delete from current_command where id = 0`.execute(db);

  for (const name of ['ops_contacts_create', 'ops_contacts_update', 'ops_contact_emails_add', 'ops_contact_emails_remove']) {
    await sql.raw(`drop trigger ${name}`).execute(db);
  }
  const triggers = [
    ...CONTACT_TRIGGERS,
    ...setTriggers('contact_emails', 'emails', (row) => labelled(row, 'email'), true),
    ...setTriggers('contact_phones', 'phones', (row) => labelled(row, 'phone'), true),
    ...setTriggers('contact_nicknames', 'nicknames', (row) => `json_quote(${row}.nickname)`, false),
    ...PHONE_COPY_TRIGGERS,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const names = await sql<{ name: string }>`select name from sqlite_schema where type = 'trigger' and (tbl_name in ('contact_phones', 'contact_nicknames') or name in ('ops_contacts_create', 'ops_contacts_update', 'ops_contact_emails_add', 'ops_contact_emails_remove', 'ops_contact_emails_relabel'))`.execute(db);
  for (const { name } of names.rows) await sql.raw(`drop trigger "${name}"`).execute(db);
  await db.schema.dropTable('contact_nicknames').execute();
  await db.schema.dropTable('contact_phones').execute();
  await db.schema.alterTable('contact_emails').dropColumn('label').execute();
  await db.schema.alterTable('contacts').dropColumn('name_suffix').execute();
  await db.schema.alterTable('contacts').dropColumn('name_prefix').execute();
  // 005's triggers, as 005 made them: its up() is not repeated (it creates tables), so they are written again here.
  const fields = ['name', 'company', 'role', 'phone', 'linkedin', 'location', 'how_met', 'met_on', 'circle', 'cadence_days', 'rhythm_from', 'channel', 'notes', 'birthday', 'archived_at', 'snoozed_until'];
  const columns = [...fields, 'merged_into'];
  const old = [
    `create trigger ops_contacts_create after insert on contacts begin
       ${NO_COMMAND};
       ${insertOp(`'create'`, 'contact', 'new.uid', 'null', 'null', `json_object(${columns.map((c) => `'${c}', ${contactValue('new', c)}`).join(', ')})`)}
       ${insertOp(`'delete'`, 'contact', 'new.uid', 'null', 'null', 'json_quote(new.deleted_at)', 'and new.deleted_at is not null')}
     end`,
    `create trigger ops_contacts_update after update on contacts begin
       ${NO_COMMAND};
       insert into ops (uid, command_id, kind, entity, record, field, old, new)
         select ${OP_UID}, cc.id, case when f.field = 'merged_into' and f.n is not 'null' then 'merge' else 'set' end, 'contact', new.uid, f.field, f.o, f.n
         from current_command cc, (${columns.map(
           (c) => `select '${c}' as field, json_quote(${contactValue('old', c)}) as o, json_quote(${contactValue('new', c)}) as n where old.${c} is not new.${c}`,
         ).join(' union all ')}) f
         where cc.recording;
       ${insertOp(
         `case when new.deleted_at is null then 'restore' else 'delete' end`,
         'contact',
         'new.uid',
         'null',
         'json_quote(old.deleted_at)',
         'json_quote(new.deleted_at)',
         'and (old.deleted_at is null) <> (new.deleted_at is null)',
       )}
     end`,
    ...setTriggers('contact_emails', 'emails', (row) => `json_quote(${row}.email)`, false),
  ];
  for (const trigger of old) await sql.raw(trigger).execute(db);
}
