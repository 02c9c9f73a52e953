// Fading relationships: people with enough history (at least four touches,
// spanning at least three usual gaps: see gaps.ts) whose current silence is
// more than twice their usual gap (the median of the gaps between past
// touches). Snoozed people are left out: the person chose to wait.
import { circleRank } from '../vocabulary.js';
import type { ReviewContact } from './contacts.js';
import { ADVICE_MIN_TOUCHES, dayFromNumber, dayNumber, enoughHistory, type TouchStats } from './gaps.js';
import { isSnoozed } from './rhythm-status.js';
import { sortWithNames } from '../names.js';

/** Touches (distinct days in touch) needed before a usual gap means something. */
export const FADING_MIN_TOUCHES = ADVICE_MIN_TOUCHES;
/** Silence longer than this many usual gaps is fading. */
export const FADING_FACTOR = 2;

export interface FadingEntry {
  contact_id: number;
  name: string;
  circle: string;
  usual_gap_days: number;
  current_gap_days: number;
  last_contact: string;
}

/** The rule itself: strictly more than twice the usual gap. */
export function isFading(usualGapDays: number, currentGapDays: number): boolean {
  return currentGapDays > FADING_FACTOR * usualGapDays;
}

export function fadingSection(
  contacts: readonly ReviewContact[],
  stats: ReadonlyMap<number, TouchStats>,
  today: string,
): FadingEntry[] {
  const fading: FadingEntry[] = [];
  const todayNumber = dayNumber(today);
  for (const contact of contacts) {
    const touch = stats.get(contact.id);
    if (!touch || !enoughHistory(touch) || isSnoozed(contact, today)) continue;
    const usual = touch.usual;
    const lastDay = contact.last ? dayNumber(contact.last.on) : touch.last;
    const current = todayNumber - lastDay;
    if (!isFading(usual, current)) continue;
    fading.push({
      contact_id: contact.id,
      name: contact.name,
      circle: contact.circle,
      usual_gap_days: usual,
      current_gap_days: current,
      last_contact: contact.last?.on ?? dayFromNumber(touch.last),
    });
  }
  // Closest circles first (an inner friend cooling matters more than an old
  // acquaintance); within a circle, the most cooled: silence in usual gaps.
  return sortWithNames(
    fading,
    (a, b) =>
      circleRank(a.circle) - circleRank(b.circle) ||
      b.current_gap_days / Math.max(b.usual_gap_days, 1) - a.current_gap_days / Math.max(a.usual_gap_days, 1),
    (f) => f.name,
  );
}
