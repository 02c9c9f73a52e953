// Queries about contacts: insert, update, lists (emails, tags, interests),
// and the last contact of each person.
import { sql, type Kysely } from 'kysely';
import { newUid } from '../core/ids.js';
import { emptyLists, toContactRecord, type ContactRecord, type StoredContact, type StoredLists } from '../core/contact.js';
import { companyKey } from '../core/companies.js';
import { nameKey } from '../core/names.js';
import type { ContactValues } from '../core/import-types.js';
import type { Settings } from '../core/settings.js';
import type { Database } from './schema.js';

/** Every single-valued column of a contact: the name and the fields an import can set. */
export type ContactFields = ContactValues & { name: string; /** The first phone: written to the phones (contact_phones), which the phone column copies. */ phone?: string | null };

export interface ContactLists {
  emails: string[];
  tags: string[];
  interests: string[];
  /** Every phone, first the main one, with its label; the `phone` field, when given, goes first. */
  phones?: Array<{ phone: string; label: string | null }>;
  nicknames?: string[];
}

const STORED_COLUMNS = [
  'id',
  'uid',
  'name',
  'company',
  'role',
  'phone',
  'linkedin',
  'location',
  'how_met',
  'met_on',
  'circle',
  'cadence_days',
  'channel',
  'notes',
  'birthday',
  'archived_at',
  'snoozed_until',
  'created_at',
  'updated_at',
  'name_prefix',
  'name_suffix',
] as const;

export async function insertContact(
  db: Kysely<Database>,
  fields: Partial<ContactFields> & { name: string },
  lists: Partial<ContactLists>,
  at: string,
  uid: string = newUid(),
): Promise<number> {
  const row = await db
    .insertInto('contacts')
    .values({
      uid,
      name: fields.name,
      name_key: nameKey(fields.name),
      company: fields.company ?? null,
      role: fields.role ?? null,
      linkedin: fields.linkedin ?? null,
      location: fields.location ?? null,
      how_met: fields.how_met ?? null,
      met_on: fields.met_on ?? null,
      circle: fields.circle ?? 'network',
      cadence_days: fields.cadence_days ?? null,
      rhythm_from: fields.rhythm_from ?? null,
      channel: fields.channel ?? null,
      notes: fields.notes ?? null,
      birthday: fields.birthday ?? null,
      snoozed_until: fields.snoozed_until ?? null,
      archived_at: fields.archived_at ?? null,
      name_prefix: fields.name_prefix ?? null,
      name_suffix: fields.name_suffix ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await addEmails(db, row.id, lists.emails ?? []);
  const phones = [...(fields.phone ? [{ phone: fields.phone, label: null }] : []), ...(lists.phones ?? [])];
  await addPhones(db, row.id, phones);
  await addTags(db, row.id, lists.tags ?? []);
  await addInterests(db, row.id, lists.interests ?? []);
  await addNicknames(db, row.id, lists.nicknames ?? []);
  return row.id;
}

export async function updateContact(
  db: Kysely<Database>,
  id: number,
  fields: Partial<ContactFields>,
  at: string,
): Promise<void> {
  // The phone is the first of the phones (contact_phones, the record); the column is a copy the triggers keep.
  const { phone, ...columns } = fields;
  const values = { ...columns, updated_at: at, ...(fields.name === undefined ? {} : { name_key: nameKey(fields.name) }) };
  await db.updateTable('contacts').set(values).where('id', '=', id).execute();
  if (phone !== undefined) await setMainPhone(db, id, phone);
}

/** Adds phones after the ones a contact has (a number already there keeps its place and label). */
export async function addPhones(db: Kysely<Database>, contactId: number, phones: ReadonlyArray<{ phone: string; label: string | null }>): Promise<void> {
  if (phones.length === 0) return;
  const existing = await db.selectFrom('contact_phones').select(({ fn }) => fn.max('position').as('last')).where('contact_id', '=', contactId).executeTakeFirst();
  let position = (existing?.last ?? -1) + 1;
  for (const { phone, label } of phones) {
    await db.insertInto('contact_phones').values({ contact_id: contactId, phone, label, position: position++ }).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** Makes `phone` the first phone (added when new); null removes every phone. */
export async function setMainPhone(db: Kysely<Database>, contactId: number, phone: string | null): Promise<void> {
  if (phone === null) {
    await db.deleteFrom('contact_phones').where('contact_id', '=', contactId).execute();
    return;
  }
  const first = await db.selectFrom('contact_phones').select(({ fn }) => fn.min('position').as('first')).where('contact_id', '=', contactId).executeTakeFirst();
  const position = (first?.first ?? 1) - 1;
  const known = await db.selectFrom('contact_phones').select('phone').where('contact_id', '=', contactId).where('phone', '=', phone).executeTakeFirst();
  if (known) await db.updateTable('contact_phones').set({ position }).where('contact_id', '=', contactId).where('phone', '=', phone).execute();
  else await db.insertInto('contact_phones').values({ contact_id: contactId, phone, label: null, position }).execute();
}

export async function addNicknames(db: Kysely<Database>, contactId: number, nicknames: readonly string[]): Promise<void> {
  for (const nickname of nicknames) {
    await db.insertInto('contact_nicknames').values({ contact_id: contactId, nickname }).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function removeNicknames(db: Kysely<Database>, contactId: number, nicknames: readonly string[]): Promise<void> {
  if (nicknames.length === 0) return;
  await db.deleteFrom('contact_nicknames').where('contact_id', '=', contactId).where('nickname', 'in', nicknames).execute();
}

/** Marks a contact as changed (its lists changed, not its own columns). */
export async function touchContact(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db.updateTable('contacts').set({ updated_at: at }).where('id', '=', id).execute();
}

export async function addEmails(db: Kysely<Database>, contactId: number, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  const existing = await db
    .selectFrom('contact_emails')
    .select(({ fn }) => fn.max('position').as('last'))
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  let position = (existing?.last ?? -1) + 1;
  for (const email of emails) {
    await db
      .insertInto('contact_emails')
      .values({ contact_id: contactId, email, position: position++ })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function removeEmails(db: Kysely<Database>, contactId: number, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  await db
    .deleteFrom('contact_emails')
    .where('contact_id', '=', contactId)
    .where(sql<string>`lower(email)`, 'in', emails.map((e) => e.toLowerCase()))
    .execute();
}

export async function addTags(db: Kysely<Database>, contactId: number, tags: readonly string[]): Promise<void> {
  for (const tag of tags) {
    await db.insertInto('contact_tags').values({ contact_id: contactId, tag }).onConflict((oc) => oc.doNothing()).execute();
  }
}

export async function removeTags(db: Kysely<Database>, contactId: number, tags: readonly string[]): Promise<number> {
  if (tags.length === 0) return 0;
  const result = await db.deleteFrom('contact_tags').where('contact_id', '=', contactId).where('tag', 'in', tags).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function addInterests(db: Kysely<Database>, contactId: number, interests: readonly string[]): Promise<void> {
  for (const interest of interests) {
    await db
      .insertInto('contact_interests')
      .values({ contact_id: contactId, interest })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function removeInterests(db: Kysely<Database>, contactId: number, interests: readonly string[]): Promise<number> {
  if (interests.length === 0) return 0;
  const result = await db
    .deleteFrom('contact_interests')
    .where('contact_id', '=', contactId)
    .where('interest', 'in', interests)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function getStoredContact(db: Kysely<Database>, id: number): Promise<StoredContact | undefined> {
  return db.selectFrom('contacts').select(STORED_COLUMNS).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Emails, phones (with labels), tags, interests and nicknames of the given contacts (all contacts when ids is undefined). */
export async function contactLists(db: Kysely<Database>, ids?: readonly number[]): Promise<Map<number, StoredLists>> {
  const lists = new Map<number, StoredLists>();
  const entry = (id: number): StoredLists => {
    let e = lists.get(id);
    if (!e) lists.set(id, (e = emptyLists()));
    return e;
  };
  if (ids && ids.length === 0) return lists;
  let emails = db.selectFrom('contact_emails').select(['contact_id', 'email', 'label']).orderBy('contact_id').orderBy('position');
  let phones = db.selectFrom('contact_phones').select(['contact_id', 'phone', 'label']).orderBy('contact_id').orderBy('position').orderBy('phone');
  let tags = db.selectFrom('contact_tags').select(['contact_id', 'tag']).orderBy('contact_id').orderBy('tag');
  let interests = db.selectFrom('contact_interests').select(['contact_id', 'interest']).orderBy('contact_id').orderBy('interest');
  let nicknames = db.selectFrom('contact_nicknames').select(['contact_id', 'nickname']).orderBy('contact_id').orderBy('nickname');
  if (ids && ids.length <= 500) {
    emails = emails.where('contact_id', 'in', ids);
    phones = phones.where('contact_id', 'in', ids);
    tags = tags.where('contact_id', 'in', ids);
    interests = interests.where('contact_id', 'in', ids);
    nicknames = nicknames.where('contact_id', 'in', ids);
  }
  const wanted = ids ? new Set(ids) : undefined;
  const keep = (id: number) => !wanted || wanted.has(id);
  for (const r of await emails.execute()) {
    if (!keep(r.contact_id)) continue;
    entry(r.contact_id).emails.push(r.email);
    entry(r.contact_id).email_labels.push(r.label);
  }
  for (const r of await phones.execute()) {
    if (!keep(r.contact_id)) continue;
    entry(r.contact_id).phones.push(r.phone);
    entry(r.contact_id).phone_labels.push(r.label);
  }
  for (const r of await tags.execute()) if (keep(r.contact_id)) entry(r.contact_id).tags.push(r.tag);
  for (const r of await interests.execute()) if (keep(r.contact_id)) entry(r.contact_id).interests.push(r.interest);
  for (const r of await nicknames.execute()) if (keep(r.contact_id)) entry(r.contact_id).nicknames.push(r.nickname);
  return lists;
}

export async function loadContactRecords(
  db: Kysely<Database>,
  settings: Settings,
  ids: readonly number[],
): Promise<ContactRecord[]> {
  if (ids.length === 0) return [];
  // The latest interaction's day comes from the summary the triggers keep (contact_activity).
  const query = db
    .selectFrom('contacts as c')
    .leftJoin('contact_activity as a', 'a.contact_id', 'c.id')
    .select(STORED_COLUMNS.map((c) => `c.${c}` as const))
    .select('a.last_on as last_contact');
  const lists = await contactLists(db, ids);
  // Long id lists would pass SQLite's limit of bound parameters: read all, keep the wanted.
  const wanted = ids.length <= 500 ? null : new Set(ids);
  const byId = new Map<number, ContactRecord>();
  // Row by row: each row is garbage once it is a record, instead of all rows held with all records.
  for await (const row of (wanted ? query : query.where('c.id', 'in', ids)).stream(500)) {
    if (wanted && !wanted.has(row.id)) continue;
    const l = lists.get(row.id) ?? emptyLists();
    byId.set(row.id, toContactRecord(row, { ...l, last_contact: row.last_contact }, settings));
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function loadContactRecord(db: Kysely<Database>, settings: Settings, id: number): Promise<ContactRecord | undefined> {
  return (await loadContactRecords(db, settings, [id]))[0];
}

/**
 * Contacts that may be this person: the same name at a company that may be
 * the same (either unknown, or equal as companies compare), or one of the
 * emails. A namesake at another company is another person.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  name: string | null,
  emails: readonly string[],
  exceptId?: number,
  company?: string | null,
): Promise<Array<{ id: number; name: string; company: string | null; reason: string }>> {
  const found = new Map<number, { id: number; name: string; company: string | null; reason: string }>();
  const byName =
    name === null
      ? []
      : await db.selectFrom('contacts').select(['id', 'name', 'company']).where('name_key', '=', nameKey(name)).where('deleted_at', 'is', null).execute();
  const wanted = companyKey(company);
  for (const r of byName) {
    const theirs = companyKey(r.company);
    if (wanted !== '' && theirs !== '' && theirs !== wanted) continue;
    found.set(r.id, { ...r, reason: wanted !== '' && theirs === wanted ? 'same name and company' : 'same name' });
  }
  if (emails.length > 0) {
    const byEmail = await db
      .selectFrom('contact_emails as e')
      .innerJoin('contacts as c', 'c.id', 'e.contact_id')
      .select(['c.id', 'c.name', 'c.company', 'e.email'])
      .where(sql<string>`lower(e.email)`, 'in', emails.map((e) => e.toLowerCase()))
      .where('c.deleted_at', 'is', null)
      .execute();
    for (const r of byEmail) if (!found.has(r.id)) found.set(r.id, { id: r.id, name: r.name, company: r.company, reason: `same email ${r.email}` });
  }
  if (exceptId !== undefined) found.delete(exceptId);
  return [...found.values()];
}
