// Give and take: favours given and received in the period and overall, and
// the most one-sided relationships, so that a person sees where to give back.

export interface FavourCounts {
  given: number;
  received: number;
}

export interface OneSided {
  contact_id: number;
  name: string;
  given: number;
  received: number;
}

export interface BalanceSection {
  period: FavourCounts;
  overall: FavourCounts;
  /** The largest differences first; where more was received, first among equals. */
  one_sided: OneSided[];
}

export const ONE_SIDED_LIMIT = 5;

export function balanceSection(
  period: FavourCounts,
  overall: FavourCounts,
  perContact: readonly OneSided[],
  limit: number = ONE_SIDED_LIMIT,
): BalanceSection {
  const one_sided = perContact
    .filter((p) => p.given !== p.received)
    .map((p) => ({ contact_id: p.contact_id, name: p.name, given: p.given, received: p.received }))
    .sort(
      (a, b) =>
        Math.abs(b.given - b.received) - Math.abs(a.given - a.received) ||
        b.received - b.given - (a.received - a.given) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
  return { period: { ...period }, overall: { ...overall }, one_sided };
}
