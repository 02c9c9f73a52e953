// Each section of the review from plain data: activity, the weekly series,
// give and take, replies, follow-ups, outreach, next steps, and the whole.
import { describe, expect, it } from 'vitest';
import { activitySection } from '../../src/core/review/activity.js';
import { balanceSection } from '../../src/core/review/balance.js';
import { followupsSection } from '../../src/core/review/followups.js';
import { nextSteps, type NextSources } from '../../src/core/review/next.js';
import { outreachSection } from '../../src/core/review/outreach.js';
import { periodEnding, previousPeriod } from '../../src/core/review/period.js';
import { answeredOnTime, repliesSection } from '../../src/core/review/replies.js';
import { REVIEW_KEYS, buildReview, type ReviewInput } from '../../src/core/review/report.js';
import { scheduleContext } from '../../src/core/review/rhythm-status.js';
import { weekStarts, weeklyFrom, weeklySeries, weeksFromDays } from '../../src/core/review/weekly.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { person } from './review-fixtures.js';

const today = '2026-03-14';
const settings = structuredClone(DEFAULT_SETTINGS);

describe('activity', () => {
  it('sorts channels by use and compares with the previous period', () => {
    const section = activitySection(
      { interactions: 5, people: 3, new_contacts: 1, by_channel: [{ channel: 'email', interactions: 1 }, { channel: 'coffee', interactions: 2 }, { channel: 'call', interactions: 2 }] },
      { interactions: 7, people: 3, new_contacts: 0, by_channel: [] },
      { from: '2026-03-01', to: '2026-03-07', days: 7 },
    );
    expect(section.by_channel.map((c) => c.channel)).toEqual(['call', 'coffee', 'email']);
    expect(section.change).toEqual({ interactions: -2, people: 0, new_contacts: 1 });
    expect(section.previous).toEqual({ from: '2026-03-01', to: '2026-03-07', interactions: 7, people: 3, new_contacts: 0 });
  });
});

describe('weekly series', () => {
  it('has twelve Monday weeks ending with the week of the last day', () => {
    // 2026-03-14 is a Saturday; its week starts on Monday 2026-03-09.
    expect(weeklyFrom(today)).toBe('2025-12-22');
    expect(weekStarts(today)).toHaveLength(12);
    expect(weekStarts('2026-03-09').at(-1)).toBe('2026-03-09');
    expect(weekStarts('2026-03-15').at(-1)).toBe('2026-03-09');
  });

  it('fills the weeks not counted with zeros', () => {
    const weeks = weeklySeries(today, [
      { week_start: '2025-12-22', interactions: 3 },
      { week_start: '2026-03-09', interactions: 5 },
      { week_start: '2025-12-15', interactions: 9 }, // before the series: left out
    ]);
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ week_start: '2025-12-22', interactions: 3 });
    expect(weeks[11]).toEqual({ week_start: '2026-03-09', interactions: 5 });
    expect(weeks.slice(1, 11).every((w) => w.interactions === 0)).toBe(true);
  });

  it('buckets counts per day into weeks', () => {
    const weeks = weeksFromDays(today, [
      { day: '2025-12-21', interactions: 9 }, // the Sunday before: outside
      { day: '2025-12-22', interactions: 2 },
      { day: '2025-12-28', interactions: 1 },
      { day: '2026-03-09', interactions: 4 },
      { day: '2026-03-14', interactions: 1 },
      { day: '2026-03-15', interactions: 9 }, // after the end: outside
    ]);
    expect(weeks[0]).toEqual({ week_start: '2025-12-22', interactions: 3 });
    expect(weeks[11]).toEqual({ week_start: '2026-03-09', interactions: 5 });
  });
});

describe('give and take', () => {
  it('lists the most one-sided first, receiving first among equals, leaving out balanced ones', () => {
    const section = balanceSection({ given: 1, received: 2 }, { given: 10, received: 12 }, [
      { contact_id: 1, name: 'Anna', given: 2, received: 2 },
      { contact_id: 2, name: 'Bruno', given: 3, received: 0 },
      { contact_id: 3, name: 'Carla', given: 0, received: 3 },
      { contact_id: 4, name: 'Dario', given: 1, received: 5 },
      { contact_id: 5, name: 'Elena', given: 0, received: 1 },
    ]);
    expect(section.one_sided.map((p) => p.name)).toEqual(['Dario', 'Carla', 'Bruno', 'Elena']);
    expect(section.period).toEqual({ given: 1, received: 2 });
  });

  it('keeps at most five', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ contact_id: i, name: `P${i}`, given: 0, received: i + 1 }));
    expect(balanceSection({ given: 0, received: 0 }, { given: 0, received: 0 }, many).one_sided.map((p) => p.contact_id)).toEqual([7, 6, 5, 4, 3]);
  });
});

describe('replies', () => {
  it.each([
    ['2026-03-01', '2026-03-08', true],
    ['2026-03-01', '2026-03-09', false],
    ['2026-03-01', '2026-03-01', true],
  ])('asked %s, answered %s: on time %s (window 7 days)', (asked_on, answered_on, expected) => {
    expect(answeredOnTime({ contact_id: 1, asked_on, answered_on }, 7)).toBe(expected);
  });

  it('counts answers in and after the window, and the replies still owed as net due sees them', () => {
    const people = [
      person(1, { last: { on: '2026-03-10', direction: 'in', channel: 'email' } }), // due 03-17
      person(2, { last: { on: '2026-03-06', direction: 'in', channel: 'linkedin' } }), // due 03-13: late
      person(3, { last: { on: '2026-03-06', direction: 'in', channel: 'call' } }), // a call: nothing owed
      person(4, { last: { on: '2026-03-07', direction: 'in', channel: 'message' } }), // due today
      person(5, { last: { on: '2026-03-07', direction: 'out', channel: 'email' } }),
    ];
    const section = repliesSection(
      [
        { contact_id: 6, asked_on: '2026-03-01', answered_on: '2026-03-08' },
        { contact_id: 7, asked_on: '2026-02-20', answered_on: '2026-03-09' },
      ],
      people,
      scheduleContext(settings, today, people),
    );
    expect(section).toMatchObject({ answered_on_time: 1, answered_late: 1, still_owed: 3, overdue: 1 });
    expect(section.owed.map((o) => [o.contact_id, o.due_on, o.days_overdue, o.channel])).toEqual([
      [2, '2026-03-13', 1, 'linkedin'],
      [4, today, 0, 'message'],
      [1, '2026-03-17', -3, 'email'],
    ]);
  });

  it('follows the reply window setting', () => {
    const custom = structuredClone(DEFAULT_SETTINGS);
    custom.reply_window = 2;
    const people = [person(1, { last: { on: '2026-03-10', direction: 'in', channel: 'email' } })];
    expect(repliesSection([], people, scheduleContext(custom, today, people)).owed[0]).toMatchObject({ due_on: '2026-03-12', days_overdue: 2 });
  });
});

describe('follow-ups', () => {
  it('splits kept ones by their day and lists the open ones past theirs', () => {
    const section = followupsSection(
      [
        { due_on: '2026-03-10', done_on: '2026-03-10' },
        { due_on: '2026-03-10', done_on: '2026-03-09' },
        { due_on: '2026-03-10', done_on: '2026-03-11' },
      ],
      [
        { id: 1, contact_id: 1, name: 'Anna', text: 'send the deck', due_on: '2026-03-13' },
        { id: 2, contact_id: 2, name: 'Bruno', text: 'intro to Sara', due_on: today },
        { id: 3, contact_id: 2, name: 'Bruno', text: 'book', due_on: '2026-03-20' },
      ],
      today,
    );
    expect(section).toEqual({
      kept_on_time: 2,
      kept_late: 1,
      open: 3,
      overdue: 1,
      overdue_items: [{ id: 1, contact_id: 1, name: 'Anna', text: 'send the deck', due_on: '2026-03-13', days_overdue: 1 }],
    });
  });
});

describe('outreach', () => {
  it('lists every stage in pipeline order and the moves along it', () => {
    const section = outreachSection(
      [
        { stage: 'contacted', count: 2 },
        { stage: 'target', count: 3 },
      ],
      [
        { from_stage: 'contacted', to_stage: 'replied', count: 1 },
        { from_stage: 'target', to_stage: 'contacted', count: 2 },
        { from_stage: 'target', to_stage: 'parked', count: 1 },
      ],
      4,
      1,
    );
    expect(section.stages).toEqual([
      { stage: 'target', count: 3 },
      { stage: 'contacted', count: 2 },
      { stage: 'replied', count: 0 },
      { stage: 'met', count: 0 },
      { stage: 'connected', count: 0 },
      { stage: 'declined', count: 0 },
      { stage: 'parked', count: 0 },
    ]);
    expect(section.moves.map((m) => `${m.from_stage}>${m.to_stage}`)).toEqual(['target>contacted', 'contacted>replied', 'target>parked']);
    expect(section).toMatchObject({ added: 4, nudges: 1 });
  });
});

describe('next steps', () => {
  const empty: NextSources = {
    replies: { answered_on_time: 0, answered_late: 0, still_owed: 0, overdue: 0, owed: [] },
    followups: { kept_on_time: 0, kept_late: 0, open: 0, overdue: 0, overdue_items: [] },
    overdue: [],
    fading: [],
    balance: { period: { given: 0, received: 0 }, overall: { given: 0, received: 0 }, one_sided: [] },
    circles: [],
    rhythms: [],
    outreach: { stages: [], moves: [], added: 0, nudges: 0 },
    networkSize: 0,
  };

  it('says where to start in an empty network, and that all is well in a quiet one', () => {
    expect(nextSteps(empty)).toEqual([{ kind: 'start', contact_id: null, name: null, text: 'Add the people who matter to you: net add "NAME" --circle close.' }]);
    expect(nextSteps({ ...empty, networkSize: 3 })[0].text).toMatch(/^Everyone is on rhythm/);
  });

  const reply = (id: number, days_overdue: number) => ({ contact_id: id, name: `R${id}`, since: '2026-03-01', due_on: '2026-03-08', days_overdue, channel: 'email' });
  const due = (id: number) => ({ contact_id: id, name: `D${id}`, circle: 'inner', rhythm: 14, last_contact: '2026-02-01', due_on: '2026-02-15', days_overdue: 27, channel: 'coffee' });

  it('takes one of each kind before a second of any, at most five, one line per person', () => {
    const steps = nextSteps({
      ...empty,
      networkSize: 10,
      replies: { ...empty.replies, owed: [reply(1, 30), reply(2, 1), reply(3, -2)] },
      overdue: [due(2), due(4), due(5)],
      fading: [{ contact_id: 6, name: 'F6', circle: 'close', usual_gap_days: 10, current_gap_days: 40, last_contact: '2026-02-02' }],
      balance: { ...empty.balance, one_sided: [{ contact_id: 7, name: 'G7', given: 0, received: 3 }, { contact_id: 8, name: 'H8', given: 4, received: 0 }] },
      circles: [{ circle: 'inner', size: 7, natural_size: 5, on_rhythm: 5, overdue: 2, snoozed: 0, no_rhythm: 0, over_by: 2, advice: 'x' }],
    });
    expect(steps.map((s) => [s.kind, s.contact_id])).toEqual([
      ['reply', 2], // the most recently due late reply first
      ['reach_out', 4], // D2 is already there for a reply
      ['fading', 6],
      ['give_back', 7],
      ['prune', null],
    ]);
    expect(steps[0].text).toBe('Reply to R2: their email of 2026-03-01 waits for an answer (due 2026-03-08).');
    expect(steps[1].text).toBe('Reach out to D4 (inner, every 2 weeks; last contact 2026-02-01) — a coffee fits them.');
    expect(steps[2].text).toBe('Get back in touch with F6: you usually talk every 10 days, and it has been 40 days.');
    expect(steps[3].text).toBe('Give back to G7: 3 favours received, 0 given — an introduction, a referral or a useful read.');
    expect(steps[4].text).toBe('Prune the inner circle: 7 people for a natural 5 — move 2 to close (net edit NAME --circle close).');
  });

  it('fills up with more of the first kinds when there are few kinds', () => {
    const steps = nextSteps({ ...empty, networkSize: 5, overdue: [due(1), due(2), due(3), due(4)] });
    expect(steps.map((s) => s.contact_id)).toEqual([1, 2, 3, 4]);
  });
});

describe('the whole review', () => {
  it('has the sections of the contract, in order', () => {
    const period = periodEnding(today, 'week');
    const none = { interactions: 0, people: 0, new_contacts: 0, by_channel: [] };
    const input: ReviewInput = {
      period,
      previous: previousPeriod(period),
      today,
      settings,
      activity: none,
      previousActivity: none,
      weeks: [],
      contacts: [person(1, { circle: 'inner', added_on: '2026-01-01' })],
      inOutreach: new Set(),
      touchStats: new Map(),
      favours: { period: { given: 0, received: 0 }, overall: { given: 0, received: 0 }, perContact: [] },
      answeredReplies: [],
      keptFollowups: [],
      openFollowups: [],
      outreach: { stages: [], moves: [], added: 0, nudges: 0 },
    };
    const { review, overdue } = buildReview(input);
    expect(Object.keys(review)).toEqual([...REVIEW_KEYS]);
    expect(overdue.map((p) => p.contact_id)).toEqual([1]);
    expect(review.next[0]).toMatchObject({ kind: 'reach_out', contact_id: 1 });
    expect(review.period).toEqual({ from: '2026-03-08', to: today, days: 7 });
  });
});
