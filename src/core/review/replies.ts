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
