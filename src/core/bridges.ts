// Who can bridge to a company, an interest or a group: the people to ask for
// an introduction, ranked by how recently and how often you were in touch.
// Pure: the command gathers the profiles and the touch counts.
import { daysBetween } from './dates.js';
import { companyMatches } from './companies.js';
import { nameKey } from './names.js';

export interface BridgeCriteria {
  companies: readonly string[];
  interests: readonly string[];
  tags: readonly string[];
}

export interface Profile {
  id: number;
  name: string;
  company: string | null;
  interests: readonly string[];
  tags: readonly string[];
}

/** Recency halves every this many days: someone seen last week is a warmer bridge than last year. */
export const RECENCY_HALF_LIFE_DAYS = 90;

/** Interactions in the last year that earn the full frequency term (about twice a month). */
export const FREQUENCY_FULL = 24;

/** How far back "how often" looks. */
export const FREQUENCY_WINDOW_DAYS = 365;

/** What ties a person to the criteria, as readable labels ("works at Satispay", "interest: fintech"). */
export function bridgeMatches(profile: Profile, criteria: BridgeCriteria): string[] {
  const matches: string[] = [];
  for (const wanted of criteria.companies) {
    if (companyMatches(profile.company, wanted)) {
      matches.push(`works at ${profile.company}`);
      break;
    }
  }
  const pick = (values: readonly string[], wanted: readonly string[], label: string) => {
    const keys = new Set(wanted.map(nameKey));
    for (const value of values) if (keys.has(nameKey(value))) matches.push(`${label}: ${value}`);
  };
  pick(profile.interests, criteria.interests, 'interest');
  pick(profile.tags, criteria.tags, 'tag');
  return matches;
}

export interface BridgeScore {
  /** 1 when in touch today, halving every RECENCY_HALF_LIFE_DAYS; 0 when never. */
  recency: number;
  /** log-scaled count of interactions in the last year, 1 at FREQUENCY_FULL or more. */
  frequency: number;
  score: number;
}

export function bridgeScore(lastContact: string | null, recentInteractions: number, today: string): BridgeScore {
  const recency = lastContact === null ? 0 : Math.pow(0.5, Math.max(0, daysBetween(lastContact, today)) / RECENCY_HALF_LIFE_DAYS);
  const frequency = Math.min(1, Math.log2(1 + Math.max(0, recentInteractions)) / Math.log2(1 + FREQUENCY_FULL));
  const round = (n: number) => Math.round(n * 100) / 100;
  return { recency: round(recency), frequency: round(frequency), score: round(recency + frequency) };
}

export interface Bridge {
  contactId: number;
  name: string;
  matches: string[];
  lastContact: string | null;
  daysSince: number | null;
  recentInteractions: number;
  score: BridgeScore;
}

/**
 * The people matching any criterion, best bridge first: more criteria matched,
 * then a higher score (recency + frequency), then the latest contact, then name.
 */
export function rankBridges(
  profiles: readonly Profile[],
  criteria: BridgeCriteria,
  touches: ReadonlyMap<number, { last_contact: string | null; recent: number }>,
  today: string,
): Bridge[] {
  const bridges: Bridge[] = [];
  for (const profile of profiles) {
    const matches = bridgeMatches(profile, criteria);
    if (matches.length === 0) continue;
    const touch = touches.get(profile.id) ?? { last_contact: null, recent: 0 };
    bridges.push({
      contactId: profile.id,
      name: profile.name,
      matches,
      lastContact: touch.last_contact,
      daysSince: touch.last_contact === null ? null : daysBetween(touch.last_contact, today),
      recentInteractions: touch.recent,
      score: bridgeScore(touch.last_contact, touch.recent, today),
    });
  }
  return bridges.sort(
    (a, b) =>
      b.matches.length - a.matches.length ||
      b.score.score - a.score.score ||
      (b.lastContact ?? '').localeCompare(a.lastContact ?? '') ||
      a.name.localeCompare(b.name) ||
      a.contactId - b.contactId,
  );
}

export function hasCriteria(criteria: BridgeCriteria): boolean {
  return criteria.companies.length + criteria.interests.length + criteria.tags.length > 0;
}
