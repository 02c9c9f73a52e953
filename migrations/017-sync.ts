// Frozen in time: this file never imports from src/.
//
// Sync (`net sync`): the operations of migration 005 travel between devices
// as batches, each device appending only its own files.
// - commands.batch: the index of the batch a command travelled in (for this
//   device's commands: the batch it was pushed in; null until then). With
//   sync_batches' seen vectors it says which operations an operation knew.
// - ops(record): every operation of one record, the only lookup the merge
//   makes (record uids are UUIDv7, so the index grows almost in order).
// - sync_batches: every batch known here, this device's and the others',
//   with its seen vector (the last batch of each other device that its
//   commands knew) and, locally, the last command id once it was applied.
// - sync_conflicts: a note that lost to a concurrent edit, kept;
//   sync_trash: a record that a deletion won over a concurrent edit.
//   Both are worked out from the operations (the same on every device), so
//   they are not user data and are not recorded.
// The one open outreach per person stops being a unique index: two devices
// can each open one for the same person, and the sync settles it with a
// command of its own (one stays, as a merge does) after both arrived.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('commands').addColumn('batch', 'integer').execute();
  await sql`create index commands_unpushed on commands (device) where batch is null`.execute(db);
  await db.schema.createIndex('ops_record').on('ops').column('record').execute();

  await db.schema
    .createTable('sync_batches')
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('host', 'text')
    .addColumn('applied_cmd', 'integer', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('sync_batches_pk', ['device', 'idx'])
    .execute();

  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('op_uid', 'text', (c) => c.notNull().unique())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sync_conflicts_record').on('sync_conflicts').column('record').execute();

  await db.schema
    .createTable('sync_trash')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull().unique())
    .addColumn('deleted_by', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await sql`drop index outreach_active_contact`.execute(db);
  await sql`create index outreach_active_contact on outreach (contact_id) where ended_on is null and deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index outreach_active_contact`.execute(db);
  await sql`create unique index outreach_active_contact on outreach (contact_id) where ended_on is null and deleted_at is null`.execute(db);
  await db.schema.dropTable('sync_trash').execute();
  await db.schema.dropTable('sync_conflicts').execute();
  await db.schema.dropTable('sync_batches').execute();
  await db.schema.dropIndex('ops_record').execute();
  await db.schema.dropIndex('commands_unpushed').execute();
  await db.schema.alterTable('commands').dropColumn('batch').execute();
  await sql`delete from meta where key like 'sync.%'`.execute(db);
}
