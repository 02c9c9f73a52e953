// Finding a contact from what a person typed: exact name, unique prefix (of
// the name or of any word in it), or a near match, ignoring case and accents.
import { distance } from 'fastest-levenshtein';
import { nameKey } from './names.js';

export interface NameCandidate {
  id: number;
  name: string;
  name_key: string;
}

export type MatchResult =
  | { kind: 'one'; candidate: NameCandidate; how: 'exact' | 'first name' | 'prefix' | 'near' }
  | { kind: 'many'; candidates: NameCandidate[] }
  | { kind: 'none'; suggestions: NameCandidate[] };

/** How many typing mistakes a query of this length may carry. */
function tolerance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 9) return 2;
  return 3;
}

/** The smallest edit distance between the query and the name or any run of its words. */
export function nameDistance(queryKey: string, candidateKey: string): number {
  let best = distance(queryKey, candidateKey);
  const words = candidateKey.split(' ');
  const queryWords = queryKey.split(' ').length;
  for (let start = 0; start + queryWords <= words.length; start++) {
    const window = words.slice(start, start + queryWords).join(' ');
    best = Math.min(best, distance(queryKey, window));
    // A mistyped beginning of a name ("nicol" for "Niccolò") is near its prefix.
    for (const length of [queryKey.length, queryKey.length + 1]) {
      if (length < window.length) best = Math.min(best, distance(queryKey, window.slice(0, length)));
    }
  }
  return best;
}

function byName(a: NameCandidate, b: NameCandidate): number {
  return a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : a.id - b.id;
}

export function matchName(query: string, candidates: readonly NameCandidate[]): MatchResult {
  const key = nameKey(query);
  if (key === '') return { kind: 'none', suggestions: [] };

  const exact = candidates.filter((c) => c.name_key === key);
  if (exact.length === 1) return { kind: 'one', candidate: exact[0], how: 'exact' };
  if (exact.length > 1) return { kind: 'many', candidates: [...exact].sort(byName) };

  const prefix = candidates.filter(
    (c) => c.name_key.startsWith(key) || c.name_key.includes(` ${key}`),
  );
  if (prefix.length === 1) return { kind: 'one', candidate: prefix[0], how: 'prefix' };
  // A first name that exactly one person has is that person: "luca" is Luca
  // Moretti, not also Simone De Luca or Lucas Weber.
  const firstNamed = prefix.filter((c) => c.name_key === key || c.name_key.startsWith(`${key} `));
  if (firstNamed.length === 1) return { kind: 'one', candidate: firstNamed[0], how: 'first name' };
  if (prefix.length > 1) return { kind: 'many', candidates: [...prefix].sort(byName) };

  const scored = candidates
    .map((c) => ({ c, d: nameDistance(key, c.name_key) }))
    .sort((a, b) => a.d - b.d || byName(a.c, b.c));
  const allowed = tolerance(key.length);
  const near = scored.filter((s) => s.d <= allowed);
  if (near.length > 0) {
    const best = near.filter((s) => s.d === near[0].d);
    if (best.length === 1) return { kind: 'one', candidate: best[0].c, how: 'near' };
    return { kind: 'many', candidates: best.map((s) => s.c) };
  }
  const suggestions = scored.filter((s) => s.d <= Math.max(3, Math.ceil(key.length / 2))).slice(0, 3);
  return { kind: 'none', suggestions: suggestions.map((s) => s.c) };
}

/**
 * Whether a near match is a typo of that name rather than another name: the
 * same words, each with the same first letter, a letter or two apart in all.
 * "Giulia Rosi" is Giulia Rossi; "Pia Target" is not Olga Target.
 */
export function isLikelyTypo(typed: string, found: string): boolean {
  const a = nameKey(typed).split(' ');
  const b = nameKey(found).split(' ');
  if (a.length !== b.length || a.some((word, k) => word[0] !== b[k][0])) return false;
  return distance(a.join(' '), b.join(' ')) <= 2;
}
