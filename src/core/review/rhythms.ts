// Rhythms learned from real gaps: people whose usual gap is far from the
// rhythm set for them (more than twice, or less than half), with a rhythm that
// fits what actually happens. Suggested only: the review never changes one.
import { effectiveCadence, type Settings } from '../settings.js';
import type { ReviewContact } from './contacts.js';
import { ADVICE_MIN_TOUCHES, enoughHistory, type TouchStats } from './gaps.js';
import { sortWithNames } from '../names.js';

/** Touches needed before the gaps say anything about a rhythm (and a span of three usual gaps: see gaps.ts). */
export const RHYTHM_MIN_TOUCHES = ADVICE_MIN_TOUCHES;
export const RHYTHM_TOO_LONG = 2;
export const RHYTHM_TOO_SHORT = 0.5;

/** Rhythms a person would set by hand; a suggestion is rounded to the nearest. */
const NICE_RHYTHMS = [7, 14, 21, 30, 45, 60, 91, 120, 182, 365];

export interface RhythmSuggestion {
  contact_id: number;
  name: string;
  circle: string;
  rhythm_days: number;
  usual_gap_days: number;
  suggested_days: number;
}

const NICE_LOGS = NICE_RHYTHMS.map(Math.log);

/** A round rhythm near a gap: whole days under a week, else the nearest common rhythm (by ratio), whole years beyond one. */
export function niceRhythm(gapDays: number): number {
  if (gapDays < 7) return Math.max(1, Math.round(gapDays));
  if (gapDays > 365) return Math.round(gapDays / 365) * 365;
  // Nearest by ratio: the smallest distance between logarithms (the first of equals).
  const gapLog = Math.log(gapDays);
  let best = 0;
  for (let k = 1; k < NICE_RHYTHMS.length; k++) {
    if (Math.abs(NICE_LOGS[k] - gapLog) < Math.abs(NICE_LOGS[best] - gapLog)) best = k;
  }
  return NICE_RHYTHMS[best];
}

/** True when the usual gap is more than twice or less than half the rhythm. */
export function rhythmMismatch(rhythmDays: number, usualGapDays: number): boolean {
  const ratio = usualGapDays / rhythmDays;
  return ratio > RHYTHM_TOO_LONG || ratio < RHYTHM_TOO_SHORT;
}

export function rhythmsSection(
  contacts: readonly ReviewContact[],
  stats: ReadonlyMap<number, TouchStats>,
  settings: Settings,
): RhythmSuggestion[] {
  const suggestions: RhythmSuggestion[] = [];
  for (const contact of contacts) {
    const touch = stats.get(contact.id);
    if (!touch || !enoughHistory(touch)) continue;
    const rhythm = effectiveCadence(settings, contact.circle, contact.cadence_days);
    const usual = touch.usual;
    if (rhythm === null || usual === null || !rhythmMismatch(rhythm, usual)) continue;
    const suggested = niceRhythm(usual);
    if (suggested === rhythm) continue;
    suggestions.push({
      contact_id: contact.id,
      name: contact.name,
      circle: contact.circle,
      rhythm_days: rhythm,
      usual_gap_days: usual,
      suggested_days: suggested,
    });
  }
  // The widest mismatch first, either way (each distance worked out once, not in every comparison).
  const distance = new Map(suggestions.map((s) => [s, Math.abs(Math.log(s.usual_gap_days / s.rhythm_days))]));
  return sortWithNames(suggestions, (a, b) => distance.get(b)! - distance.get(a)!, (s) => s.name);
}
