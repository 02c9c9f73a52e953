// Frozen in time: this file never imports from src/ (down() runs 003's up).
//
// Each person's rhythm kept next to their latest interaction, so that
// `net review` reads three numbers per person instead of 50 instants to turn
// into days and gaps. contact_activity gains:
// - touches: the distinct days in touch among the latest RECENT interactions;
// - usual_gap: the median of the gaps in days between those days (null with one);
// - last_touch_on: the latest of those days;
// - window_from: the instant of the RECENT-th latest interaction (null with
//   fewer), so that a write older than the window skips the work.
// Days are the interactions' own occurred_on, the day as logged, which
// `net due` already counts from; contact_recent (003's instants) goes.
// The triggers of 003 are replaced by ones that keep both the latest
// interaction (as before) and the rhythm.
//
// Indexes for the review's counts: the occurred_at index
// of interactions also holds the id (the order of a person's history),
// channel, direction and day, so that counting a period by channel or
// reading its touches in order reads the index alone, with nothing to sort;
// contacts get one on created_at (people added in a period) and one that
// counts the people of each circle by rhythm and snooze without a sort. Plain SQL that SQLite 3.25 and
// later understands (window functions), so other tools can still write the file.
import { sql, type Kysely } from 'kysely';
import { up as upContactActivity } from './003-contact-activity.js';

/** The window of latest interactions the rhythm is read from. */
const RECENT = 50;

const LATEST_COLUMNS = '(last_interaction_id, last_at, last_on, last_direction, last_channel)';
const RHYTHM_COLUMNS = '(touches, usual_gap, last_touch_on, window_from)';

/** The latest interaction of person `who` (an SQL expression), as contact_activity keeps it. */
const latestOf = (who: string) => `(
  select ic.interaction_id, ic.occurred_at, i.occurred_on, i.direction, i.channel
  from interaction_contacts ic
  join interactions i on i.id = ic.interaction_id
  where ic.contact_id = ${who}
  order by ic.occurred_at desc, ic.interaction_id desc
  limit 1)`;

/**
 * The rhythm of person `who`: their distinct days among the latest RECENT
 * interactions, the gaps between consecutive days (lag), and the median gap:
 * the middle one of c gaps, or the mean of the two middle ones (ranks
 * (c + 1) / 2 and c / 2 + 1 in integer division, the same rank when c is odd).
 */
const rhythmOf = (who: string) => `(
  select count(*), avg(case when g is not null and r in ((c + 1) / 2, c / 2 + 1) then g end), max(day), (
      select x.occurred_at from interaction_contacts x where x.contact_id = ${who}
      order by x.occurred_at desc, x.interaction_id desc limit 1 offset ${RECENT - 1})
  from (
    select day, g, row_number() over (partition by g is null order by g) as r, count(g) over () as c
    from (
      select day, julianday(day) - lag(julianday(day)) over (order by day) as g
      from (
        select distinct i.occurred_on as day
        from (
          select x.interaction_id from interaction_contacts x where x.contact_id = ${who}
          order by x.occurred_at desc, x.interaction_id desc limit ${RECENT}) w
        join interactions i on i.id = w.interaction_id))))`;

/** Works out everything contact_activity keeps of person `who` again; drops the row when nothing is left. */
const refresh = (who: string) => `
  update contact_activity set
    interactions = (select count(*) from interaction_contacts x where x.contact_id = ${who}),
    ${LATEST_COLUMNS} = ${latestOf(who)},
    ${RHYTHM_COLUMNS} = ${rhythmOf(who)}
  where contact_id = ${who};
  delete from contact_activity where contact_id = ${who} and interactions = 0;`;

/** The 003 triggers this migration replaces (the edit trigger of 003 stays). */
const REPLACED = ['contact_activity_insert', 'contact_activity_delete', 'contact_activity_move'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const trigger of REPLACED) await sql.raw(`drop trigger ${trigger}`).execute(db);
  await db.schema.dropTable('contact_recent').execute();
  await db.schema.alterTable('contact_activity').addColumn('touches', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('contact_activity').addColumn('usual_gap', 'real').execute();
  await db.schema.alterTable('contact_activity').addColumn('last_touch_on', 'text').execute();
  await db.schema.alterTable('contact_activity').addColumn('window_from', 'text').execute();
  await sql.raw(`update contact_activity set ${RHYTHM_COLUMNS} = ${rhythmOf('contact_activity.contact_id')}`).execute(db);
  await db.schema.dropIndex('interactions_occurred_at').execute();
  await db.schema.createIndex('interactions_period').on('interactions').columns(['occurred_at', 'id', 'channel', 'direction', 'occurred_on']).execute();
  await db.schema.createIndex('contacts_created_at').on('contacts').column('created_at').execute();
  await sql`create index contacts_rhythm on contacts (circle, cadence_days, snoozed_until) where archived_at is null`.execute(db);

  // A new participant: one more interaction, the latest when it is later (by
  // time, then by id, as the index orders them) than the one kept, and the
  // rhythm again unless it is older than the whole window.
  await sql
    .raw(
      `create trigger contact_activity_insert after insert on interaction_contacts begin
         insert into contact_activity (contact_id, interactions) values (new.contact_id, 1)
           on conflict (contact_id) do update set interactions = interactions + 1;
         update contact_activity set ${LATEST_COLUMNS} = (
             select i.id, new.occurred_at, i.occurred_on, i.direction, i.channel from interactions i where i.id = new.interaction_id)
           where contact_id = new.contact_id
             and (last_at is null or new.occurred_at > last_at or (new.occurred_at = last_at and new.interaction_id > last_interaction_id));
         update contact_activity set ${RHYTHM_COLUMNS} = ${rhythmOf('new.contact_id')}
           where contact_id = new.contact_id and (window_from is null or new.occurred_at >= window_from);
       end`,
    )
    .execute(db);
  // A participant removed (rm of a person or of an interaction, an import
  // replacing participants): one fewer, the latest found again if it was it,
  // the rhythm again if it was in the window.
  await sql
    .raw(
      `create trigger contact_activity_delete after delete on interaction_contacts begin
         update contact_activity set interactions = interactions - 1 where contact_id = old.contact_id;
         update contact_activity set ${LATEST_COLUMNS} = ${latestOf('old.contact_id')}
           where contact_id = old.contact_id and last_interaction_id = old.interaction_id;
         update contact_activity set ${RHYTHM_COLUMNS} = ${rhythmOf('old.contact_id')}
           where contact_id = old.contact_id and interactions > 0 and (window_from is null or old.occurred_at >= window_from);
         delete from contact_activity where contact_id = old.contact_id and interactions <= 0;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger contact_activity_move after update of contact_id, interaction_id, occurred_at on interaction_contacts begin
         ${refresh('old.contact_id')}
         insert or ignore into contact_activity (contact_id, interactions) values (new.contact_id, 0);
         ${refresh('new.contact_id')}
       end`,
    )
    .execute(db);
  // An interaction's day edited: the rhythm of the participants whose window holds it.
  await sql
    .raw(
      `create trigger contact_activity_edit_day after update of occurred_on on interactions
       when old.occurred_on is not new.occurred_on begin
         update contact_activity set ${RHYTHM_COLUMNS} = ${rhythmOf('contact_activity.contact_id')}
           where contact_id in (
             select ic.contact_id from interaction_contacts ic
             where ic.interaction_id = new.id and (contact_activity.window_from is null or ic.occurred_at >= contact_activity.window_from));
       end`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [...REPLACED, 'contact_activity_edit_day', 'contact_activity_edit']) {
    await sql.raw(`drop trigger ${trigger}`).execute(db);
  }
  await db.schema.dropTable('contact_activity').execute();
  await db.schema.dropIndex('contacts_rhythm').execute();
  await db.schema.dropIndex('contacts_created_at').execute();
  await db.schema.dropIndex('interactions_period').execute();
  await db.schema.createIndex('interactions_occurred_at').on('interactions').column('occurred_at').execute();
  // 003's summaries as 003 makes them, from the interactions.
  await upContactActivity(db);
}
