// net trash: records a deletion won over an edit made meanwhile on another device.
import { listTrash } from '../../app/trash.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';

export default async function trash(ctx: Context, options: { json?: boolean }): Promise<void> {
  const store = await ctx.existingDatabase();
  const entries = store ? listTrash(store) : [];
  if (options.json) {
    ctx.writeExact(toJson(entries));
    return;
  }
  if (entries.length === 0) {
    ctx.io.error('The trash is empty: nothing deleted on one device was edited on another meanwhile.\n');
    return;
  }
  const lines = entries.map((e) => `  ${String(e.id).padStart(3)}  ${e.label}: deleted ${e.deleted_at.slice(0, 10)}, edited ${e.edited_at?.slice(0, 10) ?? '?'} on another device`);
  ctx.io.write(`${lines.join('\n')}\nBring one back with \`net trash restore ID\`.\n`);
}
