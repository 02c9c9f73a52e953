// Frozen in time: this file never imports from src/.
//
// Views for tools that read the database on their own (Datasette, the
// sqlite3 shell, a notebook): the live records only (no tombstones, no merged
// contacts), lists joined with '; ', and people named beside their ids, in
// columns that only ever grow. They are a contract (the README lists them):
// net itself reads the tables.
//
// Numbered 012, after the address book (009) whose phones, labels and
// nicknames v_contacts shows: Kysely refuses a migration that sorts before
// one a database has already run. A later migration that drops or renames a
// column these views read must drop and recreate the views around it.
import { sql, type Kysely } from 'kysely';

const VIEWS: ReadonlyArray<readonly [name: string, select: string]> = [
  [
    'v_contacts',
    `select c.id, c.uid, c.name, c.company, c.role,
       (select group_concat(email, '; ') from (select email from contact_emails where contact_id = c.id order by position)) as emails,
       c.phone, c.linkedin, c.location, c.circle, c.cadence_days as cadence_override, c.channel,
       (select group_concat(tag, '; ') from (select tag from contact_tags where contact_id = c.id order by tag)) as tags,
       (select group_concat(interest, '; ') from (select interest from contact_interests where contact_id = c.id order by interest)) as interests,
       c.how_met, c.met_on, c.birthday, c.snoozed_until, c.archived_at, c.notes,
       a.last_on as last_contact, coalesce(a.interactions, 0) as interactions,
       c.created_at, c.updated_at,
       (select group_concat(phone, '; ') from (select phone from contact_phones where contact_id = c.id order by position, phone)) as phones,
       (select group_concat(coalesce(label, ''), '; ') from (select label from contact_phones where contact_id = c.id order by position, phone)) as phone_labels,
       (select group_concat(coalesce(label, ''), '; ') from (select label from contact_emails where contact_id = c.id order by position)) as email_labels,
       (select group_concat(nickname, '; ') from (select nickname from contact_nicknames where contact_id = c.id order by nickname)) as nicknames,
       c.name_prefix, c.name_suffix
     from contacts c left join contact_activity a on a.contact_id = c.id
     where c.deleted_at is null and c.merged_into is null`,
  ],
  [
    'v_interactions',
    `select i.id, i.uid, i.occurred_at, i.occurred_on as date, i.channel as via, i.direction, i.note,
       (select group_concat(name, '; ') from (select c.name from interaction_contacts ic join contacts c on c.id = ic.contact_id
          where ic.interaction_id = i.id and c.deleted_at is null order by c.name, c.id)) as contacts,
       (select group_concat(id, '; ') from (select c.id from interaction_contacts ic join contacts c on c.id = ic.contact_id
          where ic.interaction_id = i.id and c.deleted_at is null order by c.name, c.id)) as contact_ids,
       i.created_at, i.updated_at
     from interactions i
     where i.deleted_at is null`,
  ],
  [
    'v_followups',
    `select f.id, f.uid, f.contact_id, c.name, f.text, f.due_on, f.done_on, f.dropped_on, f.interaction_id, f.created_at, f.updated_at
     from followups f join contacts c on c.id = f.contact_id
     where f.deleted_at is null and c.deleted_at is null`,
  ],
  [
    'v_favours',
    `select f.id, f.uid, f.contact_id, c.name, f.direction, f.text, f.occurred_on, f.interaction_id, f.created_at, f.updated_at
     from favours f join contacts c on c.id = f.contact_id
     where f.deleted_at is null and c.deleted_at is null`,
  ],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, select] of VIEWS) await sql.raw(`create view ${name} as ${select}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of [...VIEWS].reverse()) await sql.raw(`drop view if exists ${name}`).execute(db);
}
