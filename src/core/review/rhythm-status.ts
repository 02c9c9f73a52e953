// On rhythm or overdue, by the rules of `net due` (src/core/scheduler): a
// person is overdue when the scheduler would list them as a `cadence` item
// today; snoozed people, and people whose active outreach decides when to
// reach them, are not.
import { dayNumber } from '../scheduler/days.js';
import { cadenceCandidate, isSnoozed, type SourceContext } from '../scheduler/kinds.js';
import { effectiveCadence, type Settings } from '../settings.js';
import type { ReviewContact, RhythmRule, RhythmStatus } from './contacts.js';

export { isSnoozed };

/** The scheduler's context for a day: the people by id and those in an active outreach. */
export function scheduleContext(
  settings: Settings,
  today: string,
  contacts: readonly ReviewContact[],
  inOutreach: ReadonlySet<number> = new Set(),
): SourceContext {
  // Their promises change how urgent a reach-out is, not whether the rhythm is past: none needed here.
  return { today, day: dayNumber(today), settings, contacts: new Map(contacts.map((c) => [c.id, c])), inOutreach, waitingOn: new Map() };
}

export function rhythmStatus(contact: ReviewContact, context: SourceContext): RhythmStatus {
  const rhythm = effectiveCadence(context.settings, contact.circle, contact.cadence_days);
  if (rhythm === null) return { state: 'none', rhythm: null, due_on: null, days_overdue: null };
  if (isSnoozed(contact, context.today)) return { state: 'snoozed', rhythm, due_on: null, days_overdue: null };
  const due = cadenceCandidate(contact, context);
  if (!due) return { state: 'on_rhythm', rhythm, due_on: null, days_overdue: null };
  return { state: 'overdue', rhythm, due_on: due.due_on, days_overdue: due.days_overdue };
}

/** The rule with the day, the settings and the outreach bound in. */
export function rhythmRule(context: SourceContext): RhythmRule {
  return (contact) => rhythmStatus(contact, context);
}
