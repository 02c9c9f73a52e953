// Rhythm intervals: "2 weeks", "45 days", "monthly", "quarterly", "none".
// The words are looked up in Maps: in a plain object, "__proto__" or
// "constructor" would find Object's own members and pass for an interval.

const UNIT_DAYS: ReadonlyMap<string, number> = new Map(Object.entries({
  d: 1, day: 1, days: 1, g: 1, giorno: 1, giorni: 1,
  w: 7, wk: 7, week: 7, weeks: 7, settimana: 7, settimane: 7,
  m: 30, mo: 30, month: 30, months: 30, mese: 30, mesi: 30,
  q: 91, quarter: 91, quarters: 91, trimestre: 91, trimestri: 91,
  y: 365, yr: 365, year: 365, years: 365, anno: 365, anni: 365,
}));

const NAMED: ReadonlyMap<string, number> = new Map(Object.entries({
  daily: 1,
  weekly: 7,
  fortnightly: 14,
  biweekly: 14,
  monthly: 30,
  bimonthly: 61,
  quarterly: 91,
  'half-yearly': 182,
  semiannually: 182,
  yearly: 365,
  annually: 365,
  annual: 365,
  settimanale: 7,
  mensile: 30,
  trimestrale: 91,
  annuale: 365,
}));

/**
 * Parses an interval into days. Returns null for "none"/"never" (no rhythm),
 * undefined when the text is not an interval.
 */
export function parseInterval(text: string): number | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'none' || t === 'never' || t === 'mai') return null;
  const named = NAMED.get(t);
  if (named !== undefined) return named;
  const m = /^(?:every\s+|ogni\s+)?(\d+)?\s*([a-z]+)$/.exec(t);
  if (!m) return undefined;
  const count = m[1] === undefined ? 1 : Number(m[1]);
  const unit = UNIT_DAYS.get(m[2]);
  if (unit === undefined || !Number.isSafeInteger(count) || count < 1) return undefined;
  const days = count * unit;
  return days > 3650 ? undefined : days;
}

/** A short human form of a number of days: "2 weeks", "30 days", "1 year". */
export function formatInterval(days: number | null): string {
  if (days === null) return 'no rhythm';
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  if (days % 7 === 0 && days <= 70) return days === 7 ? '1 week' : `${days / 7} weeks`;
  return days === 1 ? '1 day' : `${days} days`;
}
