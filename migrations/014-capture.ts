// Frozen in time: this file never imports from src/.
//
// Capture: what `net capture mail` and `net capture calendar` found, waiting
// in the inbox for a decision. A capture is one message or one occurrence of
// a meeting, known by its key (the Message-ID, or the event's UID and which occurrence),
// so that reading the same source again proposes nothing new. It keeps the
// addresses, not the people: who they are is worked out when the inbox is
// read, so a person added later finds the messages already captured.
// Captures are user data (accepting, rejecting and capturing are undone like
// any command), recorded as operations by triggers made as 005 makes them
// (the generator is copied here: a migration never imports another's code).
import { sql, type Kysely } from 'kysely';

interface Recorded {
  table: string;
  entity: string;
  fields: readonly string[];
  /** Columns holding a local id of another record: recorded as that record's uid. */
  refs: Readonly<Record<string, string>>;
}

const CAPTURES: Recorded = {
  table: 'captures',
  entity: 'capture',
  fields: ['capture_key', 'kind', 'source', 'occurred_at', 'direction', 'channel', 'subject', 'sender', 'addresses', 'names', 'status'],
  refs: { interaction_id: 'interactions' },
};

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

/** The recording triggers of a table of records, as 005 makes them: create, set, delete and restore, and no removal. */
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
    // Records are tombstoned, never deleted: a deletion would leave nothing for undo and sync to refer to.
    `create trigger ops_${table}_no_delete before delete on ${table}
     when coalesce((select recording from current_command), 1) begin
       select raise(abort, 'records of net are deleted as tombstones (deleted_at), never removed');
     end`,
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('captures')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    // mail:<message-id>, or meeting:<event uid> and, in a series, /<the occurrence's original start>
    .addColumn('capture_key', 'text', (c) => c.notNull())
    // mail or meeting
    .addColumn('kind', 'text', (c) => c.notNull())
    // the file or folder it was read from, as given ("-" for stdin)
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    // the sender's (or organiser's) address; lower case
    .addColumn('sender', 'text')
    // the other people's addresses, lower case, as a JSON array
    .addColumn('addresses', 'text', (c) => c.notNull())
    // their display names by address, as a JSON object
    .addColumn('names', 'text', (c) => c.notNull())
    // pending, accepted or rejected
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('interaction_id', 'integer', (c) => c.references('interactions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`create unique index captures_key on captures (capture_key) where deleted_at is null`.execute(db);
  // Which capture an interaction came from: the inbox checks it for every interaction logged by hand that a proposal may be.
  await sql`create index captures_interaction on captures (interaction_id) where interaction_id is not null`.execute(db);
  await sql`create index captures_pending on captures (occurred_at) where deleted_at is null and status = 'pending'`.execute(db);
  for (const trigger of recordTriggers(CAPTURES)) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const suffix of ['create', 'update', 'no_delete']) await sql.raw(`drop trigger ops_captures_${suffix}`).execute(db);
  await db.schema.dropTable('captures').execute();
}
