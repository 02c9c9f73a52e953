// Writing the merged state of the records a batch touched into the tables,
// with recording off (the operations are already recorded, as the other
// device's). Each record is worked out again from all its operations
// (merge-record.ts) and only what differs is written; the summary triggers
// keep each person's summary right as participants come and go.
import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../core/names.js';
import { RECORD_TABLES, SET_TABLES } from '../db/op-apply.js';
import { opsOfRecord, type KnownOp, type Knowledge } from './knowledge.js';
import { mergeRecord, type RecordState } from './merge-record.js';

/** Records are written in this order, so that what a record points to is there first. */
export const ENTITY_ORDER = ['contact', 'interaction', 'outreach', 'favour', 'followup', 'outreach_event', 'distinct_pair'] as const;

type Value = string | number | null;
type Row = Record<string, Value>;

const NOT_NULL_DEFAULTS: Readonly<Record<string, Row>> = { contacts: { circle: 'network' }, outreach: { nudges: 0 } };
const parse = (json: string | null): Value => (json === null ? null : (JSON.parse(json) as Value));

export class Materializer {
  readonly #ops: (entity: string, record: string) => KnownOp[];
  readonly #touched = new Map<string, Set<string>>();
  readonly #settings = new Set<string>();
  readonly #ids = new Map<string, BetterSqlite3.Statement>();
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    readonly sqlite: BetterSqlite3.Database,
    readonly knowledge: Knowledge,
  ) {
    this.#ops = opsOfRecord(sqlite);
  }

  /** A statement prepared once per text: a batch writes thousands of records with the same few. */
  #sql(text: string): BetterSqlite3.Statement {
    let statement = this.#statements.get(text);
    if (!statement) this.#statements.set(text, (statement = this.sqlite.prepare(text)));
    return statement;
  }

  touch(entity: string, record: string): void {
    if (entity === 'setting') {
      this.#settings.add(record);
      return;
    }
    if (!RECORD_TABLES[entity]) throw new Error(`unknown entity ${entity}`);
    let records = this.#touched.get(entity);
    if (!records) this.#touched.set(entity, (records = new Set()));
    records.add(record);
  }

  idOf(entity: string, uid: string): number | undefined {
    let statement = this.#ids.get(entity);
    if (!statement) this.#ids.set(entity, (statement = this.sqlite.prepare(`select id from ${RECORD_TABLES[entity].table} where uid = ?`).pluck()));
    return statement.get(uid) as number | undefined;
  }

  #localValue(entity: string, column: string, value: Value): Value {
    const target = RECORD_TABLES[entity].refs[column];
    if (target === undefined || value === null) return value;
    const id = this.idOf(target, String(value));
    if (id === undefined) throw new Error(`${entity}.${column}: no ${target} with uid ${value} here`);
    return id;
  }

  /** Writes every touched record and setting. */
  run(): void {
    const states = new Map<string, RecordState>();
    // First every new record, without the references that may point forward (a contact merged into one created later).
    for (const entity of ENTITY_ORDER) {
      for (const uid of this.#touched.get(entity) ?? []) {
        const state = mergeRecord(entity, this.#ops(entity, uid), this.knowledge);
        states.set(`${entity}/${uid}`, state);
        if (this.idOf(entity, uid) === undefined) this.#insert(entity, uid, state);
      }
    }
    for (const entity of ENTITY_ORDER) {
      for (const uid of this.#touched.get(entity) ?? []) {
        const state = states.get(`${entity}/${uid}`);
        if (state) this.#write(entity, uid, state);
      }
    }
    for (const key of this.#settings) this.#setting(key);
  }

  #insert(entity: string, uid: string, state: RecordState): void {
    const spec = RECORD_TABLES[entity];
    if (!state.create) throw new Error(`${entity} ${uid}: changes arrived for a record that was never created here`);
    const row: Row = { ...NOT_NULL_DEFAULTS[spec.table], uid, created_at: state.create.at };
    for (const [field, { value }] of state.fields) {
      if (entity === 'contact' && field === 'merged_into') continue;
      row[field] = this.#localValue(entity, field, parse(value));
    }
    if (spec.table !== 'outreach_events') row.updated_at = state.latest?.at ?? state.create.at;
    if (spec.table === 'contacts') row.name_key = nameKey(String(row.name));
    const columns = Object.keys(row);
    this.#sql(`insert into ${spec.table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }

  #write(entity: string, uid: string, state: RecordState): void {
    const spec = RECORD_TABLES[entity];
    const current = this.#sql(`select * from ${spec.table} where uid = ?`).get(uid) as Row & { id: number };
    const changes: Row = {};
    for (const [field, { value }] of state.fields) {
      let local = this.#localValue(entity, field, parse(value));
      if (entity === 'interaction' && field === 'source_key' && local !== null) local = this.#claimSourceKey(uid, String(local));
      if (current[field] !== local) changes[field] = local;
    }
    if (state.deleted !== undefined) {
      const deletedAt = state.deleted === null ? null : state.deleted.at;
      if ((current.deleted_at === null) !== (deletedAt === null)) changes.deleted_at = deletedAt;
    }
    // The fields first, then the members, then the tombstone: an interaction's participants are parked with it.
    const { deleted_at: tombstone, ...fields } = changes;
    const stamp: Row = spec.table === 'outreach_events' ? {} : { updated_at: state.latest?.at ?? current.updated_at };
    const update = (values: Row) => {
      const all: Row = { ...values, ...stamp };
      const sets = Object.keys(all).map((c) => `"${c}" = @${c}`);
      this.#sql(`update ${spec.table} set ${sets.join(', ')} where id = @id`).run({ ...all, id: current.id });
    };
    if (Object.keys(fields).length > 0) {
      if (spec.table === 'contacts' && 'name' in fields) fields.name_key = nameKey(String(fields.name));
      update(fields);
    }
    for (const [field, members] of state.sets) this.#writeSet(entity, current.id, field, members);
    if ('deleted_at' in changes) update({ deleted_at: tombstone });
    this.#keepWhatWasLost(entity, uid, state);
  }

  /** Two devices imported the same message: the interaction with the smaller uid keeps its key, the other none. */
  #claimSourceKey(uid: string, key: string): string | null {
    const holder = this.#sql('select id, uid from interactions where source_key = ? and uid <> ?').get(key, uid) as { id: number; uid: string } | undefined;
    if (!holder) return key;
    if (holder.uid < uid) return null;
    this.#sql('update interactions set source_key = null where id = ?').run(holder.id);
    return key;
  }

  #writeSet(entity: string, owner: number, field: string, members: Map<string, { present: boolean; since: KnownOp | undefined }>): void {
    const set = SET_TABLES[`${entity}.${field}`];
    if (!set) throw new Error(`unknown set ${entity}.${field}`);
    const parked = set.table === 'interaction_contacts' && this.#sql('select deleted_at is not null from interactions where id = ?').pluck().get(owner) === 1;
    const table = parked ? 'interaction_contacts_parked' : set.table;
    for (const [json, member] of members) {
      const raw = parse(json);
      const value = set.memberEntity ? this.idOf(set.memberEntity, String(raw)) : raw;
      if (value === undefined) throw new Error(`${entity}.${field}: no ${set.memberEntity} with uid ${raw} here`);
      const has = this.#sql(`select 1 from ${table} where ${set.owner} = ? and ${set.column} = ?`).get(owner, value) !== undefined;
      if (member.present && !has) {
        if (set.table === 'interaction_contacts') {
          const at = this.#sql('select occurred_at from interactions where id = ?').pluck().get(owner);
          this.#sql(`insert into ${table} (interaction_id, contact_id, occurred_at) values (?, ?, ?)`).run(owner, value, at);
        } else if (set.table === 'contact_emails') {
          this.#sql('insert into contact_emails (contact_id, email, position) values (?, ?, -1)').run(owner, value);
        } else {
          this.#sql(`insert into ${set.table} (${set.owner}, ${set.column}) values (?, ?)`).run(owner, value);
        }
      } else if (!member.present && has) {
        this.#sql(`delete from ${table} where ${set.owner} = ? and ${set.column} = ?`).run(owner, value);
      }
    }
    if (set.table === 'contact_emails') this.#orderEmails(owner, members);
  }

  /** Emails in the order they were added (those from before operations were recorded first, as they were). */
  #orderEmails(owner: number, members: Map<string, { present: boolean; since: KnownOp | undefined }>): void {
    const rows = this.#sql('select email, position from contact_emails where contact_id = ? order by position').all(owner) as Array<{ email: string; position: number }>;
    const since = (email: string) => members.get(JSON.stringify(email))?.since;
    const ordered = [...rows].sort((a, b) => {
      const [x, y] = [since(a.email), since(b.email)];
      if (!x || !y) return x ? 1 : y ? -1 : a.position - b.position;
      return x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : x.device < y.device ? -1 : x.device > y.device ? 1 : x.id - y.id;
    });
    const update = this.#sql('update contact_emails set position = ? where contact_id = ? and email = ?');
    ordered.forEach((row, position) => {
      if (row.position !== position) update.run(position, owner, row.email);
    });
  }

  /** Conflict copies and the trash are worked out again with the record. */
  #keepWhatWasLost(entity: string, uid: string, state: RecordState): void {
    this.#sql('delete from sync_conflicts where record = ? and entity = ?').run(uid, entity);
    const keep = this.#sql('insert or ignore into sync_conflicts (entity, record, field, value, op_uid, device, at) values (?, ?, ?, ?, ?, ?, ?)');
    for (const c of state.conflicts) keep.run(entity, uid, c.field, c.value, c.op.uid, c.op.device, c.op.at);
    this.#sql('delete from sync_trash where record = ?').run(uid);
    if (state.trash) {
      this.#sql('insert into sync_trash (entity, record, deleted_by, edited_by, at) values (?, ?, ?, ?, ?)')
        .run(entity, uid, state.trash.deletedBy.cmd_uid, state.trash.editedBy.cmd_uid, state.trash.deletedBy.at);
    }
  }

  #setting(key: string): void {
    const ops = this.#ops('setting', key);
    if (ops.length === 0) return;
    const last = ops.reduce((a, b) => (b.hlc > a.hlc || (b.hlc === a.hlc && (b.device > a.device || (b.device === a.device && b.id > a.id))) ? b : a));
    const value = parse(last.new);
    if (value === null) this.#sql('delete from settings where key = ?').run(key);
    else this.#sql('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, String(value));
  }
}
