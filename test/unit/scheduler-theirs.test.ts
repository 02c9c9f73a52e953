// Their promises (`followup add --theirs`) in the morning list: while one is
// open and not late, the ball is in their court and reaching out ranks lower
// (the `waiting` term); once late, it comes back as a gentle nudge (the
// `awaited` kind). A reply owed, a promise of yours and a birthday are never
// lowered. NET_NOW is 2026-03-14 (see scheduler-fixtures.ts).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import type { ContactFacts, OpenFollowup, OutreachStep } from '../../src/core/scheduler.js';
import { ago, person, schedule, settings, TODAY } from './scheduler-fixtures.js';

const theirs = (due_on: string, id = 7, text = 'send the deck'): OpenFollowup => ({ id, contact_id: 1, name: 'Anna Meyer', text, due_on, theirs: true });
const mine = (due_on: string, id = 8): OpenFollowup => ({ id, contact_id: 1, name: 'Anna Meyer', text: 'intro to Sara', due_on });
/** Close circle, last coffee 43 days ago: a cadence item of 6 × 13/43 + 3. */
const lapsed = (overrides: Partial<ContactFacts> = {}) => person({ last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, ...overrides });
const termsOf = (followups: OpenFollowup[], contacts = [lapsed()]) =>
  schedule({ contacts, followups }).map((i) => [i.kind, i.terms.map((t) => `${t.name} ${t.points}`).join(' + '), i.score]);

describe('while their promise is open and not late', () => {
  it('reaching out ranks lower by weight.waiting, and says why', () => {
    const [without] = schedule({ contacts: [lapsed()] });
    const [waiting] = schedule({ contacts: [lapsed()], followups: [theirs(addDays(TODAY, 6))] });
    expect(waiting.kind).toBe('cadence');
    expect(waiting.score).toBeCloseTo(without.score - 4, 2);
    expect(waiting.terms.find((t) => t.name === 'waiting')).toEqual({ name: 'waiting', weight: 4, factor: -1, points: -4 });
    expect(waiting.summary).toBe('last coffee 43 days ago (every 30 days); waiting on them');
    expect(waiting.reason).toBe(
      'time to reach out to Anna Meyer (last coffee 43 days ago, you meet every 30 days); the ball is in their court (they promised: send the deck, by 2026-03-20)',
    );
  });

  it.each<[string, string]>([
    ['due today: not late yet', TODAY],
    ['due in 30 days', addDays(TODAY, 30)],
  ])('%s', (_, due) => {
    expect(termsOf([theirs(due)])).toEqual([['cadence', 'overshoot 1.81 + circle 3 + waiting -4', 0.81]]);
  });

  it('names the earliest of several promises', () => {
    const [item] = schedule({ contacts: [lapsed()], followups: [theirs(addDays(TODAY, 9), 3, 'the slides'), theirs(addDays(TODAY, 2), 9, 'the deck')] });
    expect(item.reason).toMatch(/they promised: the deck, by 2026-03-16\)$/);
    expect(item.terms.filter((t) => t.name === 'waiting')).toHaveLength(1);
  });

  it('lowers a second touch and an outreach step too', () => {
    const fresh = person({ circle: 'network', last: null, interactions: 0, added_on: ago(8) });
    expect(termsOf([theirs(TODAY)], [fresh])).toEqual([['nurture', 'new_contact 4.29 + circle 1 + waiting -4', 1.29]]);
    const step: OutreachStep = { contact_id: 1, name: 'Anna Meyer', stage: 'contacted', next_on: TODAY, nudges: 0, channel: 'email', why: null };
    const [item] = schedule({ contacts: [person()], followups: [theirs(TODAY)], outreach: [step] });
    expect([item.kind, item.score]).toEqual(['outreach', 3 + 3 - 4]);
  });

  it('never lowers a reply owed, a promise of yours or a birthday', () => {
    const wrote = person({ last: { on: ago(3), direction: 'in', channel: 'email' }, birthday: '--03-15' });
    const items = schedule({ contacts: [wrote], followups: [theirs(addDays(TODAY, 3)), mine(TODAY)] });
    expect(items.map((i) => i.kind).sort()).toEqual(['birthday', 'followup', 'reply']);
    for (const item of items) expect(item.terms.map((t) => t.name)).not.toContain('waiting');
  });

  it('is never listed as a promise of yours to keep', () => {
    expect(schedule({ contacts: [person()], followups: [theirs(TODAY)] })).toEqual([]);
  });

  it('weighs as a closer circle would: an inner friend who owes you the deck comes after a network contact as late', () => {
    const inner = lapsed({ id: 1, name: 'Inner Waiting', circle: 'inner', last: { on: ago(28), direction: 'mutual', channel: 'call' } });
    const network = person({ id: 2, name: 'Network Late', circle: 'network', last: { on: ago(240), direction: 'mutual', channel: 'call' } });
    const items = schedule({ contacts: [inner, network], followups: [theirs(addDays(TODAY, 5))] });
    expect(items.map((i) => i.name)).toEqual(['Network Late', 'Inner Waiting']);
    const unweighted = schedule({ contacts: [inner, network], followups: [theirs(addDays(TODAY, 5))], settings: settings((s) => (s.weights.waiting = 0)) });
    expect(unweighted.map((i) => i.name)).toEqual(['Inner Waiting', 'Network Late']);
  });
});

describe('once their promise is late', () => {
  it('comes back as a gentle nudge, and reaching out is no longer lowered', () => {
    const items = schedule({ contacts: [lapsed()], followups: [theirs(ago(3), 42)] });
    expect(items.map((i) => [i.kind, i.followup_id, i.due_on, i.days_overdue])).toEqual([
      ['awaited', 42, ago(3), 3],
      ['cadence', null, ago(13), 13],
    ]);
    const nudge = items[0];
    expect(nudge.reason).toBe('Anna Meyer promised: send the deck (due 3 days ago) — a gentle nudge?');
    expect(nudge.summary).toBe('they promised: send the deck — a gentle nudge?');
    expect(nudge.title).toBe("Anna Meyer's promise: send the deck");
    expect(items[1].terms.map((t) => t.name)).not.toContain('waiting');
  });

  it.each<[number, number]>([
    [1, 1],
    [8, 1.5],
    [15, 2],
    [40, 2],
  ])('%i days late: the awaited term is × %s', (days, factor) => {
    const [item] = schedule({ contacts: [person()], followups: [theirs(ago(days))] });
    expect(item.terms.find((t) => t.name === 'awaited')?.factor).toBe(factor);
    expect(item.score).toBe(3 * factor + 3);
  });

  it('ranks under a promise of yours as late, and shows while snoozed; an archived person gives nothing', () => {
    const items = schedule({ contacts: [person({ snoozed_until: addDays(TODAY, 5) })], followups: [theirs(ago(2)), mine(ago(2))] });
    expect(items.map((i) => i.kind)).toEqual(['followup', 'awaited']);
    expect(schedule({ contacts: [person({ archived: true })], followups: [theirs(ago(2))] })).toEqual([]);
  });

  it('a late promise and one still open: the nudge for the one, the waiting for the other', () => {
    const items = schedule({ contacts: [lapsed()], followups: [theirs(ago(2), 1, 'the deck'), theirs(addDays(TODAY, 4), 2, 'the slides')] });
    expect(items.map((i) => [i.kind, i.terms.some((t) => t.name === 'waiting')])).toEqual([
      ['awaited', false],
      ['cadence', true],
    ]);
  });
});
