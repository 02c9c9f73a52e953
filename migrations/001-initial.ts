// Frozen in time: this file never imports from src/, so later changes to the
// program cannot change what an old migration did.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('role', 'text')
    .addColumn('phone', 'text')
    .addColumn('linkedin', 'text')
    .addColumn('location', 'text')
    .addColumn('how_met', 'text')
    .addColumn('met_on', 'text')
    .addColumn('circle', 'text', (c) => c.notNull().defaultTo('network'))
    .addColumn('cadence_days', 'integer')
    .addColumn('rhythm_from', 'text')
    .addColumn('channel', 'text')
    .addColumn('notes', 'text')
    .addColumn('birthday', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('snoozed_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_name_key').on('contacts').column('name_key').execute();
  await db.schema.createIndex('contacts_linkedin').on('contacts').column('linkedin').execute();

  await db.schema
    .createTable('contact_emails')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_emails_pk', ['contact_id', 'email'])
    .execute();
  await sql`create index contact_emails_email on contact_emails (lower(email))`.execute(db);

  for (const table of ['contact_tags', 'contact_interests']) {
    const column = table === 'contact_tags' ? 'tag' : 'interest';
    await db.schema
      .createTable(table)
      .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['contact_id', column])
      .execute();
    await db.schema.createIndex(`${table}_${column}`).on(table).column(column).execute();
  }

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // A stable key of the record this interaction was imported from, so that
    // importing the same file twice adds nothing twice.
    .addColumn('source_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('interactions_occurred_at').on('interactions').column('occurred_at').execute();

  // occurred_at is repeated here so that "last interaction of each contact" is
  // one index seek per contact instead of a join over every interaction.
  await db.schema
    .createTable('interaction_contacts')
    .addColumn('interaction_id', 'integer', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_contacts_pk', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema
    .createIndex('interaction_contacts_last')
    .on('interaction_contacts')
    .columns(['contact_id', 'occurred_at', 'interaction_id'])
    .execute();

  await db.schema
    .createTable('favours')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('favours_contact').on('favours').columns(['contact_id', 'occurred_on']).execute();
  await db.schema.createIndex('favours_interaction').on('favours').column('interaction_id').execute();

  await db.schema
    .createTable('followups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('followups_open').on('followups').columns(['done_on', 'due_on']).execute();
  await db.schema.createIndex('followups_contact').on('followups').column('contact_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'settings',
    'followups',
    'favours',
    'interaction_contacts',
    'interactions',
    'contact_interests',
    'contact_tags',
    'contact_emails',
    'contacts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
