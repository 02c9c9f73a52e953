// Settings a person can change with `net config`: circle rhythms, the reply
// window, how many items the morning list shows, the scheduler's weights, and
// how numeric dates are written.
import { DATE_ORDERS, isDateOrder, type DateOrder } from './date-order.js';
import { parseInterval } from './intervals.js';
import { CIRCLES, DEFAULT_CADENCE, type Circle } from './vocabulary.js';

/**
 * The weights of the score of `net due` (see src/core/scheduler/scoring.ts):
 * score = the sum of weight × factor over the terms that apply to an item.
 */
export interface Weights {
  /** Cadence: × days late / days since the last contact (0 on the due day, toward 1). */
  overshoot: number;
  /** Every item: × closeness of the circle (inner 4, close 3, active 2, network 1, acquaintance 0). */
  circle: number;
  /** A reply owed: × 1, × 2 once the deadline is 2 days away, × 3 once late, growing to × 4 two weeks late. */
  reply: number;
  /** A follow-up whose day has come: × 1 on the day, growing to × 2 two weeks late. */
  promise: number;
  /** A new contact's second touch: × 1 on the day, growing to × 2 two weeks late. */
  new_contact: number;
  /** A birthday: × 1 three days ahead, × 2 on the day. */
  upcoming: number;
  /** An outreach step: × 1 on the day, growing to × 2 two weeks late. */
  outreach: number;
  /** Reaching out (rhythm, second touch, outreach step) while they owe a promise not yet late: × −1. */
  waiting: number;
  /** Their promise, late: × 1 the day after, growing to × 2 two weeks late. */
  awaited: number;
}

export interface Settings {
  cadence: Record<Circle, number | null>;
  reply_window: number;
  due_limit: number;
  weights: Weights;
  /** How numeric dates are written (3/12/2026); null = as the locale says (LC_ALL, LC_TIME, LANG). */
  date_order: DateOrder | null;
  /** Who writes the drafts: the name that signs them. */
  me_name: string | null;
  /** How a drafted email ends, as written (lines joined with newlines); null = "Best regards" and me.name. */
  draft_signature: string | null;
  /** My own email addresses, lower case: a captured message from one of them is one I sent. */
  me_emails: string[];
  /** A captured message to more people than this is a broadcast, not a conversation. */
  capture_max_recipients: number;
  /** A captured meeting with more attendees than this is an event, not a meeting. */
  capture_max_attendees: number;
  /** Minutes: after a command that changed data, a background `net sync` if the last was longer ago (0: never). This device's own. */
  sync_auto: number;
  /** A logged note goes to the team with the interaction's facts unless `--no-share-note` says otherwise. */
  team_share_notes: boolean;
}

// With these, a cadence item scores below 6 + 4 × 1 = 10: under any follow-up
// whose day has come (10 and more) and any reply due within 2 days (12 and more).
export const DEFAULT_WEIGHTS: Weights = {
  overshoot: 6,
  circle: 1,
  reply: 6,
  promise: 10,
  new_contact: 4,
  upcoming: 3,
  outreach: 3,
  waiting: 4,
  awaited: 3,
};

export const DEFAULT_SETTINGS: Settings = {
  cadence: { ...DEFAULT_CADENCE },
  reply_window: 7,
  due_limit: 7,
  weights: { ...DEFAULT_WEIGHTS },
  date_order: null,
  me_name: null,
  draft_signature: null,
  me_emails: [],
  capture_max_recipients: 10,
  capture_max_attendees: 10,
  sync_auto: 0,
  team_share_notes: false,
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
      // What is stored is a bare number of days: it must read back as itself.
      const bare = /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
      const days = bare !== undefined && bare >= 1 && bare <= 3650 ? bare : parseInterval(value);
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

const dateOrderKey: SettingKey = {
  key: 'dates.order',
  description: 'how numeric dates are written: dmy (3/12 = 3 December), mdy (12 March) or ymd; default: from the locale',
  parse(value) {
    const order = value.trim().toLowerCase();
    return isDateOrder(order) ? { ok: true, stored: order } : { ok: false, error: `"${value}" is not an order of dates (${DATE_ORDERS.join(', ')})` };
  },
  apply: (settings, stored) => {
    settings.date_order = stored as DateOrder;
  },
  show: (settings) => settings.date_order ?? 'from the locale',
};

/** A setting of free text: one line, or lines written with "\n"; at most `max` characters. */
function textKey(key: string, description: string, max: number, field: 'me_name' | 'draft_signature', lines: boolean): SettingKey {
  return {
    key,
    description,
    parse(value) {
      const text = (lines ? value.replace(/\\n/g, '\n') : value).trim();
      // Control characters (but line breaks in a signature) would reach a terminal or a mail client as they are.
      if (text === '' || Array.from(text).length > max || /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text) || (!lines && text.includes('\n'))) {
        return { ok: false, error: `"${value}" is not ${lines ? 'a text' : 'one line'} of 1 to ${max} characters${lines ? ' (write a line break as \\n)' : ''}` };
      }
      return { ok: true, stored: text };
    },
    apply: (settings, stored) => {
      settings[field] = stored;
    },
    show: (settings) => {
      const text = settings[field];
      return text === null ? '(none)' : text.replace(/\n/g, '\\n');
    },
  };
}

const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** My addresses, comma separated: how capture tells a message I sent from one I received. */
const meEmailsKey: SettingKey = {
  key: 'me.emails',
  description: 'your own email addresses, comma separated: captured mail from them is mail you sent',
  parse(value) {
    const addresses = [...new Set(value.split(/[,;\s]+/).map((a) => a.trim().toLowerCase()).filter(Boolean))];
    const bad = addresses.find((a) => !EMAIL.test(a));
    if (addresses.length === 0 || bad !== undefined || addresses.length > 50) return { ok: false, error: `"${bad ?? value}" is not an email address (give them comma separated)` };
    return { ok: true, stored: addresses.join(', ') };
  },
  apply: (settings, stored) => {
    settings.me_emails = stored.split(', ');
  },
  show: (settings) => (settings.me_emails.length === 0 ? '(none)' : settings.me_emails.join(', ')),
};

/** Whether logged notes go to the team by default (`net log --share-note` / `--no-share-note` decide one). */
const teamShareNotesKey: SettingKey = {
  key: 'team.share_notes',
  description: 'yes: the notes you log go to your team with the facts, unless --no-share-note (default no)',
  parse(value) {
    const v = value.trim().toLowerCase();
    if (['yes', 'true', 'on', '1'].includes(v)) return { ok: true, stored: 'yes' };
    if (['no', 'false', 'off', '0'].includes(v)) return { ok: true, stored: 'no' };
    return { ok: false, error: `"${value}" is not yes or no` };
  },
  apply: (settings, stored) => {
    settings.team_share_notes = stored === 'yes';
  },
  show: (settings) => (settings.team_share_notes ? 'yes' : 'no'),
};

export const SETTING_KEYS: readonly SettingKey[] = [
  ...CIRCLES.map(intervalKey),
  integerKey('reply_window', 'days to answer a message before the reply is late', 1, 365, (s) => s.reply_window, (s, n) => (s.reply_window = n), ' days'),
  integerKey('due.limit', 'how many items `net due` shows by default', 1, 1000, (s) => s.due_limit, (s, n) => (s.due_limit = n)),
  weightKey('overshoot', 'score of a rhythm exceeded, x (days late / days since the last contact)'),
  weightKey('circle', 'score for a closer circle (x4 inner, x3 close, x2 active, x1 network)'),
  weightKey('reply', 'score of a reply owed: x2 once the deadline is 2 days away, x3 to x4 once late'),
  weightKey('promise', 'score of a follow-up whose day has come, up to x2 two weeks late'),
  weightKey('new_contact', 'score of a new contact that needs a second touch, up to x2 two weeks late'),
  weightKey('upcoming', 'score of a birthday in the next 3 days, x2 on the day'),
  weightKey('outreach', 'score of an outreach step that has come, up to x2 two weeks late'),
  weightKey('waiting', 'taken off reaching out to someone whose promise is open and not late'),
  weightKey('awaited', 'score of their promise once late (a gentle nudge), up to x2 two weeks late'),
  dateOrderKey,
  textKey('me.name', 'your name: drafts sign with it ("Best regards, NAME")', 100, 'me_name', false),
  textKey('draft.signature', 'how drafted emails end, replacing "Best regards" and me.name; \\n for a new line', 500, 'draft_signature', true),
  meEmailsKey,
  integerKey('capture.max_recipients', 'captured mail to more people than this is left out (a broadcast)', 1, 1000, (s) => s.capture_max_recipients, (s, n) => (s.capture_max_recipients = n)),
  integerKey('capture.max_attendees', 'captured meetings with more attendees than this are left out (an event)', 1, 1000, (s) => s.capture_max_attendees, (s, n) => (s.capture_max_attendees = n)),
  // sync.* settings are this device's own: recorded and undoable like the others, never synced.
  integerKey('sync.auto', 'minutes: after a change, sync in the background if the last sync is older (0: off; this device only)', 0, 10_080, (s) => s.sync_auto, (s, n) => (s.sync_auto = n), ' min'),
  teamShareNotesKey,
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
  // 0 says "no rhythm"; net never stores a negative one, and a file edited by hand that holds one has none either.
  if (override !== null) return override > 0 ? override : null;
  return settings.cadence[circle as Circle] ?? null;
}
