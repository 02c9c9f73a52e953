// The weekly series: interactions per calendar week (Monday to Sunday) for the
// twelve weeks up to the end of the period, the last one possibly partial.
import { addDays, weekStart } from '../dates.js';

export const WEEKS = 12;

export interface WeekCount {
  week_start: string;
  interactions: number;
}

/** The first day the series covers: the Monday eleven weeks before the week of `to`. */
export function weeklyFrom(to: string): string {
  return addDays(weekStart(to), -7 * (WEEKS - 1));
}

/** Buckets per-day counts (days outside the twelve weeks are ignored) into weeks, oldest first. */
export function weeklySeries(to: string, perDay: ReadonlyArray<{ day: string; interactions: number }>): WeekCount[] {
  const first = weeklyFrom(to);
  const weeks: WeekCount[] = Array.from({ length: WEEKS }, (_, i) => ({ week_start: addDays(first, 7 * i), interactions: 0 }));
  const index = new Map(weeks.map((w, i) => [w.week_start, i]));
  for (const { day, interactions } of perDay) {
    if (day < first || day > to) continue;
    const i = index.get(weekStart(day));
    if (i !== undefined) weeks[i].interactions += interactions;
  }
  return weeks;
}
