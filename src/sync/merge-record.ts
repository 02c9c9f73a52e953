// The state of one record worked out from every operation known for it,
// local and remote, never incrementally: the same operations give the same
// state in whatever order they arrived.
// - a field: the last writer by (clock, device); an open outreach's stage
//   goes forward instead (of the operations no other one knew, the further
//   stage);
// - a member of a set (email, phone, nickname, tag, interest, participant):
//   present when some add of it was not known by any remove of it (add
//   wins); the order of a list is list-order.ts's;
// - the record: deleted when some deletion was not known by any restore
//   (the deletion wins over a concurrent edit, which still applies to the
//   fields of the tombstone).
// What a merge loses is kept: a note that lost to a concurrent edit (a
// conflict copy), and a deleted record that someone edited meanwhile (the
// trash).
import { STAGES } from '../core/outreach.js';
import { compareVersions, type KnownOp, type Knowledge } from './knowledge.js';

export interface FieldState {
  /** The value as JSON text (null: SQL null). */
  value: string | null;
  op: KnownOp;
}

export interface MemberState {
  present: boolean;
  /** The newest add that stands: of two labels of one email or phone added on two devices, its label is kept. */
  latest: KnownOp | undefined;
}

export interface ConflictCopy {
  field: string;
  value: string;
  op: KnownOp;
}

export interface RecordState {
  create: KnownOp | undefined;
  fields: Map<string, FieldState>;
  /** undefined: no deletion or restore known (left as it is). */
  deleted: { at: string; op: KnownOp } | null | undefined;
  sets: Map<string, Map<string, MemberState>>;
  conflicts: ConflictCopy[];
  trash: { deletedBy: KnownOp; editedBy: KnownOp } | undefined;
  /** The newest operation: when the record was last changed. */
  latest: KnownOp | undefined;
}

/** Fields whose losing text is kept as a conflict copy. */
const NOTE_FIELDS: ReadonlySet<string> = new Set(['contact.notes', 'interaction.note', 'outreach_event.note', 'outreach.why']);
/** Entities whose deletion can put a record in the trash. */
const TRASHED: ReadonlySet<string> = new Set(['contact', 'interaction', 'favour', 'followup', 'outreach']);

const stageRank = (json: string | null): number => (json === null ? -1 : STAGES.indexOf(JSON.parse(json) as (typeof STAGES)[number]));
const newest = (ops: readonly KnownOp[]): KnownOp | undefined => ops.reduce<KnownOp | undefined>((a, b) => (a === undefined || compareVersions(b, a) > 0 ? b : a), undefined);

function candidatesByField(ops: readonly KnownOp[]): Map<string, FieldState[]> {
  const byField = new Map<string, FieldState[]>();
  const push = (field: string, state: FieldState) => {
    const list = byField.get(field);
    if (list) list.push(state);
    else byField.set(field, [state]);
  };
  for (const op of ops) {
    if (op.kind === 'create' && op.new !== null) {
      for (const [field, value] of Object.entries(JSON.parse(op.new) as Record<string, unknown>)) push(field, { value: JSON.stringify(value ?? null), op });
    } else if ((op.kind === 'set' || op.kind === 'merge') && op.field !== null) {
      push(op.field, { value: op.new ?? 'null', op });
    }
  }
  return byField;
}

function winner(entity: string, field: string, candidates: readonly FieldState[], knowledge: Knowledge): { win: FieldState; maximal: FieldState[] } {
  // Maximal: not known by another candidate (what each device last said without seeing the others).
  const maximal = candidates.filter((c) => !candidates.some((other) => other !== c && other.op.id !== c.op.id && knowledge.knows(other.op, c.op)));
  const byVersion = (a: FieldState, b: FieldState) => compareVersions(a.op, b.op);
  if (entity === 'outreach' && field === 'stage') {
    const win = [...maximal].sort((a, b) => stageRank(a.value) - stageRank(b.value) || byVersion(a, b)).at(-1) ?? candidates[0];
    return { win, maximal };
  }
  const win = [...candidates].sort(byVersion).at(-1) ?? candidates[0];
  return { win, maximal };
}

export function mergeRecord(entity: string, ops: readonly KnownOp[], knowledge: Knowledge): RecordState {
  const state: RecordState = {
    create: [...ops].filter((op) => op.kind === 'create').sort(compareVersions)[0],
    fields: new Map(),
    deleted: undefined,
    sets: new Map(),
    conflicts: [],
    trash: undefined,
    latest: newest(ops),
  };

  for (const [field, candidates] of candidatesByField(ops)) {
    const { win, maximal } = winner(entity, field, candidates, knowledge);
    state.fields.set(field, win);
    if (!NOTE_FIELDS.has(`${entity}.${field}`)) continue;
    const kept = win.value === null ? '' : String(JSON.parse(win.value) ?? '');
    for (const loser of maximal) {
      if (loser === win || loser.value === null || loser.value === win.value) continue;
      const text = JSON.parse(loser.value) as unknown;
      if (typeof text !== 'string' || text.trim() === '' || kept.includes(text)) continue;
      if (knowledge.concurrent(loser.op, win.op)) state.conflicts.push({ field, value: text, op: loser.op });
    }
  }

  const deletes = ops.filter((op) => op.kind === 'delete');
  const restores = ops.filter((op) => op.kind === 'restore');
  if (deletes.length + restores.length > 0) {
    const standing = deletes.filter((d) => !restores.some((r) => knowledge.knows(r, d)));
    const last = newest(standing);
    state.deleted = last ? { at: last.new === null ? last.at : String(JSON.parse(last.new) ?? last.at), op: last } : null;
    if (last && TRASHED.has(entity)) {
      const edits = ops.filter((op) => op.kind === 'set' || op.kind === 'add' || op.kind === 'remove');
      const lost = newest(edits.filter((e) => standing.every((d) => !knowledge.knows(d, e)) && !knowledge.knows(e, last)));
      if (lost) state.trash = { deletedBy: last, editedBy: lost };
    }
  } else if (state.create) {
    state.deleted = null;
  }

  for (const op of ops) {
    if (op.kind !== 'add' && op.kind !== 'remove') continue;
    if (op.field === null) continue;
    const member = op.kind === 'add' ? op.new : op.old;
    if (member === null) continue;
    let members = state.sets.get(op.field);
    if (!members) state.sets.set(op.field, (members = new Map()));
    if (!members.has(member)) members.set(member, { present: false, latest: undefined });
  }
  for (const [field, members] of state.sets) {
    for (const [member, m] of members) {
      const mine = ops.filter((op) => op.field === field && (op.kind === 'add' ? op.new === member : op.kind === 'remove' && op.old === member));
      const removes = mine.filter((op) => op.kind === 'remove');
      const standing = mine.filter((op) => op.kind === 'add' && !removes.some((r) => knowledge.knows(r, op)));
      m.present = standing.length > 0;
      m.latest = newest(standing);
    }
  }
  return state;
}
