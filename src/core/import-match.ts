// Who is who on import: same uid (net's own records), same profile URL or
// email = same person; same normalised name and company = same person;
// otherwise a new one. The index holds the keys of every contact in memory, so
// matching a 30,000-row file is a few map lookups per row.
import { companyKey } from './companies.js';
import { nameKey as fullNameKey } from './names.js';

/** names.ts's nameKey, with a shortcut for plain ASCII names (no accents to remove): same result. */
export function nameKey(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase().replace(/\s+/g, ' ').trim() : fullNameKey(name);
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A profile URL as a key: no scheme, no "www."/country host, no query, no
 * trailing slash, lower case ("https://it.linkedin.com/in/GiuliaRossi/?trk=x"
 * -> "linkedin.com/in/giuliarossi"). Other web addresses keep their host.
 */
const LINKEDIN_URL = /^https?:\/\/(?:[a-z]{2,3}\.)?(?:www\.)?linkedin\.com(\/[^?#]*)?(?:[?#].*)?$/i;

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A malformed escape: keep the path as written.
    return path;
  }
}

export function profileKey(url: string): string | null {
  const text = url.trim();
  if (text === '') return null;
  // The common case, a LinkedIn profile, without the cost of a URL parser (30,000 rows, twice each).
  const linkedin = LINKEDIN_URL.exec(text);
  if (linkedin) return `linkedin.com${decodePath(linkedin[1] ?? '').replace(/\/+$/, '')}`.toLowerCase();
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return text.toLowerCase();
  }
  let host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (/(^|\.)linkedin\.com$/.test(host)) host = 'linkedin.com';
  return `${host}${decodePath(parsed.pathname).replace(/\/+$/, '')}`.toLowerCase();
}

/** A LinkedIn member profile (…/in/…) among web addresses. */
export function isLinkedinProfile(url: string): boolean {
  return /^linkedin\.com\/(in|pub)\//.test(profileKey(url) ?? '');
}


export function personKey(name: string, company: string | null | undefined): string {
  return `${nameKey(name)}\u0000${companyKey(company)}`;
}

export interface IndexedContact {
  id: number;
  uid: string;
  name: string;
  company: string | null;
  linkedin: string | null;
  emails: readonly string[];
}

export interface MatchQuery {
  uid: string | null;
  name: string;
  company: string | null | undefined;
  linkedin: string | null | undefined;
  emails: readonly string[];
}

export type MatchHow = 'uid' | 'profile URL' | 'email' | 'name and company';

/** Where an index reads the contacts already stored, one kind of key at a time. */
export interface ContactSource {
  names(): Iterable<{ id: number; name: string }>;
  uids(): Iterable<{ id: number; uid: string }>;
  /** Contacts with what matching needs: name, company, profile URL, emails. */
  matchable(): Iterable<IndexedContact>;
}

interface MatchMaps {
  byProfile: Map<string, number>;
  byEmail: Map<string, number>;
  byPerson: Map<string, number>;
}

const NO_CONTACTS: ContactSource = { names: () => [], uids: () => [], matchable: () => [] };

/**
 * The keys of the contacts, in memory. Each map is read from the source the
 * first time it is needed (an import of interactions never builds the maps
 * for matching people); contacts added during the import are added to the
 * maps already built, and are in the source for the ones built later.
 */
export class ContactIndex {
  #byUid: Map<string, number> | undefined;
  #byName: Map<string, number | number[]> | undefined;
  #match: MatchMaps | undefined;

  constructor(readonly source: ContactSource = NO_CONTACTS) {}

  /** Adds a contact's keys; a key already taken keeps its first contact (the oldest, when loaded by id). */
  add(contact: IndexedContact): void {
    if (this.#byUid && !this.#byUid.has(contact.uid)) this.#byUid.set(contact.uid, contact.id);
    if (this.#byName) addName(this.#byName, contact.id, nameKey(contact.name));
    if (this.#match) addMatchKeys(this.#match, contact);
  }

  #uids(): Map<string, number> {
    if (!this.#byUid) {
      this.#byUid = new Map();
      for (const c of this.source.uids()) if (!this.#byUid.has(c.uid)) this.#byUid.set(c.uid, c.id);
    }
    return this.#byUid;
  }

  #names(): Map<string, number | number[]> {
    if (!this.#byName) {
      this.#byName = new Map();
      for (const c of this.source.names()) addName(this.#byName, c.id, nameKey(c.name));
    }
    return this.#byName;
  }

  #matchKeys(): MatchMaps {
    if (!this.#match) {
      this.#match = { byProfile: new Map(), byEmail: new Map(), byPerson: new Map() };
      for (const c of this.source.matchable()) addMatchKeys(this.#match, c);
    }
    return this.#match;
  }

  byUid(uid: string): number | undefined {
    return this.#uids().get(uid);
  }

  byProfile(url: string): number | undefined {
    const key = profileKey(url);
    return key === null ? undefined : this.#matchKeys().byProfile.get(key);
  }

  /** Contacts whose name is exactly this one, case and accents aside. */
  byName(name: string): readonly number[] {
    const ids = this.#names().get(nameKey(name));
    return ids === undefined ? [] : typeof ids === 'number' ? [ids] : ids;
  }

  /**
   * The contact a record describes, and by which rule. `skip` leaves out
   * contacts that another record of the same file already took: two records
   * of net's own export with different uids are two people, even when they
   * share an email.
   */
  find(query: MatchQuery, skip?: (id: number) => boolean): { id: number; how: MatchHow } | undefined {
    const usable = (id: number | undefined): id is number => id !== undefined && !(skip?.(id) ?? false);
    if (query.uid !== null) {
      const id = this.byUid(query.uid);
      if (id !== undefined) return { id, how: 'uid' };
    }
    const keys = this.#matchKeys();
    if (query.linkedin) {
      const key = profileKey(query.linkedin);
      const id = key === null ? undefined : keys.byProfile.get(key);
      if (usable(id)) return { id, how: 'profile URL' };
    }
    for (const email of query.emails) {
      const id = keys.byEmail.get(emailKey(email));
      if (usable(id)) return { id, how: 'email' };
    }
    const id = keys.byPerson.get(personKey(query.name, query.company));
    if (usable(id)) return { id, how: 'name and company' };
    return undefined;
  }
}

/** One id per name as a plain number; an array only for the few names that several people share. */
function addName(map: Map<string, number | number[]>, id: number, key: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, id);
  else if (typeof ids === 'number') {
    if (ids !== id) map.set(key, [ids, id]);
  } else if (!ids.includes(id)) ids.push(id);
}

function addMatchKeys(maps: MatchMaps, contact: IndexedContact): void {
  const setOnce = (map: Map<string, number>, k: string | null) => {
    if (k !== null && k !== '' && !map.has(k)) map.set(k, contact.id);
  };
  if (contact.linkedin) setOnce(maps.byProfile, profileKey(contact.linkedin));
  for (const email of contact.emails) setOnce(maps.byEmail, emailKey(email));
  setOnce(maps.byPerson, personKey(contact.name, contact.company));
}
