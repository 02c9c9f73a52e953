// This device's new commands become batches. A batch's seen vector is what
// its commands knew: a command knew the other devices' batches applied here
// before it was made (their applied_cmd is below its id), so commands made
// between two applies go in different batches. Assigning a batch is one
// transaction; writing its file comes after, and a batch assigned but not
// yet published (a sync killed in between) is written again from the
// database, the same commands, next time.
import type BetterSqlite3 from 'better-sqlite3';
import type { Vector } from './knowledge.js';
import { isLocalSetting, type BatchFile, type WireCommand, type WireOp } from './wire.js';

/** Above this many operations a batch is closed and the next one begun (a command is never split). */
export const BATCH_OPS = 20_000;

interface Unpushed {
  id: number;
  ops: number;
}

/** Gives this device's unpushed commands their batches; returns the indexes assigned. */
export function assignBatches(sqlite: BetterSqlite3.Database, self: string, at: string, host: string, maxOps = BATCH_OPS): number[] {
  return sqlite
    .transaction(() => {
      const commands = sqlite
        .prepare('select id, last_op - first_op + 1 as ops from commands where device = ? and batch is null order by id')
        .all(self) as Unpushed[];
      if (commands.length === 0) return [];
      const applied = sqlite.prepare('select device, idx, applied_cmd from sync_batches where device <> ? order by applied_cmd').all(self) as Array<{
        device: string;
        idx: number;
        applied_cmd: number;
      }>;
      let next = ((sqlite.prepare('select max(idx) from sync_batches where device = ?').pluck().get(self) as number | null) ?? 0) + 1;
      const assigned: number[] = [];
      const vector: Vector = {};
      let known = 0;
      let group: Unpushed[] = [];
      let groupVector = '';
      let groupOps = 0;
      const close = () => {
        if (group.length === 0) return;
        const idx = next++;
        const update = sqlite.prepare('update commands set batch = ? where id = ?');
        for (const c of group) update.run(idx, c.id);
        sqlite
          .prepare('insert into sync_batches (device, idx, seen, at, host, applied_cmd, published) values (?, ?, ?, ?, ?, ?, 0)')
          .run(self, idx, groupVector, at, host, group[group.length - 1].id);
        assigned.push(idx);
        group = [];
        groupOps = 0;
      };
      for (const command of commands) {
        while (known < applied.length && applied[known].applied_cmd < command.id) {
          const b = applied[known++];
          vector[b.device] = Math.max(vector[b.device] ?? -1, b.idx);
        }
        const text = JSON.stringify(vector);
        if (text !== groupVector || groupOps + command.ops > maxOps) close();
        groupVector = text;
        group.push(command);
        groupOps += command.ops;
      }
      close();
      return assigned;
    })
    .immediate();
}

/** Own batches assigned but not yet published, oldest first. */
export function unpublished(sqlite: BetterSqlite3.Database, self: string): number[] {
  return sqlite.prepare('select idx from sync_batches where device = ? and published = 0 order by idx').pluck().all(self) as number[];
}

export function markPublished(sqlite: BetterSqlite3.Database, self: string, indexes: readonly number[]): void {
  const mark = sqlite.prepare('update sync_batches set published = 1 where device = ? and idx = ?');
  sqlite.transaction(() => indexes.forEach((idx) => mark.run(self, idx)))();
}

/** The contents of one of this device's batches, read back from the database. */
export function buildBatch(sqlite: BetterSqlite3.Database, space: string, self: string, idx: number): BatchFile {
  const row = sqlite.prepare('select seen, at, host from sync_batches where device = ? and idx = ?').get(self, idx) as { seen: string; at: string; host: string | null };
  const commands = sqlite
    .prepare(
      `select c.id, c.uid, c.hlc, c.at, c.name, c.summary, u.uid as undoes, c.first_op, c.last_op
       from commands c left join commands u on u.id = c.undoes where c.device = ? and c.batch = ? order by c.id`,
    )
    .all(self, idx) as Array<Omit<WireCommand, 'ops'> & { id: number; first_op: number; last_op: number }>;
  const opsOf = sqlite.prepare('select uid, kind, entity, record, field, old, new from ops where id between ? and ? order by id').raw();
  const wire: WireCommand[] = [];
  for (const c of commands) {
    const ops = (opsOf.all(c.first_op, c.last_op) as WireOp[]).filter((op) => !(op[2] === 'setting' && isLocalSetting(op[3])));
    if (ops.length === 0) continue;
    wire.push({ uid: c.uid, hlc: c.hlc, at: c.at, name: c.name, summary: c.summary, undoes: c.undoes, ops });
  }
  return { space, device: self, idx, at: row.at, host: row.host ?? '', seen: JSON.parse(row.seen) as Vector, commands: wire };
}

/** How many operations this device has not pushed yet. */
export function unpushedOps(sqlite: BetterSqlite3.Database, self: string): number {
  return (sqlite.prepare('select coalesce(sum(last_op - first_op + 1), 0) from commands where device = ? and batch is null').pluck().get(self) as number) ?? 0;
}
