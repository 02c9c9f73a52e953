// Which people `net list` shows: the filters of the listing as one query of ids.
import { sql, type Kysely } from 'kysely';
import { companyMatches } from '../core/companies.js';
import { nameKey } from '../core/names.js';
import type { Database } from './schema.js';

export interface ContactFilter {
  circle?: string;
  tag?: string;
  /** Part of the company name. */
  company?: string;
  /** Part of the name, company, role, notes, place, how you met, a tag or an interest. */
  search?: string;
  /** Archived people instead of the others. */
  archived?: boolean;
}

/** LIKE pattern for "contains", with the wildcard characters escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function findContactIds(db: Kysely<Database>, filter: ContactFilter): Promise<number[]> {
  let query = db.selectFrom('contacts as c').select(['c.id', 'c.company']).where('c.deleted_at', 'is', null);
  query = filter.archived ? query.where('c.archived_at', 'is not', null) : query.where('c.archived_at', 'is', null);
  if (filter.circle) query = query.where('c.circle', '=', filter.circle);
  if (filter.tag !== undefined) {
    const tag = filter.tag.trim();
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('contact_tags as t').select('t.contact_id').whereRef('t.contact_id', '=', 'c.id').where(sql<string>`lower(t.tag)`, '=', tag.toLowerCase())),
    );
  }
  if (filter.company !== undefined) query = query.where('c.company', 'is not', null);
  if (filter.search !== undefined) {
    const pattern = containsPattern(filter.search.trim());
    const keyPattern = containsPattern(nameKey(filter.search));
    const like = (column: string) => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`c.name_key like ${keyPattern} escape '\\'`,
        like('c.company'),
        like('c.role'),
        like('c.notes'),
        like('c.location'),
        like('c.how_met'),
        eb.exists(eb.selectFrom('contact_tags as t').select('t.contact_id').whereRef('t.contact_id', '=', 'c.id').where(sql<boolean>`t.tag like ${pattern} escape '\\'`)),
        eb.exists(eb.selectFrom('contact_interests as x').select('x.contact_id').whereRef('x.contact_id', '=', 'c.id').where(sql<boolean>`x.interest like ${pattern} escape '\\'`)),
      ]),
    );
  }
  const rows = await query.execute();
  const company = filter.company;
  // Companies compare without their legal form (core/companies.ts), which SQL cannot do.
  return (company === undefined ? rows : rows.filter((r) => companyMatches(r.company, company))).map((r) => r.id);
}
