// Frozen in time: this file never imports from src/.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outreach')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('why', 'text')
    .addColumn('via_contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('channel', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('next_on', 'text')
    .addColumn('nudges', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_nudge_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // At most one active outreach per person.
  await sql`create unique index outreach_active_contact on outreach (contact_id) where ended_on is null`.execute(db);
  await db.schema.createIndex('outreach_stage').on('outreach').columns(['stage', 'next_on']).execute();

  await db.schema
    .createTable('outreach_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('outreach_id', 'integer', (c) => c.notNull().references('outreach.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_events_outreach').on('outreach_events').columns(['outreach_id', 'occurred_on']).execute();
  await db.schema.createIndex('outreach_events_on').on('outreach_events').column('occurred_on').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outreach_events').execute();
  await db.schema.dropTable('outreach').execute();
}
