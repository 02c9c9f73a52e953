// ical.js folds a line after 75 octets of UTF-8 (never inside a character),
// then starts each following line with a space and 75 more: 76 in all. One
// octet less keeps every line of net's iCalendar and vCard files within the
// 75 that RFC 5545 and RFC 6350 ask for.
import ICAL from 'ical.js';

const FOLD_OCTETS = 74;

/** Runs `write` (an ical.js serialisation) with lines folded within 75 octets. */
export function foldedAt75<T>(write: () => T): T {
  const before = ICAL.foldLength;
  ICAL.foldLength = FOLD_OCTETS;
  try {
    return write();
  } finally {
    ICAL.foldLength = before;
  }
}
