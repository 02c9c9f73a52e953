// Next: three to five concrete things for the coming week, drawn from the
// sections. Promises and replies come first (someone is waiting), then the
// closest people due, the relationships fading, where to give back, a circle
// to prune, a rhythm to adjust, and the outreach list. A person appears once.
import { formatInterval } from '../intervals.js';
import { CIRCLES, circleRank } from '../vocabulary.js';
import type { BalanceSection } from './balance.js';
import type { CircleEntry, OverduePerson } from './circles.js';
import type { FadingEntry } from './fading.js';
import type { FollowupsSection } from './followups.js';
import type { OutreachSection } from './outreach.js';
import type { RepliesSection } from './replies.js';
import type { RhythmSuggestion } from './rhythms.js';

export const NEXT_MAX = 5;

export type NextKind = 'reply' | 'followup' | 'reach_out' | 'fading' | 'give_back' | 'prune' | 'rhythm' | 'outreach' | 'start';

export interface NextStep {
  kind: NextKind;
  contact_id: number | null;
  name: string | null;
  text: string;
}

export interface NextSources {
  replies: RepliesSection;
  followups: FollowupsSection;
  overdue: readonly OverduePerson[];
  fading: readonly FadingEntry[];
  balance: BalanceSection;
  circles: readonly CircleEntry[];
  rhythms: readonly RhythmSuggestion[];
  outreach: OutreachSection;
  /** People not archived. */
  networkSize: number;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function wider(circle: string): string {
  return CIRCLES[Math.min(circleRank(circle) + 1, CIRCLES.length - 1)];
}

function gap(n: number): string {
  return Number.isInteger(n) ? formatInterval(n) : `${n} days`;
}

/**
 * The candidates of one kind, in order, each made into a step only when it is
 * chosen: thousands of people can be due or fading, and five steps are shown.
 */
interface Candidates {
  count: number;
  contactAt: (index: number) => number | null;
  stepAt: (index: number) => NextStep;
}

function lazily<T>(items: readonly T[], contact: (item: T) => number | null, step: (item: T) => NextStep): Candidates {
  return { count: items.length, contactAt: (i) => contact(items[i]), stepAt: (i) => step(items[i]) };
}

const person = (item: { contact_id: number }) => item.contact_id;
const nobody = () => null;

function candidates(s: NextSources): Candidates[] {
  // Late replies, the most recently due first (a message of last week still wants an answer), then those coming due.
  const late = s.replies.owed.filter((r) => r.days_overdue >= 0).sort((a, b) => a.days_overdue - b.days_overdue);
  const coming = s.replies.owed.filter((r) => r.days_overdue < 0);
  const replies = lazily([...late, ...coming], person, (r): NextStep => ({
      kind: 'reply',
      contact_id: r.contact_id,
      name: r.name,
      text: `Reply to ${r.name}: their ${r.channel} of ${r.since} waits for an answer (due ${r.due_on}).`,
    }));
  const promises = lazily(s.followups.overdue_items, person, (f): NextStep => ({
    kind: 'followup',
    contact_id: f.contact_id,
    name: f.name,
    text: `Keep your promise to ${f.name}: "${f.text}" (due ${f.due_on}, ${days(f.days_overdue)} ago).`,
  }));
  const reachOut = lazily(s.overdue, person, (p): NextStep => {
    const last = p.last_contact ? `last contact ${p.last_contact}` : 'not in touch yet';
    const via = p.channel ? ` — a ${p.channel} fits them` : '';
    return {
      kind: 'reach_out',
      contact_id: p.contact_id,
      name: p.name,
      text: `Reach out to ${p.name} (${p.circle}, every ${formatInterval(p.rhythm)}; ${last})${via}.`,
    };
  });
  const fading = lazily(s.fading, person, (f): NextStep => ({
    kind: 'fading',
    contact_id: f.contact_id,
    name: f.name,
    text: `Get back in touch with ${f.name}: you usually talk every ${gap(f.usual_gap_days)}, and it has been ${days(f.current_gap_days)}.`,
  }));
  const giveBack = lazily(
    s.balance.one_sided.filter((p) => p.received > p.given),
    person,
    (p): NextStep => ({
      kind: 'give_back',
      contact_id: p.contact_id,
      name: p.name,
      text: `Give back to ${p.name}: ${p.received} favours received, ${p.given} given — an introduction, a referral or a useful read.`,
    }));
  const prune = lazily(
    s.circles.filter((c) => c.over_by > 0),
    nobody,
    (c): NextStep => ({
      kind: 'prune',
      contact_id: null,
      name: null,
      text: `Prune the ${c.circle} circle: ${c.size} people for a natural ${c.natural_size} — move ${c.over_by} to ${wider(c.circle)} (net edit NAME --circle ${wider(c.circle)}).`,
    }));
  const rhythms = lazily(s.rhythms, person, (r): NextStep => ({
    kind: 'rhythm',
    contact_id: r.contact_id,
    name: r.name,
    text: `Adjust the rhythm with ${r.name}: set every ${formatInterval(r.rhythm_days)}, usually every ${gap(r.usual_gap_days)} — net edit ${r.contact_id} --every "${formatInterval(r.suggested_days)}".`,
  }));
  const targets = s.outreach.stages.find((st) => st.stage === 'target')?.count ?? 0;
  const outreach: NextStep[] =
    targets > 0
      ? [{ kind: 'outreach', contact_id: null, name: null, text: `Move your outreach on: ${targets} ${targets === 1 ? 'person waits' : 'people wait'} for a first message (net outreach next).` }]
      : [];
  return [replies, promises, reachOut, fading, giveBack, prune, rhythms, lazily(outreach, (step) => step.contact_id, (step) => step)];
}

/**
 * Up to NEXT_MAX steps, taken in rounds: the first of each kind in order of
 * priority, then the second of each, and so on, so that a week with many
 * replies owed still hears about the circle to prune.
 */
export function nextSteps(s: NextSources): NextStep[] {
  const groups = candidates(s);
  const chosen: NextStep[] = [];
  const people = new Set<number>();
  const cursors = groups.map(() => 0);
  let progressed = true;
  while (chosen.length < NEXT_MAX && progressed) {
    progressed = false;
    groups.forEach((group, g) => {
      // Skip people already chosen for a more pressing reason.
      const taken = (i: number) => {
        const id = group.contactAt(i);
        return id !== null && people.has(id);
      };
      while (cursors[g] < group.count && taken(cursors[g])) cursors[g] += 1;
      if (chosen.length >= NEXT_MAX || cursors[g] >= group.count) return;
      const step = group.stepAt(cursors[g]++);
      if (step.contact_id !== null) people.add(step.contact_id);
      chosen.push(step);
      progressed = true;
    });
  }
  if (chosen.length === 0) {
    chosen.push(
      s.networkSize === 0
        ? { kind: 'start', contact_id: null, name: null, text: 'Add the people who matter to you: net add "NAME" --circle close.' }
        : { kind: 'start', contact_id: null, name: null, text: 'Everyone is on rhythm: log this week\'s conversations with net log as they happen.' },
    );
  }
  return chosen;
}
