// net trash restore ID: a record back from the trash, as an undoable command.
import { restoreFromTrash } from '../../app/trash.js';
import { readId } from '../../core/counts.js';
import type { Context } from '../context.js';

export default async function trashRestore(ctx: Context, idArg: string): Promise<void> {
  const id = readId(idArg);
  const store = await ctx.database({ create: false });
  const entry = await restoreFromTrash(store, ctx, id);
  ctx.io.write(`Restored ${entry.label}; \`net undo\` deletes it again.\n`);
}
