// Who can have an item at all on a day, described coarsely enough for a SQL
// WHERE clause: the database layer leaves everyone else out, so that a large
// network of acquaintances costs a query, not 20,000 objects. It must only
// ever include too many (the rules in kinds.ts decide); never too few.
import type { Settings } from '../settings.js';
import { WRITTEN_CHANNELS } from '../vocabulary.js';
import { dayNumber, dayString } from './days.js';
import { UPCOMING_DAYS } from './scoring.js';

export interface RelevanceFilter {
  /** Circles that have a rhythm: their people can be due (cadence) or new (nurture). */
  circlesWithRhythm: string[];
  /** Channels whose inbound messages make a reply owed. */
  writtenChannels: string[];
  /** The `MM-DD` of birthdays that can show, today and the next days. */
  birthdayDays: string[];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function relevanceFilter(today: string, settings: Settings): RelevanceFilter {
  const birthdayDays: string[] = [];
  const start = dayNumber(today);
  for (let k = 0; k <= UPCOMING_DAYS; k++) {
    const day = dayString(start + k);
    birthdayDays.push(day.slice(5));
    // A 29 February birthday falls on 28 February in other years.
    if (day.endsWith('-02-28') && !isLeap(Number(day.slice(0, 4)))) birthdayDays.push('02-29');
  }
  return {
    circlesWithRhythm: Object.entries(settings.cadence)
      .filter(([, days]) => days !== null)
      .map(([circle]) => circle),
    writtenChannels: [...WRITTEN_CHANNELS],
    birthdayDays,
  };
}
