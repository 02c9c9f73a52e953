// What the review knows about each person: the scheduler's facts, so that the
// review and `net due` read the same data and apply the same rules.
import type { ContactFacts } from '../scheduler/types.js';

export type { ContactFacts as ReviewContact, LastInteraction as LastTouch } from '../scheduler/types.js';

export type RhythmState = 'none' | 'snoozed' | 'on_rhythm' | 'overdue';

/** Where a person stands against their rhythm today, as `net due` sees it. */
export interface RhythmStatus {
  state: RhythmState;
  /** The rhythm in days that applies; null = none. */
  rhythm: number | null;
  /** The day the touch was due (overdue only). */
  due_on: string | null;
  /** Days since the due day, 0 on the day (overdue only). */
  days_overdue: number | null;
}

export type RhythmRule = (contact: ContactFacts) => RhythmStatus;
