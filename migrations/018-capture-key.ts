// Frozen in time: this file never imports from src/.
//
// Two devices that sync can each capture the same message before they have
// seen each other's captures: both records are real, and a unique key among
// live captures would make the second device's pull fail. The key stays an
// index (capture looks a key up before adding, on each device); the inbox
// shows one proposal per key, and none once a capture of that key is decided.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index captures_key`.execute(db);
  await sql`create index captures_key on captures (capture_key) where deleted_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index captures_key`.execute(db);
  await sql`create unique index captures_key on captures (capture_key) where deleted_at is null`.execute(db);
}
