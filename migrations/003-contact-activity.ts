// Frozen in time: this file never imports from src/.
//
// Two summaries of each person's interactions, one row per person who has
// any, so that `net due` and `net review` read 20,000 short rows instead of
// seeking each person's history in an index of half a million:
// - contact_activity: how many, and the latest one with its day, direction
//   and channel (what the scheduler asks of every person);
// - contact_recent: the instants of the latest RECENT interactions, newest
//   first, to the minute (`YYYY-MM-DDTHH:MM`, comma-separated), from which the
//   review works out each person's usual gap. A table of its own so that the
//   scheduler's pass does not read these longer rows.
// Triggers keep both true for every writer (log, import, rm, outreach, demo,
// an upgraded older file), so no command can forget them. Plain SQL that
// SQLite 3.24 and later understands, so other tools can still open the file.
import { sql, type Kysely } from 'kysely';

/** How many instants contact_recent keeps per person (the review's window). */
const RECENT = 50;
/** Each instant is 16 characters; with the commas, a full list is this long. */
const FULL = RECENT * 17 - 1;

/** The latest interaction of person `who` (an SQL expression), as the row values contact_activity keeps. */
const latestOf = (who: string) => `(
  select ic.interaction_id, ic.occurred_at, i.occurred_on, i.direction, i.channel
  from interaction_contacts ic
  join interactions i on i.id = ic.interaction_id
  where ic.contact_id = ${who}
  order by ic.occurred_at desc, ic.interaction_id desc
  limit 1)`;

/** The latest instants of person `who`, newest first, read from the index ('' when none). */
const recentOf = (who: string) => `coalesce((
  select group_concat(t, ',') from (
    select substr(ic.occurred_at, 1, 16) as t from interaction_contacts ic
    where ic.contact_id = ${who}
    order by ic.occurred_at desc
    limit ${RECENT})), '')`;

const LATEST_COLUMNS = '(last_interaction_id, last_at, last_on, last_direction, last_channel)';

/** Works out both summaries of person `who` again; drops the rows when nothing is left. */
const refresh = (who: string) => `
  update contact_activity set
    interactions = (select count(*) from interaction_contacts x where x.contact_id = ${who}),
    ${LATEST_COLUMNS} = ${latestOf(who)}
  where contact_id = ${who};
  delete from contact_activity where contact_id = ${who} and interactions = 0;
  update contact_recent set instants = ${recentOf(who)} where contact_id = ${who};
  delete from contact_recent where contact_id = ${who} and instants = '';`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_activity')
    .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('interactions', 'integer', (c) => c.notNull())
    .addColumn('last_interaction_id', 'integer')
    .addColumn('last_at', 'text')
    .addColumn('last_on', 'text')
    .addColumn('last_direction', 'text')
    .addColumn('last_channel', 'text')
    .execute();
  // An edited interaction finds the people whose latest it is.
  await db.schema.createIndex('contact_activity_last').on('contact_activity').column('last_interaction_id').execute();
  await db.schema
    .createTable('contact_recent')
    .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('instants', 'text', (c) => c.notNull())
    .execute();

  await sql
    .raw('insert into contact_activity (contact_id, interactions) select contact_id, count(*) from interaction_contacts group by contact_id')
    .execute(db);
  await sql.raw(`update contact_activity set ${LATEST_COLUMNS} = ${latestOf('contact_activity.contact_id')}`).execute(db);
  await sql.raw(`insert into contact_recent (contact_id, instants) select contact_id, ${recentOf('contact_activity.contact_id')} from contact_activity`).execute(db);

  // A new participant: one more interaction, and the latest when it is later
  // (by time, then by id, as the index orders them) than the one kept. The
  // recent instants: a newest one goes in front (the oldest falls off a full
  // list), one older than a full list changes nothing, any other is placed by
  // reading the list again from the index.
  await sql
    .raw(
      `create trigger contact_activity_insert after insert on interaction_contacts begin
         insert into contact_activity (contact_id, interactions) values (new.contact_id, 1)
           on conflict (contact_id) do update set interactions = interactions + 1;
         update contact_activity set ${LATEST_COLUMNS} = (
             select i.id, new.occurred_at, i.occurred_on, i.direction, i.channel from interactions i where i.id = new.interaction_id)
           where contact_id = new.contact_id
             and (last_at is null or new.occurred_at > last_at or (new.occurred_at = last_at and new.interaction_id > last_interaction_id));
         update contact_recent set instants = case
             when substr(new.occurred_at, 1, 16) >= substr(instants, 1, 16)
               then substr(substr(new.occurred_at, 1, 16) || ',' || instants, 1, ${FULL})
             when length(instants) >= ${FULL} and substr(new.occurred_at, 1, 16) <= substr(instants, -16)
               then instants
             else ${recentOf('new.contact_id')}
           end
           where contact_id = new.contact_id;
         insert or ignore into contact_recent (contact_id, instants) values (new.contact_id, substr(new.occurred_at, 1, 16));
       end`,
    )
    .execute(db);
  // A participant removed (rm of a person or of an interaction, an import
  // replacing participants): one fewer, and the latest found again if it was it.
  await sql
    .raw(
      `create trigger contact_activity_delete after delete on interaction_contacts begin
         update contact_activity set interactions = interactions - 1 where contact_id = old.contact_id;
         update contact_activity set ${LATEST_COLUMNS} = ${latestOf('old.contact_id')}
           where contact_id = old.contact_id and last_interaction_id = old.interaction_id;
         delete from contact_activity where contact_id = old.contact_id and interactions <= 0;
         update contact_recent set instants = ${recentOf('old.contact_id')}
           where contact_id = old.contact_id and instr(instants, substr(old.occurred_at, 1, 16)) > 0;
         delete from contact_recent where contact_id = old.contact_id and instants = '';
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger contact_activity_move after update of contact_id, interaction_id, occurred_at on interaction_contacts begin
         ${refresh('old.contact_id')}
         insert or ignore into contact_activity (contact_id, interactions) values (new.contact_id, 0);
         insert or ignore into contact_recent (contact_id, instants) values (new.contact_id, '');
         ${refresh('new.contact_id')}
       end`,
    )
    .execute(db);
  // An interaction edited in place: the people whose latest it is see the new day, direction and channel.
  await sql
    .raw(
      `create trigger contact_activity_edit after update of occurred_on, direction, channel on interactions begin
         update contact_activity set last_on = new.occurred_on, last_direction = new.direction, last_channel = new.channel
           where last_interaction_id = new.id;
       end`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of ['contact_activity_insert', 'contact_activity_delete', 'contact_activity_move', 'contact_activity_edit']) {
    await sql.raw(`drop trigger ${trigger}`).execute(db);
  }
  await db.schema.dropTable('contact_recent').execute();
  await db.schema.dropTable('contact_activity').execute();
}
