// The fixed words of the domain: circles, channels, directions.

export const CIRCLES = ['inner', 'close', 'active', 'network', 'acquaintance'] as const;
export type Circle = (typeof CIRCLES)[number];

/** Default rhythm of each circle in days; null = never due. */
export const DEFAULT_CADENCE: Readonly<Record<Circle, number | null>> = {
  inner: 14,
  close: 30,
  active: 60,
  network: 120,
  acquaintance: null,
};

/** The natural size of each circle (Dunbar's layers); acquaintances have no limit. */
export const NATURAL_SIZE: Readonly<Record<Circle, number | null>> = {
  inner: 5,
  close: 15,
  active: 50,
  network: 150,
  acquaintance: null,
};

export const CHANNELS = [
  'email',
  'linkedin',
  'message',
  'social',
  'call',
  'video',
  'coffee',
  'meal',
  'meeting',
  'event',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels where a message waits for an answer: an inbound one makes a reply owed. */
export const WRITTEN_CHANNELS: ReadonlySet<string> = new Set(['email', 'linkedin', 'message', 'social']);

export const DIRECTIONS = ['in', 'out', 'mutual'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export function isCircle(value: string): value is Circle {
  return (CIRCLES as readonly string[]).includes(value);
}

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** The direction an interaction has when neither --in nor --out is given. */
export function defaultDirection(channel: string): Direction {
  return WRITTEN_CHANNELS.has(channel) ? 'out' : 'mutual';
}

/** Circles ordered from closest (0) to widest. */
export function circleRank(circle: string): number {
  const i = (CIRCLES as readonly string[]).indexOf(circle);
  return i === -1 ? CIRCLES.length : i;
}
