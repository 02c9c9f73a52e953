// Whose favour or promise it is, in a touch with several people. A favour
// belongs to one person, and so does a promise: in a group log each names its
// person before a colon ("Jürgen: intro to Siemens"), by name, a unique part
// of it, or #id, among the people of the touch. With one person it is theirs.
import { matchName } from './matching.js';
import { nameKey } from './names.js';

export interface Participant {
  id: number;
  name: string;
}

/** A favour or promise as typed: the text, and who it names (null: nobody). */
export interface OwnedText {
  owner: string | null;
  text: string;
}

/**
 * "Jürgen: intro to Siemens" → Jürgen and "intro to Siemens"; "#12: …" names
 * an id. A text with no colon names nobody, nor one that opens with a number
 * ("14:30 call").
 */
export function splitOwner(typed: string): OwnedText {
  const m = /^(#\d+|[^\d\s:#][^:]{0,79}?)\s*:\s*(\S.*)$/su.exec(typed.trim());
  return m ? { owner: m[1].trim(), text: m[2].trim() } : { owner: null, text: typed.trim() };
}

/** The participant `owner` names: #id or id, exact name, a unique part of a name or a near match, among them only. */
export function participantNamed(owner: string, people: readonly Participant[]): Participant | undefined {
  const id = /^#?(\d+)$/.exec(owner.trim());
  if (id) return people.find((p) => p.id === Number(id[1]));
  const result = matchName(owner, people.map((p) => ({ id: p.id, name: p.name, name_key: nameKey(p.name) })));
  return result.kind === 'one' ? people.find((p) => p.id === result.candidate.id) : undefined;
}

export type Assigned = { person: Participant; text: string } | { person: null; text: string };

/**
 * Who a typed favour or promise belongs to. A text that opens with a
 * participant's name and a colon is theirs (the name taken off); otherwise,
 * with one person, it is theirs as typed; with several, nobody's yet (the
 * caller asks, or refuses).
 */
export function assignOwner(typed: string, people: readonly Participant[]): Assigned {
  const { owner, text } = splitOwner(typed);
  const named = owner === null ? undefined : participantNamed(owner, people);
  if (named) return { person: named, text };
  if (people.length === 1) return { person: people[0], text: typed.trim() };
  return { person: null, text: typed.trim() };
}

/** The first name of each participant, or the full name where two share it: what to type before the colon. */
export function ownerHint(people: readonly Participant[]): string {
  const first = (p: Participant) => p.name.trim().split(/\s+/)[0];
  const shared = (p: Participant) => people.filter((q) => nameKey(first(q)) === nameKey(first(p))).length > 1;
  return people.map((p) => (shared(p) ? `#${p.id}` : first(p))).join(', ');
}
