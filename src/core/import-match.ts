// Who is who on import: same uid (net's own records), same profile URL or
// email = same person; same normalised name and company = same person;
// otherwise a new one. The index holds the keys of every contact in memory, so
// matching a 30,000-row file is a few map lookups per row.
import { nameKey } from './names.js';

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A profile URL as a key: no scheme, no "www."/country host, no query, no
 * trailing slash, lower case ("https://it.linkedin.com/in/GiuliaRossi/?trk=x"
 * -> "linkedin.com/in/giuliarossi"). Other web addresses keep their host.
 */
export function profileKey(url: string): string | null {
  const text = url.trim();
  if (text === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return text.toLowerCase();
  }
  let host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  if (/(^|\.)linkedin\.com$/.test(host)) host = 'linkedin.com';
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: keep the path as written.
  }
  return `${host}${path.replace(/\/+$/, '')}`.toLowerCase();
}

/** A LinkedIn member profile (…/in/…) among web addresses. */
export function isLinkedinProfile(url: string): boolean {
  return /^linkedin\.com\/(in|pub)\//.test(profileKey(url) ?? '');
}

/** "Satispay S.p.A." and "satispay spa" are the same company. */
export function companyKey(company: string | null | undefined): string {
  if (!company) return '';
  return nameKey(company).replace(/[.,'"]/g, '').replace(/\s+/g, ' ').trim();
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

export class ContactIndex {
  readonly #byUid = new Map<string, number>();
  readonly #byProfile = new Map<string, number>();
  readonly #byEmail = new Map<string, number>();
  readonly #byPerson = new Map<string, number>();
  readonly #byName = new Map<string, number[]>();
  readonly #uidOf = new Map<number, string>();

  get size(): number {
    return this.#uidOf.size;
  }

  /** Adds a contact's keys; a key already taken keeps its first contact (the oldest, when loaded by id). */
  add(contact: IndexedContact): void {
    const setOnce = (map: Map<string, number>, key: string | null) => {
      if (key !== null && key !== '' && !map.has(key)) map.set(key, contact.id);
    };
    if (!this.#uidOf.has(contact.id)) {
      this.#uidOf.set(contact.id, contact.uid);
      const key = nameKey(contact.name);
      const ids = this.#byName.get(key);
      if (ids) ids.push(contact.id);
      else this.#byName.set(key, [contact.id]);
    }
    setOnce(this.#byUid, contact.uid);
    if (contact.linkedin) setOnce(this.#byProfile, profileKey(contact.linkedin));
    for (const email of contact.emails) setOnce(this.#byEmail, emailKey(email));
    setOnce(this.#byPerson, personKey(contact.name, contact.company));
  }

  byUid(uid: string): number | undefined {
    return this.#byUid.get(uid);
  }

  byProfile(url: string): number | undefined {
    const key = profileKey(url);
    return key === null ? undefined : this.#byProfile.get(key);
  }

  uidOf(id: number): string | undefined {
    return this.#uidOf.get(id);
  }

  /** Contacts whose name is exactly this one, case and accents aside. */
  byName(name: string): readonly number[] {
    return this.#byName.get(nameKey(name)) ?? [];
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
      const id = this.#byUid.get(query.uid);
      if (id !== undefined) return { id, how: 'uid' };
    }
    if (query.linkedin) {
      const key = profileKey(query.linkedin);
      const id = key === null ? undefined : this.#byProfile.get(key);
      if (usable(id)) return { id, how: 'profile URL' };
    }
    for (const email of query.emails) {
      const id = this.#byEmail.get(emailKey(email));
      if (usable(id)) return { id, how: 'email' };
    }
    const id = this.#byPerson.get(personKey(query.name, query.company));
    if (usable(id)) return { id, how: 'name and company' };
    return undefined;
  }
}
