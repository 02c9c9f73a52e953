// Circles against their natural sizes (about 5, 15, 50, 150 people): how many
// are on rhythm, how many are due, and advice when a circle holds more people
// than a person can keep close.
import { isSnoozed } from '../scheduler/kinds.js';
import { effectiveCadence, type Settings } from '../settings.js';
import { CIRCLES, NATURAL_SIZE, circleRank, type Circle } from '../vocabulary.js';
import type { ReviewContact, RhythmRule } from './contacts.js';
import { sortWithNames } from '../names.js';

export interface CircleEntry {
  circle: Circle;
  size: number;
  /** null for acquaintances: no limit. */
  natural_size: number | null;
  /** People with a rhythm whose next touch is still ahead. */
  on_rhythm: number;
  /** People whose touch is due today or earlier (the `cadence` items of `net due`). */
  overdue: number;
  snoozed: number;
  no_rhythm: number;
  /** How many people more than the natural size; 0 when within it. */
  over_by: number;
  advice: string | null;
}

/** A person due for a touch, as the circles count them. */
export interface OverduePerson {
  contact_id: number;
  name: string;
  circle: string;
  rhythm: number;
  last_contact: string | null;
  due_on: string;
  days_overdue: number;
  channel: string | null;
}

function adviceFor(entry: Omit<CircleEntry, 'advice'>): string | null {
  if (entry.over_by > 0) {
    const wider = CIRCLES[circleRank(entry.circle) + 1];
    const people = entry.over_by === 1 ? '1 person' : `${entry.over_by} people`;
    return `${entry.size} people for a natural ${entry.natural_size}: move ${people} to ${wider} (net edit NAME --circle ${wider})`;
  }
  const withRhythm = entry.on_rhythm + entry.overdue;
  if (entry.overdue >= 2 && entry.overdue * 2 > withRhythm) {
    return `${entry.overdue} of ${withRhythm} are due for a touch: a short message each keeps this circle alive`;
  }
  return null;
}

/**
 * People not archived, counted by what decides their state apart from their
 * history: circle, own rhythm, snoozed today. A database counts these for the
 * whole network, so that the rule only runs on the people who can be due.
 */
export interface CircleGroup {
  circle: string;
  cadence_days: number | null;
  snoozed: boolean;
  people: number;
}

/** The groups of a list of people (for inputs that hold everyone). */
export function circleGroupsOf(contacts: readonly ReviewContact[], today: string): CircleGroup[] {
  const groups = new Map<string, CircleGroup>();
  for (const c of contacts) {
    const snoozed = isSnoozed(c, today);
    const key = `${c.circle}\u0000${c.cadence_days}\u0000${snoozed}`;
    const group = groups.get(key);
    if (group) group.people += 1;
    else groups.set(key, { circle: c.circle, cadence_days: c.cadence_days, snoozed, people: 1 });
  }
  return [...groups.values()];
}

/** True when a circle holds more people than its natural size. */
export function isOverloaded(circle: Circle, size: number): boolean {
  const natural = NATURAL_SIZE[circle];
  return natural !== null && size > natural;
}

/**
 * The circles and the people due in them. `groups` count everyone (by the
 * rhythm settings: no rhythm, snoozed, or with one); `contacts` need only hold
 * every person the rule can find due, who are told apart from those on rhythm.
 */
export function circlesSection(
  contacts: readonly ReviewContact[],
  rule: RhythmRule,
  { groups, settings }: { groups: readonly CircleGroup[]; settings: Settings },
): { circles: CircleEntry[]; overdue: OverduePerson[] } {
  const counts = new Map<string, { size: number; on_rhythm: number; overdue: number; snoozed: number; no_rhythm: number }>(
    CIRCLES.map((c) => [c, { size: 0, on_rhythm: 0, overdue: 0, snoozed: 0, no_rhythm: 0 }]),
  );
  for (const group of groups) {
    const count = counts.get(group.circle);
    // A circle outside the vocabulary cannot be stored through net; skip it rather than invent one.
    if (!count) continue;
    count.size += group.people;
    // As rhythmStatus decides: no rhythm first, then snoozed; the rest are on rhythm until found due below.
    if (effectiveCadence(settings, group.circle, group.cadence_days) === null) count.no_rhythm += group.people;
    else if (group.snoozed) count.snoozed += group.people;
    else count.on_rhythm += group.people;
  }
  const overdue: OverduePerson[] = [];
  for (let k = 0; k < contacts.length; k++) {
    const contact = contacts[k];
    const count = counts.get(contact.circle);
    if (!count) continue;
    const status = rule(contact);
    if (status.state !== 'overdue') continue;
    count.on_rhythm -= 1;
    count.overdue += 1;
    overdue.push({
      contact_id: contact.id,
      name: contact.name,
      circle: contact.circle,
      rhythm: status.rhythm ?? 0,
      last_contact: contact.last?.on ?? null,
      due_on: status.due_on ?? '',
      days_overdue: status.days_overdue ?? 0,
      channel: contact.channel,
    });
  }
  const circles = CIRCLES.map((circle): CircleEntry => {
    const c = counts.get(circle)!;
    const natural_size = NATURAL_SIZE[circle];
    const base = {
      circle,
      size: c.size,
      natural_size,
      on_rhythm: c.on_rhythm,
      overdue: c.overdue,
      snoozed: c.snoozed,
      no_rhythm: c.no_rhythm,
      over_by: natural_size === null ? 0 : Math.max(0, c.size - natural_size),
    };
    return { ...base, advice: adviceFor(base) };
  });
  // Closest circles first; within one, the larger share of the rhythm overshot first.
  sortWithNames(
    overdue,
    (a, b) => circleRank(a.circle) - circleRank(b.circle) || b.days_overdue / Math.max(b.rhythm, 1) - a.days_overdue / Math.max(a.rhythm, 1),
    (o) => o.name,
  );
  return { circles, overdue };
}
