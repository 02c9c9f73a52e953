// Snoozing: no rhythm, new-contact or birthday reminders for a person until a day.
import { getStoredContact, updateContact } from '../db/contacts.js';
import { resolveContact } from '../db/resolve.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface SnoozeResult {
  id: number;
  name: string;
  until: string | null;
  /** With `until` null: whether they were snoozed before. */
  wasSnoozed: boolean;
}

/** Snoozes a person until `until` (the day reminders come back), or clears the snooze (null). */
export async function snoozeContact(store: Store, clock: Clock, ref: string, until: string | null): Promise<SnoozeResult> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'snooze', async (w) => {
    const { id, name } = await resolveContact(w.db, ref);
    const stored = await getStoredContact(w.db, id);
    const wasSnoozed = stored?.snoozed_until != null && stored.snoozed_until > clock.today;
    await updateContact(w.db, id, { snoozed_until: until }, at);
    w.summary = until === null ? `cleared the snooze of ${name} (#${id})` : `snoozed ${name} (#${id}) until ${until}`;
    return { id, name, until, wasSnoozed };
  });
}
