// net merge KEEP OTHER: two records of one person become one.
import { mergeContacts, planMerge, type MergePlan } from '../../app/merge.js';
import { DeclinedError, UsageError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { colourPrompts } from '../prompt-colours.js';
import { toJson } from '../render.js';

interface MergeOptions {
  yes?: boolean;
  json?: boolean;
}

const shown = (value: string | number | null) => (value === null || value === '' ? '(none)' : String(value).replace(/\s+/g, ' ').slice(0, 40));

/** What the merge does, in words: the fields that differ and who wins, what moves, what KEEP gains. */
export function describeMerge(plan: MergePlan): string[] {
  const { keep, other, moves, gains } = plan;
  const lines = [`Merge ${other.name} (#${other.id}) into ${keep.name} (#${keep.id}):`];
  for (const f of plan.fields) {
    const mark = (side: 'keep' | 'other') => (f.winner === side ? '✓' : ' ');
    lines.push(`  ${f.field.padEnd(13)} ${mark('keep')} ${shown(f.keep)}  |  ${mark('other')} ${shown(f.other)}`);
  }
  const gained = [
    ...gains.emails.map((e) => `email ${e}`),
    ...gains.phones.map((p) => `phone ${p}`),
    ...gains.nicknames.map((n) => `nickname ${n}`),
    ...gains.tags.map((t) => `tag ${t}`),
    ...gains.interests.map((i) => `interest ${i}`),
  ];
  if (gained.length > 0) lines.push(`  ${keep.name} gains: ${gained.join(', ')}`);
  const shared = moves.shared > 0 ? ` (${moves.shared} they shared keep one participant)` : '';
  lines.push(
    `  moving to #${keep.id}: ${moves.interactions} interaction(s)${shared}, ${moves.favours} favour(s), ${moves.followups} follow-up(s), ${moves.outreach} outreach entr${moves.outreach === 1 ? 'y' : 'ies'}`,
  );
  lines.push(`  #${other.id} then resolves to #${keep.id}; \`net undo\` takes the merge back.`);
  return lines;
}

export default async function merge(ctx: Context, keepRef: string, otherRef: string, options: MergeOptions): Promise<void> {
  const store = await ctx.database({ create: false });
  const plan = await planMerge(store, keepRef, otherRef);
  if (!options.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`merging ${plan.other.name} (#${plan.other.id}) into ${plan.keep.name} (#${plan.keep.id}) needs --yes without a terminal`, `net merge ${plan.keep.id} ${plan.other.id} --yes`);
    }
    ctx.io.error(`${describeMerge(plan).join('\n')}\n`);
    colourPrompts(ctx);
    const { default: confirm } = await import('@inquirer/confirm');
    if (!(await confirm({ message: 'Merge them?', default: false }))) throw new DeclinedError('nobody was merged');
  }
  const done = await mergeContacts(store, ctx, keepRef, otherRef);
  if (options.json) {
    ctx.writeExact(toJson({ keep: done.keep.id, other: done.other.id, fields: done.fields, moves: done.moves, gains: done.gains }));
    return;
  }
  const lines = describeMerge(done);
  lines[0] = `Merged ${done.other.name} (#${done.other.id}) into ${done.keep.name} (#${done.keep.id}).`;
  ctx.io.write(`${lines.join('\n')}\n`);
}
