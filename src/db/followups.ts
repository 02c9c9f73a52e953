// Follow-ups (promises) and favours of contacts.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The follow-up keys (contract), in order. */
export const FOLLOWUP_KEYS = ['id', 'contact_id', 'name', 'text', 'due_on', 'done_on'] as const;

export interface FollowupEntry {
  id: number;
  contact_id: number;
  name: string;
  text: string;
  due_on: string;
  done_on: string | null;
}

/** Follow-ups by due day; only open ones unless `all`. */
export async function listFollowups(
  db: Kysely<Database>,
  filter: { contactId?: number; all?: boolean } = {},
): Promise<FollowupEntry[]> {
  let query = db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.text', 'f.due_on', 'f.done_on'])
    .orderBy('f.due_on')
    .orderBy('f.id');
  if (!filter.all) query = query.where('f.done_on', 'is', null);
  if (filter.contactId !== undefined) query = query.where('f.contact_id', '=', filter.contactId);
  return query.execute();
}

export interface FavourEntry {
  id: number;
  contact_id: number;
  direction: 'given' | 'received';
  text: string;
  occurred_on: string;
  interaction_id: number | null;
}

export async function listFavours(db: Kysely<Database>, contactId: number): Promise<FavourEntry[]> {
  return db
    .selectFrom('favours')
    .select(['id', 'contact_id', 'direction', 'text', 'occurred_on', 'interaction_id'])
    .where('contact_id', '=', contactId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
