// Frozen in time: this file never imports from src/.
//
// Promises go both ways: followups.theirs is 1 for what the other person
// promised ("she'll send the deck", `net followup add --theirs`), 0 for the
// promises made to them (every follow-up before this migration).
//
// The field is user data, so it is recorded like the others: 005's recording
// triggers of followups list their fields, and are made again here with
// `theirs` among them (the generator is copied from 005: a migration never
// imports another's code), so that `net changes`, undo and sync carry it.
// down() gives back 005's triggers as 005 made them.
import { sql, type Kysely } from 'kysely';

interface Recorded {
  table: string;
  entity: string;
  fields: readonly string[];
  /** Columns holding a local id of another record: recorded as that record's uid. */
  refs: Readonly<Record<string, string>>;
}

const REFS = { contact_id: 'contacts', interaction_id: 'interactions' };
const FOLLOWUPS: Recorded = { table: 'followups', entity: 'followup', fields: ['text', 'due_on', 'done_on', 'dropped_on', 'theirs'], refs: REFS };
/** As 005 recorded them. */
const FOLLOWUPS_005: Recorded = { table: 'followups', entity: 'followup', fields: ['text', 'due_on', 'done_on', 'dropped_on'], refs: REFS };

/** A UUIDv7 from the command's instant (ms) and random bits (RFC 9562), as 005. */
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

/** The create and update triggers of a table of records, as 005 makes them (its no-delete trigger stays as it is). */
function recordTriggers(spec: Recorded): string[] {
  const { table, entity } = spec;
  const columns = columnsOf(spec);
  const created = `json_object(${columns.map((c) => `'${c}', ${valueOf(spec, 'new', c)}`).join(', ')})`;
  const changes = columns
    .map((c) => `select '${c}' as field, json_quote(${valueOf(spec, 'old', c)}) as o, json_quote(${valueOf(spec, 'new', c)}) as n where old.${c} is not new.${c}`)
    .join(' union all ');
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
  for (const name of ['ops_followups_create', 'ops_followups_update']) await sql.raw(`drop trigger ${name}`).execute(db);
  for (const trigger of recordTriggers(spec)) await sql.raw(trigger).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('followups')
    .addColumn('theirs', 'integer', (c) => c.notNull().defaultTo(0).check(sql`theirs in (0, 1)`))
    .execute();
  await replaceTriggers(db, FOLLOWUPS);
}

export async function down(db: Kysely<any>): Promise<void> {
  await replaceTriggers(db, FOLLOWUPS_005);
  await db.schema.alterTable('followups').dropColumn('theirs').execute();
}
