// One suggested opener for a brief, built from the record, deterministic (no
// language model): the first of these that the record holds. What is owed
// comes first (a promise of yours, a reply, theirs), then what was said last
// time, then what you share, then what is known about them.
import type { Brief } from './brief.js';
import { channelNoun, dueWhen } from './scheduler/wording.js';

export const OPENER_SOURCES = [
  'my_promise',
  'reply',
  'their_promise',
  'last_note',
  'shared_interest',
  'favour',
  'interest',
  'how_met',
  'company',
  'none',
] as const;
export type OpenerSource = (typeof OPENER_SOURCES)[number];

export interface Opener {
  text: string;
  /** What it was built from. */
  from: OpenerSource;
}

/** A quoted piece of the record is cut here: an opener is one sentence. */
const QUOTE_MAX = 100;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/[.!?;:,]+$/, '');
  const chars = Array.from(flat);
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX - 1).join('')}…` : flat;
}

/** "due 2 days ago", "due today", "by 2026-03-20". */
function when(promise: { due_on: string; days_overdue: number }): string {
  return promise.days_overdue >= 0 ? `due ${dueWhen(promise.days_overdue)}` : `by ${promise.due_on}`;
}

/** "AI", "AI or fintech", "AI, fintech or running". */
function either(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function chooseOpener(brief: Omit<Brief, 'opener'>): Opener {
  const [mine] = brief.promises.mine;
  if (mine) return { from: 'my_promise', text: `Start by keeping your promise: ${quote(mine.text)} (${when(mine)}).` };
  if (brief.reply_owed) {
    const { channel, came_on } = brief.reply_owed;
    return { from: 'reply', text: `Answer their ${channelNoun(channel)} of ${came_on} first: it is still waiting for a reply.` };
  }
  // A late promise of theirs before one still in time.
  const theirs = [...brief.promises.theirs].sort((a, b) => b.days_overdue - a.days_overdue)[0];
  if (theirs) {
    return theirs.days_overdue > 0
      ? { from: 'their_promise', text: `Ask, kindly, about what they promised: ${quote(theirs.text)} (${when(theirs)}).` }
      : { from: 'their_promise', text: `Ask how it is going with what they promised: ${quote(theirs.text)} (${when(theirs)}).` };
  }
  const noted = brief.last_touches.find((t) => t.note !== null && t.note.trim() !== '');
  if (noted?.note) return { from: 'last_note', text: `Pick up from last time (${noted.date}): ${quote(noted.note)}.` };
  const [shared] = brief.shared_interests;
  if (shared) return { from: 'shared_interest', text: `A topic for everyone: ${quote(shared.interest)} (shared with ${shared.with.map((p) => p.name).join(', ')}).` };
  const { leaning, last_received } = brief.balance;
  if (leaning === 'received' && last_received) {
    return { from: 'favour', text: `Thank them again for ${quote(last_received.text)}, and ask how you can help in return.` };
  }
  if (brief.interests.length) return { from: 'interest', text: `Ask about ${either(brief.interests.slice(0, 3).map(quote))}.` };
  if (brief.how_met) return { from: 'how_met', text: `Recall where you met: ${quote(brief.how_met)}.` };
  if (brief.company) return { from: 'company', text: `Ask how things are at ${quote(brief.company)}.` };
  return { from: 'none', text: 'Ask what they are working on these days.' };
}
