// Deleting a person: a tombstone, with the interactions only they were part
// of. Undo brings everything back.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { resolveContact, type ResolvedContact } from '../db/resolve.js';
import type { Database } from '../db/schema.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface RemovalPreview extends ResolvedContact {
  interactions: number;
}

/** Who a reference names, and how many interactions they have: what `rm` asks about. */
export async function previewRemoval(store: Store, ref: string): Promise<RemovalPreview> {
  const person = await resolveContact(store.db, ref);
  const { n } = await store.db
    .selectFrom('interaction_contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_id', '=', person.id)
    .executeTakeFirstOrThrow();
  return { ...person, interactions: Number(n) };
}

/** The interactions where this person is the only participant. */
async function soleInteractions(db: Kysely<Database>, contactId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('interaction_contacts as ic')
    .select('ic.interaction_id')
    .where('ic.contact_id', '=', contactId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('interaction_contacts as other')
            .select(sql`1`.as('one'))
            .whereRef('other.interaction_id', '=', 'ic.interaction_id')
            .where('other.contact_id', '!=', contactId),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.interaction_id);
}

export async function removeContact(store: Store, clock: Clock, contactId: number): Promise<{ id: number; name: string; interactions: number }> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'rm', async (w) => {
    const { id, name } = await resolveContact(w.db, `#${contactId}`);
    const sole = await soleInteractions(w.db, id);
    for (let start = 0; start < sole.length; start += 500) {
      await w.db.updateTable('interactions').set({ deleted_at: at, updated_at: at }).where('id', 'in', sole.slice(start, start + 500)).execute();
    }
    await w.db.updateTable('contacts').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    w.summary = `deleted ${name} (#${id}) and ${sole.length} interaction(s) only they were part of`;
    return { id, name, interactions: sole.length };
  });
}
