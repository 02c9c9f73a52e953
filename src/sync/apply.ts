// Applying another device's batch: one transaction, in causal order (a batch
// waits until every batch its seen vector names is here), idempotent (a batch
// or a command already here is skipped). Its commands and operations are
// stored as they were made, with their uid, clock and device, so `net
// changes` lists them and later merges read them; the records they touched
// are worked out again from all their operations and written with recording
// off. Then, as a command of this device, what the merge leaves to settle:
// references to a person merged elsewhere follow the merge, and a person
// with two open outreach entries keeps the further one.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { moveReferences, settleOpenOutreach } from '../db/merge-moves.js';
import { inOneTransaction } from '../db/migrate.js';
import type { Database } from '../db/schema.js';
import { withSummariesDeferred } from '../db/summaries.js';
import { closeCommand, openCommand } from '../db/write-path.js';
import { Knowledge } from './knowledge.js';
import { Materializer } from './materialize.js';
import type { BatchFile } from './wire.js';

export interface ApplyStore {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
}

export type ApplyResult = 'applied' | 'known' | 'waiting';

/** The last batch index of each device known here. */
export function knownVector(sqlite: BetterSqlite3.Database): Record<string, number> {
  const rows = sqlite.prepare('select device, max(idx) as idx from sync_batches group by device').all() as Array<{ device: string; idx: number }>;
  return Object.fromEntries(rows.map((r) => [r.device, r.idx]));
}

/** Can this batch be applied now: the next of its device, and everything it had seen already here? */
export function readiness(vector: Record<string, number>, batch: Pick<BatchFile, 'device' | 'idx' | 'seen'>): ApplyResult | 'ready' {
  const last = vector[batch.device];
  if (last !== undefined && batch.idx <= last) return 'known';
  if (batch.idx !== (last ?? 0) + 1) return 'waiting';
  for (const [device, idx] of Object.entries(batch.seen)) if ((vector[device] ?? -1) < idx) return 'waiting';
  return 'ready';
}

/** Runs `work` in one BEGIN IMMEDIATE transaction on the raw connection (Kysely's queries share it), as migrations run. */
export const inTransaction = inOneTransaction;

function insertCommands(sqlite: BetterSqlite3.Database, batch: BatchFile, materializer: Materializer): number {
  const exists = sqlite.prepare('select 1 from commands where uid = ?').pluck();
  const undone = sqlite.prepare('select id from commands where uid = ?').pluck();
  const insertCommand = sqlite.prepare(
    'insert into commands (uid, hlc, device, at, name, summary, undoes, first_op, last_op, batch) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOp = sqlite.prepare('insert into ops (uid, command_id, kind, entity, record, field, old, new) values (?, ?, ?, ?, ?, ?, ?, ?)');
  let ops = 0;
  for (const command of batch.commands) {
    if (exists.get(command.uid) !== undefined) continue;
    const first = ((sqlite.prepare('select max(id) from ops').pluck().get() as number | null) ?? 0) + 1;
    const undoes = command.undoes === null ? null : ((undone.get(command.undoes) as number | undefined) ?? null);
    const id = Number(
      insertCommand.run(command.uid, command.hlc, batch.device, command.at, command.name, command.summary, undoes, first, first + command.ops.length - 1, batch.idx).lastInsertRowid,
    );
    for (const [uid, kind, entity, record, field, old, value] of command.ops) {
      insertOp.run(uid, id, kind, entity, record, field, old, value);
      materializer.touch(entity, record);
    }
    ops += command.ops.length;
  }
  return ops;
}

/** The person a merged one ended up in: the merges followed to a living person (none on a cycle or a deleted end). */
function mergedTarget(sqlite: BetterSqlite3.Database, start: number): number | undefined {
  const step = sqlite.prepare('select merged_into, deleted_at from contacts where id = ?');
  const seen = new Set<number>([start]);
  let at = (step.get(start) as { merged_into: number | null }).merged_into;
  while (at !== null) {
    if (seen.has(at)) return undefined;
    seen.add(at);
    const row = step.get(at) as { merged_into: number | null; deleted_at: string | null } | undefined;
    if (!row) return undefined;
    if (row.deleted_at === null) return at;
    at = row.merged_into;
  }
  return undefined;
}

/** What the merge leaves to settle, as a command of this device; nothing when there is nothing to settle. */
async function settle(store: ApplyStore, now: Date): Promise<void> {
  const merged = store.sqlite
    .prepare(
      `select c.id from contacts c where c.deleted_at is not null and c.merged_into is not null and (
         exists (select 1 from interaction_contacts x where x.contact_id = c.id)
         or exists (select 1 from favours f where f.contact_id = c.id and f.deleted_at is null)
         or exists (select 1 from followups f where f.contact_id = c.id and f.deleted_at is null)
         or exists (select 1 from outreach o where (o.contact_id = c.id or o.via_contact_id = c.id) and o.deleted_at is null))`,
    )
    .pluck()
    .all() as number[];
  const moves = merged.map((id) => [id, mergedTarget(store.sqlite, id)] as const).filter((m): m is readonly [number, number] => m[1] !== undefined);
  const doubled = store.sqlite
    .prepare('select contact_id from outreach where ended_on is null and deleted_at is null group by contact_id having count(*) > 1')
    .pluck()
    .all() as number[];
  if (moves.length === 0 && doubled.length === 0) return;
  const at = now.toISOString();
  const command = openCommand(store.sqlite, { name: 'sync', now });
  for (const [other, keep] of moves) await moveReferences(store.db, keep, other, at);
  let settled = 0;
  for (const contact of doubled) settled += await settleOpenOutreach(store.db, contact, at);
  const parts = [
    moves.length > 0 ? `moved what ${moves.length} merged person(s) still had to the person each was merged into` : '',
    settled > 0 ? `closed ${settled} second open outreach entr${settled === 1 ? 'y' : 'ies'} of one person` : '',
  ].filter(Boolean);
  closeCommand(store.sqlite, command, `after a sync: ${parts.join('; ')}`);
}

/** Above this many operations a batch is applied with the summaries written once at the end. */
const DEFER_SUMMARIES = 2_000;

export async function applyBatch(store: ApplyStore, self: string, batch: BatchFile, now: Date): Promise<ApplyResult> {
  return inTransaction(store.sqlite, async () => {
    const state = readiness(knownVector(store.sqlite), batch);
    if (state !== 'ready') return state;
    const materializer = new Materializer(store.sqlite, new Knowledge(store.sqlite, self));
    const write = async () => {
      // Recording off: these operations are recorded already, as the other device's.
      store.sqlite.prepare('insert into current_command (id, ms, recording) values (0, ?, 0)').run(now.getTime());
      try {
        materializer.run();
      } finally {
        store.sqlite.prepare('delete from current_command where id = 0').run();
      }
    };
    const ops = insertCommands(store.sqlite, batch, materializer);
    // The batch and its seen vector first: the merge asks what its operations knew.
    const appliedCmd = (store.sqlite.prepare('select max(id) from commands').pluck().get() as number | null) ?? 0;
    store.sqlite
      .prepare('insert into sync_batches (device, idx, seen, at, host, applied_cmd, published) values (?, ?, ?, ?, ?, ?, 1)')
      .run(batch.device, batch.idx, JSON.stringify(batch.seen), batch.at, batch.host, appliedCmd);
    if (ops > DEFER_SUMMARIES) await withSummariesDeferred(store.sqlite, write);
    else await write();
    await settle(store, now);
    return 'applied';
  });
}
