// Adding a person to the network.
import type { ContactRecord } from '../core/contact.js';
import { ConflictError } from '../core/errors.js';
import { findDuplicates, insertContact, loadContactRecord, type ContactFields, type ContactLists } from '../db/contacts.js';
import { loadSettings } from '../db/settings.js';
import { circleLoad, type CircleLoad } from './circle-load.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface NewContactInput {
  fields: Partial<ContactFields> & { name: string };
  lists: ContactLists;
  /** Add even when the same name or email is already there. */
  force?: boolean;
  /** The record's uid: a teammate's person taken into this network stays the team's one person. */
  uid?: string;
}

export async function addContact(store: Store, clock: Clock, input: NewContactInput): Promise<{ contact: ContactRecord; overloaded: CircleLoad | null }> {
  const { name } = input.fields;
  const id = await inCommand(store, clock, 'add', async (w) => {
    if (!input.force) {
      const duplicates = await findDuplicates(w.db, name, input.lists.emails, undefined, input.fields.company);
      if (duplicates.length > 0) {
        const list = duplicates.map((d) => `#${d.id} ${d.name}${d.company ? `, ${d.company}` : ''} (${d.reason})`).join(', ');
        throw new ConflictError(`${name} may already be in your network: ${list}`, 'use `net edit` to change them, or `--force` to add anyway');
      }
    }
    const id = await insertContact(w.db, input.fields, input.lists, clock.now.toISOString(), input.uid);
    w.summary = `added ${name} (#${id})`;
    return id;
  });
  const contact = await loadContactRecord(store.db, await loadSettings(store.db), id);
  if (!contact) throw new Error(`contact #${id} vanished after insert`);
  return { contact, overloaded: await circleLoad(store.db, contact.circle) };
}
