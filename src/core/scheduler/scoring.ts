// The score of an attention item: a sum of named terms, each a weight (from
// `net config`) times a factor, like Taskwarrior's urgency. With the default
// weights a cadence item stays below weight.overshoot + 4 × weight.circle
// (10), under any follow-up whose day has come (≥ 10) and any reply due
// within 2 days (≥ 12); a late reply (≥ 18) outranks any reply not yet late.
import type { Weights } from '../settings.js';
import { CIRCLES } from '../vocabulary.js';
import type { ScoreTerm, TermName } from './types.js';

/** Closeness of a circle: inner 4, close 3, active 2, network 1, acquaintance (or unknown) 0. */
export function closeness(circle: string | null): number {
  if (circle === null) return 0;
  const rank = (CIRCLES as readonly string[]).indexOf(circle);
  return rank === -1 ? 0 : Math.max(0, CIRCLES.length - 1 - rank);
}

/** A reply counts double once its deadline is this close (or past). */
export const REPLY_URGENT_DAYS = 2;
/** Lateness grows a promise, nurture or outreach term up to 2× over this many days. */
export const LATENESS_SPAN = 14;
/** Birthdays show this many days ahead. */
export const UPCOMING_DAYS = 3;

function term(name: TermName, weights: Weights, factor: number): ScoreTerm {
  const weight = weights[name];
  return { name, weight, factor, points: weight * factor };
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** 1 on the due day, growing to 2 after LATENESS_SPAN days late. */
function lateness(daysLate: number): number {
  return 1 + Math.min(Math.max(daysLate, 0), LATENESS_SPAN) / LATENESS_SPAN;
}

export function circleTerm(weights: Weights, circle: string | null): ScoreTerm {
  return term('circle', weights, closeness(circle));
}

/** The share of the silence that is past the rhythm: 0 on the due day, toward 1 as it grows. */
export function overshootTerm(weights: Weights, daysLate: number, rhythm: number): ScoreTerm {
  const late = Math.max(daysLate, 0);
  return term('overshoot', weights, late / (late + rhythm));
}

/**
 * 1 while more than 2 days are left, 2 from 2 days before the deadline to the
 * day, then 3 the day after, growing to 4 two weeks late, as a promise grows:
 * a late reply (18 points and more) outranks every reply not yet late (at most
 * 12 + 4 for the closest circle) whatever the circles.
 */
export function replyTerm(weights: Weights, daysOverdue: number): ScoreTerm {
  if (daysOverdue > 0) return term('reply', weights, 2 + lateness(daysOverdue));
  return term('reply', weights, daysOverdue >= -REPLY_URGENT_DAYS ? 2 : 1);
}

export function promiseTerm(weights: Weights, daysOverdue: number): ScoreTerm {
  return term('promise', weights, lateness(daysOverdue));
}

export function newContactTerm(weights: Weights, daysOverdue: number): ScoreTerm {
  return term('new_contact', weights, lateness(daysOverdue));
}

export function outreachTerm(weights: Weights, daysOverdue: number): ScoreTerm {
  return term('outreach', weights, lateness(daysOverdue));
}

/**
 * −1: the ball is in their court (a promise of theirs is open and not late),
 * so reaching out can wait. With the default weight (4) it is as if the person
 * were four circles further away.
 */
export function waitingTerm(weights: Weights): ScoreTerm {
  return term('waiting', weights, -1);
}

/** Their promise, late: 1 the day after its day, growing to 2 two weeks later. */
export function awaitedTerm(weights: Weights, daysOverdue: number): ScoreTerm {
  return term('awaited', weights, lateness(daysOverdue - 1));
}

/** 1 three days ahead, 2 on the day. */
export function upcomingTerm(weights: Weights, daysOverdue: number): ScoreTerm {
  const daysLeft = Math.min(Math.max(-daysOverdue, 0), UPCOMING_DAYS);
  return term('upcoming', weights, 1 + (UPCOMING_DAYS - daysLeft) / UPCOMING_DAYS);
}

/** The score: the sum of the terms' points, to two decimals. */
export function total(terms: readonly ScoreTerm[]): number {
  return round(terms.reduce((sum, t) => sum + t.points, 0));
}

/** The terms as shown: factors to three decimals, points to two. */
export function shownTerms(terms: readonly ScoreTerm[]): ScoreTerm[] {
  return terms.map((t) => ({ ...t, factor: Math.round(t.factor * 1000) / 1000, points: round(t.points) }));
}
