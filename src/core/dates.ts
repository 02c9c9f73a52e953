// Calendar days as `YYYY-MM-DD` strings in the local time zone. Plain string
// arithmetic through UTC keeps day counts exact across DST changes.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** The local calendar day of an instant. */
export function localDay(instant: Date): string {
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

export function isIsoDay(text: string): boolean {
  const m = ISO_DAY.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dayToUtcMs(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function utcMsToDay(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  return utcMsToDay(dayToUtcMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / DAY_MS);
}

/** Monday of the week that holds `day`. */
export function weekStart(day: string): string {
  const weekday = new Date(dayToUtcMs(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The start of a local day as an instant. */
export function startOfLocalDay(day: string): Date {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

/** YYYY-MM-DD days in time order: their text order is their time order (no collator needed). */
export function byDay(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The next occurrence of a birthday (`YYYY-MM-DD` or `--MM-DD`) on or after
 * `today`. 29 February falls on 28 February in other years.
 */
export function nextBirthday(birthday: string, today: string): string | null {
  const m = /^(?:\d{4}|--)-?(\d{2})-(\d{2})$/.exec(birthday);
  if (!m) return null;
  const month = Number(m[1]);
  const dayOfMonth = Number(m[2]);
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const lastDay = new Date(Date.UTC(y, month, 0)).getUTCDate();
    const candidate = `${pad(y, 4)}-${pad(month)}-${pad(Math.min(dayOfMonth, lastDay))}`;
    if (candidate >= today) return candidate;
  }
  return null;
}
