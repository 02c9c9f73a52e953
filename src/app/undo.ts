// Undo: a command's changes taken back, as a new command (so an undo can be
// undone, which redoes). Refused when a later command changed the same
// things, unless forced.
import { describeOp } from '../core/change-words.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { commandOps, getCommand, latestCommand, opsAfter, recordLabeller, type CommandRow, type StoredOp } from '../db/changes.js';
import { inverseOf, OpApplier } from '../db/op-apply.js';
import { runCommand } from '../db/write-path.js';
import type { Clock, Store } from './store.js';

export interface UndoPlan {
  target: CommandRow;
  /** What will be taken back, in words. */
  changes: string[];
}

function findTarget(store: Store, id: number | undefined): CommandRow {
  const target = id === undefined ? latestCommand(store.sqlite) : getCommand(store.sqlite, id);
  if (!target) {
    throw id === undefined
      ? new NotFoundError('nothing to undo: no command has changed your network yet')
      : new NotFoundError(`no command #${id}`, 'see the commands with `net changes`');
  }
  return target;
}

export function planUndo(store: Store, id?: number): UndoPlan {
  const target = findTarget(store, id);
  const label = recordLabeller(store.sqlite);
  return { target, changes: commandOps(store.sqlite, target).map((op) => describeOp(op, label)) };
}

const recordKey = (op: Pick<StoredOp, 'entity' | 'record'>) => `${op.entity}\u0000${op.record}`;
const RECORD_LEVEL = new Set(['create', 'delete', 'restore']);

/** The key under which two operations touch the same thing: a field, a member of a set, or the record itself. */
function touchKey(op: Pick<StoredOp, 'kind' | 'entity' | 'record' | 'field' | 'new' | 'old'>): string {
  if (RECORD_LEVEL.has(op.kind)) return `${recordKey(op)}\u0000*`;
  if (op.kind === 'add' || op.kind === 'remove') return `${recordKey(op)}\u0000${op.field}\u0000${op.new ?? op.old}`;
  return `${recordKey(op)}\u0000${op.field}`;
}

const REFERENCE_FIELDS = ['contact_id', 'via_contact_id', 'interaction_id', 'outreach_id', 'merged_into'];

/** The uids an operation points to: a participant, or the references of a new record or a changed one. */
function referencedUids(op: StoredOp): string[] {
  if (op.new === null) return [];
  if (op.kind === 'add' || op.kind === 'remove') return op.field === 'participants' ? [JSON.parse(op.new) as string] : [];
  if (op.kind === 'create') {
    const values = JSON.parse(op.new) as Record<string, unknown>;
    return REFERENCE_FIELDS.map((f) => values[f]).filter((v): v is string => typeof v === 'string');
  }
  return op.field !== null && REFERENCE_FIELDS.includes(op.field) ? [JSON.parse(op.new) as string] : [];
}

/**
 * The later commands whose changes no longer stand: each one undone by a
 * later undo that stands, and that undo. Taking back the last few commands
 * one after the other, newest first, meets no conflict with them.
 */
function settledSince(store: Store, target: CommandRow): Set<number> {
  const later = store.sqlite.prepare('select id, undoes from commands where id > ? order by id desc').all(target.id) as Array<{ id: number; undoes: number | null }>;
  const settled = new Set<number>();
  for (const command of later) {
    // Newest first: whether this undo was itself undone is already known.
    if (command.undoes === null || settled.has(command.id) || command.undoes <= target.id) continue;
    settled.add(command.id);
    settled.add(command.undoes);
  }
  return settled;
}

/**
 * The first later command that changed something the target changed, or
 * pointed to a record the target created or brought back.
 */
function firstConflict(store: Store, target: CommandRow, ops: readonly StoredOp[]): number | undefined {
  const settled = settledSince(store, target);
  const keys = new Set(ops.map(touchKey));
  const records = new Set(ops.map(recordKey));
  const wholeRecords = new Set(ops.filter((op) => RECORD_LEVEL.has(op.kind)).map(recordKey));
  const madeHere = new Set(ops.filter((op) => op.kind === 'create' || op.kind === 'restore').map((op) => op.record));
  for (const later of opsAfter(store.sqlite, target.last_op)) {
    if (settled.has(later.command_id)) continue;
    if (madeHere.size > 0 && referencedUids(later).some((uid) => madeHere.has(uid))) return later.command_id;
    const record = recordKey(later);
    if (!records.has(record)) continue;
    if (wholeRecords.has(record) || RECORD_LEVEL.has(later.kind) || keys.has(touchKey(later))) return later.command_id;
  }
  return undefined;
}

/** The inverse operations, newest first; the changes inside a record the command created go with its deletion. */
function inverseOps(ops: readonly StoredOp[]): StoredOp[] {
  const created = new Set(ops.filter((op) => op.kind === 'create').map(recordKey));
  return [...ops]
    .reverse()
    .filter((op) => op.kind === 'create' || !created.has(recordKey(op)))
    .map((op) => ({ ...op, ...inverseOf(op) }));
}

export interface UndoResult {
  target: CommandRow;
  /** The new command's id (undo it to redo). */
  id: number;
}

export async function undoCommand(store: Store, clock: Clock, id: number | undefined, options: { force?: boolean } = {}): Promise<UndoResult> {
  const target = findTarget(store, id);
  return runCommand(store, { name: 'undo', now: clock.now, undoes: target.id }, async (w) => {
    const ops = commandOps(store.sqlite, target);
    if (!options.force) {
      const conflict = firstConflict(store, target, ops);
      if (conflict !== undefined) {
        const later = getCommand(store.sqlite, conflict);
        const already = later?.undoes === target.id;
        throw new ConflictError(
          already
            ? `command #${target.id} (${target.summary}) was already undone by #${conflict}`
            : `command #${conflict} (${later?.summary ?? later?.name}) changed the same since #${target.id}`,
          already ? `\`net undo ${conflict}\` redoes it` : `undo #${conflict} first, or use --force to take back #${target.id} anyway`,
        );
      }
    }
    const applier = new OpApplier(store.sqlite, clock.now.toISOString());
    for (const op of inverseOps(ops)) applier.apply(op);
    w.summary = `undid #${target.id}: ${target.summary}`;
    return { target, id: w.command.id };
  });
}
