// The words of the morning list. A plan, not a reproach: "time to reach out
// to Anna (last coffee 43 days ago, you meet every 30 days)", never "neglected".
import { monthInWords } from '../date-order.js';
import { formatInterval } from '../intervals.js';
import type { ConversationFacts, OutreachStep } from './types.js';

const CHANNEL_NOUNS: Record<string, string> = {
  email: 'email',
  linkedin: 'LinkedIn message',
  message: 'message',
  social: 'social media message',
  call: 'call',
  video: 'video call',
  coffee: 'coffee',
  meal: 'meal',
  meeting: 'meeting',
  event: 'event',
};

/** "coffee", "LinkedIn message"; "contact" for other channels. */
export function channelNoun(channel: string): string {
  return CHANNEL_NOUNS[channel] ?? 'contact';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A silence this long is said in months and years, not counted in days. */
export const LONG_SILENCE_DAYS = 365;

/** "today", "yesterday", "3 days ago"; "over a year ago", "over 15 years ago". */
export function ago(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 0) return ahead(-days);
  if (days >= LONG_SILENCE_DAYS) {
    const years = Math.floor(days / 365);
    return years === 1 ? 'over a year ago' : `over ${years} years ago`;
  }
  return `${plural(days, 'day')} ago`;
}

/** "today", "tomorrow", "in 3 days". */
export function ahead(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 0) return ago(-days);
  return `in ${plural(days, 'day')}`;
}

/** When an item is due, from its days_overdue: "today", "3 days ago", "in 2 days". */
export function dueWhen(daysOverdue: number): string {
  return daysOverdue >= 0 ? ago(daysOverdue) : ahead(-daysOverdue);
}

export interface Wording {
  /** A full sentence with the name. */
  reason: string;
  /** Short, without the name, for a table that has a name column. */
  summary: string;
  /** True on any day (no "3 days ago"), for calendar entries. */
  title: string;
}

/**
 * `from`: the day the silence counts from (the last contact, or the meeting,
 * the plan or the day added). A long one is said by its month: "last call in
 * September 2016", "met in September 2010, nothing logged since".
 */
export function cadenceWording(name: string, rhythm: number, since: number, lastChannel: string | null, anchor: Anchor, from: string): Wording {
  const every = `you meet every ${formatInterval(rhythm)}`;
  const long = since >= LONG_SILENCE_DAYS;
  if (lastChannel !== null) {
    const last = `last ${channelNoun(lastChannel)} ${long ? `in ${monthInWords(from)}` : ago(since)}`;
    return {
      reason: `time to reach out to ${name} (${last}, ${every})`,
      summary: `${last} (every ${formatInterval(rhythm)})`,
      title: `Reach out to ${name}`,
    };
  }
  if (anchor === 'dismissed') {
    const dismissed = `dismissed ${ago(since)}`;
    return {
      reason: `time to reach out to ${name} (${dismissed}, ${every})`,
      summary: `${dismissed} (every ${formatInterval(rhythm)})`,
      title: `Reach out to ${name}`,
    };
  }
  const start = long && anchor !== 'planned' ? `${anchor} in ${monthInWords(from)}, nothing logged since` : anchorText(anchor, since);
  return {
    reason: `time for a first touch with ${name} (${start}, ${every})`,
    summary: `first touch: ${start} (every ${formatInterval(rhythm)})`,
    title: `First touch with ${name}`,
  };
}

/** What a rhythm counts from when it is not the last contact. */
export type Anchor = 'met' | 'planned' | 'added' | 'first contact' | 'dismissed';

function anchorText(anchor: Anchor, days: number): string {
  if (anchor === 'planned') return 'no contact yet';
  return `${anchor} ${ago(days)}`;
}

export function replyWording(name: string, channel: string, since: number, daysOverdue: number, dueOn: string): Wording {
  const noun = channelNoun(channel);
  const came = `their ${noun} came ${ago(since)}`;
  const advice =
    daysOverdue < 0
      ? `answering by ${dueOn} keeps the conversation going`
      : daysOverdue === 0
        ? 'today is a good day to answer'
        : 'a short answer today still keeps the conversation going';
  return {
    reason: `reply to ${name} (${came}; ${advice})`,
    summary: `reply to their ${noun} (${ago(since)})`,
    title: `Reply to ${name}'s ${noun}`,
  };
}

export function followupWording(name: string, text: string, daysOverdue: number): Wording {
  const flat = text.replace(/\s+/g, ' ').trim();
  return {
    reason: `keep your promise to ${name}: ${flat} (due ${dueWhen(daysOverdue)})`,
    summary: `promised: ${flat}`,
    title: `Promise to ${name}: ${flat}`,
  };
}

/**
 * Their promise, late: resurfaced politely, as a question. The text is the
 * promise as typed ("send the deck", "she'll send the deck"), so it is quoted
 * after a colon rather than bent into a sentence.
 */
export function awaitedWording(name: string, text: string, daysOverdue: number): Wording {
  const flat = text.replace(/\s+/g, ' ').trim();
  return {
    reason: `${name} promised: ${flat} (due ${dueWhen(daysOverdue)}) — a gentle nudge?`,
    summary: `they promised: ${flat} — a gentle nudge?`,
    title: `${name}'s promise: ${flat}`,
  };
}

/** A way of reaching out that waits on their promise: the words say why it ranks lower. */
export function waitingWording(words: Wording, promise: { text: string; due_on: string }): Wording {
  const flat = promise.text.replace(/\s+/g, ' ').trim();
  return {
    reason: `${words.reason}; the ball is in their court (they promised: ${flat}, by ${promise.due_on})`,
    summary: `${words.summary}; waiting on them`,
    title: words.title,
  };
}

export function nurtureWording(name: string, anchor: Anchor, days: number): Wording {
  const from = anchorText(anchor, days);
  return {
    reason: `a second touch with ${name} keeps the new connection alive (${from})`,
    summary: `new: a second touch (${from})`,
    title: `Second touch with ${name}`,
  };
}

export function birthdayWording(name: string, daysLeft: number, on: string): Wording {
  const when = ahead(daysLeft);
  return {
    reason: `${name}'s birthday is ${when} (${on}): a good moment for a message`,
    summary: `birthday ${when}`,
    title: `${name}'s birthday`,
  };
}

/** Two nudges without a reply are enough: respect the other person's time. */
export const MAX_NUDGES = 2;

export function outreachWording(step: OutreachStep): Wording {
  return { ...outreachText(step), title: `Outreach: ${step.name}` };
}

function outreachText(step: OutreachStep): Omit<Wording, 'title'> {
  const { name } = step;
  const why = step.why ? ` (${step.why.replace(/\s+/g, ' ').trim()})` : '';
  switch (step.stage) {
    case 'target':
      if (step.via && step.asked_on) {
        return {
          reason: `no introduction to ${name} yet (you asked ${step.via} on ${step.asked_on}): ask again, or write yourself mentioning them${why}`,
          summary: `outreach: asked ${step.via} on ${step.asked_on}; ask again or write`,
        };
      }
      return step.via
        ? { reason: `ask ${step.via} to introduce you to ${name}${why}`, summary: `outreach: ask ${step.via} for an introduction` }
        : { reason: `time for a first, personal message to ${name}${why}`, summary: 'outreach: a first, personal message' };
    case 'contacted':
      if (step.nudges >= MAX_NUDGES) {
        return {
          reason: `no reply from ${name} after ${plural(step.nudges, 'nudge')}: park it (\`net outreach step ${quoteArg(name)} parked\`) rather than a third nudge`,
          summary: 'outreach: park it rather than nudge again',
        };
      }
      return {
        reason: `no reply from ${name} yet: a gentle nudge is fine (nudge ${step.nudges + 1} of ${MAX_NUDGES})${why}`,
        summary: 'outreach: a gentle nudge',
      };
    case 'replied':
      return { reason: `${name} replied: suggest a short call or a virtual coffee${why}`, summary: 'outreach: suggest a call or a coffee' };
    case 'met':
      return { reason: `after meeting ${name}: follow up, and mark them connected when it clicks${why}`, summary: 'outreach: follow up after meeting' };
    default:
      return { reason: `next outreach step with ${name} (${step.stage})${why}`, summary: `outreach: next step (${step.stage})` };
  }
}

function quoteArg(text: string): string {
  return /^[\p{L}\p{N}._-]+$/u.test(text) ? text : `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
}

const HINT_NOTE_MAX = 80;

/** Something to start the conversation with: the last note, then their interests. */
export function conversationHint(facts: ConversationFacts | undefined): string | null {
  if (!facts) return null;
  const parts: string[] = [];
  const note = facts.last_note?.replace(/\s+/g, ' ').trim();
  if (note) {
    const chars = Array.from(note);
    parts.push(`last time: ${chars.length > HINT_NOTE_MAX ? `${chars.slice(0, HINT_NOTE_MAX - 1).join('')}…` : note}`);
  }
  if (facts.interests.length > 0) parts.push(`ask about ${facts.interests.slice(0, 3).join(', ')}`);
  return parts.length ? parts.join('; ') : null;
}

