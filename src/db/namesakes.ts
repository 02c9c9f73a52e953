// The active people who share a name with another (see core/namesakes.ts):
// one pass over the name index, a handful of rows on most networks; or, for
// a listing that names a few people, only their namesakes.
import type { Kysely } from 'kysely';
import { nameLabels, type NameLabel } from '../core/namesakes.js';
import type { Database } from './schema.js';

/**
 * Labels for every namesake, or, with `ids` (at most 500), for the namesakes
 * of those people only: a person's label depends on their namesakes alone,
 * and finding every shared name reads all 20,000 people of a large network
 * (some 40 ms) where `net due` names seven.
 */
export async function namesakeLabels(db: Kysely<Database>, ids?: readonly number[]): Promise<NameLabel> {
  const active = db.selectFrom('contacts').where('deleted_at', 'is', null).where('archived_at', 'is', null);
  let shared = active.select('name_key');
  if (ids !== undefined) shared = shared.where('name_key', 'in', db.selectFrom('contacts').select('name_key').where('id', 'in', ids.length ? ids : [0]));
  const rows = await active
    .select(['id', 'name', 'company'])
    .where('name_key', 'in', shared.groupBy('name_key').having((eb) => eb.fn.countAll(), '>', 1))
    .execute();
  return nameLabels(rows);
}
