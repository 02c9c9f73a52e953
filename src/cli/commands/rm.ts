// net rm: delete a person, and the interactions that had no one else.
import { previewRemoval, removeContact } from '../../app/remove-contact.js';
import { DeclinedError, UsageError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { colourPrompts } from '../prompt-colours.js';

interface RmOptions {
  yes?: boolean;
}

export default async function rm(ctx: Context, ref: string, options: RmOptions): Promise<void> {
  const store = await ctx.database({ create: false });
  const person = await previewRemoval(store, ref);
  if (!options.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`deleting ${person.name} (#${person.id}) needs --yes without a terminal`, `net rm ${person.id} --yes`);
    }
    colourPrompts(ctx);
    const { default: confirm } = await import('@inquirer/confirm');
    const ok = await confirm({
      message: `Delete ${person.name} (#${person.id}) and their ${person.interactions} interaction(s)? \`net undo\` can bring them back.`,
      default: false,
    });
    if (!ok) throw new DeclinedError('nobody was removed');
  }
  const removed = await removeContact(store, ctx, person.id);
  ctx.io.write(`Deleted ${removed.name} (#${removed.id}) and ${removed.interactions} interaction(s) that had no one else. \`net undo\` brings them back.\n`);
}
