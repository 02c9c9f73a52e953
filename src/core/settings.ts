// Settings a person can change with `net config`: circle rhythms, the reply
// window, how many items the morning list shows, and the scheduler's weights.
import { parseInterval } from './intervals.js';
import { CIRCLES, DEFAULT_CADENCE, type Circle } from './vocabulary.js';

export interface Weights {
  /** Per unit of overshoot relative to the rhythm (days late / rhythm). */
  overshoot: number;
  /** For the closeness of the circle: inner gets 4x, close 3x, active 2x, network 1x. */
  circle: number;
  /** A reply owed: base, plus urgency as the deadline nears. */
  reply: number;
  /** A promise (follow-up) whose day has come: base, plus per day late. */
  promise: number;
  /** A new contact that needs a second touch. */
  new_contact: number;
  /** A date coming up (birthday). */
  upcoming: number;
  /** An outreach step that has come. */
  outreach: number;
}

export interface Settings {
  cadence: Record<Circle, number | null>;
  reply_window: number;
  due_limit: number;
  weights: Weights;
}

export const DEFAULT_WEIGHTS: Weights = {
  overshoot: 4,
  circle: 1,
  reply: 12,
  promise: 12,
  new_contact: 6,
  upcoming: 5,
  outreach: 4,
};

export const DEFAULT_SETTINGS: Settings = {
  cadence: { ...DEFAULT_CADENCE },
  reply_window: 7,
  due_limit: 7,
  weights: { ...DEFAULT_WEIGHTS },
};

export interface SettingKey {
  key: string;
  description: string;
  /** Parses and checks a value given by a person; returns the form to store, or an error text. */
  parse(value: string): { ok: true; stored: string } | { ok: false; error: string };
  apply(settings: Settings, stored: string): void;
  show(settings: Settings): string;
}

function intervalKey(circle: Circle): SettingKey {
  return {
    key: `cadence.${circle}`,
    description: `the rhythm of the ${circle} circle (an interval like "30 days", "monthly", or "none")`,
    parse(value) {
      const days = parseInterval(value);
      if (days === undefined) return { ok: false, error: `"${value}" is not an interval (try "30 days", "2 weeks", "monthly", "none")` };
      return { ok: true, stored: days === null ? 'none' : String(days) };
    },
    apply(settings, stored) {
      settings.cadence[circle] = stored === 'none' ? null : Number(stored);
    },
    show: (settings) => (settings.cadence[circle] === null ? 'none' : `${settings.cadence[circle]} days`),
  };
}

function integerKey(
  key: string,
  description: string,
  min: number,
  max: number,
  get: (s: Settings) => number,
  set: (s: Settings, n: number) => void,
  unit = '',
): SettingKey {
  return {
    key,
    description,
    parse(value) {
      const text = value.trim().replace(/\s*(days?|giorni)$/i, '');
      if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        return { ok: false, error: `"${value}" is not a whole number from ${min} to ${max}` };
      }
      return { ok: true, stored: String(Number(text)) };
    },
    apply: (settings, stored) => set(settings, Number(stored)),
    show: (settings) => `${get(settings)}${unit}`,
  };
}

function weightKey(name: keyof Weights, description: string): SettingKey {
  return {
    key: `weight.${name}`,
    description,
    parse(value) {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1000) {
        return { ok: false, error: `"${value}" is not a number from 0 to 1000` };
      }
      return { ok: true, stored: String(n) };
    },
    apply: (settings, stored) => {
      settings.weights[name] = Number(stored);
    },
    show: (settings) => String(settings.weights[name]),
  };
}

export const SETTING_KEYS: readonly SettingKey[] = [
  ...CIRCLES.map(intervalKey),
  integerKey('reply_window', 'days to answer a message before the reply is late', 1, 365, (s) => s.reply_window, (s, n) => (s.reply_window = n), ' days'),
  integerKey('due.limit', 'how many items `net due` shows by default', 1, 1000, (s) => s.due_limit, (s, n) => (s.due_limit = n)),
  weightKey('overshoot', 'score per rhythm length overdue (days late / rhythm)'),
  weightKey('circle', 'score for a closer circle (x4 inner, x3 close, x2 active, x1 network)'),
  weightKey('reply', 'score of a reply owed, doubled once the deadline is 2 days away'),
  weightKey('promise', 'score of a follow-up whose day has come'),
  weightKey('new_contact', 'score of a new contact that needs a second touch'),
  weightKey('upcoming', 'score of a birthday in the next days'),
  weightKey('outreach', 'score of an outreach step that has come'),
];

export function settingKey(key: string): SettingKey | undefined {
  return SETTING_KEYS.find((k) => k.key === key);
}

/** Builds settings from the stored key/value pairs; unknown or broken pairs are ignored. */
export function settingsFrom(stored: ReadonlyArray<{ key: string; value: string }>): Settings {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  for (const { key, value } of stored) {
    const spec = settingKey(key);
    const parsed = spec?.parse(value);
    if (spec && parsed?.ok) spec.apply(settings, parsed.stored);
  }
  return settings;
}

/** The rhythm that applies to a contact: its own, else its circle's. */
export function effectiveCadence(settings: Settings, circle: string, override: number | null): number | null {
  if (override !== null) return override === 0 ? null : override;
  return settings.cadence[circle as Circle] ?? null;
}
