// net archive / unarchive: out of lists and reminders, but kept.
import { resolveContact } from '../../db/resolve.js';
import { getStoredContact, updateContact } from '../../db/contacts.js';
import type { Context } from '../context.js';

async function setArchived(ctx: Context, ref: string, archived: boolean): Promise<void> {
  const at = ctx.now.toISOString();
  const { db } = await ctx.database({ create: false });
  const { message } = await db.transaction().execute(async (trx) => {
    const { id, name } = await resolveContact(trx, ref);
    const stored = await getStoredContact(trx, id);
    const already = (stored?.archived_at !== null) === archived;
    if (already) return { message: `${name} (#${id}) is ${archived ? 'already archived' : 'not archived'}.` };
    await updateContact(trx, id, { archived_at: archived ? at : null }, at);
    return {
      message: archived
        ? `Archived ${name} (#${id}): kept, but out of lists and reminders. \`net unarchive ${id}\` brings them back.`
        : `${name} (#${id}) is back in your network.`,
    };
  });
  ctx.io.write(`${message}\n`);
}

export const archive = (ctx: Context, ref: string): Promise<void> => setArchived(ctx, ref, true);
export const unarchive = (ctx: Context, ref: string): Promise<void> => setArchived(ctx, ref, false);
