// The scheduler: plain facts about the network, a day and the settings in;
// the ranked list of relationships that need attention out. Pure: no I/O, no
// clock. The rules of each kind live in scheduler/kinds.ts, the score in
// scheduler/scoring.ts, the words in scheduler/wording.ts.
import { isIsoDay } from './dates.js';
import { nameKey } from './names.js';
import { dayNumber } from './scheduler/days.js';
import { REACH_OUT_PRECEDENCE, SOURCES, waitingOn, waitingOnThem, type Candidate, type SourceContext } from './scheduler/kinds.js';
import { circleTerm, shownTerms, total } from './scheduler/scoring.js';
import type { AttentionItem, AttentionKind, ConversationFacts, SchedulerInput } from './scheduler/types.js';
import { conversationHint, type Wording } from './scheduler/wording.js';

export * from './scheduler/types.js';
export { relevanceFilter, type RelevanceFilter } from './scheduler/relevance.js';
export { closeness, REPLY_URGENT_DAYS } from './scheduler/scoring.js';
export { dueWhen, MAX_NUDGES } from './scheduler/wording.js';

const KIND_ORDER: readonly AttentionKind[] = ['reply', 'followup', 'awaited', 'outreach', 'nurture', 'cadence', 'birthday'];

/** Keeps one way of reaching out per person (see REACH_OUT_PRECEDENCE); follow-ups and birthdays stay. */
function onePerPerson(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<number, number>();
  for (const c of candidates) {
    const rank = REACH_OUT_PRECEDENCE.indexOf(c.kind);
    if (rank === -1) continue;
    const current = best.get(c.contact_id);
    if (current === undefined || rank < current) best.set(c.contact_id, rank);
  }
  return candidates.filter((c) => {
    const rank = REACH_OUT_PRECEDENCE.indexOf(c.kind);
    return rank === -1 || best.get(c.contact_id) === rank;
  });
}

/** Plain ASCII names need no Unicode normalisation to sort without case. */
function sortKey(name: string): string {
  return /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : nameKey(name);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * By score (highest first), then name (without case or accents), then kind,
 * then ids: the same input always gives the same order. Each item becomes one
 * string that sorts in that order, so that the sort runs without calling back
 * into JavaScript for each of its many comparisons (names hold no control
 * characters, so \u0001 separates the fields).
 */
export function rankItems(items: readonly AttentionItem[]): AttentionItem[] {
  const keys = items.map((item, index) =>
    [
      pad(999_999_999 - Math.round(item.score * 100), 10),
      sortKey(item.name),
      item.name,
      `${KIND_ORDER.indexOf(item.kind)}${pad(item.contact_id, 12)}${pad(item.followup_id ?? 0, 12)}`,
      index,
    ].join('\u0001'),
  );
  keys.sort();
  return keys.map((key) => items[Number(key.slice(key.lastIndexOf('\u0001') + 1))]);
}

/** The attention items for `input.today`, ranked. */
export function scheduleAttention(input: SchedulerInput): AttentionItem[] {
  return scheduleTop(input, Number.POSITIVE_INFINITY).items;
}

/**
 * The first `limit` attention items for `input.today`, ranked, and how many
 * there are in all: the same as the start of scheduleAttention's list, but
 * only the items that can be among the first are made and ranked (the morning
 * list shows seven of what can be thousands on a large network).
 */
export function scheduleTop(input: SchedulerInput, limit: number): { items: AttentionItem[]; total: number } {
  const contacts = new Map(input.contacts.map((c) => [c.id, c]));
  if (!isIsoDay(input.today)) throw new RangeError(`not a YYYY-MM-DD day: ${input.today}`);
  const context: SourceContext = {
    today: input.today,
    day: dayNumber(input.today),
    settings: input.settings,
    contacts,
    inOutreach: new Set(input.outreach.map((o) => o.contact_id)),
    waitingOn: waitingOn(input.followups, input.today),
  };
  const candidates = onePerPerson(SOURCES.flatMap((source) => source(input, context)));
  const scored = candidates.map((raw) => {
    // The circle's term, then the one that waits on their promise (when the ball is in their court).
    const c = waitingOnThem({ ...raw, terms: [...raw.terms, circleTerm(input.settings.weights, contacts.get(raw.contact_id)?.circle ?? null)] }, context);
    return { candidate: c, terms: c.terms, score: total(c.terms) };
  });
  let kept = scored;
  if (limit < scored.length) {
    // The score of the limit-th item: only items scoring at least that can be among the first.
    const scores = Float64Array.from(scored, (s) => s.score).sort();
    const lowest = scores[scores.length - Math.max(limit, 1)];
    kept = scored.filter((s) => s.score >= lowest);
  }
  const items = kept.map(({ candidate: c, terms, score }): AttentionItem => {
    let wording: Wording | undefined;
    const words = (): Wording => (wording ??= c.words());
    return {
      kind: c.kind,
      contact_id: c.contact_id,
      name: c.name,
      due_on: c.due_on,
      days_overdue: c.days_overdue,
      score,
      // Enumerable getters: JSON, spreads and CSV read them like plain fields.
      get reason() {
        return words().reason;
      },
      get summary() {
        return words().summary;
      },
      get title() {
        return words().title;
      },
      followup_id: c.followup_id,
      channel: c.channel,
      last_on: c.last_on,
      terms: shownTerms(terms),
      hint: null,
    };
  });
  const ranked = rankItems(items);
  return { items: limit < ranked.length ? ranked.slice(0, limit) : ranked, total: scored.length };
}

/** Adds a conversation hint to each item from what is known about the person. */
export function withHints(items: readonly AttentionItem[], facts: ReadonlyMap<number, ConversationFacts>): AttentionItem[] {
  return items.map((item) => ({ ...item, hint: conversationHint(facts.get(item.contact_id)) }));
}
