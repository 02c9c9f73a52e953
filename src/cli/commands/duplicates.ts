// net duplicates: the people who may be the same person, strongest first;
// --not A B says they are not.
import { DUPLICATE_KEYS, listDuplicates, markDistinct } from '../../app/duplicates.js';
import { showControls, UsageError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachine, type FormatOptions } from '../render.js';

interface DuplicatesOptions extends FormatOptions {
  not?: string[];
}

export default async function duplicates(ctx: Context, options: DuplicatesOptions): Promise<void> {
  if (options.not !== undefined) {
    if (options.not.length !== 2) throw new UsageError('--not takes two people', 'e.g. net duplicates --not 12 34');
    const [a, b] = options.not;
    const result = await markDistinct(await ctx.database({ create: false }), ctx, a, b);
    ctx.io.write(`${result.already ? 'Already noted' : 'Noted'}: ${result.a} and ${result.b} are different people; \`net duplicates\` will not propose them again.\n`);
    return;
  }
  const format = pickFormat(options);
  const store = await ctx.existingDatabase();
  const entries = store ? listDuplicates(store) : [];
  if (format !== 'human') {
    await writeMachine(ctx, format, entries, DUPLICATE_KEYS, options);
    return;
  }
  if (entries.length === 0) {
    ctx.io.error('No likely duplicates: no two people share an email, profile or phone, or a name at the same company.\n');
    return;
  }
  // A block per pair: two people and the reasons rarely fit one line of 80 columns.
  const c = await ctx.chalk();
  const who = (id: number, name: string, company: string | null) => `${c.bold(`#${id}`)} ${name}${company ? `, ${company}` : ''}`;
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${String(e.score).padStart(3)}  ${who(e.a_id, e.a_name, e.a_company)}`, `     ${who(e.b_id, e.b_name, e.b_company)}`, c.dim(`     ${e.reasons.join('; ')}`));
  }
  ctx.io.write(`${showControls(lines.join('\n'))}\n`);
  const [first] = entries;
  ctx.io.error(`Merge one into the other with \`net merge ${first.a_id} ${first.b_id}\`, or say they differ with \`net duplicates --not ${first.a_id} ${first.b_id}\`.\n`);
}
