// Frozen in time: this file never imports from src/.
//
// A team's network on PostgreSQL (`net team`):
// - interactions.note_shared: 1 when the note of an interaction goes to the
//   team with its facts (`net log --share-note`). It is user data, so it is
//   recorded like the other fields: 005's recording triggers of interactions
//   are made again here with it among them (the generator is copied from
//   015, which copied 005's: a migration never imports another's code).
// - team_people, team_touches, team_touch_people: what the team's hub holds,
//   as pulled here: the shared fields of every member's people and the facts
//   of their interactions (who, when, channel, direction, a shared note).
//   They are worked out from the hub's batches, the same on every member's
//   database, so they are not user data and are not recorded; `net due`,
//   `net list` and `net review` never read them.
//   team_people.same_as: the person this one is (two members added the same
//   person: the first one on the hub stays, the other points to it);
//   team_keys: what tells two people are one (an email, a LinkedIn profile,
//   a name at a company), as the duplicates finder's strongest reasons;
//   team_people.company_key and team_topics (its tags and interests, folded):
//   what `net who --team --company/--interest` looks up;
//   team_holders: which members hold a record in their network (a member who
//   takes a teammate's person in holds the same record).
// - team_members: the hub's members as last seen, for `net team members`
//   and for names in `net who --team` without the network.
import { sql, type Kysely } from 'kysely';

interface Recorded {
  table: string;
  entity: string;
  fields: readonly string[];
}

const INTERACTIONS: Recorded = { table: 'interactions', entity: 'interaction', fields: ['occurred_at', 'occurred_on', 'channel', 'direction', 'note', 'source_key', 'note_shared'] };
/** As 005 recorded them. */
const INTERACTIONS_005: Recorded = { table: 'interactions', entity: 'interaction', fields: ['occurred_at', 'occurred_on', 'channel', 'direction', 'note', 'source_key'] };

/** A UUIDv7 from the command's instant (ms) and random bits (RFC 9562), as 005. */
const OP_UID = `printf('%08x-%04x-7%03x-%04x-%012x', cc.ms >> 16, cc.ms & 65535, random() & 4095, 32768 | (random() & 16383), random() & 281474976710655)`;

const NO_COMMAND = `select raise(abort, 'changes to user data go through net''s commands (no command is open)') where not exists (select 1 from current_command)`;

function insertOp(kind: string, entity: string, record: string, field: string, oldValue: string, newValue: string, where = ''): string {
  return `insert into ops (uid, command_id, kind, entity, record, field, old, new)
    select ${OP_UID}, cc.id, ${kind}, '${entity}', ${record}, ${field}, ${oldValue}, ${newValue}
    from current_command cc where cc.recording ${where};`;
}

/** The create and update triggers of a table of records, as 005 makes them (its no-delete trigger stays as it is). */
function recordTriggers(spec: Recorded): string[] {
  const { table, entity, fields } = spec;
  const created = `json_object(${fields.map((c) => `'${c}', new.${c}`).join(', ')})`;
  const changes = fields.map((c) => `select '${c}' as field, json_quote(old.${c}) as o, json_quote(new.${c}) as n where old.${c} is not new.${c}`).join(' union all ');
  return [
    `create trigger ops_${table}_create after insert on ${table} begin
       ${NO_COMMAND};
       ${insertOp(`'create'`, entity, 'new.uid', 'null', 'null', created)}
       ${insertOp(`'delete'`, entity, 'new.uid', 'null', 'null', 'json_quote(new.deleted_at)', 'and new.deleted_at is not null')}
     end`,
    `create trigger ops_${table}_update after update on ${table} begin
       ${NO_COMMAND};
       insert into ops (uid, command_id, kind, entity, record, field, old, new)
         select ${OP_UID}, cc.id, 'set', '${entity}', new.uid, f.field, f.o, f.n
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
  ];
}

async function replaceTriggers(db: Kysely<any>, spec: Recorded): Promise<void> {
  for (const name of ['ops_interactions_create', 'ops_interactions_update']) await sql.raw(`drop trigger ${name}`).execute(db);
  for (const trigger of recordTriggers(spec)) await sql.raw(trigger).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('interactions')
    .addColumn('note_shared', 'integer', (c) => c.notNull().defaultTo(0).check(sql`note_shared in (0, 1)`))
    .execute();
  await replaceTriggers(db, INTERACTIONS);

  await db.schema
    .createTable('team_people')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('company_key', 'text')
    .addColumn('role', 'text')
    .addColumn('linkedin', 'text')
    .addColumn('location', 'text')
    .addColumn('emails', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('phones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('same_as', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('team_people_name').on('team_people').column('name_key').execute();
  await db.schema.createIndex('team_people_same_as').on('team_people').column('same_as').execute();
  await db.schema.createIndex('team_people_company').on('team_people').column('company_key').execute();
  await db.schema
    .createTable('team_topics')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_topics_pk', ['topic', 'person'])
    .execute();
  await db.schema.createIndex('team_topics_person').on('team_topics').column('person').execute();
  await db.schema
    .createTable('team_keys')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_keys_pk', ['key', 'person'])
    .execute();
  await db.schema.createIndex('team_keys_person').on('team_keys').column('person').execute();
  await db.schema
    .createTable('team_holders')
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('member', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_holders_pk', ['person', 'member'])
    .execute();
  await db.schema
    .createTable('team_touches')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('team_touch_people')
    .addColumn('touch', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_touch_people_pk', ['touch', 'person'])
    .execute();
  await db.schema.createIndex('team_touch_people_person').on('team_touch_people').columns(['person', 'touch']).execute();
  await db.schema
    .createTable('team_members')
    .addColumn('member', 'text', (c) => c.primaryKey())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['team_members', 'team_touch_people', 'team_touches', 'team_holders', 'team_topics', 'team_keys', 'team_people']) await db.schema.dropTable(table).execute();
  await replaceTriggers(db, INTERACTIONS_005);
  await db.schema.alterTable('interactions').dropColumn('note_shared').execute();
  await sql`delete from meta where key like 'team.%'`.execute(db);
}
