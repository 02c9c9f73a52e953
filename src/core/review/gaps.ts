// The rhythm a relationship actually has: the gaps between the days two
// people were in touch, and their median, the "usual gap". Days are whole day
// numbers (days since 1970-01-01) so that long histories stay cheap.
export { dayNumber, dayString as dayFromNumber } from '../scheduler/days.js';

/**
 * The usual gap is read from a person's latest this many interactions (up to
 * 49 gaps): the rhythm of late, and a cost that does not grow with the years.
 */
export const USUAL_GAP_WINDOW = 50;

/** Sorted, distinct day numbers on which a person was in touch. */
export type DayList = ArrayLike<number>;

/** The middle value (the mean of the two middle ones for an even count); null when empty. */
export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically, and fast.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The gaps in days between consecutive days of a sorted list of distinct days. */
export function gapsOf(days: DayList): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
  return gaps;
}

/** The median gap between past touches (the first `length` days); null with fewer than two touches. */
export function usualGap(days: DayList, length = days.length): number | null {
  return median(gapsOf(Array.from({ length }, (_, i) => days[i])));
}

export interface TouchStats {
  /** Distinct days in touch. */
  touches: number;
  /** The median gap between them; null with fewer than two. */
  usual: number | null;
  /** The last day in touch (a day number). */
  last: number;
  /** The first of those days (a day number). */
  first: number;
}

/** The stats of one person's sorted distinct days (the first `length`); null with none. */
export function touchStatsFrom(days: DayList, length = days.length): TouchStats | null {
  return length === 0 ? null : { touches: length, usual: usualGap(days, length), last: days[length - 1], first: days[0] };
}

/** Advice about a rhythm (fading, a rhythm to adjust) needs at least this many days in touch… */
export const ADVICE_MIN_TOUCHES = 4;
/** …spanning at least this many usual gaps: three touches in one week say nothing about a relationship. */
export const ADVICE_MIN_SPAN_GAPS = 3;

/**
 * Enough history for advice: at least 4 days in touch, from the first to the
 * last at least 3 usual gaps apart. The usual gap of a few touches in one
 * week would call a friend of years "fading" after a fortnight.
 */
export function enoughHistory(stats: TouchStats): stats is TouchStats & { usual: number } {
  return stats.touches >= ADVICE_MIN_TOUCHES && stats.usual !== null && stats.last - stats.first >= ADVICE_MIN_SPAN_GAPS * stats.usual;
}

/** Touches, usual gap and last touch of each person, worked out once for every section that needs them. */
export function touchStatsOf(touchDays: ReadonlyMap<number, DayList>): Map<number, TouchStats> {
  const stats = new Map<number, TouchStats>();
  for (const [id, days] of touchDays) {
    const touch = touchStatsFrom(days);
    if (touch) stats.set(id, touch);
  }
  return stats;
}
