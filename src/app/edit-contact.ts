// Changing a person's details: fields, lists, a new name, a dated line of notes.
import { emptyLists, type ContactRecord } from '../core/contact.js';
import type { FormValues } from '../core/contact-form.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { formatInterval } from '../core/intervals.js';
import {
  addEmails,
  addInterests,
  addNicknames,
  addTags,
  findDuplicates,
  getStoredContact,
  loadContactRecord,
  contactLists,
  removeEmails,
  removeInterests,
  removeNicknames,
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
  removeEmails?: readonly string[];
  removeNicknames?: readonly string[];
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
    await removeEmails(w.db, id, change.removeEmails ?? []);
    await removeNicknames(w.db, id, change.removeNicknames ?? []);
    await touchContact(w.db, id, at);
    w.summary = `edited ${name} (#${id})`;
    return id;
  });
  const contact = await loadContactRecord(store.db, await loadSettings(store.db), id);
  if (!contact) throw new Error(`contact #${id} vanished`);
  return { contact, overloaded: moved ? await circleLoad(store.db, contact.circle) : null };
}

/** A person's stored details as the editable form of `net edit` shows them. */
export async function contactForm(store: Store, ref: string): Promise<{ id: number; values: FormValues }> {
  const { id } = await resolveContact(store.db, ref);
  const stored = await getStoredContact(store.db, id);
  if (!stored) throw new NotFoundError(`contact #${id} is not there any more`);
  const lists = (await contactLists(store.db, [id])).get(id) ?? emptyLists();
  const own = stored.cadence_days;
  return {
    id,
    values: {
      name: stored.name,
      namePrefix: stored.name_prefix ?? '',
      nameSuffix: stored.name_suffix ?? '',
      nicknames: lists.nicknames,
      company: stored.company ?? '',
      role: stored.role ?? '',
      emails: lists.emails,
      phone: stored.phone ?? '',
      linkedin: stored.linkedin ?? '',
      location: stored.location ?? '',
      circle: stored.circle,
      every: own === null ? '' : own === 0 ? 'none' : formatInterval(own),
      channel: stored.channel ?? '',
      birthday: stored.birthday ?? '',
      metAt: stored.how_met ?? '',
      metOn: stored.met_on ?? '',
      tags: lists.tags,
      interests: lists.interests,
      notes: stored.notes ?? '',
    },
  };
}
