// Who can have an item at all on a day, described coarsely enough for a SQL
// WHERE clause: the database layer leaves everyone else out, so that a large
// network of acquaintances costs a query, not 20,000 objects. It must only
// ever include too many (the rules in kinds.ts decide); never too few.
import type { Settings } from '../settings.js';
import { WRITTEN_CHANNELS } from '../vocabulary.js';
import { dayNumber, dayString } from './days.js';
import { NEW_CONTACT_DAYS } from './kinds.js';
import { UPCOMING_DAYS } from './scoring.js';

export interface RelevanceFilter {
  /** Circles that have a rhythm: their people can be new (nurture). */
  circlesWithRhythm: string[];
  /**
   * For each circle with a rhythm, a day the rhythm's start (last contact,
   * else planned, met or added) must come before for its people to be due
   * (cadence). A day later than the rule needs, since the day a person was
   * added is compared as its stored UTC instant, not as a local day; an
   * instant compares with a day as text ("2026-03-01T…" < "2026-03-02").
   */
  rhythmFrom: Array<{ circle: string; before: string }>;
  /** The same for a person's own rhythm of `n` days: this day plus two, minus n days. */
  today: string;
  /** People met or added on this day or later can be new (nurture); a day early, as above. */
  newSince: string;
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
  const withRhythm = Object.entries(settings.cadence).filter((entry): entry is [string, number] => entry[1] !== null);
  return {
    circlesWithRhythm: withRhythm.map(([circle]) => circle),
    rhythmFrom: withRhythm.map(([circle, days]) => ({ circle, before: dayString(start + 2 - days) })),
    today,
    newSince: dayString(start - NEW_CONTACT_DAYS - 1),
    writtenChannels: [...WRITTEN_CHANNELS],
    birthdayDays,
  };
}
