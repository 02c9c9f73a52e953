// Frozen in time: this file never imports from src/.
//
// One write path. Every change to user data is recorded, in the same
// transaction, as operations grouped by the command that made them:
// - commands: one row per command that changed something (uid UUIDv7, a
//   hybrid logical clock, the device, its name and a summary in words), with
//   the range of its operations (ops are appended, so a command's are one
//   range of ids);
// - ops: create (every field, as JSON), set (field, old and new value as
//   JSON), add / remove (a member of a set: an email, tag, interest or
//   participant, identified by its content), delete / restore (a tombstone
//   set or cleared) and merge (a contact merged into another). References
//   to other records are written as their uids, never as local ids.
// Triggers record the operations, so no writer can forget them; a write
// with no command open is refused. A command opens by inserting the one row
// of current_command (inside its transaction; it is deleted before the
// commit, so no other connection ever sees it); `recording = 0` applies
// operations that are already recorded (another device's, in sync).
//
// Records are never deleted: they get deleted_at (a tombstone) and keep
// their uid. An interaction's participants are parked in
// interaction_contacts_parked while it is deleted, so every reader of
// interaction_contacts, and the per-person summaries, see only live
// interactions without a filter. Derived data (summaries, name keys, the
// occurred_at copied onto participants, created_at/updated_at) is not
// recorded.
import { sql, type Kysely } from 'kysely';

interface Recorded {
  table: string;
  entity: string;
  fields: readonly string[];
  /** Columns holding a local id of another record: recorded as that record's uid. */
  refs: Readonly<Record<string, string>>;
}

const RECORDED: readonly Recorded[] = [
  {
    table: 'contacts',
    entity: 'contact',
    fields: ['name', 'company', 'role', 'phone', 'linkedin', 'location', 'how_met', 'met_on', 'circle', 'cadence_days', 'rhythm_from', 'channel', 'notes', 'birthday', 'archived_at', 'snoozed_until'],
    refs: { merged_into: 'contacts' },
  },
  { table: 'interactions', entity: 'interaction', fields: ['occurred_at', 'occurred_on', 'channel', 'direction', 'note', 'source_key'], refs: {} },
  { table: 'favours', entity: 'favour', fields: ['direction', 'text', 'occurred_on'], refs: { contact_id: 'contacts', interaction_id: 'interactions' } },
  { table: 'followups', entity: 'followup', fields: ['text', 'due_on', 'done_on', 'dropped_on'], refs: { contact_id: 'contacts', interaction_id: 'interactions' } },
  {
    table: 'outreach',
    entity: 'outreach',
    fields: ['why', 'channel', 'stage', 'next_on', 'nudges', 'last_nudge_on', 'ended_on'],
    refs: { contact_id: 'contacts', via_contact_id: 'contacts' },
  },
  {
    table: 'outreach_events',
    entity: 'outreach_event',
    fields: ['kind', 'from_stage', 'to_stage', 'occurred_on', 'note'],
    refs: { outreach_id: 'outreach', interaction_id: 'interactions' },
  },
];

/** Sets of a record: one row per member, identified by its content. */
const SETS = [
  { table: 'contact_emails', owner: 'contacts', ownerColumn: 'contact_id', entity: 'contact', field: 'emails', value: (row: string) => `${row}.email` },
  { table: 'contact_tags', owner: 'contacts', ownerColumn: 'contact_id', entity: 'contact', field: 'tags', value: (row: string) => `${row}.tag` },
  { table: 'contact_interests', owner: 'contacts', ownerColumn: 'contact_id', entity: 'contact', field: 'interests', value: (row: string) => `${row}.interest` },
  {
    table: 'interaction_contacts',
    owner: 'interactions',
    ownerColumn: 'interaction_id',
    entity: 'interaction',
    field: 'participants',
    value: (row: string) => `(select uid from contacts where id = ${row}.contact_id)`,
  },
] as const;

/** A UUIDv7 from the command's instant (ms) and random bits (RFC 9562). */
const OP_UID = `printf('%08x-%04x-7%03x-%04x-%012x', cc.ms >> 16, cc.ms & 65535, random() & 4095, 32768 | (random() & 16383), random() & 281474976710655)`;

const NO_COMMAND = `select raise(abort, 'changes to user data go through net''s commands (no command is open)') where not exists (select 1 from current_command)`;

const valueOf = (spec: Recorded, row: string, column: string) =>
  column in spec.refs ? `(select uid from ${spec.refs[column]} where id = ${row}.${column})` : `${row}.${column}`;

const columnsOf = (spec: Recorded) => [...spec.fields, ...Object.keys(spec.refs)];

function insertOp(kind: string, entity: string, record: string, field: string, oldValue: string, newValue: string, where = ''): string {
  return `insert into ops (uid, command_id, kind, entity, record, field, old, new)
    select ${OP_UID}, cc.id, ${kind}, '${entity}', ${record}, ${field}, ${oldValue}, ${newValue}
    from current_command cc where cc.recording ${where};`;
}

function recordTriggers(spec: Recorded): string[] {
  const { table, entity } = spec;
  const columns = columnsOf(spec);
  const created = `json_object(${columns.map((c) => `'${c}', ${valueOf(spec, 'new', c)}`).join(', ')})`;
  const changes = columns
    .map((c) => `select '${c}' as field, json_quote(${valueOf(spec, 'old', c)}) as o, json_quote(${valueOf(spec, 'new', c)}) as n where old.${c} is not new.${c}`)
    .join(' union all ');
  const setKind = 'merged_into' in spec.refs ? `case when f.field = 'merged_into' and f.n is not 'null' then 'merge' else 'set' end` : `'set'`;
  return [
    `create trigger ops_${table}_create after insert on ${table} begin
       ${NO_COMMAND};
       ${insertOp(`'create'`, entity, 'new.uid', 'null', 'null', created)}
       ${insertOp(`'delete'`, entity, 'new.uid', 'null', 'null', 'json_quote(new.deleted_at)', 'and new.deleted_at is not null')}
     end`,
    `create trigger ops_${table}_update after update on ${table} begin
       ${NO_COMMAND};
       insert into ops (uid, command_id, kind, entity, record, field, old, new)
         select ${OP_UID}, cc.id, ${setKind}, '${entity}', new.uid, f.field, f.o, f.n
         from current_command cc, (${changes}) f where cc.recording;
       ${insertOp(
         `case when new.deleted_at is null then 'restore' else 'delete' end`,
         entity,
         'new.uid',
         'null',
         'json_quote(old.deleted_at)',
         'json_quote(new.deleted_at)',
         'and (old.deleted_at is null) <> (new.deleted_at is null)',
       )}
     end`,
    // Records are tombstoned, never deleted: a deletion would leave nothing for undo and sync to refer to.
    `create trigger ops_${table}_no_delete before delete on ${table}
     when coalesce((select recording from current_command), 1) begin
       select raise(abort, 'records of net are deleted as tombstones (deleted_at), never removed');
     end`,
  ];
}

function setTriggers(set: (typeof SETS)[number]): string[] {
  const owner = (row: string) => `(select uid from ${set.owner} where id = ${row}.${set.ownerColumn})`;
  // Participants moved in or out of the parking of a deleted interaction are not membership changes.
  const parked = set.table === 'interaction_contacts';
  const addWhen = parked
    ? 'and not exists (select 1 from interaction_contacts_parked p where p.interaction_id = new.interaction_id and p.contact_id = new.contact_id)'
    : '';
  const removeWhen = parked ? 'and (select deleted_at from interactions where id = old.interaction_id) is null' : '';
  const triggers = [
    `create trigger ops_${set.table}_add after insert on ${set.table} begin
       ${NO_COMMAND};
       ${insertOp(`'add'`, set.entity, owner('new'), `'${set.field}'`, 'null', `json_quote(${set.value('new')})`, addWhen)}
     end`,
    `create trigger ops_${set.table}_remove after delete on ${set.table} begin
       ${NO_COMMAND};
       ${insertOp(`'remove'`, set.entity, owner('old'), `'${set.field}'`, `json_quote(${set.value('old')})`, 'null', removeWhen)}
     end`,
  ];
  if (parked) {
    // A participant moved to another person (a merge): the old one leaves, the new one joins.
    triggers.push(
      `create trigger ops_${set.table}_move after update of contact_id on ${set.table} when old.contact_id is not new.contact_id begin
         ${NO_COMMAND};
         ${insertOp(`'remove'`, set.entity, owner('old'), `'${set.field}'`, `json_quote(${set.value('old')})`, 'null')}
         ${insertOp(`'add'`, set.entity, owner('new'), `'${set.field}'`, 'null', `json_quote(${set.value('new')})`)}
       end`,
    );
  }
  return triggers;
}

const SETTING_TRIGGERS = [
  `create trigger ops_settings_insert after insert on settings begin
     ${NO_COMMAND};
     ${insertOp(`'set'`, 'setting', 'new.key', `'value'`, 'null', 'json_quote(new.value)')}
   end`,
  `create trigger ops_settings_update after update on settings when old.value is not new.value begin
     ${NO_COMMAND};
     ${insertOp(`'set'`, 'setting', 'new.key', `'value'`, 'json_quote(old.value)', 'json_quote(new.value)')}
   end`,
  `create trigger ops_settings_delete after delete on settings begin
     ${NO_COMMAND};
     ${insertOp(`'set'`, 'setting', 'old.key', `'value'`, 'json_quote(old.value)', 'null')}
   end`,
];

/** The participants of an interaction follow its tombstone, and its instant. */
const PARKING_TRIGGERS = [
  `create trigger park_participants after update of deleted_at on interactions
   when old.deleted_at is null and new.deleted_at is not null begin
     insert or ignore into interaction_contacts_parked (interaction_id, contact_id, occurred_at)
       select interaction_id, contact_id, occurred_at from interaction_contacts where interaction_id = new.id;
     delete from interaction_contacts where interaction_id = new.id;
   end`,
  `create trigger unpark_participants after update of deleted_at on interactions
   when old.deleted_at is not null and new.deleted_at is null begin
     insert or ignore into interaction_contacts (interaction_id, contact_id, occurred_at)
       select interaction_id, contact_id, new.occurred_at from interaction_contacts_parked where interaction_id = new.id;
     delete from interaction_contacts_parked where interaction_id = new.id;
   end`,
  `create trigger participants_follow_instant after update of occurred_at on interactions
   when old.occurred_at is not new.occurred_at begin
     update interaction_contacts set occurred_at = new.occurred_at where interaction_id = new.id;
     update interaction_contacts_parked set occurred_at = new.occurred_at where interaction_id = new.id;
   end`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();
  // node:crypto only when this runs: every open imports the migrations, and loading it costs some 10 ms.
  await sql`insert into meta (key, value) values ('device', ${process.getBuiltinModule('node:crypto').randomUUID()})`.execute(db);

  await db.schema
    .createTable('commands')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('hlc', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('undoes', 'integer', (c) => c.references('commands.id'))
    .addColumn('first_op', 'integer', (c) => c.notNull())
    .addColumn('last_op', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commands_hlc').on('commands').column('hlc').execute();
  await db.schema
    .createTable('ops')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('command_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('old', 'text')
    .addColumn('new', 'text')
    .execute();
  await db.schema
    .createTable('current_command')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('ms', 'integer', (c) => c.notNull())
    .addColumn('recording', 'integer', (c) => c.notNull())
    .execute();

  for (const table of ['contacts', 'interactions', 'favours', 'followups', 'outreach', 'outreach_events']) {
    await db.schema.alterTable(table).addColumn('deleted_at', 'text').execute();
  }
  // The contact this one was merged into (a local id, like every reference; no
  // foreign key, so that the column can be dropped again by down()).
  await db.schema.alterTable('contacts').addColumn('merged_into', 'integer').execute();
  // "No longer needed": closed without counting as a promise kept.
  await db.schema.alterTable('followups').addColumn('dropped_on', 'text').execute();

  await db.schema
    .createTable('interaction_contacts_parked')
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_contacts_parked_pk', ['interaction_id', 'contact_id'])
    .execute();

  // Partial indexes that must not count tombstones: one open outreach per
  // living person; the review's covering index of the period's interactions;
  // the people of each circle by rhythm.
  await sql`drop index outreach_active_contact`.execute(db);
  await sql`create unique index outreach_active_contact on outreach (contact_id) where ended_on is null and deleted_at is null`.execute(db);
  await sql`drop index interactions_period`.execute(db);
  await sql`create index interactions_period on interactions (occurred_at, id, channel, direction, occurred_on) where deleted_at is null`.execute(db);
  await sql`drop index contacts_rhythm`.execute(db);
  await sql`create index contacts_rhythm on contacts (circle, cadence_days, snoozed_until) where archived_at is null and deleted_at is null`.execute(db);

  const triggers = [...RECORDED.flatMap(recordTriggers), ...SETS.flatMap(setTriggers), ...SETTING_TRIGGERS, ...PARKING_TRIGGERS];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const triggers = await sql<{ name: string }>`select name from sqlite_schema where type = 'trigger' and (name like 'ops\_%' escape '\\' or name in ('park_participants', 'unpark_participants', 'participants_follow_instant'))`.execute(db);
  for (const { name } of triggers.rows) await sql.raw(`drop trigger "${name}"`).execute(db);
  // Parked participants go back to their interactions; the tombstoned records go for good.
  await sql`insert or ignore into interaction_contacts (interaction_id, contact_id, occurred_at) select interaction_id, contact_id, occurred_at from interaction_contacts_parked`.execute(db);
  await db.schema.dropTable('interaction_contacts_parked').execute();
  await sql`drop index outreach_active_contact`.execute(db);
  await sql`drop index interactions_period`.execute(db);
  await sql`drop index contacts_rhythm`.execute(db);
  for (const table of ['outreach_events', 'outreach', 'followups', 'favours']) await sql.raw(`delete from ${table} where deleted_at is not null`).execute(db);
  await sql`delete from interactions where deleted_at is not null`.execute(db);
  await sql`delete from contacts where deleted_at is not null`.execute(db);
  for (const table of ['contacts', 'interactions', 'favours', 'followups', 'outreach', 'outreach_events']) {
    await db.schema.alterTable(table).dropColumn('deleted_at').execute();
  }
  await db.schema.alterTable('contacts').dropColumn('merged_into').execute();
  await db.schema.alterTable('followups').dropColumn('dropped_on').execute();
  await sql`create unique index outreach_active_contact on outreach (contact_id) where ended_on is null`.execute(db);
  await sql`create index interactions_period on interactions (occurred_at, id, channel, direction, occurred_on)`.execute(db);
  await sql`create index contacts_rhythm on contacts (circle, cadence_days, snoozed_until) where archived_at is null`.execute(db);
  await db.schema.dropTable('current_command').execute();
  await db.schema.dropTable('ops').execute();
  await db.schema.dropTable('commands').execute();
  await db.schema.dropTable('meta').execute();
}
