// net archive / unarchive: out of lists and reminders, but kept.
import { setArchived } from '../../app/archive-contact.js';
import type { Context } from '../context.js';

async function archiveCommand(ctx: Context, ref: string, archived: boolean): Promise<void> {
  const { id, name, already } = await setArchived(await ctx.database({ create: false }), ctx, ref, archived);
  const message = already
    ? `${name} (#${id}) is ${archived ? 'already archived' : 'not archived'}.`
    : archived
      ? `Archived ${name} (#${id}): kept, but out of lists and reminders. \`net unarchive ${id}\` brings them back.`
      : `${name} (#${id}) is back in your network.`;
  ctx.io.write(`${message}\n`);
}

export const archive = (ctx: Context, ref: string): Promise<void> => archiveCommand(ctx, ref, true);
export const unarchive = (ctx: Context, ref: string): Promise<void> => archiveCommand(ctx, ref, false);
