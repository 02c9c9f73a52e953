// Applying one operation to the tables: the inverse operations of an undo,
// and (with recording off) operations that come from another device. The
// vocabulary is the one the triggers of migrations/005-operations.ts (and
// 011-trust.ts, for dismissals; 014-capture.ts, for the inbox) record:
// entities and their tables, references written as uids, sets whose members
// are identified by their content.
import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../core/names.js';
import type { OpsTable } from './schema.js';

/** An operation as recorded (the values as JSON), without its identity. */
export type Op = Pick<OpsTable, 'kind' | 'entity' | 'record' | 'field' | 'old' | 'new'>;

interface RecordTable {
  table: string;
  /** Columns that hold another record's local id, recorded as its uid: the entity they point to. */
  refs: Readonly<Record<string, string>>;
}

export const RECORD_TABLES: Readonly<Record<string, RecordTable>> = {
  contact: { table: 'contacts', refs: { merged_into: 'contact' } },
  interaction: { table: 'interactions', refs: {} },
  favour: { table: 'favours', refs: { contact_id: 'contact', interaction_id: 'interaction' } },
  followup: { table: 'followups', refs: { contact_id: 'contact', interaction_id: 'interaction' } },
  outreach: { table: 'outreach', refs: { contact_id: 'contact', via_contact_id: 'contact' } },
  outreach_event: { table: 'outreach_events', refs: { outreach_id: 'outreach', interaction_id: 'interaction' } },
  distinct_pair: { table: 'distinct_pairs', refs: { contact_a: 'contact', contact_b: 'contact' } },
  dismissal: { table: 'dismissals', refs: { contact_id: 'contact' } },
  capture: { table: 'captures', refs: { interaction_id: 'interaction' } },
};

interface SetTable {
  table: string;
  owner: string;
  column: string;
  /** The member is another record's uid (a participant). */
  memberEntity?: string;
}

export const SET_TABLES: Readonly<Record<string, SetTable>> = {
  'contact.emails': { table: 'contact_emails', owner: 'contact_id', column: 'email' },
  'contact.tags': { table: 'contact_tags', owner: 'contact_id', column: 'tag' },
  'contact.interests': { table: 'contact_interests', owner: 'contact_id', column: 'interest' },
  'contact.phones': { table: 'contact_phones', owner: 'contact_id', column: 'phone' },
  'contact.nicknames': { table: 'contact_nicknames', owner: 'contact_id', column: 'nickname' },
  'interaction.participants': { table: 'interaction_contacts', owner: 'interaction_id', column: 'contact_id', memberEntity: 'contact' },
};

/** Columns of a created record that are not in the recorded values. */
const NOT_NULL_DEFAULTS: Readonly<Record<string, Record<string, unknown>>> = {
  contacts: { circle: 'network' },
  outreach: { nudges: 0 },
};

type Value = string | number | null;

function parse(json: string | null): Value {
  return json === null ? null : (JSON.parse(json) as Value);
}

/** An email or phone just removed, with its place in the list. */
interface Removed {
  table: string;
  owner: number;
  value: Value;
  position: number;
}

export class OpApplier {
  readonly #ids = new Map<string, BetterSqlite3.Statement<[string], { id: number }>>();
  #removed: Removed | undefined;

  constructor(
    readonly sqlite: BetterSqlite3.Database,
    /** The instant written to created_at / updated_at / deleted_at. */
    readonly at: string,
  ) {}

  /** The local id of a record, by entity and uid. */
  idOf(entity: string, uid: string): number | undefined {
    const spec = RECORD_TABLES[entity];
    if (!spec) throw new Error(`unknown entity ${entity}`);
    let statement = this.#ids.get(entity);
    if (!statement) {
      statement = this.sqlite.prepare(`select id from ${spec.table} where uid = ?`);
      this.#ids.set(entity, statement);
    }
    return statement.get(uid)?.id;
  }

  #localValue(spec: RecordTable, column: string, value: Value): Value {
    const target = spec.refs[column];
    if (target === undefined || value === null) return value;
    const id = this.idOf(target, String(value));
    if (id === undefined) throw new Error(`${column}: no ${target} with uid ${value}`);
    return id;
  }

  apply(op: Op): void {
    const removed = this.#removed;
    this.#removed = undefined;
    if (op.entity === 'setting') return this.#setting(op);
    if (op.kind === 'add' || op.kind === 'remove') return this.#member(op, removed);
    const spec = RECORD_TABLES[op.entity];
    if (!spec) throw new Error(`unknown entity ${op.entity}`);
    if (op.kind === 'create') return this.#create(spec, op);
    const id = this.idOf(op.entity, op.record);
    if (id === undefined) throw new Error(`no ${op.entity} with uid ${op.record}`);
    if (op.kind === 'delete' || op.kind === 'restore') {
      const deletedAt = op.kind === 'delete' ? (parse(op.new) ?? this.at) : null;
      this.sqlite.prepare(`update ${spec.table} set deleted_at = ? where id = ?`).run(deletedAt, id);
      return;
    }
    // set, merge
    const column = op.field;
    if (column === null) throw new Error(`${op.kind} without a field`);
    const value = this.#localValue(spec, column, parse(op.new));
    const extra = spec.table === 'contacts' && column === 'name' ? ', name_key = @key' : '';
    const touched = spec.table === 'outreach_events' ? '' : ', updated_at = @at';
    this.sqlite
      .prepare(`update ${spec.table} set "${column}" = @value${extra}${touched} where id = @id`)
      .run({ value, id, at: this.at, ...(extra ? { key: nameKey(String(value)) } : {}) });
  }

  #create(spec: RecordTable, op: Op): void {
    const values = { ...NOT_NULL_DEFAULTS[spec.table], ...(JSON.parse(op.new ?? '{}') as Record<string, Value>) };
    const row: Record<string, unknown> = { uid: op.record, created_at: this.at };
    for (const [column, value] of Object.entries(values)) row[column] = this.#localValue(spec, column, value as Value);
    if (spec.table !== 'outreach_events') row.updated_at = this.at;
    if (spec.table === 'contacts') row.name_key = nameKey(String(row.name));
    const columns = Object.keys(row);
    this.sqlite
      .prepare(`insert into ${spec.table} (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`)
      .run(row);
  }

  /** `removed`: the member the operation before this one removed (a new label is a removal and an add, one after the other). */
  #member(op: Op, removed: Removed | undefined): void {
    const set = SET_TABLES[`${op.entity}.${op.field}`];
    if (!set) throw new Error(`unknown set ${op.entity}.${op.field}`);
    const owner = this.idOf(op.entity, op.record);
    if (owner === undefined) throw new Error(`no ${op.entity} with uid ${op.record}`);
    // A labelled member (an email or phone with its label) is recorded as {"value", "label"}.
    const recorded = JSON.parse((op.kind === 'add' ? op.new : op.old) ?? 'null') as Value | { value: string; label: string | null };
    const [raw, label] = recorded !== null && typeof recorded === 'object' ? [recorded.value, recorded.label] : [recorded, null];
    const member = set.memberEntity ? this.idOf(set.memberEntity, String(raw)) : raw;
    if (member === undefined) throw new Error(`no ${set.memberEntity} with uid ${raw}`);
    if (op.kind === 'remove') {
      if (set.table === 'contact_emails' || set.table === 'contact_phones') {
        const position = this.sqlite.prepare(`select position from ${set.table} where contact_id = ? and ${set.column} = ?`).pluck().get(owner, member) as number | undefined;
        if (position !== undefined) this.#removed = { table: set.table, owner, value: member, position };
      }
      this.sqlite.prepare(`delete from ${set.table} where ${set.owner} = ? and ${set.column} = ?`).run(owner, member);
      return;
    }
    if (set.table === 'interaction_contacts') {
      const { occurred_at, deleted } = this.sqlite
        .prepare('select occurred_at, deleted_at is not null as deleted from interactions where id = ?')
        .get(owner) as { occurred_at: string; deleted: number };
      // A participant of a deleted interaction waits with the others for its restore.
      const table = deleted ? 'interaction_contacts_parked' : 'interaction_contacts';
      this.sqlite.prepare(`insert or ignore into ${table} (interaction_id, contact_id, occurred_at) values (?, ?, ?)`).run(owner, member, occurred_at);
    } else if (set.table === 'contact_emails' || set.table === 'contact_phones') {
      // The same email or phone again right after its removal is a label taken back: it keeps its place.
      const relabel = removed !== undefined && removed.table === set.table && removed.owner === owner && removed.value === member;
      const position = relabel
        ? removed.position
        : ((this.sqlite.prepare(`select coalesce(max(position), -1) + 1 from ${set.table} where contact_id = ?`).pluck().get(owner) as number) ?? 0);
      this.sqlite.prepare(`insert or ignore into ${set.table} (contact_id, ${set.column}, label, position) values (?, ?, ?, ?)`).run(owner, member, label, position);
    } else {
      this.sqlite.prepare(`insert or ignore into ${set.table} (${set.owner}, ${set.column}) values (?, ?)`).run(owner, member);
    }
  }

  #setting(op: Op): void {
    const value = parse(op.new);
    if (value === null) this.sqlite.prepare('delete from settings where key = ?').run(op.record);
    else this.sqlite.prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(op.record, String(value));
  }
}

/** The operation that takes back `op`. */
export function inverseOf(op: Op): Op {
  switch (op.kind) {
    case 'create':
      return { ...op, kind: 'delete', field: null, old: null, new: null };
    case 'delete':
      return { ...op, kind: 'restore', old: op.new, new: null };
    case 'restore':
      return { ...op, kind: 'delete', old: null, new: op.old };
    case 'add':
      return { ...op, kind: 'remove', old: op.new, new: null };
    case 'remove':
      return { ...op, kind: 'add', old: null, new: op.old };
    case 'set':
    case 'merge':
      return { ...op, kind: 'set', old: op.new, new: op.old };
  }
}
