// Activity: how much happened in the period, with whom, through which
// channels, and the change against the period of the same length before it.
import type { Period } from './period.js';

export interface ChannelCount {
  channel: string;
  interactions: number;
}

/** What the database counts for one period. */
export interface ActivityCounts {
  interactions: number;
  /** Distinct people in those interactions. */
  people: number;
  /** People added in the period. */
  new_contacts: number;
  by_channel: readonly ChannelCount[];
}

export interface ActivitySection {
  interactions: number;
  people: number;
  new_contacts: number;
  /** Most used first. */
  by_channel: ChannelCount[];
  previous: { from: string; to: string; interactions: number; people: number; new_contacts: number };
  /** This period minus the previous one. */
  change: { interactions: number; people: number; new_contacts: number };
}

export function activitySection(current: ActivityCounts, previous: ActivityCounts, previousPeriod: Period): ActivitySection {
  const by_channel = current.by_channel
    .filter((c) => c.interactions > 0)
    .map((c) => ({ channel: c.channel, interactions: c.interactions }))
    .sort((a, b) => b.interactions - a.interactions || a.channel.localeCompare(b.channel));
  return {
    interactions: current.interactions,
    people: current.people,
    new_contacts: current.new_contacts,
    by_channel,
    previous: {
      from: previousPeriod.from,
      to: previousPeriod.to,
      interactions: previous.interactions,
      people: previous.people,
      new_contacts: previous.new_contacts,
    },
    change: {
      interactions: current.interactions - previous.interactions,
      people: current.people - previous.people,
      new_contacts: current.new_contacts - previous.new_contacts,
    },
  };
}
