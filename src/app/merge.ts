// Merging two people who are one: everything of OTHER's moves to KEEP, KEEP
// takes OTHER's fields where it has none and every email, tag and interest,
// and OTHER becomes a tombstone that remembers KEEP (its id and uid resolve
// to KEEP from then on). One command: `net undo` takes it back whole.
import type { Kysely } from 'kysely';
import { ConflictError, UsageError } from '../core/errors.js';
import { furtherOutreach, MERGED_FIELDS, mergeFieldChoices, unitedList, type FieldChoice, type MergeValues } from '../core/merge-rules.js';
import { emptyLists } from '../core/contact.js';
import { phoneKey } from '../core/duplicates.js';
import { addEmails, addInterests, addNicknames, addPhones, addTags, contactLists, getStoredContact, updateContact, type ContactFields } from '../db/contacts.js';
import { resolveContact, type ResolvedContact } from '../db/resolve.js';
import type { Database } from '../db/schema.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface MergePlan {
  keep: ResolvedContact;
  other: ResolvedContact;
  /** The fields where the two differ, and whose value the merged person keeps. */
  fields: FieldChoice[];
  /** What moves from OTHER to KEEP. */
  moves: { interactions: number; shared: number; favours: number; followups: number; outreach: number };
  /** Emails, phones, nicknames, tags and interests KEEP gains. */
  gains: { emails: string[]; phones: string[]; nicknames: string[]; tags: string[]; interests: string[] };
}

function values(row: NonNullable<Awaited<ReturnType<typeof getStoredContact>>>): MergeValues {
  return Object.fromEntries(MERGED_FIELDS.map((f) => [f, row[f]])) as MergeValues;
}

async function count(db: Kysely<Database>, table: 'favours' | 'followups' | 'outreach', contactId: number): Promise<number> {
  const { n } = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contact_id', '=', contactId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function planWith(db: Kysely<Database>, keepRef: string, otherRef: string): Promise<MergePlan> {
  const keep = await resolveContact(db, keepRef);
  const other = await resolveContact(db, otherRef);
  if (keep.id === other.id) throw new UsageError(`"${keepRef}" and "${otherRef}" are the same person (#${keep.id})`, 'name two different people');
  const [keepRow, otherRow] = [await getStoredContact(db, keep.id), await getStoredContact(db, other.id)];
  if (!keepRow || !otherRow) throw new ConflictError('one of the two was deleted meanwhile');
  const lists = await contactLists(db, [keep.id, other.id]);
  const [keepLists, otherLists] = [lists.get(keep.id) ?? emptyLists(), lists.get(other.id) ?? emptyLists()];
  const gained = (list: 'emails' | 'tags' | 'interests' | 'nicknames') =>
    unitedList(keepLists[list], otherLists[list], list === 'emails').slice(keepLists[list].length);
  const keepPhones = new Set(keepLists.phones.map((p) => phoneKey(p) ?? p));
  const interactions = await db
    .selectFrom('interaction_contacts as o')
    .leftJoin('interaction_contacts as k', (join) => join.onRef('k.interaction_id', '=', 'o.interaction_id').on('k.contact_id', '=', keep.id))
    .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('k.contact_id').as('shared')])
    .where('o.contact_id', '=', other.id)
    .executeTakeFirstOrThrow();
  return {
    keep,
    other,
    fields: mergeFieldChoices(values(keepRow), values(otherRow)).choices,
    moves: {
      interactions: Number(interactions.all),
      shared: Number(interactions.shared),
      favours: await count(db, 'favours', other.id),
      followups: await count(db, 'followups', other.id),
      outreach: await count(db, 'outreach', other.id),
    },
    gains: {
      emails: gained('emails'),
      phones: otherLists.phones.filter((p) => !keepPhones.has(phoneKey(p) ?? p)),
      nicknames: gained('nicknames'),
      tags: gained('tags'),
      interests: gained('interests'),
    },
  };
}

/** What a merge would do, for the preview and the question. */
export async function planMerge(store: Store, keepRef: string, otherRef: string): Promise<MergePlan> {
  return planWith(store.db, keepRef, otherRef);
}

/** Moves OTHER's open outreach onto KEEP; of two open ones, the further goes on and the other's steps join it. */
async function mergeOutreach(db: Kysely<Database>, keepId: number, otherId: number, at: string): Promise<void> {
  const open = (contactId: number) =>
    db.selectFrom('outreach').select(['id', 'stage']).where('contact_id', '=', contactId).where('ended_on', 'is', null).where('deleted_at', 'is', null).executeTakeFirst();
  const [mine, theirs] = [await open(keepId), await open(otherId)];
  if (mine && theirs) {
    const [stays, goes] = furtherOutreach(mine.stage, theirs.stage) === 'keep' ? [mine, theirs] : [theirs, mine];
    await db.updateTable('outreach_events').set({ outreach_id: stays.id }).where('outreach_id', '=', goes.id).where('deleted_at', 'is', null).execute();
    await db.updateTable('outreach').set({ deleted_at: at, updated_at: at }).where('id', '=', goes.id).execute();
  }
  await db.updateTable('outreach').set({ contact_id: keepId, updated_at: at }).where('contact_id', '=', otherId).where('deleted_at', 'is', null).execute();
  await db.updateTable('outreach').set({ via_contact_id: keepId, updated_at: at }).where('via_contact_id', '=', otherId).where('deleted_at', 'is', null).execute();
}

export async function mergeContacts(store: Store, clock: Clock, keepRef: string, otherRef: string): Promise<MergePlan> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'merge', async (w) => {
    const plan = await planWith(w.db, keepRef, otherRef);
    const { keep, other } = plan;
    const keepRow = await getStoredContact(w.db, keep.id);
    const otherRow = await getStoredContact(w.db, other.id);
    if (!keepRow || !otherRow) throw new ConflictError('one of the two was deleted meanwhile');

    // Their interactions: one participant where both were there, KEEP where OTHER was.
    const theirs = await w.db.selectFrom('interaction_contacts').select('interaction_id').where('contact_id', '=', other.id).execute();
    const ours = new Set(
      (await w.db.selectFrom('interaction_contacts').select('interaction_id').where('contact_id', '=', keep.id).execute()).map((r) => r.interaction_id),
    );
    for (const { interaction_id } of theirs) {
      if (ours.has(interaction_id)) {
        await w.db.deleteFrom('interaction_contacts').where('interaction_id', '=', interaction_id).where('contact_id', '=', other.id).execute();
      } else {
        await w.db.updateTable('interaction_contacts').set({ contact_id: keep.id }).where('interaction_id', '=', interaction_id).where('contact_id', '=', other.id).execute();
      }
    }
    for (const table of ['favours', 'followups'] as const) {
      await w.db.updateTable(table).set({ contact_id: keep.id, updated_at: at }).where('contact_id', '=', other.id).where('deleted_at', 'is', null).execute();
    }
    await mergeOutreach(w.db, keep.id, other.id, at);

    const { set } = mergeFieldChoices(values(keepRow), values(otherRow));
    if (Object.keys(set).length > 0) await updateContact(w.db, keep.id, set as Partial<ContactFields>, at);
    await addEmails(w.db, keep.id, plan.gains.emails);
    const otherLists = (await contactLists(w.db, [other.id])).get(other.id) ?? emptyLists();
    await addPhones(
      w.db,
      keep.id,
      plan.gains.phones.map((phone) => ({ phone, label: otherLists.phone_labels[otherLists.phones.indexOf(phone)] ?? null })),
    );
    await addNicknames(w.db, keep.id, plan.gains.nicknames);
    await addTags(w.db, keep.id, plan.gains.tags);
    await addInterests(w.db, keep.id, plan.gains.interests);
    await w.db.updateTable('contacts').set({ merged_into: keep.id, deleted_at: at, updated_at: at }).where('id', '=', other.id).execute();
    w.summary = `merged ${other.name} (#${other.id}) into ${keep.name} (#${keep.id})`;
    return plan;
  });
}
