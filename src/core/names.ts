// Name keys: the form of a name used to find it, without case or accents.

/** "  Niccolò  DE'Rossi " -> "niccolo de'rossi". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
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
