// A brief before a meeting: per person, what to know before seeing them,
// built only from the record. Pure: the facts and the day in, the brief out.
// Why they are due and whether a reply is owed come from the scheduler itself
// (the rules of `net due`), so the brief never disagrees with the morning list.
import { sameCompany } from './companies.js';
import { addDays, daysBetween, nextBirthday } from './dates.js';
import { nameKey } from './names.js';
import { chooseOpener, type Opener } from './brief-opener.js';
import { scheduleAttention, type AttentionKind, type ContactFacts, type OpenFollowup, type OutreachStep } from './scheduler.js';
import type { Settings } from './settings.js';

/** How many of the latest touches a brief shows. */
export const BRIEF_TOUCHES = 3;
/** A birthday is coming up when it is at most this many days away. */
export const BIRTHDAY_AHEAD_DAYS = 30;

export interface PersonRef {
  contact_id: number;
  name: string;
}

/** An interaction, as the history lists it. */
export interface BriefTouch {
  id: number;
  date: string;
  via: string;
  /** `in`, `out` or `mutual`. */
  direction: string;
  note: string | null;
  /** The others who were there. */
  with: PersonRef[];
  gave: string[];
  got: string[];
}

export interface BriefFavour {
  text: string;
  occurred_on: string;
}

/** What is stored about one person, as the database layer reads it. */
export interface BriefFacts {
  id: number;
  name: string;
  company: string | null;
  role: string | null;
  circle: string;
  /** The rhythm that applies, in days; null = none. */
  cadence_days: number | null;
  archived: boolean;
  how_met: string | null;
  met_on: string | null;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday: string | null;
  interests: readonly string[];
  last_contact: string | null;
  /** The latest interactions, newest first (BRIEF_TOUCHES of them). */
  touches: readonly BriefTouch[];
  /** Open follow-ups, theirs and the user's. */
  followups: readonly OpenFollowup[];
  favours: { given: number; received: number; last_given: BriefFavour | null; last_received: BriefFavour | null };
  /** The people met in the same interactions, with how often and when last. */
  met_with: ReadonlyArray<PersonRef & { together: number; last_on: string }>;
  /** The active outreach, if any. */
  outreach: OutreachStep | null;
  /** The scheduler's facts; null for an archived person, who gets no reminders. */
  scheduler: ContactFacts | null;
}

export interface BriefInput {
  today: string;
  settings: Settings;
  /** The people of the brief, in the order asked. */
  people: readonly BriefFacts[];
  /** Everyone else with a company (living, not archived): who works with whom. */
  companies: ReadonlyArray<PersonRef & { company: string }>;
}

export interface BriefPromise {
  id: number;
  text: string;
  due_on: string;
  /** Days since the due day; negative while days are left. */
  days_overdue: number;
}

export type Leaning = 'none' | 'even' | 'given' | 'received';

export interface Balance {
  given: number;
  received: number;
  /** Who gave more: `given` (you), `received` (they), `even`, or `none` recorded. */
  leaning: Leaning;
  last_given: BriefFavour | null;
  last_received: BriefFavour | null;
}

export interface InCommon extends PersonRef {
  /** Interactions you had with both of them. */
  met_together: number;
  last_together: string | null;
  /** Works at the same company (as companies compare: "Satispay S.p.A." is Satispay). */
  same_company: boolean;
}

export type UpcomingKind = 'birthday' | 'my_promise' | 'their_promise' | 'outreach';

export interface Upcoming {
  date: string;
  days_left: number;
  kind: UpcomingKind;
  text: string;
}

export interface DueReason {
  kind: AttentionKind;
  due_on: string;
  days_overdue: number;
  summary: string;
  reason: string;
}

export interface ReplyOwed {
  channel: string;
  /** The day their message came. */
  came_on: string;
  due_on: string;
  days_overdue: number;
  reason: string;
}

/** The brief of one person (`net brief --json`: an array of these; the keys are documented in the README). */
export interface Brief {
  contact_id: number;
  name: string;
  company: string | null;
  role: string | null;
  circle: string;
  cadence_days: number | null;
  archived: boolean;
  last_contact: string | null;
  how_met: string | null;
  met_on: string | null;
  last_touches: BriefTouch[];
  promises: { mine: BriefPromise[]; theirs: BriefPromise[] };
  reply_owed: ReplyOwed | null;
  balance: Balance;
  interests: string[];
  /** Their interests that another person of the same brief shares: topics for the whole table. */
  shared_interests: Array<{ interest: string; with: PersonRef[] }>;
  in_common: InCommon[];
  upcoming: Upcoming[];
  /** Why they are in `net due` today, as the morning list ranks it; empty when they are not. */
  due: DueReason[];
  opener: Opener;
  /** In a team (`net team`): the teammates who know them too, by their touches (never notes). */
  team?: Array<{ member: string; touches: number; last_on: string; last_channel: string }>;
}

function promiseOf(f: OpenFollowup, today: string): BriefPromise {
  return { id: f.id, text: f.text, due_on: f.due_on, days_overdue: daysBetween(f.due_on, today) };
}

export function balanceOf(favours: BriefFacts['favours']): Balance {
  const { given, received } = favours;
  const leaning: Leaning = given + received === 0 ? 'none' : given === received ? 'even' : given > received ? 'given' : 'received';
  return { given, received, leaning, last_given: favours.last_given, last_received: favours.last_received };
}

/** Their interests that other people of the brief share, by interest as typed by them. */
export function sharedInterests(person: BriefFacts, others: readonly BriefFacts[]): Brief['shared_interests'] {
  const shared: Brief['shared_interests'] = [];
  for (const interest of person.interests) {
    const key = nameKey(interest);
    const sharers = others.filter((o) => o.interests.some((i) => nameKey(i) === key)).map((o) => ({ contact_id: o.id, name: o.name }));
    if (sharers.length) shared.push({ interest, with: sharers });
  }
  return shared;
}

/**
 * The people in common: met together (in the same interactions), and at the
 * same company. Most met together first, then the latest, then colleagues,
 * then by name.
 */
export function peopleInCommon(person: BriefFacts, companies: BriefInput['companies']): InCommon[] {
  const byId = new Map<number, InCommon>();
  for (const m of person.met_with) {
    byId.set(m.contact_id, { contact_id: m.contact_id, name: m.name, met_together: m.together, last_together: m.last_on, same_company: false });
  }
  if (person.company) {
    for (const c of companies) {
      if (c.contact_id === person.id || !sameCompany(person.company, c.company)) continue;
      const known = byId.get(c.contact_id);
      if (known) known.same_company = true;
      else byId.set(c.contact_id, { contact_id: c.contact_id, name: c.name, met_together: 0, last_together: null, same_company: true });
    }
  }
  return [...byId.values()].sort(
    (a, b) =>
      b.met_together - a.met_together ||
      (b.last_together ?? '').localeCompare(a.last_together ?? '') ||
      Number(b.same_company) - Number(a.same_company) ||
      a.name.localeCompare(b.name) ||
      a.contact_id - b.contact_id,
  );
}

/** Dates ahead: the birthday within BIRTHDAY_AHEAD_DAYS, promises not yet late (both ways), the next outreach step. */
export function upcomingDates(person: BriefFacts, today: string): Upcoming[] {
  const out: Upcoming[] = [];
  const add = (date: string, kind: UpcomingKind, text: string) => out.push({ date, days_left: daysBetween(today, date), kind, text });
  const birthday = person.birthday === null ? null : nextBirthday(person.birthday, today);
  if (birthday !== null && birthday <= addDays(today, BIRTHDAY_AHEAD_DAYS)) add(birthday, 'birthday', 'birthday');
  for (const f of person.followups) if (f.due_on >= today) add(f.due_on, f.theirs ? 'their_promise' : 'my_promise', f.text);
  const step = person.outreach;
  if (step?.next_on && step.next_on >= today) add(step.next_on, 'outreach', `outreach: next step (${step.stage})`);
  const order: readonly UpcomingKind[] = ['birthday', 'my_promise', 'their_promise', 'outreach'];
  return out.sort((a, b) => a.date.localeCompare(b.date) || order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** Why the scheduler lists them today: their items, ranked as `net due` ranks them. */
export function dueToday(person: BriefFacts, today: string, settings: Settings): DueReason[] {
  if (person.scheduler === null) return [];
  const items = scheduleAttention({ today, settings, contacts: [person.scheduler], followups: person.followups, outreach: person.outreach ? [person.outreach] : [] });
  return items
    .filter((i) => i.contact_id === person.id)
    .map((i) => ({ kind: i.kind, due_on: i.due_on, days_overdue: i.days_overdue, summary: i.summary, reason: i.reason }));
}

/** A reply is owed when the scheduler says so (the rule of `net due`: their written message with nothing after it). */
export function replyOwed(due: readonly DueReason[], person: BriefFacts): ReplyOwed | null {
  const reply = due.find((d) => d.kind === 'reply');
  const last = person.scheduler?.last;
  if (!reply || !last) return null;
  return { channel: last.channel, came_on: last.on, due_on: reply.due_on, days_overdue: reply.days_overdue, reason: reply.reason };
}

export function buildBrief(person: BriefFacts, input: BriefInput): Brief {
  const { today, settings } = input;
  const others = input.people.filter((p) => p.id !== person.id);
  const open = [...person.followups].sort((a, b) => a.due_on.localeCompare(b.due_on) || a.id - b.id);
  const due = dueToday(person, today, settings);
  const brief: Omit<Brief, 'opener'> = {
    contact_id: person.id,
    name: person.name,
    company: person.company,
    role: person.role,
    circle: person.circle,
    cadence_days: person.cadence_days,
    archived: person.archived,
    last_contact: person.last_contact,
    how_met: person.how_met,
    met_on: person.met_on,
    last_touches: person.touches.slice(0, BRIEF_TOUCHES).map((t) => ({ ...t, with: [...t.with], gave: [...t.gave], got: [...t.got] })),
    promises: {
      mine: open.filter((f) => f.theirs !== true).map((f) => promiseOf(f, today)),
      theirs: open.filter((f) => f.theirs === true).map((f) => promiseOf(f, today)),
    },
    reply_owed: replyOwed(due, person),
    balance: balanceOf(person.favours),
    interests: [...person.interests],
    shared_interests: sharedInterests(person, others),
    in_common: peopleInCommon(person, input.companies),
    upcoming: upcomingDates(person, today),
    due,
  };
  return { ...brief, opener: chooseOpener(brief) };
}

/** The brief of each person, in the order given (a person named twice once). */
export function buildBriefs(input: BriefInput): Brief[] {
  const seen = new Set<number>();
  const people = input.people.filter((p) => !seen.has(p.id) && seen.add(p.id));
  return people.map((p) => buildBrief(p, { ...input, people }));
}
