// Frozen in time: this file never imports from src/.
//
// The read-only views (012) learn whose promise a follow-up is: v_followups
// gains `theirs` (1 for what the other person promised, 0 for the user's own,
// from 015) as its last column, since the views' columns only ever grow.
//
// Numbered after both 012 and 015: a database may have run either first (012
// and 015 were made in parallel), and this one needs both. down() gives back
// the view as 012 made it, so that 015's down() can drop the column.
import { sql, type Kysely } from 'kysely';

const FOLLOWUPS_012 = `select f.id, f.uid, f.contact_id, c.name, f.text, f.due_on, f.done_on, f.dropped_on, f.interaction_id, f.created_at, f.updated_at
     from followups f join contacts c on c.id = f.contact_id
     where f.deleted_at is null and c.deleted_at is null`;

const FOLLOWUPS = `select f.id, f.uid, f.contact_id, c.name, f.text, f.due_on, f.done_on, f.dropped_on, f.interaction_id, f.created_at, f.updated_at,
       f.theirs
     from followups f join contacts c on c.id = f.contact_id
     where f.deleted_at is null and c.deleted_at is null`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop view v_followups`.execute(db);
  await sql.raw(`create view v_followups as ${FOLLOWUPS}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view v_followups`.execute(db);
  await sql.raw(`create view v_followups as ${FOLLOWUPS_012}`).execute(db);
}
