// net rm: delete a person, and the interactions that had no one else.
import { sql } from 'kysely';
import { CancelledError, UsageError } from '../../core/errors.js';
import { resolveContact } from '../../db/resolve.js';
import type { Context } from '../context.js';

interface RmOptions {
  yes?: boolean;
}

export default async function rm(ctx: Context, ref: string, options: RmOptions): Promise<void> {
  const { db } = await ctx.database({ create: false });
  const person = await resolveContact(db, ref);
  const { n: interactions } = await db
    .selectFrom('interaction_contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_id', '=', person.id)
    .executeTakeFirstOrThrow();
  if (!options.yes) {
    if (!ctx.interactive) {
      throw new UsageError(`deleting ${person.name} (#${person.id}) needs --yes without a terminal`, `net rm ${person.id} --yes`);
    }
    const { default: confirm } = await import('@inquirer/confirm');
    const ok = await confirm({
      message: `Delete ${person.name} (#${person.id}) and their ${interactions} interaction(s)? This cannot be undone.`,
      default: false,
    });
    if (!ok) throw new CancelledError();
  }
  const removed = await db.transaction().execute(async (trx) => {
    const { id } = await resolveContact(trx, String(person.id));
    // Interactions where this person was the only participant go with them.
    const orphaned = await trx
      .deleteFrom('interactions')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('interaction_contacts as ic')
          .select('ic.interaction_id')
          .where('ic.contact_id', '=', id)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('interaction_contacts as other')
                  .select(sql`1`.as('one'))
                  .whereRef('other.interaction_id', '=', 'ic.interaction_id')
                  .where('other.contact_id', '!=', id),
              ),
            ),
          ),
      )
      .executeTakeFirst();
    await trx.deleteFrom('contacts').where('id', '=', id).execute();
    return Number(orphaned.numDeletedRows);
  });
  ctx.io.write(`Deleted ${person.name} (#${person.id}) and ${removed} interaction(s) that had no one else.\n`);
}
