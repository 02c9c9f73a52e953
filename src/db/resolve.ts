// Turning what a person typed into one contact: id, #id, exact name, unique
// prefix, or near match (case and accents ignored).
import type { Kysely } from 'kysely';
import { AmbiguousError, NotFoundError } from '../core/errors.js';
import { matchName, type NameCandidate } from '../core/matching.js';
import { nameKey } from '../core/names.js';
import type { Database } from './schema.js';

export interface ResolvedContact {
  id: number;
  name: string;
  /** How the reference found them, when it was typed as a name. */
  how?: 'exact' | 'first name' | 'prefix' | 'near';
}

/**
 * The living contact with this id: the contact itself, or, for one merged
 * into another, the one it was merged into; undefined when deleted.
 */
export async function liveContact(db: Kysely<Database>, id: number): Promise<ResolvedContact | undefined> {
  let current: number | null = id;
  // A chain of merges is short; the bound only guards against a cycle in a file edited by hand.
  for (let hops = 0; current !== null && hops < 20; hops += 1) {
    const row = await db.selectFrom('contacts').select(['id', 'name', 'deleted_at', 'merged_into']).where('id', '=', current).executeTakeFirst();
    if (!row) return undefined;
    if (row.deleted_at === null) return { id: row.id, name: row.name };
    current = row.merged_into;
  }
  return undefined;
}

/** "#12 Marco Rossi (CTO at Nexi; last contact 2026-03-01)": enough to tell namesakes apart. */
async function describeCandidates(db: Kysely<Database>, ids: readonly number[]): Promise<string[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('contact_activity as a', 'a.contact_id', 'c.id')
    .select(['c.id', 'c.name', 'c.company', 'c.role', 'a.last_on'])
    .where('c.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) return `#${id}`;
    const work = r.role && r.company ? `${r.role} at ${r.company}` : (r.company ?? r.role);
    const last = r.last_on ? `last contact ${r.last_on}` : 'never in touch';
    return `#${r.id} ${r.name} (${work ? `${work}; ` : ''}${last})`;
  });
}

/**
 * "Marco Rossi #12": a name with its id, as completion inserts it for
 * namesakes; the id decides, the name must be that person's.
 */
async function byNameAndId(db: Kysely<Database>, name: string, id: number): Promise<ResolvedContact> {
  const person = await liveContact(db, id);
  if (!person) throw new NotFoundError(`no contact with id #${id}`, 'see the ids with `net list`');
  const key = nameKey(name);
  if (nameKey(person.name) !== key && !nameKey(person.name).startsWith(key)) {
    throw new NotFoundError(`#${id} is ${person.name}, not ${name}`, 'use the id alone, or the name alone');
  }
  return person;
}

export async function resolveContact(db: Kysely<Database>, ref: string): Promise<ResolvedContact> {
  const text = ref.trim();
  const idMatch = /^#?(\d+)$/.exec(text);
  if (idMatch) {
    const byId = await liveContact(db, Number(idMatch[1]));
    if (byId) return byId;
    if (text.startsWith('#')) throw new NotFoundError(`no contact with id ${text}`, 'see the ids with `net list`');
  }
  // The common case, an exact name, is one index lookup.
  const exact = await db
    .selectFrom('contacts')
    .select(['id', 'name', 'name_key'])
    .where('name_key', '=', nameKey(text))
    .where('deleted_at', 'is', null)
    .execute();
  if (exact.length === 1) return { id: exact[0].id, name: exact[0].name };
  const withId = /^(.*\S)\s+#(\d+)$/su.exec(text);
  if (withId) return byNameAndId(db, withId[1], Number(withId[2]));

  const candidates: NameCandidate[] =
    exact.length > 1 ? exact : [...(await db.selectFrom('contacts').select(['id', 'name', 'name_key']).where('deleted_at', 'is', null).execute()), ...(await nicknameCandidates(db))];
  const found = matchName(text, candidates);
  // A person found by their name and by a nickname at once is one person.
  const result = found.kind === 'many' && new Set(found.candidates.map((c) => c.id)).size === 1 ? { kind: 'one' as const, candidate: found.candidates[0], how: 'prefix' as const } : found;
  if (result.kind === 'one') return { id: result.candidate.id, name: result.candidate.name, how: result.how };
  if (result.kind === 'many') {
    // A person found by a name and by a nickname is listed once.
    const unique = [...new Map(result.candidates.map((c) => [c.id, c])).values()];
    const shown = unique.slice(0, 10);
    const lines = await describeCandidates(db, shown.map((c) => c.id));
    const more = unique.length > 10 ? `\n  … and ${unique.length - 10} more` : '';
    throw new AmbiguousError(
      `"${ref}" matches several people:\n${lines.map((l) => `  ${l}`).join('\n')}${more}`,
      `use the id (e.g. \`#${shown[0].id}\`) or more of the name`,
      unique.map((c) => ({ id: c.id, name: c.name })),
    );
  }
  const hint = result.suggestions.length
    ? `did you mean ${result.suggestions.map((c) => `"${c.name}" (#${c.id})`).join(', ')}?`
    : 'see who is there with `net list`, or add them with `net add`';
  throw new NotFoundError(`no contact matches "${ref}"`, hint);
}

/** Each nickname as a way to a person: their name, found by the nickname's key. */
async function nicknameCandidates(db: Kysely<Database>): Promise<NameCandidate[]> {
  const rows = await db
    .selectFrom('contact_nicknames as n')
    .innerJoin('contacts as c', 'c.id', 'n.contact_id')
    .select(['c.id', 'c.name', 'n.nickname'])
    .where('c.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, name_key: nameKey(r.nickname) }));
}

/** Several references; each person once, in the order given. */
export async function resolveContacts(db: Kysely<Database>, refs: readonly string[]): Promise<ResolvedContact[]> {
  const found = new Map<number, ResolvedContact>();
  for (const ref of refs) {
    const contact = await resolveContact(db, ref);
    found.set(contact.id, contact);
  }
  return [...found.values()];
}
