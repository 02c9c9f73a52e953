// Changing a person's details: fields, lists, a new name, a dated line of notes.
import type { ContactRecord } from '../core/contact.js';
import { ConflictError } from '../core/errors.js';
import {
  addEmails,
  addInterests,
  addNicknames,
  addTags,
  findDuplicates,
  getStoredContact,
  loadContactRecord,
  removeInterests,
  removeTags,
  touchContact,
  updateContact,
  type ContactFields,
} from '../db/contacts.js';
import { resolveContact } from '../db/resolve.js';
import { loadSettings } from '../db/settings.js';
import { circleLoad, type CircleLoad } from './circle-load.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface ContactChange {
  /** Fields to set (null clears one); `name` renames. */
  fields: Partial<ContactFields>;
  addEmails: readonly string[];
  addTags: readonly string[];
  addInterests: readonly string[];
  addNicknames?: readonly string[];
  removeTags: readonly string[];
  removeInterests: readonly string[];
  /** A line added to the notes, dated today. */
  appendNote?: string;
}

export function emptyContactChange(): ContactChange {
  return { fields: {}, addEmails: [], addTags: [], addInterests: [], removeTags: [], removeInterests: [] };
}

/** The notes with a dated line added at the end. */
export function notesWithLine(notes: string | null, day: string, line: string): string {
  const entry = `${day}: ${line}`;
  return notes === null || notes.trim() === '' ? entry : `${notes.replace(/\n+$/, '')}\n${entry}`;
}

export async function editContact(store: Store, clock: Clock, ref: string, change: ContactChange): Promise<{ contact: ContactRecord; overloaded: CircleLoad | null }> {
  const at = clock.now.toISOString();
  let moved = false;
  const id = await inCommand(store, clock, 'edit', async (w) => {
    const { id, name } = await resolveContact(w.db, ref);
    moved = change.fields.circle !== undefined && (await getStoredContact(w.db, id))?.circle !== change.fields.circle;
    const rename = change.fields.name;
    if (rename !== undefined) {
      const company = change.fields.company !== undefined ? change.fields.company : ((await getStoredContact(w.db, id))?.company ?? null);
      const clash = await findDuplicates(w.db, rename, [], id, company);
      if (clash.length > 0) throw new ConflictError(`${rename} is already the name of #${clash[0].id}`, 'choose another name');
    }
    if (change.addEmails.length > 0) {
      const clash = (await findDuplicates(w.db, null, change.addEmails, id))[0];
      if (clash) throw new ConflictError(`${clash.reason.replace('same email ', '')} already belongs to #${clash.id} ${clash.name}`);
    }
    const fields = { ...change.fields };
    if (change.appendNote !== undefined) {
      const stored = await getStoredContact(w.db, id);
      const base = fields.notes !== undefined ? fields.notes : (stored?.notes ?? null);
      fields.notes = notesWithLine(base, clock.today, change.appendNote);
    }
    await updateContact(w.db, id, fields, at);
    await addEmails(w.db, id, change.addEmails);
    await addTags(w.db, id, change.addTags);
    await addInterests(w.db, id, change.addInterests);
    await addNicknames(w.db, id, change.addNicknames ?? []);
    await removeTags(w.db, id, change.removeTags);
    await removeInterests(w.db, id, change.removeInterests);
    await touchContact(w.db, id, at);
    w.summary = `edited ${name} (#${id})`;
    return id;
  });
  const contact = await loadContactRecord(store.db, await loadSettings(store.db), id);
  if (!contact) throw new Error(`contact #${id} vanished`);
  return { contact, overloaded: moved ? await circleLoad(store.db, contact.circle) : null };
}
