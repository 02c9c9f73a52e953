// What `net duplicates` compares: every living person's name, company,
// emails, profile URL and phone, and the pairs said to be different people.
import type BetterSqlite3 from 'better-sqlite3';
import type { DuplicateCandidate } from '../core/duplicates.js';

export function duplicateCandidates(sqlite: BetterSqlite3.Database): DuplicateCandidate[] {
  const emails = new Map<number, string[]>();
  const rows = sqlite
    .prepare('select e.contact_id, e.email from contact_emails e join contacts c on c.id = e.contact_id where c.deleted_at is null order by e.contact_id, e.position')
    .raw()
    .iterate() as Iterable<[number, string]>;
  for (const [id, email] of rows) {
    const list = emails.get(id);
    if (list) list.push(email);
    else emails.set(id, [email]);
  }
  const phones = new Map<number, string[]>();
  for (const [id, phone] of sqlite.prepare('select contact_id, phone from contact_phones').raw().iterate() as Iterable<[number, string]>) {
    const list = phones.get(id);
    if (list) list.push(phone);
    else phones.set(id, [phone]);
  }
  const people = sqlite
    .prepare('select id, name, company, linkedin from contacts where deleted_at is null order by id')
    .raw()
    .all() as Array<[number, string, string | null, string | null]>;
  return people.map(([id, name, company, linkedin]) => ({
    id,
    name,
    company,
    linkedin,
    emails: emails.get(id) ?? [],
    phones: phones.get(id) ?? [],
  }));
}

/** The pairs said not to be the same person, as `smallerId:largerId`. */
export function distinctPairs(sqlite: BetterSqlite3.Database): Set<string> {
  const rows = sqlite.prepare('select contact_a, contact_b from distinct_pairs where deleted_at is null').raw().all() as Array<[number, number]>;
  return new Set(rows.map(([a, b]) => `${Math.min(a, b)}:${Math.max(a, b)}`));
}
