// The scheduler: plain facts about the network, a day and the settings in;
// the ranked list of relationships that need attention out. Pure: no I/O, no
// clock. The rules of each kind live in scheduler/kinds.ts, the score in
// scheduler/scoring.ts, the words in scheduler/wording.ts.
import { isIsoDay } from './dates.js';
import { dayNumber } from './scheduler/days.js';
import { REACH_OUT_PRECEDENCE, SOURCES, type Candidate, type SourceContext } from './scheduler/kinds.js';
import { circleTerm, shownTerms, total } from './scheduler/scoring.js';
import type { AttentionItem, AttentionKind, ConversationFacts, SchedulerInput } from './scheduler/types.js';
import { conversationHint } from './scheduler/wording.js';

export * from './scheduler/types.js';
export { closeness, REPLY_URGENT_DAYS } from './scheduler/scoring.js';
export { dueWhen, MAX_NUDGES } from './scheduler/wording.js';

const KIND_ORDER: readonly AttentionKind[] = ['reply', 'followup', 'outreach', 'nurture', 'cadence', 'birthday'];
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

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

/** By score (highest first), then name, then kind, then ids: the same input always gives the same order. */
export function compareItems(a: AttentionItem, b: AttentionItem): number {
  return (
    b.score - a.score ||
    collator.compare(a.name, b.name) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.contact_id - b.contact_id ||
    (a.followup_id ?? 0) - (b.followup_id ?? 0)
  );
}

/** The attention items for `input.today`, ranked. */
export function scheduleAttention(input: SchedulerInput): AttentionItem[] {
  const contacts = new Map(input.contacts.map((c) => [c.id, c]));
  if (!isIsoDay(input.today)) throw new RangeError(`not a YYYY-MM-DD day: ${input.today}`);
  const context: SourceContext = {
    today: input.today,
    day: dayNumber(input.today),
    settings: input.settings,
    contacts,
    inOutreach: new Set(input.outreach.map((o) => o.contact_id)),
  };
  const candidates = onePerPerson(SOURCES.flatMap((source) => source(input, context)));
  const items = candidates.map((c): AttentionItem => {
    const terms = [...c.terms, circleTerm(input.settings.weights, contacts.get(c.contact_id)?.circle ?? null)];
    return {
      kind: c.kind,
      contact_id: c.contact_id,
      name: c.name,
      due_on: c.due_on,
      days_overdue: c.days_overdue,
      score: total(terms),
      reason: c.reason,
      summary: c.summary,
      title: c.title,
      followup_id: c.followup_id,
      channel: c.channel,
      last_on: c.last_on,
      terms: shownTerms(terms),
      hint: null,
    };
  });
  return items.sort(compareItems);
}

/** Adds a conversation hint to each item from what is known about the person. */
export function withHints(items: readonly AttentionItem[], facts: ReadonlyMap<number, ConversationFacts>): AttentionItem[] {
  return items.map((item) => ({ ...item, hint: conversationHint(facts.get(item.contact_id)) }));
}
