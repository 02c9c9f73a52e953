// Orderings the review's lists share; by name: sortWithNames (core/names.ts).

/** YYYY-MM-DD days: their text order is their time order. */
export function byDay(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
