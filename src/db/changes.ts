// Reading the record of changes: commands, their operations, and names for
// the records they touched (src/db/write-path.ts writes them).
import type BetterSqlite3 from 'better-sqlite3';
import type { OpForWords, RecordLabel } from '../core/change-words.js';
import type { Op } from './op-apply.js';
import type { Selectable } from 'kysely';
import type { CommandsTable, OpKind } from './schema.js';

export interface CommandRow extends Selectable<CommandsTable> {
  /** The newest command that undid this one, if any. */
  undone_by: number | null;
}

export interface StoredOp extends Op {
  id: number;
  command_id: number;
}

const COMMAND_COLUMNS = `c.id, c.uid, c.hlc, c.device, c.at, c.name, c.summary, c.undoes, c.first_op, c.last_op,
  (select max(u.id) from commands u where u.undoes = c.id) as undone_by`;

export function hasOperations(sqlite: BetterSqlite3.Database): boolean {
  return sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'commands'").get() !== undefined;
}

export function getCommand(sqlite: BetterSqlite3.Database, id: number): CommandRow | undefined {
  return sqlite.prepare(`select ${COMMAND_COLUMNS} from commands c where c.id = ?`).get(id) as CommandRow | undefined;
}

/** This device's latest command: after a sync, the newest row may be another device's, which `net undo` alone should not take back. */
export function latestCommand(sqlite: BetterSqlite3.Database): CommandRow | undefined {
  return sqlite
    .prepare(`select ${COMMAND_COLUMNS} from commands c where c.device = coalesce((select value from meta where key = 'device'), c.device) order by c.id desc limit 1`)
    .get() as CommandRow | undefined;
}

/** Commands newest first; with `touching`, only those whose operations name one of these uids. */
export function listCommands(sqlite: BetterSqlite3.Database, options: { limit?: number; touching?: readonly string[] } = {}): CommandRow[] {
  const limit = options.limit ?? -1;
  if (!options.touching || options.touching.length === 0) {
    return sqlite.prepare(`select ${COMMAND_COLUMNS} from commands c order by c.id desc limit ?`).all(limit) as CommandRow[];
  }
  const uids = JSON.stringify(options.touching);
  return sqlite
    .prepare(
      `select ${COMMAND_COLUMNS} from commands c
       where c.id in (
         select o.command_id from ops o, json_each(?) u
         where o.record = u.value or instr(coalesce(o.new, ''), u.value) > 0 or instr(coalesce(o.old, ''), u.value) > 0)
       order by c.id desc limit ?`,
    )
    .all(uids, limit) as CommandRow[];
}

export function commandOps(sqlite: BetterSqlite3.Database, command: Pick<CommandRow, 'first_op' | 'last_op'>): StoredOp[] {
  return sqlite
    .prepare('select id, command_id, kind, entity, record, field, old, new from ops where id between ? and ? order by id')
    .all(command.first_op, command.last_op) as StoredOp[];
}

/**
 * Every operation recorded after `opId`, oldest first (what undo checks
 * against): a member of a set as `new` for adds and removes alike; old
 * values left out.
 */
export function* opsAfter(sqlite: BetterSqlite3.Database, opId: number): Generator<StoredOp> {
  yield* sqlite
    .prepare("select id, command_id, kind, entity, record, field, case when kind in ('add', 'remove') then coalesce(new, old) else new end as new, null as old from ops where id > ? order by id")
    .iterate(opId) as Iterable<StoredOp>;
}

const LABEL_QUERIES: Readonly<Record<string, string>> = {
  contact: `select name || ' (#' || id || ')' from contacts where uid = ?`,
  interaction: `select 'interaction #' || id || ' (' || channel || ' on ' || occurred_on || ')' from interactions where uid = ?`,
  favour: `select 'favour #' || f.id || ' (' || f.text || ', ' || c.name || ')' from favours f join contacts c on c.id = f.contact_id where f.uid = ?`,
  followup: `select 'follow-up #' || f.id || ' (' || f.text || ', ' || c.name || ')' from followups f join contacts c on c.id = f.contact_id where f.uid = ?`,
  outreach: `select 'outreach of ' || c.name from outreach o join contacts c on c.id = o.contact_id where o.uid = ?`,
  distinct_pair: `select 'not the same: ' || a.name || ' (#' || a.id || ') and ' || b.name || ' (#' || b.id || ')' from distinct_pairs p join contacts a on a.id = p.contact_a join contacts b on b.id = p.contact_b where p.uid = ?`,
  outreach_event: `select 'outreach ' || e.kind || coalesce(' to ' || e.to_stage, '') || ' of ' || c.name from outreach_events e join outreach o on o.id = e.outreach_id join contacts c on c.id = o.contact_id where e.uid = ?`,
  capture: `select case kind when 'mail' then 'message' else 'meeting' end || ' "' || coalesce(subject, '') || '" of ' || substr(occurred_at, 1, 10) from captures where uid = ?`,
  dismissal: `select 'dismissal of the ' || d.kind || ' item of ' || c.name || ' (' || d.dismissed_on || ')' from dismissals d join contacts c on c.id = d.contact_id where d.uid = ?`,
};

/** Names records as the words of a change do, reading each once. */
export function recordLabeller(sqlite: BetterSqlite3.Database): RecordLabel {
  const cache = new Map<string, string>();
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (entity, uid) => {
    const key = `${entity}:${uid}`;
    let label = cache.get(key);
    if (label === undefined) {
      const query = LABEL_QUERIES[entity];
      let statement = statements.get(entity);
      if (!statement && query) statements.set(entity, (statement = sqlite.prepare(query).pluck()));
      label = ((statement?.get(uid) as string | undefined) ?? `${entity.replace('_', ' ')} ${uid.slice(0, 8)}`);
      cache.set(key, label);
    }
    return label;
  };
}

export type { OpForWords, OpKind };
