// The words read without chrono-node (src/core/date-words.ts) mean what
// chrono-node reads them as, on every day of a year and at any hour: the
// shortcut only saves loading it. Words it does not know are left to chrono.
import { describe, expect, it } from 'vitest';
import { readCommonDate } from '../../src/core/date-words.js';
import { chronoDate } from '../../src/core/natural-dates.js';

const EN_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const IT_DAYS = ['domenica', 'lunedì', 'lunedi', 'martedì', 'martedi', 'mercoledì', 'giovedì', 'venerdì', 'venerdi', 'sabato'];
const PHRASES = [
  'yesterday',
  'Yesterday',
  'ieri',
  'last week',
  'la settimana scorsa',
  'a day ago',
  'a week ago',
  'an hour ago',
  'one week ago',
  ...[1, 2, 3, 10, 45, 400].flatMap((n) => [`${n} days ago`, `${n} weeks ago`, `${n} giorni fa`, `${n} settimane fa`]),
  ...EN_DAYS.flatMap((d) => [`last ${d}`, `Last ${d}`]),
  ...['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'mar', 'lun', 'ven'].map((d) => `last ${d}`),
  ...IT_DAYS.flatMap((d) => [`${d} scorso`, `${d} scorsa`]),
];

/** Every third day of 2026 (both changes of summer time among them), early, mid-morning and late. */
const NOWS = Array.from({ length: 122 }, (_, k) => k * 3).flatMap((day) =>
  [
    [0, 20],
    [9, 30],
    [23, 50],
  ].map(([hour, minute]) => new Date(2026, 0, 1 + day, hour, minute, 15)),
);

describe('dates in common words', () => {
  it('mean what chrono-node reads, when read without it', () => {
    const read = new Set<string>();
    const differ: string[] = [];
    for (const now of NOWS) {
      for (const phrase of PHRASES) {
        const mine = readCommonDate(phrase, now, { field: '--date', direction: 'past', order: 'dmy' });
        if (mine === undefined) continue;
        read.add(phrase);
        const theirs = chronoDate(phrase, now, 'past');
        if (theirs?.day !== mine.day || theirs.instant.getTime() !== mine.instant.getTime()) {
          differ.push(`${phrase} at ${now.toString()}: ${mine.instant.toString()} against ${theirs?.instant.toString()}`);
        }
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // What is read without chrono-node: the forms the shortcut is for.
    for (const phrase of ['yesterday', 'Yesterday', 'ieri', 'last monday', 'last sun', 'lunedì scorso', 'venerdi scorsa']) {
      expect(read, phrase).toContain(phrase);
    }
  });

  it('leaves the future, and words it does not know, to chrono-node', () => {
    const now = new Date(2026, 2, 14, 9, 30);
    expect(readCommonDate('last monday', now, { field: '--by', direction: 'future', order: 'dmy' })).toBeUndefined();
    expect(readCommonDate('yesterday', now, { field: '--by', direction: 'future', order: 'dmy' })).toBeUndefined();
    for (const words of ['last month', 'last week', '3 days ago', 'next friday', 'last mar', 'the 3rd of march', 'tre giorni fa']) {
      expect(readCommonDate(words, now, { field: '--date', direction: 'past', order: 'dmy' }), words).toBeUndefined();
    }
  });
});
