// Namesakes: two Marco Rossis in one network. Wherever a listing prints a
// name that another active person also has, it adds what tells them apart:
// the company when it does, else the #id.
import { nameKey } from './names.js';

export interface Namesake {
  id: number;
  name: string;
  company: string | null;
}

/** How a listing names a person: `label(id, name)`. */
export type NameLabel = (id: number, name: string) => string;

/**
 * Labels for the people among `namesakes` (active people who share a name
 * with another): "Marco Rossi (Nexi)" when no namesake has the same company,
 * else "Marco Rossi #12". Anyone else keeps their name as it is.
 */
export function nameLabels(namesakes: readonly Namesake[]): NameLabel {
  const byKey = new Map<string, Namesake[]>();
  for (const person of namesakes) {
    const key = nameKey(person.name);
    byKey.set(key, [...(byKey.get(key) ?? []), person]);
  }
  const labels = new Map<number, string>();
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const person of group) {
      const company = person.company?.trim() || null;
      const unique = company !== null && group.filter((p) => nameKey(p.company ?? '') === nameKey(company)).length === 1;
      labels.set(person.id, unique ? `${person.name} (${company})` : `${person.name} #${person.id}`);
    }
  }
  return (id, name) => labels.get(id) ?? name;
}

/** No namesakes: every name as it is. */
export const plainNames: NameLabel = (_id, name) => name;

/** A sentence that names `name` once, with its label there instead ("Reply to Marco Rossi (Nexi): …"). */
export function withLabel(text: string, name: string, label: string): string {
  return label === name ? text : text.replace(name, label);
}
