// The active people who share a name with another (see core/namesakes.ts):
// one pass over the name index, a handful of rows on most networks.
import type { Kysely } from 'kysely';
import { nameLabels, type NameLabel } from '../core/namesakes.js';
import type { Database } from './schema.js';

export async function namesakeLabels(db: Kysely<Database>): Promise<NameLabel> {
  const active = db.selectFrom('contacts').where('deleted_at', 'is', null).where('archived_at', 'is', null);
  const rows = await active
    .select(['id', 'name', 'company'])
    .where('name_key', 'in', active.select('name_key').groupBy('name_key').having((eb) => eb.fn.countAll(), '>', 1))
    .execute();
  return nameLabels(rows);
}
