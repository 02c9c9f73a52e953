// The order of a list whose members have a place (a person's emails and
// phones), worked out from its operations alone, the same on every device.
// Positions are not recorded: each add is an element inserted where its
// device saw the end of the list (the writers append; a new first phone is
// the list written again, that one first), and a new label (the old member
// removed and the new one added right after it, migration 009's trigger)
// takes the old one's place. Elements are placed in clock order, each right
// after the last element its device could see, so two devices that wrote at
// the same time interleave as RGA (a replicated growable array) has them:
// the later one first at the same spot, and what a device did not see stays
// where its own device put it. A value's place is where its first standing
// element is.
import { compareVersions, type KnownOp, type Knowledge } from './knowledge.js';

/** An email or phone recorded with its label is {"value", "label"}; without one, the value alone. */
export function memberValue(json: string): string {
  const member = JSON.parse(json) as unknown;
  return String(member !== null && typeof member === 'object' && 'value' in member ? member.value : member);
}

/** The label of an email or phone as recorded, null without one. */
export function memberLabel(json: string): string | null {
  const member = JSON.parse(json) as unknown;
  if (member === null || typeof member !== 'object' || !('label' in member)) return null;
  return typeof member.label === 'string' ? member.label : null;
}

/**
 * Each present value of the list `field` with its rank (0 first). A value
 * without one is from before operations were recorded: those come first,
 * in the order they are stored.
 */
export function listOrder(ops: readonly KnownOp[], field: string, knowledge: Knowledge): Map<string, number> {
  const mine = ops.filter((op) => op.field === field && (op.kind === 'add' || op.kind === 'remove'));
  const removes = mine.filter((op) => op.kind === 'remove' && op.old !== null);
  const adds = mine.filter((op) => op.kind === 'add' && op.new !== null).sort(compareVersions);
  /** Was element `e` removed, as `viewer` knew (every removal, without a viewer)? */
  const removed = (e: KnownOp, viewer?: KnownOp) =>
    removes.some((r) => r.old === e.new && knowledge.knows(r, e) && (viewer === undefined || (r !== viewer && knowledge.knows(viewer, r))));

  const sequence: KnownOp[] = [];
  for (const add of adds) {
    const relabel = mine.find((op) => op.id === add.id - 1 && op.cmd === add.cmd && op.kind === 'remove' && op.old !== null && op.old !== add.new);
    if (relabel?.old && add.new && memberValue(relabel.old) === memberValue(add.new)) {
      // Right after the element the new label replaced; none: a member from before operations, which keeps its place among them.
      const old = sequence.findIndex((e) => e.new === relabel.old && knowledge.knows(relabel, e) && !removed(e, relabel));
      if (old >= 0) sequence.splice(old + 1, 0, add);
      continue;
    }
    let after = sequence.length - 1;
    while (after >= 0 && !(knowledge.knows(add, sequence[after]) && !removed(sequence[after], add))) after -= 1;
    sequence.splice(after + 1, 0, add);
  }
  const ranks = new Map<string, number>();
  for (const e of sequence) {
    if (e.new === null || removed(e)) continue;
    const value = memberValue(e.new);
    if (!ranks.has(value)) ranks.set(value, ranks.size);
  }
  return ranks;
}
