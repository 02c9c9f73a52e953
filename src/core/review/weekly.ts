// The weekly series: interactions per calendar week (Monday to Sunday) for the
// twelve weeks up to the end of the period, the last one possibly partial.
import { addDays, weekStart } from '../dates.js';

export const WEEKS = 12;

export interface WeekCount {
  week_start: string;
  interactions: number;
}

/** The twelve Mondays, oldest first, the last one of the week that holds `to`. */
export function weekStarts(to: string): string[] {
  const last = weekStart(to);
  return Array.from({ length: WEEKS }, (_, i) => addDays(last, -7 * (WEEKS - 1 - i)));
}

/** The first day the series covers. */
export function weeklyFrom(to: string): string {
  return weekStarts(to)[0];
}

/** The series from counts per week start (weeks not counted had none). */
export function weeklySeries(to: string, counts: ReadonlyArray<WeekCount>): WeekCount[] {
  const byWeek = new Map(counts.map((c) => [c.week_start, c.interactions]));
  return weekStarts(to).map((week_start) => ({ week_start, interactions: byWeek.get(week_start) ?? 0 }));
}

/** Counts per day bucketed into the series' weeks; days outside it are left out. */
export function weeksFromDays(to: string, perDay: ReadonlyArray<{ day: string; interactions: number }>): WeekCount[] {
  const first = weeklyFrom(to);
  const totals = new Map<string, number>();
  for (const { day, interactions } of perDay) {
    if (day < first || day > to) continue;
    const week = weekStart(day);
    totals.set(week, (totals.get(week) ?? 0) + interactions);
  }
  return weeklySeries(to, [...totals].map(([week_start, interactions]) => ({ week_start, interactions })));
}
