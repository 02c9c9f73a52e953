// Favours given and received: each belongs to one person.
import { NotFoundError } from '../core/errors.js';
import { listFavours, type FavourEntry } from '../db/followups.js';
import { insertFavour } from '../db/interactions.js';
import { resolveContact } from '../db/resolve.js';
import { inCommand, type Clock, type Store } from './store.js';

export async function addFavour(
  store: Store,
  clock: Clock,
  ref: string,
  favour: { direction: 'given' | 'received'; text: string; day: string },
): Promise<FavourEntry> {
  return inCommand(store, clock, 'favour add', async (w) => {
    const person = await resolveContact(w.db, ref);
    const id = await insertFavour(
      w.db,
      { contact_id: person.id, interaction_id: null, direction: favour.direction, text: favour.text, occurred_on: favour.day },
      clock.now.toISOString(),
    );
    w.summary = `${favour.direction === 'given' ? 'gave' : 'got'} a favour ${favour.direction === 'given' ? 'to' : 'from'} ${person.name} (#${person.id}): ${favour.text}`;
    const [entry] = await listFavours(w.db, { id });
    return entry;
  });
}

export async function removeFavour(store: Store, clock: Clock, id: number): Promise<FavourEntry> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'favour rm', async (w) => {
    const [entry] = await listFavours(w.db, { id });
    if (!entry) throw new NotFoundError(`no favour #${id}`, 'see them with `net favour list`');
    await w.db.updateTable('favours').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    w.summary = `deleted favour #${id} (${entry.text})`;
    return entry;
  });
}
