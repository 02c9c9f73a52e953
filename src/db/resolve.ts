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
}

export async function resolveContact(db: Kysely<Database>, ref: string): Promise<ResolvedContact> {
  const text = ref.trim();
  const idMatch = /^#?(\d+)$/.exec(text);
  if (idMatch) {
    const byId = await db.selectFrom('contacts').select(['id', 'name']).where('id', '=', Number(idMatch[1])).executeTakeFirst();
    if (byId) return byId;
    if (text.startsWith('#')) throw new NotFoundError(`no contact with id ${text}`, 'see the ids with `net list`');
  }
  // The common case, an exact name, is one index lookup.
  const exact = await db.selectFrom('contacts').select(['id', 'name', 'name_key']).where('name_key', '=', nameKey(text)).execute();
  if (exact.length === 1) return { id: exact[0].id, name: exact[0].name };

  const candidates: NameCandidate[] =
    exact.length > 1 ? exact : await db.selectFrom('contacts').select(['id', 'name', 'name_key']).execute();
  const result = matchName(text, candidates);
  if (result.kind === 'one') return { id: result.candidate.id, name: result.candidate.name };
  if (result.kind === 'many') {
    const list = result.candidates.slice(0, 10).map((c) => `#${c.id} ${c.name}`).join(', ');
    const more = result.candidates.length > 10 ? ` and ${result.candidates.length - 10} more` : '';
    throw new AmbiguousError(`"${ref}" matches several people: ${list}${more}`, 'use the id (e.g. `#12`) or more of the name');
  }
  const hint = result.suggestions.length
    ? `did you mean ${result.suggestions.map((c) => `"${c.name}" (#${c.id})`).join(', ')}?`
    : 'see who is there with `net list`, or add them with `net add`';
  throw new NotFoundError(`no contact matches "${ref}"`, hint);
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
