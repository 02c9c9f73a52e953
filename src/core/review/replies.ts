// Replies owed. An inbound message through a written channel (email,
// LinkedIn, a message, social) that nothing follows is a reply owed, due
// `reply_window` days after it: the rule of `net due`. Several messages in a
// row are one reply owed, due after the latest; the next interaction of any
// other kind answers it.
import { dayNumber } from '../scheduler/days.js';
import { replyCandidate, type SourceContext } from '../scheduler/kinds.js';
import type { ReviewContact } from './contacts.js';
import { byDay, byName } from './order.js';

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
 * One person's part in an interaction: [person, day, whether it asks for a
 * reply (an inbound written message)]. Arrays, not objects: a busy week on a
 * large network has tens of thousands.
 */
export type Touch = readonly [contact_id: number, on: string, asks: boolean | 0 | 1];

/**
 * The people whose touch just before the period must be known to tell what
 * the period answered: those whose first touch in it is not itself a message
 * asking for a reply (one that is answers nothing, whatever came before).
 */
export function needingPrevious(period: readonly Touch[]): number[] {
  const seen = new Set<number>();
  const needed: number[] = [];
  // Indexed loops: this runs once per process over tens of thousands of
  // touches, before the JIT has warmed up, where iterators cost four times more.
  for (let k = 0; k < period.length; k++) {
    const id = period[k][0];
    if (seen.has(id)) continue;
    seen.add(id);
    if (!period[k][2]) needed.push(id);
  }
  return needed;
}

/**
 * The replies answered in a period: each touch that does not ask for a reply
 * and whose person's previous touch did. `period` holds the period's touches
 * in time order, `before` each person's last touch before the period (those
 * needingPrevious names). The asked day is the latest message of the run the
 * answer closes, the one `net due` counts the deadline from.
 */
export function answeredIn(period: readonly Touch[], before: ReadonlyMap<number, Touch>): AnsweredReply[] {
  const previous = new Map<number, Touch>(before);
  const answered: AnsweredReply[] = [];
  for (let k = 0; k < period.length; k++) {
    const touch = period[k];
    const contact_id = touch[0];
    const last = previous.get(contact_id);
    if (last !== undefined && last[2] && !touch[2]) answered.push({ contact_id, asked_on: last[1], answered_on: touch[1] });
    previous.set(contact_id, touch);
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
  owed.sort((a, b) => byDay(a.due_on, b.due_on) || byName(a.name, b.name));
  return {
    answered_on_time: onTime,
    answered_late: answered.length - onTime,
    still_owed: owed.length,
    overdue: owed.filter((r) => r.days_overdue > 0).length,
    owed,
  };
}
