// Which people may be the same person, and why: the same email, profile URL
// or phone; the same name at the same company; a near name (a typo, a
// missing middle name, first and last swapped) at the same company or with an
// email at the same domain. People are grouped by key first, so 20,000 people
// cost a few passes, not 200 million comparisons.
import { companyKey } from './companies.js';
import { emailKey, profileKey } from './import-match.js';
import { isLikelyTypo } from './matching.js';
import { nameKey } from './names.js';

export interface DuplicateCandidate {
  id: number;
  name: string;
  company: string | null;
  emails: readonly string[];
  linkedin: string | null;
  phones: readonly string[];
}

export interface DuplicatePair {
  a: number;
  b: number;
  score: number;
  reasons: string[];
}

/** How much each reason weighs: a shared address is near proof, a near name only a hint. */
export const REASON_WEIGHT = {
  email: 5,
  profile: 5,
  phone: 4,
  nameAndCompany: 4,
  name: 2,
  nearName: 2,
  nearNameDomain: 1,
} as const;

/** Mail providers whose domain says nothing about who works where. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.it', 'hotmail.com', 'hotmail.it', 'outlook.com', 'outlook.it', 'live.com', 'live.it',
  'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'libero.it',
  'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it', 'fastwebnet.it', 'email.it', 'orange.fr', 'free.fr', 'wanadoo.fr', 'laposte.net',
  'mail.ru', 'yandex.ru', 'qq.com', '163.com', 'example.com',
]);

/** A phone number as a key: its digits, the last nine of them (so +39 333… and 333… meet); null when too short to mean anything. */
export function phoneKey(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length < 6 ? null : digits.slice(-9);
}

function domainOf(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain = at === -1 ? '' : email.slice(at + 1).trim().toLowerCase();
  return domain === '' || FREE_MAIL.has(domain) ? null : domain;
}

/** The words of a name as compared, and its numbers (a namesake's "2", a generated "Anna Rossi 17"), which are never typos. */
function nameWords(name: string): { words: string[]; digits: string } {
  const words = nameKey(name).split(' ');
  return { words, digits: words.filter((w) => /\d/.test(w)).join(' ') };
}

/** Swapped first and last, or a middle name more or less, or a typo: the same person written another way. */
export function nearNames(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.digits !== y.digits) return false;
  const [xs, ys] = [x.words.join(' '), y.words.join(' ')];
  if (xs === ys) return false;
  if ([...x.words].sort().join(' ') === [...y.words].sort().join(' ')) return true;
  const [shorter, longer] = x.words.length <= y.words.length ? [x.words, y.words] : [y.words, x.words];
  if (shorter.length >= 2 && longer.length > shorter.length && shorter[0] === longer[0] && shorter[shorter.length - 1] === longer[longer.length - 1]) return true;
  return isLikelyTypo(a, b);
}

class PairBook {
  readonly #pairs = new Map<string, DuplicatePair>();
  constructor(readonly distinct: ReadonlySet<string>) {}

  add(a: number, b: number, reason: string, weight: number): void {
    if (a === b) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = `${lo}:${hi}`;
    if (this.distinct.has(key)) return;
    let pair = this.#pairs.get(key);
    if (!pair) this.#pairs.set(key, (pair = { a: lo, b: hi, score: 0, reasons: [] }));
    if (pair.reasons.includes(reason)) return;
    pair.reasons.push(reason);
    pair.score += weight;
  }

  pairs(): DuplicatePair[] {
    return [...this.#pairs.values()];
  }
}

/** Groups ids by a key; each key with several ids is a group to pair. */
function groupBy(people: readonly DuplicateCandidate[], keys: (p: DuplicateCandidate) => Iterable<string | null>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const p of people) {
    for (const key of new Set(keys(p))) {
      if (key === null || key === '') continue;
      const ids = groups.get(key);
      if (ids) ids.push(p.id);
      else groups.set(key, [p.id]);
    }
  }
  return groups;
}

function pairWithin(ids: readonly number[], each: (a: number, b: number) => void): void {
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) each(ids[i], ids[j]);
}

/**
 * Candidate pairs, strongest first (then by the first person's id). `distinct`
 * holds the pairs said not to be the same person, as `smallerId:largerId`.
 */
export function findDuplicatePairs(people: readonly DuplicateCandidate[], distinct: ReadonlySet<string> = new Set()): DuplicatePair[] {
  const book = new PairBook(distinct);
  const byId = new Map(people.map((p) => [p.id, p]));
  const link = (groups: Map<string, number[]>, reason: (key: string) => string, weight: number) => {
    for (const [key, ids] of groups) if (ids.length > 1) pairWithin(ids, (a, b) => book.add(a, b, reason(key), weight));
  };
  link(groupBy(people, (p) => p.emails.map(emailKey)), (key) => `same email ${key}`, REASON_WEIGHT.email);
  link(groupBy(people, (p) => [p.linkedin ? profileKey(p.linkedin) : null]), () => 'same LinkedIn profile', REASON_WEIGHT.profile);
  link(groupBy(people, (p) => p.phones.map(phoneKey)), () => 'same phone', REASON_WEIGHT.phone);

  const names = groupBy(people, (p) => [nameKey(p.name)]);
  for (const ids of names.values()) {
    if (ids.length < 2) continue;
    pairWithin(ids, (a, b) => {
      const ca = companyKey(byId.get(a)?.company);
      const cb = companyKey(byId.get(b)?.company);
      if (ca !== '' && ca === cb) book.add(a, b, 'same name and company', REASON_WEIGHT.nameAndCompany);
      else if (ca === '' && cb === '') book.add(a, b, 'same name', REASON_WEIGHT.name);
    });
  }

  // Near names, compared only within a company or an email domain, and there
  // only among names that begin alike (or hold the same words): a typo rarely
  // touches the first letters.
  const nearWithin = (groups: Map<string, number[]>, reason: (key: string) => string, weight: number) => {
    for (const [key, ids] of groups) {
      if (ids.length < 2) continue;
      const blocks = groupBy(
        ids.map((id) => byId.get(id) as DuplicateCandidate),
        (p) => {
          const { words, digits } = nameWords(p.name);
          // Numbers must match exactly, so they go into the block's key.
          return [`${words[0]?.[0] ?? ''}${words[words.length - 1]?.[0] ?? ''}|${digits}`, [...words].sort().join(' ')];
        },
      );
      for (const block of blocks.values()) {
        if (block.length < 2) continue;
        pairWithin(block, (a, b) => {
          const pa = byId.get(a) as DuplicateCandidate;
          const pb = byId.get(b) as DuplicateCandidate;
          if (nearNames(pa.name, pb.name)) book.add(a, b, reason(key), weight);
        });
      }
    }
  };
  nearWithin(groupBy(people, (p) => [companyKey(p.company)]), () => 'near name, same company', REASON_WEIGHT.nearName);
  nearWithin(groupBy(people, (p) => p.emails.map(domainOf)), (domain) => `near name, email at ${domain}`, REASON_WEIGHT.nearNameDomain);

  return book.pairs().sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
}
