// Name keys: the form of a name used to find it, without case or accents.
// The keys are stored (contacts.name_key): a change to them comes with a
// migration that writes them again (migrations/011-trust.ts).

/**
 * Letters that Unicode does not decompose into a base letter and an accent,
 * spelled as people type them on a keyboard without them: Søren is "soren",
 * Straße "strasse", Đorđe "dorde", Þór "thor", Łukasz "lukasz".
 */
const FOLDED: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' };
const UNFOLDED = /[øæœßđðþłı]/g;

/** "  Niccolò  DE'Rossi " -> "niccolo de'rossi"; "Søren Straße" -> "soren strasse". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNFOLDED, (c) => FOLDED[c])
    .replace(/\s+/g, ' ')
    .trim();
}

export function firstName(name: string): string {
  const trimmed = name.trim();
  const space = trimmed.search(/\s/);
  return space === -1 ? trimmed : trimmed.slice(0, space);
}

/** One collator for sorting names: the order of String#localeCompare without arguments, made once (lists of thousands are sorted). */
let collator: Intl.Collator | undefined;

/** Names in the order localeCompare gives them. */
export function compareNames(a: string, b: string): number {
  return (collator ??= new Intl.Collator()).compare(a, b);
}

/**
 * Sorts `items` by `first`, then by name in the order of compareNames, then
 * by `tie` (else as they came: the sort is stable). The collator is slow
 * (250,000 comparisons, some 25 ms, for 20,000 names): sorted first by the
 * names' code units, the list is almost in order, and the collator's sort
 * (a merge of runs) then needs about one comparison per item. The order is
 * the collator's either way.
 */
export function sortWithNames<T>(items: T[], first: (a: T, b: T) => number, name: (item: T) => string, tie: (a: T, b: T) => number = () => 0): T[] {
  items.sort((a, b) => {
    const x = name(a);
    const y = name(b);
    return first(a, b) || (x < y ? -1 : x > y ? 1 : tie(a, b));
  });
  return items.sort((a, b) => first(a, b) || compareNames(name(a), name(b)) || tie(a, b));
}

/** sortWithNames for records with an id, which breaks the ties of namesakes. */
export function sortByName<T extends { id: number; name: string }>(items: T[], first: (a: T, b: T) => number = () => 0): T[] {
  return sortWithNames(items, first, (item) => item.name, (a, b) => a.id - b.id);
}
