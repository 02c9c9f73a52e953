// Replies owed. An inbound message through a written channel (email,
// LinkedIn, a message, social) that nothing follows is a reply owed, due
// `reply_window` days after it: the rule of `net due`. Several messages in a
// row are one reply owed, due after the latest; the next interaction of any
// other kind answers it.
import { dayNumber, dayString } from '../scheduler/days.js';
import { replyCandidate, type SourceContext } from '../scheduler/kinds.js';
import type { ReviewContact } from './contacts.js';
import { byDay } from '../dates.js';
import { sortWithNames } from '../names.js';

/** An owed reply that was answered: the last message before the answer, and the answer's day. */
export interface AnsweredReply {
  contact_id: number;
  asked_on: string;
  answered_on: string;
}

export interface OwedReply {
  contact_id: number;
  name: string;
  /** The day of the latest message. */
  since: string;
  due_on: string;
  /** Days since the due day (negative while days are left). */
  days_overdue: number;
  channel: string;
}

export interface RepliesSection {
  /** Answered in the period, within the reply window. */
  answered_on_time: number;
  /** Answered in the period, after the reply window. */
  answered_late: number;
  /** Owed today. */
  still_owed: number;
  /** Of those, past their due day. */
  overdue: number;
  owed: OwedReply[];
}

/**
 * The touches of a period (each person's part in each interaction) in time
 * order, as columns: the person, the day (a day number) and whether it asks
 * for a reply (an inbound written message). Columns, not one object per
 * touch: a busy week on a large network has tens of thousands.
 */
export interface Touches {
  contact: readonly number[];
  day: readonly number[];
  asks: ReadonlyArray<boolean | 0 | 1>;
}

/** A person's last touch before the period. */
export interface TouchBefore {
  day: number;
  asks: boolean | 0 | 1;
}

/**
 * For each touch of the period, the index of the same person's touch before
 * it in the period, or -1 for their first. People are found in a typed array
 * indexed by id when the ids are small enough (net's ids count up from 1),
 * else in a Map: this runs once per process over tens of thousands of
 * touches, before the JIT has warmed up.
 */
export function previousInPeriod(contact: readonly number[]): Int32Array {
  const previous = new Int32Array(contact.length);
  let top = 0;
  let small = true;
  for (let k = 0; k < contact.length; k++) {
    const id = contact[k];
    if (!Number.isInteger(id) || id < 0) small = false;
    else if (id > top) top = id;
  }
  if (small && top <= 8 * contact.length + 65_536) {
    const last = new Int32Array(top + 1).fill(-1);
    for (let k = 0; k < contact.length; k++) {
      previous[k] = last[contact[k]];
      last[contact[k]] = k;
    }
    return previous;
  }
  const last = new Map<number, number>();
  for (let k = 0; k < contact.length; k++) {
    previous[k] = last.get(contact[k]) ?? -1;
    last.set(contact[k], k);
  }
  return previous;
}

/** How many people the touches of a period involve. */
export function peopleIn(previous: Int32Array): number {
  let people = 0;
  for (let k = 0; k < previous.length; k++) if (previous[k] === -1) people += 1;
  return people;
}

/**
 * The people whose touch just before the period must be known to tell what
 * the period answered: those whose first touch in it is not itself a message
 * asking for a reply (one that is answers nothing, whatever came before).
 */
export function needingPrevious(period: Touches, previous = previousInPeriod(period.contact)): number[] {
  const needed: number[] = [];
  for (let k = 0; k < previous.length; k++) if (previous[k] === -1 && !period.asks[k]) needed.push(period.contact[k]);
  return needed;
}

/**
 * The replies answered in a period: each touch that does not ask for a reply
 * and whose person's previous touch did. `before` holds each person's last
 * touch before the period (those needingPrevious names). The asked day is the
 * latest message of the run the answer closes, the one `net due` counts the
 * deadline from.
 */
export function answeredIn(period: Touches, before: ReadonlyMap<number, TouchBefore>, previous = previousInPeriod(period.contact)): AnsweredReply[] {
  const { contact, day, asks } = period;
  const answered: AnsweredReply[] = [];
  for (let k = 0; k < contact.length; k++) {
    if (asks[k]) continue;
    const at = previous[k];
    let askedDay: number;
    if (at !== -1) {
      if (!asks[at]) continue;
      askedDay = day[at];
    } else {
      const earlier = before.get(contact[k]);
      if (!earlier?.asks) continue;
      askedDay = earlier.day;
    }
    const id = contact[k];
    answered.push({ contact_id: id, asked_on: dayString(askedDay), answered_on: dayString(day[k]) });
  }
  return answered.sort((a, b) => byDay(a.answered_on, b.answered_on) || a.contact_id - b.contact_id);
}

export function answeredOnTime(reply: AnsweredReply, replyWindow: number): boolean {
  return dayNumber(reply.answered_on) - dayNumber(reply.asked_on) <= replyWindow;
}

export function repliesSection(
  answered: readonly AnsweredReply[],
  contacts: readonly ReviewContact[],
  context: SourceContext,
): RepliesSection {
  const onTime = answered.filter((r) => answeredOnTime(r, context.settings.reply_window)).length;
  const owed: OwedReply[] = [];
  for (const contact of contacts) {
    const item = replyCandidate(contact, context);
    if (!item || item.last_on === null) continue;
    owed.push({
      contact_id: contact.id,
      name: contact.name,
      since: item.last_on,
      due_on: item.due_on,
      days_overdue: item.days_overdue,
      channel: item.channel ?? contact.last?.channel ?? 'other',
    });
  }
  sortWithNames(owed, (a, b) => byDay(a.due_on, b.due_on), (o) => o.name);
  return {
    answered_on_time: onTime,
    answered_late: answered.length - onTime,
    still_owed: owed.length,
    overdue: owed.filter((r) => r.days_overdue > 0).length,
    owed,
  };
}
