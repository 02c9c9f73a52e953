// Follow-ups (promises) and favours of contacts: what listings read.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The follow-up keys (contract), in order. */
export const FOLLOWUP_KEYS = ['id', 'contact_id', 'name', 'text', 'due_on', 'done_on', 'dropped_on', 'theirs'] as const;

export interface FollowupEntry {
  id: number;
  contact_id: number;
  name: string;
  text: string;
  due_on: string;
  done_on: string | null;
  dropped_on: string | null;
  /** The other person's promise (`followup add --theirs`), not one made to them. */
  theirs: boolean;
}

/** Follow-ups by due day; only open ones (neither kept nor dropped) unless `all`. Deleted ones and deleted people's never. */
export async function listFollowups(
  db: Kysely<Database>,
  filter: { contactId?: number; all?: boolean; id?: number } = {},
): Promise<FollowupEntry[]> {
  let query = db
    .selectFrom('followups as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.text', 'f.due_on', 'f.done_on', 'f.dropped_on', 'f.theirs'])
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .orderBy('f.due_on')
    .orderBy('f.id');
  if (!filter.all) query = query.where('f.done_on', 'is', null).where('f.dropped_on', 'is', null);
  if (filter.contactId !== undefined) query = query.where('f.contact_id', '=', filter.contactId);
  if (filter.id !== undefined) query = query.where('f.id', '=', filter.id);
  return (await query.execute()).map((row) => ({ ...row, theirs: row.theirs === 1 }));
}

/** The favour keys (contract), in order. */
export const FAVOUR_KEYS = ['id', 'contact_id', 'name', 'direction', 'text', 'occurred_on', 'interaction_id'] as const;

export interface FavourEntry {
  id: number;
  contact_id: number;
  name: string;
  direction: 'given' | 'received';
  text: string;
  occurred_on: string;
  interaction_id: number | null;
}

/** Favours, newest first; of one person, or everyone's. */
export async function listFavours(db: Kysely<Database>, filter: { contactId?: number; id?: number } = {}): Promise<FavourEntry[]> {
  let query = db
    .selectFrom('favours as f')
    .innerJoin('contacts as c', 'c.id', 'f.contact_id')
    .select(['f.id', 'f.contact_id', 'c.name', 'f.direction', 'f.text', 'f.occurred_on', 'f.interaction_id'])
    .where('f.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null)
    .orderBy('f.occurred_on', 'desc')
    .orderBy('f.id', 'desc');
  if (filter.contactId !== undefined) query = query.where('f.contact_id', '=', filter.contactId);
  if (filter.id !== undefined) query = query.where('f.id', '=', filter.id);
  return query.execute();
}
