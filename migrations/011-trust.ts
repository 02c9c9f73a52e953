// Frozen in time: this file never imports from src/.
//
// A morning list a person can trust:
// - name keys written again: ø, æ, œ, ß, đ, ð, þ, ł and ı now fold like
//   other accents ("soren" finds Søren, "strasse" Straße). Name keys are
//   derived data, written with recording off, as 005 writes derived data.
// - contact_activity.first_touch_on: the first of the days in touch that the
//   rhythm is read from (004's window of the latest 50 interactions), so that
//   the review gives advice only on a history that spans three usual gaps.
//   004's triggers write the rhythm; one trigger here follows each write of
//   it (an UPDATE OF those columns fires even when the values stay).
// - dismissals: an item of `net due` closed for now (`net dismiss`), user
//   data recorded as operations by triggers made as 005 makes them (the
//   generator is copied here: a migration never imports another's code), so
//   that `net changes` lists a dismissal and `net undo` takes it back.
import { sql, type Kysely } from 'kysely';

/** The window of latest interactions the rhythm is read from (as migration 004). */
const RECENT = 50;

/** The first day in touch within person `who`'s window. */
const firstTouchOf = (who: string) => `(
  select min(i.occurred_on) from (
    select x.interaction_id from interaction_contacts x where x.contact_id = ${who}
    order by x.occurred_at desc, x.interaction_id desc limit ${RECENT}) w
  join interactions i on i.id = w.interaction_id)`;

/** The name key as this version of net makes it (src/core/names.ts at the time). */
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };
function nameKey(name: string, fold: boolean): string {
  const plain = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return (fold ? plain.replace(/[øæœßđðþłı]/g, (c) => FOLDED[c]) : plain).replace(/\s+/g, ' ').trim();
}

/** Writes every name key again, the triggers' recording off (derived data is not recorded). */
async function rewriteNameKeys(db: Kysely<any>, fold: boolean): Promise<void> {
  const rows = await db.selectFrom('contacts').select(['id', 'name', 'name_key']).execute();
  const changed = rows.filter((r) => nameKey(r.name as string, fold) !== r.name_key);
  if (changed.length === 0) return;
  await db.insertInto('current_command').values({ id: 0, ms: 0, recording: 0 }).execute();
  for (const r of changed) await db.updateTable('contacts').set({ name_key: nameKey(r.name as string, fold) }).where('id', '=', r.id).execute();
  await db.deleteFrom('current_command').where('id', '=', 0).execute();
}

interface Recorded {
  table: string;
  entity: string;
  fields: readonly string[];
  /** Columns holding a local id of another record: recorded as that record's uid. */
  refs: Readonly<Record<string, string>>;
}

const DISMISSALS: Recorded = { table: 'dismissals', entity: 'dismissal', fields: ['kind', 'dismissed_on'], refs: { contact_id: 'contacts' } };

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
  await rewriteNameKeys(db, true);

  await db.schema.alterTable('contact_activity').addColumn('first_touch_on', 'text').execute();
  await sql.raw(`update contact_activity set first_touch_on = ${firstTouchOf('contact_activity.contact_id')}`).execute(db);
  await sql
    .raw(
      `create trigger first_touch_follows_rhythm after update of touches, usual_gap, last_touch_on, window_from on contact_activity begin
         update contact_activity set first_touch_on = ${firstTouchOf('new.contact_id')} where contact_id = new.contact_id;
       end`,
    )
    .execute(db);

  // Closed for now: a reply that needs none, a birthday wished elsewhere (kind:
  // reply, birthday, nurture, outreach or cadence; the local day it was closed).
  await db.schema
    .createTable('dismissals')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dismissed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`create index dismissals_contact on dismissals (contact_id, kind, dismissed_on) where deleted_at is null`.execute(db);
  for (const trigger of recordTriggers(DISMISSALS)) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const suffix of ['create', 'update', 'no_delete']) await sql.raw(`drop trigger ops_dismissals_${suffix}`).execute(db);
  await db.schema.dropTable('dismissals').execute();

  await sql`drop trigger first_touch_follows_rhythm`.execute(db);
  await db.schema.alterTable('contact_activity').dropColumn('first_touch_on').execute();

  await rewriteNameKeys(db, false);
}
