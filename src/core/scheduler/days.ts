// Day numbers (days since 1970-01-01) of YYYY-MM-DD strings, computed with
// integer arithmetic: the scheduler turns every person's dates into numbers,
// and for 20,000 people a regex and a Date per date is the slow part.
// Same results as addDays/daysBetween in core/dates.ts (proleptic Gregorian).

function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** Days from 1970-01-01 (H. Hinnant's days_from_civil). The text must be a valid YYYY-MM-DD. */
export function dayNumber(day: string): number {
  let y = digits(day, 0, 4);
  const m = digits(day, 5, 2);
  const d = digits(day, 8, 2);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The YYYY-MM-DD of a day number (civil_from_days). */
export function dayString(number: number): string {
  const z = number + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The day number of the next birthday (`YYYY-MM-DD` or `--MM-DD`) on or after
 * the day `today` (a day number of the year `year`); 29 February falls on
 * 28 February in other years, as in core/dates.ts nextBirthday. Null when the
 * text is not a birthday.
 */
export function nextBirthdayNumber(birthday: string, today: number, year: number): number | null {
  const offset = birthday.length === 10 ? 5 : birthday.length === 7 && birthday.startsWith('--') ? 2 : -1;
  if (offset < 0) return null;
  const month = digits(birthday, offset, 2);
  const dayOfMonth = digits(birthday, offset + 3, 2);
  if (!(month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31)) return null;
  for (const y of [year, year + 1]) {
    const d = month === 2 && dayOfMonth === 29 && !isLeap(y) ? 28 : dayOfMonth;
    const candidate = dayNumber(`${String(y).padStart(4, '0')}-${pad2(month)}-${pad2(d)}`);
    if (candidate >= today) return candidate;
  }
  return null;
}
