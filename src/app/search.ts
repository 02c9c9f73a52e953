// `net search`: everything written in words, ranked, for what a person typed.
import { UsageError } from '../core/errors.js';
import { resolveContact } from '../db/resolve.js';
import { ftsQuery, searchText, type SearchHit } from '../db/search.js';
import type { Store } from './store.js';

/** The keys of `net search --json` (contract), in order. */
export const SEARCH_KEYS = ['kind', 'id', 'date', 'contacts', 'contact_ids', 'text', 'rank'] as const;

export interface SearchRequest {
  text: string;
  contact?: string;
  since?: string;
  limit?: number;
  /** The excerpt with the matching words marked (a terminal shows it; the JSON and CSV keys leave it out). */
  excerpts?: boolean;
}

export async function search(store: Store, request: SearchRequest): Promise<SearchHit[]> {
  const query = ftsQuery(request.text);
  if (query === null) throw new UsageError(`TEXT: "${request.text}" has no word to look for`, 'e.g. net search "pricing deck"');
  const contactId = request.contact === undefined ? undefined : (await resolveContact(store.db, request.contact)).id;
  return searchText(store.sqlite, query, { contactId, since: request.since, limit: request.limit, excerpts: request.excerpts });
}
