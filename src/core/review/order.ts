// Orderings the review's lists share. One collator for names: the same order
// as String#localeCompare with no arguments, without looking the locale up on
// every comparison (lists of thousands of people are sorted here).
const collator = new Intl.Collator();

/** Names, as localeCompare orders them. */
export const byName = collator.compare;

/** YYYY-MM-DD days: their text order is their time order. */
export function byDay(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
