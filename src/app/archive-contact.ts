// Archiving: a person stays in the journal but leaves lists and reminders.
import { getStoredContact, updateContact } from '../db/contacts.js';
import { resolveContact } from '../db/resolve.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface ArchiveResult {
  id: number;
  name: string;
  /** Nothing changed: the person was already in the state asked for. */
  already: boolean;
}

export async function setArchived(store: Store, clock: Clock, ref: string, archived: boolean): Promise<ArchiveResult> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, archived ? 'archive' : 'unarchive', async (w) => {
    const { id, name } = await resolveContact(w.db, ref);
    const stored = await getStoredContact(w.db, id);
    if ((stored?.archived_at !== null) === archived) return { id, name, already: true };
    await updateContact(w.db, id, { archived_at: archived ? at : null }, at);
    w.summary = `${archived ? 'archived' : 'unarchived'} ${name} (#${id})`;
    return { id, name, already: false };
  });
}
