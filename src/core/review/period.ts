// The period a review looks back on: the last 7, 30 or 91 days up to a day,
// or the days between two dates, and the period of the same length before it.
import { addDays, daysBetween } from '../dates.js';

export const PERIOD_DAYS = { week: 7, month: 30, quarter: 91 } as const;
export type PeriodLength = keyof typeof PERIOD_DAYS;

export interface Period {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  days: number;
}

/** The `length` days that end on `to` (inclusive). */
export function periodEnding(to: string, length: PeriodLength): Period {
  const days = PERIOD_DAYS[length];
  return { from: addDays(to, -(days - 1)), to, days };
}

/** The days from `from` to `to`, both inclusive; `from` must not be after `to`. */
export function periodBetween(from: string, to: string): Period {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw new RangeError(`${from} is after ${to}`);
  return { from, to, days };
}

/** The period of the same length that ends the day before this one starts. */
export function previousPeriod(period: Period): Period {
  const to = addDays(period.from, -1);
  return { from: addDays(to, -(period.days - 1)), to, days: period.days };
}
