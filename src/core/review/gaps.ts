// The rhythm a relationship actually has: the gaps between the days two
// people were in touch, and their median, the "usual gap". Days are whole day
// numbers (days since 1970-01-01) so that long histories stay cheap.

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since 1970-01-01. */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function dayFromNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The middle value (the mean of the two middle ones for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The gaps in days between consecutive days of a sorted list of distinct days. */
export function gapsOf(days: readonly number[]): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
  return gaps;
}

/**
 * The days a person was in touch: sorted, distinct (several interactions on
 * one day are one touch), none after `today`.
 */
export interface TouchDays {
  contact_id: number;
  days: readonly number[];
}

/** The median gap between past touches; null with fewer than two touches. */
export function usualGap(days: readonly number[]): number | null {
  return median(gapsOf(days));
}
