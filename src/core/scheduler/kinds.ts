// The rules of each kind of attention item. Each source turns part of the
// input into candidates; a new kind of reminder is one more source here (and
// one more field in SchedulerInput for its data).
import { effectiveCadence, type Settings } from '../settings.js';
import { WRITTEN_CHANNELS } from '../vocabulary.js';
import {
  awaitedTerm,
  newContactTerm,
  outreachTerm,
  overshootTerm,
  promiseTerm,
  replyTerm,
  upcomingTerm,
  UPCOMING_DAYS,
  waitingTerm,
} from './scoring.js';
import { dayNumber, dayString, nextBirthdayNumber } from './days.js';
import type { AttentionKind, ContactFacts, OpenFollowup, SchedulerInput, ScoreTerm } from './types.js';
import {
  awaitedWording,
  birthdayWording,
  cadenceWording,
  followupWording,
  nurtureWording,
  outreachWording,
  replyWording,
  waitingWording,
  type Anchor,
  type Wording,
} from './wording.js';

/**
 * An item before ranking: the circle term and the score are added by the
 * scheduler. Its words are built only when read: the morning list shows 7
 * items of what can be thousands.
 */
export interface Candidate {
  kind: AttentionKind;
  contact_id: number;
  name: string;
  due_on: string;
  /** Days since the due day; negative while days are left. */
  days_overdue: number;
  followup_id: number | null;
  channel: string | null;
  last_on: string | null;
  terms: ScoreTerm[];
  words: () => Wording;
}

export interface SourceContext {
  today: string;
  /** `today` as a day number (see days.ts). */
  day: number;
  settings: Settings;
  contacts: ReadonlyMap<number, ContactFacts>;
  /** People with an active outreach: the pipeline, not their rhythm, decides when to reach them. */
  inOutreach: ReadonlySet<number>;
  /** People who owe a promise not yet late (see waitingOn): the earliest such promise of each. */
  waitingOn: ReadonlyMap<number, OpenFollowup>;
}

export type AttentionSource = (input: SchedulerInput, context: SourceContext) => Candidate[];

/** A new contact is one met (or added) this many days ago at most. */
export const NEW_CONTACT_DAYS = 30;
/** The second touch of a new contact is due this many days after the first. */
export const SECOND_TOUCH_DAYS = 7;

export function isSnoozed(contact: ContactFacts, today: string): boolean {
  return contact.snoozed_until !== null && today < contact.snoozed_until;
}

function preferredChannel(contact: ContactFacts): string | null {
  return contact.channel ?? contact.last?.channel ?? null;
}

export type ContactRule = (contact: ContactFacts, context: SourceContext) => Candidate | null;

/** A source that applies rules to every person who is not archived, in one pass over the people. */
export function fromContacts(rules: readonly ContactRule[]): AttentionSource {
  return (input, context) => {
    const out: Candidate[] = [];
    for (const contact of input.contacts) {
      if (contact.archived) continue;
      for (const rule of rules) {
        const candidate = rule(contact, context);
        if (candidate) out.push(candidate);
      }
    }
    return out;
  };
}

/**
 * The latest interaction is an inbound written message with nothing after it:
 * a reply is owed, unless it was dismissed on or after the day it came (a
 * "Thanks!" that needs no answer); their next message owes one again.
 */
export function replyCandidate(c: ContactFacts, { today, day, settings }: SourceContext): Candidate | null {
  const last = c.last;
  if (!last || last.direction !== 'in' || !WRITTEN_CHANNELS.has(last.channel) || last.on > today) return null;
  const dismissed = c.dismissed?.reply;
  if (dismissed !== undefined && dismissed >= last.on) return null;
  const lastDay = dayNumber(last.on);
  const dueOn = dayString(lastDay + settings.reply_window);
  const daysOverdue = day - lastDay - settings.reply_window;
  return {
    kind: 'reply',
    contact_id: c.id,
    name: c.name,
    due_on: dueOn,
    days_overdue: daysOverdue,
    followup_id: null,
    channel: last.channel,
    last_on: last.on,
    terms: [replyTerm(settings.weights, daysOverdue)],
    words: () => replyWording(c.name, last.channel, day - lastDay, daysOverdue, dueOn),
  };
}

/**
 * Last contact + rhythm is today or earlier; a never-contacted person counts
 * from when met or added. A dismissal counts like a touch: the rhythm starts
 * again from it.
 */
export function cadenceCandidate(c: ContactFacts, { today, day, settings, inOutreach }: SourceContext): Candidate | null {
  if (isSnoozed(c, today) || inOutreach.has(c.id)) return null;
  const rhythm = effectiveCadence(settings, c.circle, c.cadence_days);
  if (rhythm === null) return null;
  // Where the rhythm counts from; the anchor words it for a person never contacted.
  let from: string;
  let anchor: Anchor;
  if (c.last) [from, anchor] = [c.last.on, 'first contact'];
  else if (c.rhythm_from) [from, anchor] = [c.rhythm_from, 'planned'];
  else if (c.met_on) [from, anchor] = [c.met_on, 'met'];
  else [from, anchor] = [c.added_on, 'added'];
  const dismissed = c.dismissed?.cadence;
  if (dismissed !== undefined && dismissed > from) [from, anchor] = [dismissed, 'dismissed'];
  const fromDay = dayNumber(from);
  const since = day - fromDay;
  if (since < rhythm) return null;
  // A first touch never logged ranks as at most one rhythm late: a person met
  // in 2010 is a long-overdue first touch, not 5,899 days of urgency.
  const late = since - rhythm;
  const ranked = c.last === null ? Math.min(late, rhythm) : late;
  const lastChannel = anchor === 'dismissed' ? null : (c.last?.channel ?? null);
  return {
    kind: 'cadence',
    contact_id: c.id,
    name: c.name,
    due_on: dayString(fromDay + rhythm),
    days_overdue: late,
    followup_id: null,
    channel: preferredChannel(c),
    last_on: c.last?.on ?? null,
    terms: [overshootTerm(settings.weights, ranked, rhythm)],
    words: () => cadenceWording(c.name, rhythm, since, lastChannel, anchor, from),
  };
}

/**
 * The day a relationship began: the first meeting (met_on, which `net add
 * --known-since` sets too), else the first interaction logged, else the day
 * the person was added; without a meeting day, a first interaction after the
 * day they were added does not make someone known for months new. Only asked
 * of people with at most one interaction, whose first one is their last.
 */
export function relationshipStart(c: ContactFacts): string {
  if (c.met_on !== null) return c.met_on;
  const firstInteraction = c.interactions === 1 && c.last !== null ? c.last.on : null;
  return firstInteraction !== null && firstInteraction < c.added_on ? firstInteraction : c.added_on;
}

/** New: the relationship began in the last NEW_CONTACT_DAYS days (not in the future). */
export function isNewRelationship(c: ContactFacts, day: number): boolean {
  const age = day - dayNumber(relationshipStart(c));
  return age >= 0 && age <= NEW_CONTACT_DAYS;
}

/**
 * A person whose relationship began in the last 30 days, touched at most
 * once, needs a second touch 7 days after the first. Meeting them (met_on) is
 * a touch when no interaction was logged that day: an email after the meeting
 * is the second. People known for years are not new, however recently they
 * were added: a past --met-on or --known-since, or a past interaction logged,
 * says so. People without a rhythm (acquaintances, or "none") are not nurtured.
 */
export function nurtureCandidate(c: ContactFacts, { today, day, settings, inOutreach }: SourceContext): Candidate | null {
  if (c.interactions >= 2 || isSnoozed(c, today) || inOutreach.has(c.id)) return null;
  // An imported person whose first touch was planned (spread over the rhythm)
  // follows that plan: a second-touch reminder a week later would bring back
  // the whole import at once.
  if (c.last === null && c.rhythm_from !== null) return null;
  if (!isNewRelationship(c, day)) return null;
  // Dismissed since the relationship began: no second-touch reminder for it.
  const dismissed = c.dismissed?.nurture;
  if (dismissed !== undefined && dismissed >= relationshipStart(c)) return null;
  if (effectiveCadence(settings, c.circle, c.cadence_days) === null) return null;
  const metBefore = c.met_on !== null && (c.last === null || c.met_on < c.last.on);
  if (c.interactions + (metBefore ? 1 : 0) >= 2) return null;
  const [first, anchor]: [string, Anchor] = c.met_on
    ? [c.met_on, 'met']
    : c.last
      ? [c.last.on, 'first contact']
      : [c.added_on, 'added'];
  const firstDay = dayNumber(first);
  const daysOverdue = day - firstDay - SECOND_TOUCH_DAYS;
  if (daysOverdue < 0) return null;
  return {
    kind: 'nurture',
    contact_id: c.id,
    name: c.name,
    due_on: dayString(firstDay + SECOND_TOUCH_DAYS),
    days_overdue: daysOverdue,
    followup_id: null,
    channel: preferredChannel(c),
    last_on: c.last?.on ?? null,
    terms: [newContactTerm(settings.weights, daysOverdue)],
    words: () => nurtureWording(c.name, anchor, day - firstDay),
  };
}

/**
 * A birthday today or in the next 3 days, until acted on: an interaction
 * logged in those days (the 3 before it, or on the day) closes it for the year.
 */
export function birthdayCandidate(c: ContactFacts, { today, day, settings }: SourceContext): Candidate | null {
  if (c.birthday === null || isSnoozed(c, today)) return null;
  const nextDay = nextBirthdayNumber(c.birthday, day, Number(today.slice(0, 4)));
  if (nextDay === null || nextDay - day > UPCOMING_DAYS) return null;
  if (c.last !== null && dayNumber(c.last.on) >= nextDay - UPCOMING_DAYS) return null;
  // Dismissed in the same days (wished elsewhere): closed for the year, too.
  const dismissed = c.dismissed?.birthday;
  if (dismissed !== undefined && dayNumber(dismissed) >= nextDay - UPCOMING_DAYS) return null;
  const daysLeft = nextDay - day;
  const next = dayString(nextDay);
  return {
    kind: 'birthday',
    contact_id: c.id,
    name: c.name,
    due_on: next,
    days_overdue: daysLeft === 0 ? 0 : -daysLeft,
    followup_id: null,
    channel: preferredChannel(c),
    last_on: c.last?.on ?? null,
    terms: [upcomingTerm(settings.weights, -daysLeft)],
    words: () => birthdayWording(c.name, daysLeft, next),
  };
}

/**
 * The promises of theirs that are open and not late (due today or later), the
 * earliest of each person: while one is open, the ball is in their court.
 */
export function waitingOn(followups: readonly OpenFollowup[], today: string): Map<number, OpenFollowup> {
  const waiting = new Map<number, OpenFollowup>();
  for (const f of followups) {
    if (f.theirs !== true || f.due_on < today) continue;
    const current = waiting.get(f.contact_id);
    if (current === undefined || f.due_on < current.due_on || (f.due_on === current.due_on && f.id < current.id)) waiting.set(f.contact_id, f);
  }
  return waiting;
}

/** The ways of reaching out that can wait while the ball is in their court; a reply owed, a promise of yours and a birthday cannot. */
const WAITING_KINDS: ReadonlySet<AttentionKind> = new Set(['cadence', 'nurture', 'outreach']);

/** A candidate that waits on their promise ranks lower (the `waiting` term) and says why. */
export function waitingOnThem(candidate: Candidate, { settings, waitingOn: waiting }: SourceContext): Candidate {
  const promise = waiting.get(candidate.contact_id);
  if (promise === undefined || !WAITING_KINDS.has(candidate.kind)) return candidate;
  const words = candidate.words;
  return { ...candidate, terms: [...candidate.terms, waitingTerm(settings.weights)], words: () => waitingWording(words(), promise) };
}

/** The items of promises, mine or theirs: the same shape, their own filter, term and words. */
function promiseItems(
  input: Parameters<AttentionSource>[0],
  { day, settings, contacts }: Parameters<AttentionSource>[1],
  kind: 'followup' | 'awaited',
  due: (f: Parameters<AttentionSource>[0]['followups'][number]) => boolean,
  term: typeof promiseTerm,
  wording: typeof followupWording,
): ReturnType<AttentionSource> {
  return input.followups
    .filter((f) => due(f) && contacts.get(f.contact_id)?.archived !== true)
    .map((f) => {
      const contact = contacts.get(f.contact_id);
      const daysOverdue = day - dayNumber(f.due_on);
      return {
        kind,
        contact_id: f.contact_id,
        name: contact?.name ?? f.name,
        due_on: f.due_on,
        days_overdue: daysOverdue,
        followup_id: f.id,
        channel: contact ? preferredChannel(contact) : null,
        last_on: contact?.last?.on ?? null,
        terms: [term(settings.weights, daysOverdue)],
        words: () => wording(contact?.name ?? f.name, f.text, daysOverdue),
      };
    });
}

/** Promises made to them whose day has come: keep them. */
export const followupSource: AttentionSource = (input, context) =>
  promiseItems(input, context, 'followup', (f) => f.theirs !== true && f.due_on <= context.today, promiseTerm, followupWording);

/** Promises of theirs past their day: resurfaced as a gentle nudge, until kept (`followup done`) or dropped. */
export const awaitedSource: AttentionSource = (input, context) =>
  promiseItems(input, context, 'awaited', (f) => f.theirs === true && f.due_on < context.today, awaitedTerm, awaitedWording);

export const outreachSource: AttentionSource = (input, { today, day, settings, contacts }) =>
  input.outreach
    .filter((o) => o.next_on !== null && o.next_on <= today && contacts.get(o.contact_id)?.archived !== true)
    // Dismissed on or after the step's day: closed until the step is rescheduled (`net outreach next-on`).
    .filter((o) => !((contacts.get(o.contact_id)?.dismissed?.outreach ?? '') >= (o.next_on as string)))
    .map((o) => {
      const contact = contacts.get(o.contact_id);
      const dueOn = o.next_on as string;
      const daysOverdue = day - dayNumber(dueOn);
      return {
        kind: 'outreach',
        contact_id: o.contact_id,
        name: contact?.name ?? o.name,
        due_on: dueOn,
        days_overdue: daysOverdue,
        followup_id: null,
        channel: o.channel ?? contact?.channel ?? null,
        last_on: contact?.last?.on ?? null,
        terms: [outreachTerm(settings.weights, daysOverdue)],
        words: () => outreachWording({ ...o, name: contact?.name ?? o.name }),
      };
    });

/** Every source, in no particular order: ranking decides the order. */
export const SOURCES: readonly AttentionSource[] = [
  fromContacts([replyCandidate, cadenceCandidate, nurtureCandidate, birthdayCandidate]),
  followupSource,
  awaitedSource,
  outreachSource,
];

/**
 * Ways of reaching out to one person: only the first that applies is listed.
 * Answering their message is the touch the rhythm asks for; an outreach plan
 * replaces the rhythm; a new contact's second touch comes before the rhythm.
 */
export const REACH_OUT_PRECEDENCE: readonly AttentionKind[] = ['reply', 'outreach', 'nurture', 'cadence'];
