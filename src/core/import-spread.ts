// Spreading the first touches of many new people over their circle's rhythm.
// A contact never contacted is due when its rhythm has passed since
// `rhythm_from`; an import sets that day so that the first due dates fall
// evenly on the days after the import instead of all on the same morning.
import { addDays } from './dates.js';

/**
 * For `count` people with a rhythm of `cadenceDays`, the `rhythm_from` day of
 * each, in order: person i is first due on today + 1 + floor(i * cadence / count),
 * so the first is due tomorrow and the last within one rhythm. Deterministic:
 * the same import on the same day gives the same days.
 */
export function spreadFirstTouches(count: number, cadenceDays: number, today: string): string[] {
  if (count <= 0 || cadenceDays <= 0) return [];
  const days: string[] = [];
  for (let i = 0; i < count; i++) {
    const due = addDays(today, 1 + Math.floor((i * cadenceDays) / count));
    days.push(addDays(due, -cadenceDays));
  }
  return days;
}

/** The first due day that a `rhythm_from` gives. */
export function firstDueDay(rhythmFrom: string, cadenceDays: number): string {
  return addDays(rhythmFrom, cadenceDays);
}
