// Writing the merged state of the records a batch touched into the tables,
// with recording off (the operations are already recorded, as the other
// device's). Each record is worked out again from all its operations
// (merge-record.ts, and list-order.ts for the order of a person's emails and
// phones) and only what differs is written; the summary triggers
// keep each person's summary right as participants come and go.
import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../core/names.js';
import { RECORD_TABLES, SET_TABLES } from '../db/op-apply.js';
import { compareVersions, opsOfRecord, type KnownOp, type Knowledge } from './knowledge.js';
import { listOrder, memberLabel, memberValue } from './list-order.js';
import { mergeRecord, type MemberState, type RecordState } from './merge-record.js';

/** Records are written in this order, so that what a record points to is there first. */
export const ENTITY_ORDER = ['contact', 'interaction', 'capture', 'outreach', 'favour', 'followup', 'outreach_event', 'distinct_pair', 'dismissal'] as const;

/**
 * Columns that triggers keep from other rows, never written from a recorded
 * value: the phone is a copy of the first of the phones (migration 009);
 * operations from before it still carry it as a field.
 */
const DERIVED_FIELDS: ReadonlySet<string> = new Set(['contact.phone']);

type Value = string | number | null;
type Row = Record<string, Value>;
type Members = Map<string, MemberState>;

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
    // A recorded entity this writer does not know would be received and never written: refused instead.
    if (!(ENTITY_ORDER as readonly string[]).includes(entity)) throw new Error(`unknown entity ${entity}`);
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
    const states = new Map<string, { state: RecordState; ops: KnownOp[] }>();
    // First every new record, without the references that may point forward (a contact merged into one created later).
    for (const entity of ENTITY_ORDER) {
      for (const uid of this.#touched.get(entity) ?? []) {
        const ops = this.#ops(entity, uid);
        const state = mergeRecord(entity, ops, this.knowledge);
        states.set(`${entity}/${uid}`, { state, ops });
        if (this.idOf(entity, uid) === undefined) this.#insert(entity, uid, state);
      }
    }
    for (const entity of ENTITY_ORDER) {
      for (const uid of this.#touched.get(entity) ?? []) {
        const merged = states.get(`${entity}/${uid}`);
        if (merged) this.#write(entity, uid, merged.state, merged.ops);
      }
    }
    for (const key of this.#settings) this.#setting(key);
  }

  #insert(entity: string, uid: string, state: RecordState): void {
    const spec = RECORD_TABLES[entity];
    if (!state.create) throw new Error(`${entity} ${uid}: changes arrived for a record that was never created here`);
    const row: Row = { ...NOT_NULL_DEFAULTS[spec.table], uid, created_at: state.create.at };
    for (const [field, { value }] of state.fields) {
      if ((entity === 'contact' && field === 'merged_into') || DERIVED_FIELDS.has(`${entity}.${field}`)) continue;
      row[field] = this.#localValue(entity, field, parse(value));
    }
    if (spec.table !== 'outreach_events') row.updated_at = state.latest?.at ?? state.create.at;
    if (spec.table === 'contacts') row.name_key = nameKey(String(row.name));
    const columns = Object.keys(row);
    this.#sql(`insert into ${spec.table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }

  #write(entity: string, uid: string, state: RecordState, ops: readonly KnownOp[]): void {
    const spec = RECORD_TABLES[entity];
    const current = this.#sql(`select * from ${spec.table} where uid = ?`).get(uid) as Row & { id: number };
    const changes: Row = {};
    for (const [field, { value }] of state.fields) {
      if (DERIVED_FIELDS.has(`${entity}.${field}`)) continue;
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
    for (const [field, members] of state.sets) this.#writeSet(entity, current.id, field, members, ops);
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

  #writeSet(entity: string, owner: number, field: string, members: Members, ops: readonly KnownOp[]): void {
    const set = SET_TABLES[`${entity}.${field}`];
    if (!set) throw new Error(`unknown set ${entity}.${field}`);
    if (set.table === 'contact_emails' || set.table === 'contact_phones') {
      this.#writeLabelled(set.table, set.column, owner, members, listOrder(ops, field, this.knowledge));
      return;
    }
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
        } else {
          this.#sql(`insert into ${set.table} (${set.owner}, ${set.column}) values (?, ?)`).run(owner, value);
        }
      } else if (!member.present && has) {
        this.#sql(`delete from ${table} where ${set.owner} = ? and ${set.column} = ?`).run(owner, value);
      }
    }
  }

  /**
   * Emails and phones: a member is the value with its label, and a table
   * row is the value. A value is there when one of its members is; two
   * labels added on two devices without seeing each other: the newest add's
   * label. Then the list in its order (list-order.ts).
   */
  #writeLabelled(table: 'contact_emails' | 'contact_phones', column: string, owner: number, members: Members, ranks: ReadonlyMap<string, number>): void {
    const wanted = new Map<string, { label: string | null; latest: KnownOp | undefined } | null>();
    for (const [json, member] of members) {
      const value = memberValue(json);
      const known = wanted.get(value) ?? null;
      if (!member.present) {
        if (!wanted.has(value)) wanted.set(value, null);
      } else if (!known || (member.latest && (!known.latest || compareVersions(member.latest, known.latest) > 0))) {
        wanted.set(value, { label: memberLabel(json), latest: member.latest });
      }
    }
    for (const [value, want] of wanted) {
      const stored = this.#sql(`select label from ${table} where contact_id = ? and ${column} = ?`).get(owner, value) as { label: string | null } | undefined;
      if (want && !stored) this.#sql(`insert into ${table} (contact_id, ${column}, label, position) values (?, ?, ?, -1)`).run(owner, value, want.label);
      else if (want && stored && stored.label !== want.label) this.#sql(`update ${table} set label = ? where contact_id = ? and ${column} = ?`).run(want.label, owner, value);
      else if (!want && stored) this.#sql(`delete from ${table} where contact_id = ? and ${column} = ?`).run(owner, value);
    }
    const rows = this.#sql(`select ${column} as value, position from ${table} where contact_id = ? order by position, ${column}`).all(owner) as Array<{ value: string; position: number }>;
    // Those from before operations were recorded first, as they are; then the rest in the list's order.
    const ordered = [...rows].sort((a, b) => (ranks.get(a.value) ?? -1) - (ranks.get(b.value) ?? -1));
    const place = this.#sql(`update ${table} set position = ? where contact_id = ? and ${column} = ?`);
    ordered.forEach((row, position) => {
      if (row.position !== position) place.run(position, owner, row.value);
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
