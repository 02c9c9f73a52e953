// net changes: the commands that changed the network, newest first.
import { CHANGE_KEYS, listChanges } from '../../app/changes.js';
import { readCount } from '../../core/counts.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachine, type FormatOptions } from '../render.js';

interface ChangesOptions extends FormatOptions {
  limit: string;
  all?: boolean;
  contact?: string;
}

export default async function changes(ctx: Context, options: ChangesOptions): Promise<void> {
  const format = pickFormat(options);
  const limit = options.all ? undefined : readCount(options.limit, '--limit');
  const store = await ctx.existingDatabase();
  const entries = store ? await listChanges(store, { limit, contact: options.contact }) : [];
  if (format !== 'human') {
    await writeMachine(
      ctx,
      format,
      entries.map((e) => ({ ...e, changes: format === 'csv' ? e.changes.join('; ') : e.changes })),
      CHANGE_KEYS,
      options,
    );
    return;
  }
  if (entries.length === 0) {
    ctx.io.error('No changes yet: every command that changes your network is listed here, and can be taken back with `net undo`.\n');
    return;
  }
  const c = await ctx.chalk();
  const lines: string[] = [];
  for (const e of entries) {
    const state = e.undone_by !== null ? c.yellow(` (undone by #${e.undone_by})`) : '';
    lines.push(`${c.bold(`#${e.id}`)} ${c.dim(e.at.slice(0, 16).replace('T', ' '))} ${e.command}: ${e.summary}${state}`);
    for (const change of e.changes.slice(0, 8)) lines.push(`    ${change}`);
    if (e.changes.length > 8) lines.push(c.dim(`    … and ${e.changes.length - 8} more`));
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
