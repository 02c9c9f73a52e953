// Finding the people who may be the same person, and saying that two are not.
import { findDuplicatePairs } from '../core/duplicates.js';
import { UsageError } from '../core/errors.js';
import { newUid } from '../core/ids.js';
import { distinctPairs, duplicateCandidates } from '../db/duplicates.js';
import { resolveContact } from '../db/resolve.js';
import { inCommand, type Clock, type Store } from './store.js';

/** The keys of `net duplicates --json` (contract), in order. */
export const DUPLICATE_KEYS = ['score', 'a_id', 'a_name', 'a_company', 'b_id', 'b_name', 'b_company', 'reasons'] as const;

export interface DuplicateEntry {
  score: number;
  a_id: number;
  a_name: string;
  a_company: string | null;
  b_id: number;
  b_name: string;
  b_company: string | null;
  reasons: string[];
}

export function listDuplicates(store: Store): DuplicateEntry[] {
  const people = duplicateCandidates(store.sqlite);
  const byId = new Map(people.map((p) => [p.id, p]));
  return findDuplicatePairs(people, distinctPairs(store.sqlite)).map((pair) => {
    const a = byId.get(pair.a);
    const b = byId.get(pair.b);
    return {
      score: pair.score,
      a_id: pair.a,
      a_name: a?.name ?? '',
      a_company: a?.company ?? null,
      b_id: pair.b,
      b_name: b?.name ?? '',
      b_company: b?.company ?? null,
      reasons: pair.reasons,
    };
  });
}

/** Records that two people are not the same person: `net duplicates` proposes them no more. */
export async function markDistinct(store: Store, clock: Clock, refA: string, refB: string): Promise<{ a: string; b: string; already: boolean }> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'duplicates --not', async (w) => {
    const a = await resolveContact(w.db, refA);
    const b = await resolveContact(w.db, refB);
    if (a.id === b.id) throw new UsageError(`"${refA}" and "${refB}" are the same person (#${a.id})`);
    const [lo, hi] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
    const known = await w.db
      .selectFrom('distinct_pairs')
      .select('id')
      .where('contact_a', '=', lo)
      .where('contact_b', '=', hi)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!known) {
      await w.db.insertInto('distinct_pairs').values({ uid: newUid(), contact_a: lo, contact_b: hi, created_at: at, updated_at: at }).execute();
      w.summary = `said ${a.name} (#${a.id}) and ${b.name} (#${b.id}) are different people`;
    }
    return { a: `${a.name} (#${a.id})`, b: `${b.name} (#${b.id})`, already: known !== undefined };
  });
}

