// Orderings the review's lists share.
import { compareNames } from '../names.js';

/** Names, as localeCompare orders them (one collator, made when first needed). */
export const byName = compareNames;

/** YYYY-MM-DD days: their text order is their time order. */
export function byDay(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
