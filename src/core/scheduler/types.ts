// The scheduler's plain input and output: what is known about each person,
// the open promises and outreach steps, and the ranked attention items.
import type { Settings } from '../settings.js';

export const ATTENTION_KINDS = ['reply', 'followup', 'cadence', 'nurture', 'birthday', 'outreach', 'awaited'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The keys of `net due --json` / `--csv` (contract), in order. */
export const DUE_KEYS = ['kind', 'contact_id', 'name', 'due_on', 'days_overdue', 'score', 'reason', 'followup_id', 'channel'] as const;

/** The kinds of item `net dismiss` closes for now (follow-ups are kept or dropped instead). */
export const DISMISS_KINDS = ['reply', 'birthday', 'nurture', 'outreach', 'cadence'] as const;
export type DismissKind = (typeof DISMISS_KINDS)[number];

/** The latest day each kind of a person's item was dismissed. */
export type Dismissals = Readonly<Partial<Record<DismissKind, string>>>;

export interface LastInteraction {
  /** The local day it happened. */
  on: string;
  /** `in`, `out` or `mutual`. */
  direction: string;
  channel: string;
}

/** One person, as the scheduler needs them; aggregates only, never the whole history. */
export interface ContactFacts {
  id: number;
  name: string;
  circle: string;
  /** The person's own rhythm in days; null = the circle's, 0 = none. */
  cadence_days: number | null;
  /** Snoozed: no cadence, nurture or birthday items before this day. */
  snoozed_until: string | null;
  archived: boolean;
  met_on: string | null;
  /** The local day the person was added. */
  added_on: string;
  /** For a never-contacted person: the day the rhythm counts from (imports spread first touches with it). */
  rhythm_from: string | null;
  /** `YYYY-MM-DD` or `--MM-DD`. */
  birthday: string | null;
  /** The preferred channel. */
  channel: string | null;
  last: LastInteraction | null;
  /** How many interactions (the nurture rule only asks "at most one?"). */
  interactions: number;
  /** Items dismissed with `net dismiss`, by kind; null when none ever was. */
  dismissed: Dismissals | null;
}

export interface OpenFollowup {
  id: number;
  contact_id: number;
  name: string;
  text: string;
  due_on: string;
  /** The other person's promise (`followup add --theirs`); absent or false: one made to them. */
  theirs?: boolean;
}

/** An active outreach (ended_on is null): the next step and how it went so far. */
export interface OutreachStep {
  contact_id: number;
  name: string;
  /** `target`, `contacted`, `replied`, `met` (the active stages). */
  stage: string;
  /** The day of the next step; null = none planned. */
  next_on: string | null;
  nudges: number;
  channel: string | null;
  why: string | null;
  /** Who can introduce you, when someone can. */
  via?: string | null;
  /** The day the introducer was last asked (`net outreach ask`). */
  asked_on?: string | null;
}

export interface SchedulerInput {
  /** The day the list is for ("today", or the day of `--on`). */
  today: string;
  settings: Settings;
  contacts: readonly ContactFacts[];
  /** Promises made to them whose day has come; and every open promise of theirs, late or not. */
  followups: readonly OpenFollowup[];
  outreach: readonly OutreachStep[];
}

export const TERM_NAMES = ['overshoot', 'circle', 'reply', 'promise', 'new_contact', 'upcoming', 'outreach', 'waiting', 'awaited'] as const;
export type TermName = (typeof TERM_NAMES)[number];

/** One named part of a score: weight × factor = points. */
export interface ScoreTerm {
  name: TermName;
  weight: number;
  factor: number;
  points: number;
}

export interface AttentionItem {
  kind: AttentionKind;
  contact_id: number;
  name: string;
  due_on: string;
  /** Days since the due day; negative while days are left. */
  days_overdue: number;
  score: number;
  /** A full sentence: what to do and why. */
  reason: string;
  /** The same without the name, short, for a table with a name column. */
  summary: string;
  /** Short, with the name, true on any day: for calendar entries. */
  title: string;
  followup_id: number | null;
  channel: string | null;
  /** The last contact day, when there was one. */
  last_on: string | null;
  terms: ScoreTerm[];
  /** Something to start the conversation with; filled by `withHints`. */
  hint: string | null;
}

/** What is known about a person to start a conversation. */
export interface ConversationFacts {
  interests: readonly string[];
  /** The latest note of an interaction with them. */
  last_note: string | null;
}
