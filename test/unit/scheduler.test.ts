// The scheduler over hand-built networks: each kind, its edges at exactly the
// due day, snoozes, archived people, precedence and ranking.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import {
  scheduleAttention,
  withHints,
  type ContactFacts,
  type OpenFollowup,
  type OutreachStep,
} from '../../src/core/scheduler.js';
import { ago, only, person, schedule, settings, TODAY } from './scheduler-fixtures.js';

describe('cadence', () => {
  const cases: Array<[string, Partial<ContactFacts>, Settings | undefined, Array<{ due_on: string; days_overdue: number }>]> = [
    ['close, 29 days: not yet', { last: { on: ago(29), direction: 'mutual', channel: 'coffee' } }, undefined, []],
    ['close, exactly 30 days: due today', { last: { on: ago(30), direction: 'mutual', channel: 'coffee' } }, undefined, [{ due_on: TODAY, days_overdue: 0 }]],
    ['close, 43 days: 13 days over', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' } }, undefined, [{ due_on: ago(13), days_overdue: 13 }]],
    ['inner, 14 days', { circle: 'inner', last: { on: ago(14), direction: 'out', channel: 'call' } }, undefined, [{ due_on: TODAY, days_overdue: 0 }]],
    ['active, 59 days', { circle: 'active', last: { on: ago(59), direction: 'out', channel: 'call' } }, undefined, []],
    ['active, 60 days', { circle: 'active', last: { on: ago(60), direction: 'out', channel: 'call' } }, undefined, [{ due_on: TODAY, days_overdue: 0 }]],
    ['network, 120 days', { circle: 'network', last: { on: ago(120), direction: 'out', channel: 'call' } }, undefined, [{ due_on: TODAY, days_overdue: 0 }]],
    ['acquaintance, never due', { circle: 'acquaintance', last: { on: ago(3000), direction: 'out', channel: 'call' } }, undefined, []],
    ['own rhythm of 7 days on a network contact', { circle: 'network', cadence_days: 7, last: { on: ago(7), direction: 'out', channel: 'call' } }, undefined, [{ due_on: TODAY, days_overdue: 0 }]],
    ['own rhythm "none" (0) on an inner contact', { circle: 'inner', cadence_days: 0, last: { on: ago(300), direction: 'out', channel: 'call' } }, undefined, []],
    ['a changed circle rhythm', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' } }, settings((s) => (s.cadence.close = 60)), []],
    ['acquaintances given a rhythm by config', { circle: 'acquaintance', last: { on: ago(200), direction: 'out', channel: 'call' } }, settings((s) => (s.cadence.acquaintance = 200)), [{ due_on: TODAY, days_overdue: 0 }]],
    ['never contacted: counts from when added', { circle: 'network', last: null, interactions: 0, added_on: ago(120) }, undefined, [{ due_on: TODAY, days_overdue: 0 }]],
    ['never contacted, added 119 days ago', { circle: 'network', last: null, interactions: 0, added_on: ago(119) }, undefined, []],
    ['never contacted: counts from when met', { circle: 'close', last: null, interactions: 0, met_on: ago(35), added_on: ago(2) }, undefined, [{ due_on: ago(5), days_overdue: 5 }]],
    ['never contacted: an import spreads the start (rhythm_from)', { circle: 'network', last: null, interactions: 0, met_on: ago(900), added_on: ago(900), rhythm_from: ago(100) }, undefined, []],
    ['snoozed: nothing', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, snoozed_until: addDays(TODAY, 1) }, undefined, []],
    ['snooze ends today: back', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, snoozed_until: TODAY }, undefined, [{ due_on: ago(13), days_overdue: 13 }]],
    ['snooze ended long ago', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, snoozed_until: ago(10) }, undefined, [{ due_on: ago(13), days_overdue: 13 }]],
    ['archived: nothing', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, archived: true }, undefined, []],
  ];
  it.each(cases)('%s', (_, facts, s, expected) => {
    const items = schedule({ contacts: [person(facts)], settings: s ?? settings() });
    expect(items.map((i) => ({ due_on: i.due_on, days_overdue: i.days_overdue }))).toEqual(expected);
    for (const item of items) expect(item.kind).toBe('cadence');
  });

  it('words it as a plan: last channel, days, rhythm', () => {
    const [item] = schedule({ contacts: [person({ name: 'Anna', last: { on: ago(43), direction: 'mutual', channel: 'coffee' } })] });
    expect(item.reason).toBe('time to reach out to Anna (last coffee 43 days ago, you meet every 30 days)');
    expect(item.reason).not.toMatch(/neglect|overdue|late/i);
  });

  it('words a first touch for someone never contacted', () => {
    const [item] = schedule({ contacts: [person({ name: 'Luca', circle: 'network', last: null, interactions: 0, added_on: ago(130) })] });
    expect(item.reason).toBe('time for a first touch with Luca (added 130 days ago, you meet every 120 days)');
    expect(item.last_on).toBeNull();
  });

  it('suggests the preferred channel, else the last one used', () => {
    const late = { on: ago(50), direction: 'out', channel: 'call' };
    expect(schedule({ contacts: [person({ last: late, channel: 'coffee' })] })[0].channel).toBe('coffee');
    expect(schedule({ contacts: [person({ last: late })] })[0].channel).toBe('call');
  });
});

describe('reply', () => {
  const inbound = (days: number, channel = 'email') => ({ last: { on: ago(days), direction: 'in', channel } });
  const cases: Array<[string, Partial<ContactFacts>, Settings | undefined, Array<{ kind: string; due_on: string; days_overdue: number }>]> = [
    ['inbound email today: owed, 7 days left', inbound(0), undefined, [{ kind: 'reply', due_on: addDays(TODAY, 7), days_overdue: -7 }]],
    ['inbound email 3 days ago', inbound(3), undefined, [{ kind: 'reply', due_on: addDays(TODAY, 4), days_overdue: -4 }]],
    ['exactly at the window', inbound(7), undefined, [{ kind: 'reply', due_on: TODAY, days_overdue: 0 }]],
    ['past the window', inbound(9), undefined, [{ kind: 'reply', due_on: ago(2), days_overdue: 2 }]],
    ['through LinkedIn', inbound(1, 'linkedin'), undefined, [{ kind: 'reply', due_on: addDays(TODAY, 6), days_overdue: -6 }]],
    ['through a message', inbound(1, 'message'), undefined, [{ kind: 'reply', due_on: addDays(TODAY, 6), days_overdue: -6 }]],
    ['through social media', inbound(1, 'social'), undefined, [{ kind: 'reply', due_on: addDays(TODAY, 6), days_overdue: -6 }]],
    ['an inbound call is not a message to answer', inbound(1, 'call'), undefined, []],
    ['an inbound coffee neither', inbound(1, 'coffee'), undefined, []],
    ['an outbound email: nothing owed', { last: { on: ago(3), direction: 'out', channel: 'email' } }, undefined, []],
    ['a mutual email: nothing owed', { last: { on: ago(3), direction: 'mutual', channel: 'email' } }, undefined, []],
    ['a shorter reply window', inbound(3), settings((s) => (s.reply_window = 3)), [{ kind: 'reply', due_on: TODAY, days_overdue: 0 }]],
    ['snoozed: a reply still shows', { ...inbound(2), snoozed_until: addDays(TODAY, 30) }, undefined, [{ kind: 'reply', due_on: addDays(TODAY, 5), days_overdue: -5 }]],
    ['archived: nothing', { ...inbound(2), archived: true }, undefined, []],
    // The reply is the touch the rhythm asks for: one item, not two.
    ['an old unanswered email of an inner contact: the reply only', { circle: 'inner', ...inbound(40) }, undefined, [{ kind: 'reply', due_on: ago(33), days_overdue: 33 }]],
  ];
  it.each(cases)('%s', (_, facts, s, expected) => {
    expect(only([person(facts)], { settings: s ?? settings() })).toEqual(expected);
  });

  it('an inbound email followed by a call clears the reply (the call is the latest interaction)', () => {
    expect(only([person({ last: { on: ago(2), direction: 'mutual', channel: 'call' } })])).toEqual([]);
  });

  it('says when to answer, without blame', () => {
    const [soon] = schedule({ contacts: [person({ name: 'Marco', ...inbound(4) })] });
    expect(soon.reason).toBe('reply to Marco (their email came 4 days ago; answering by 2026-03-17 keeps the conversation going)');
    const [late] = schedule({ contacts: [person({ name: 'Marco', ...inbound(10) })] });
    expect(late.reason).toContain('a short answer today still keeps the conversation going');
    expect(soon.channel).toBe('email');
  });
});

describe('followup', () => {
  const promise = (due_on: string, id = 7): OpenFollowup => ({ id, contact_id: 1, name: 'Anna Meyer', text: 'send the deck', due_on });
  const cases: Array<[string, OpenFollowup[], Partial<ContactFacts>, Array<{ kind: string; due_on: string; days_overdue: number }>]> = [
    ['due tomorrow: not yet', [promise(addDays(TODAY, 1))], {}, []],
    ['due today', [promise(TODAY)], {}, [{ kind: 'followup', due_on: TODAY, days_overdue: 0 }]],
    ['3 days late', [promise(ago(3))], {}, [{ kind: 'followup', due_on: ago(3), days_overdue: 3 }]],
    ['snoozed: still shows', [promise(ago(1))], { snoozed_until: addDays(TODAY, 10) }, [{ kind: 'followup', due_on: ago(1), days_overdue: 1 }]],
    ['archived: nothing', [promise(ago(1))], { archived: true }, []],
  ];
  it.each(cases)('%s', (_, followups, facts, expected) => {
    expect(only([person(facts)], { followups })).toEqual(expected);
  });

  it('keeps the follow-up id, the promise and the rhythm item side by side', () => {
    const items = schedule({
      contacts: [person({ name: 'Anna', last: { on: ago(43), direction: 'mutual', channel: 'coffee' } })],
      followups: [{ ...promise(ago(2), 42), name: 'Anna' }],
    });
    expect(items.map((i) => [i.kind, i.followup_id])).toEqual([
      ['followup', 42],
      ['cadence', null],
    ]);
    expect(items[0].reason).toBe('keep your promise to Anna: send the deck (due 2 days ago)');
  });

  it('a promise to someone not in the facts still shows, under its own name', () => {
    const items = schedule({ followups: [{ id: 3, contact_id: 99, name: 'Zoe', text: 'call back', due_on: TODAY }] });
    expect(items.map((i) => [i.kind, i.name, i.contact_id])).toEqual([['followup', 'Zoe', 99]]);
  });
});

describe('nurture', () => {
  const fresh = (overrides: Partial<ContactFacts>): ContactFacts =>
    person({ circle: 'network', last: null, interactions: 0, added_on: ago(7), ...overrides });
  const cases: Array<[string, Partial<ContactFacts>, Array<{ kind: string; due_on: string; days_overdue: number }>]> = [
    ['added 6 days ago: not yet', { added_on: ago(6) }, []],
    ['added exactly 7 days ago: due today', {}, [{ kind: 'nurture', due_on: TODAY, days_overdue: 0 }]],
    ['added 30 days ago: still new', { added_on: ago(30) }, [{ kind: 'nurture', due_on: ago(23), days_overdue: 23 }]],
    ['added 31 days ago: no longer new', { added_on: ago(31) }, []],
    ['met 10 days ago, added today: from the meeting', { met_on: ago(10), added_on: TODAY }, [{ kind: 'nurture', due_on: ago(3), days_overdue: 3 }]],
    ['met 40 days ago, added today: not new', { met_on: ago(40), added_on: TODAY }, []],
    ['one interaction 8 days ago, no meeting date: from that first contact', { added_on: ago(20), last: { on: ago(8), direction: 'mutual', channel: 'coffee' }, interactions: 1 }, [{ kind: 'nurture', due_on: ago(1), days_overdue: 1 }]],
    ['the meeting logged the day it happened: one touch', { met_on: ago(9), added_on: ago(9), last: { on: ago(9), direction: 'mutual', channel: 'event' }, interactions: 1 }, [{ kind: 'nurture', due_on: ago(2), days_overdue: 2 }]],
    ['met, then an email after: the second touch is done', { met_on: ago(9), added_on: ago(9), last: { on: ago(4), direction: 'out', channel: 'email' }, interactions: 1 }, []],
    ['two interactions: done', { last: { on: ago(3), direction: 'out', channel: 'email' }, interactions: 2 }, []],
    ['acquaintances are not nurtured', { circle: 'acquaintance' }, []],
    ['nor people with no rhythm of their own', { cadence_days: 0 }, []],
    ['snoozed: nothing', { snoozed_until: addDays(TODAY, 3) }, []],
    ['snooze ends today: back', { snoozed_until: TODAY }, [{ kind: 'nurture', due_on: TODAY, days_overdue: 0 }]],
    ['archived: nothing', { archived: true }, []],
    ['imported with a planned first touch: the plan, not a second touch', { rhythm_from: ago(100) }, []],
    ['a planned first touch, then one interaction: nurtured again', { rhythm_from: ago(100), added_on: ago(20), last: { on: ago(8), direction: 'mutual', channel: 'coffee' }, interactions: 1 }, [{ kind: 'nurture', due_on: ago(1), days_overdue: 1 }]],
  ];
  it.each(cases)('%s', (_, facts, expected) => {
    expect(only([fresh(facts)])).toEqual(expected);
  });

  it('a new inner contact gets the second touch, not the rhythm as well', () => {
    const items = only([fresh({ circle: 'inner', added_on: ago(20) })]);
    expect(items).toEqual([{ kind: 'nurture', due_on: ago(13), days_overdue: 13 }]);
  });

  it('words it as keeping the new connection alive', () => {
    const [item] = schedule({ contacts: [fresh({ name: 'Luca', met_on: ago(8) })] });
    expect(item.reason).toBe('a second touch with Luca keeps the new connection alive (met 8 days ago)');
  });
});

describe('birthday', () => {
  const cases: Array<[string, Partial<ContactFacts>, Array<{ kind: string; due_on: string; days_overdue: number }>]> = [
    ['today', { birthday: '1985-03-14' }, [{ kind: 'birthday', due_on: TODAY, days_overdue: 0 }]],
    ['in 3 days, year unknown', { birthday: '--03-17' }, [{ kind: 'birthday', due_on: '2026-03-17', days_overdue: -3 }]],
    ['in 4 days: not yet', { birthday: '--03-18' }, []],
    ['yesterday: gone', { birthday: '1990-03-13' }, []],
    ['snoozed: nothing', { birthday: '--03-15', snoozed_until: '2026-03-20' }, []],
    ['archived: nothing', { birthday: '--03-15', archived: true }, []],
    // Acted on: an interaction on the day or in the 3 days before it closes the item for the year.
    ['today, and wished today: closed', { birthday: '1985-03-14', last: { on: TODAY, direction: 'out', channel: 'message' } }, []],
    ['in 2 days, a call yesterday (in the window): closed', { birthday: '--03-16', last: { on: ago(1), direction: 'out', channel: 'call' } }, []],
    ['in 3 days, a call today (the window opens today): closed', { birthday: '--03-17', last: { on: TODAY, direction: 'out', channel: 'call' } }, []],
    ['in 2 days, a call 2 days ago (before the window): open', { birthday: '--03-16', last: { on: ago(2), direction: 'out', channel: 'call' } }, [{ kind: 'birthday', due_on: '2026-03-16', days_overdue: -2 }]],
    ['today, a call 3 days ago (the first day of the window): closed', { birthday: '--03-14', last: { on: ago(3), direction: 'out', channel: 'call' } }, []],
    ['today, a call 4 days ago: open', { birthday: '--03-14', last: { on: ago(4), direction: 'out', channel: 'call' } }, [{ kind: 'birthday', due_on: TODAY, days_overdue: 0 }]],
    ['today, never in touch: open', { birthday: '--03-14', circle: 'acquaintance', last: null, interactions: 0 }, [{ kind: 'birthday', due_on: TODAY, days_overdue: 0 }]],
  ];
  it.each(cases)('%s', (_, facts, expected) => {
    // Last in touch 10 days ago, before any birthday's window, unless the case says otherwise.
    expect(only([person({ last: { on: ago(10), direction: 'out', channel: 'call' }, ...facts })])).toEqual(expected);
  });

  it('crosses the new year', () => {
    const items = scheduleAttention({ today: '2026-12-30', settings: settings(), contacts: [person({ birthday: '--01-02', last: { on: '2026-12-29', direction: 'out', channel: 'call' } })], followups: [], outreach: [] });
    expect(items.map((i) => [i.kind, i.due_on, i.days_overdue])).toEqual([['birthday', '2027-01-02', -3]]);
  });
});

describe('outreach', () => {
  const step = (overrides: Partial<OutreachStep>): OutreachStep => ({
    contact_id: 1,
    name: 'Marco Bianchi',
    stage: 'target',
    next_on: TODAY,
    nudges: 0,
    channel: 'email',
    why: 'runs the Milan fintech group',
    ...overrides,
  });
  const target = () => person({ name: 'Marco Bianchi', circle: 'acquaintance', last: null, interactions: 0 });

  it.each([
    ['next step today', step({}), [{ kind: 'outreach', due_on: TODAY, days_overdue: 0 }]],
    ['next step 3 days ago', step({ next_on: ago(3) }), [{ kind: 'outreach', due_on: ago(3), days_overdue: 3 }]],
    ['next step tomorrow: not yet', step({ next_on: addDays(TODAY, 1) }), []],
    ['no next step planned', step({ next_on: null }), []],
  ])('%s', (_, s, expected) => {
    expect(only([target()], { outreach: [s] })).toEqual(expected);
  });

  it('a target: a first, personal message, with the reason', () => {
    const [item] = schedule({ contacts: [target()], outreach: [step({})] });
    expect(item.reason).toBe('time for a first, personal message to Marco Bianchi (runs the Milan fintech group)');
    expect(item.channel).toBe('email');
  });

  it('a target whose introducer was asked: no more "ask" every day', () => {
    const [item] = schedule({ contacts: [target()], outreach: [step({ via: 'Giulia Rossi', asked_on: ago(7) })] });
    expect(item.summary).toBe(`outreach: asked Giulia Rossi on ${ago(7)}; ask again or write`);
    expect(item.reason).toContain('no introduction to Marco Bianchi yet (you asked Giulia Rossi on');
  });

  it('a target with an introducer: ask for the introduction', () => {
    const [item] = schedule({ contacts: [target()], outreach: [step({ via: 'Giulia Rossi' })] });
    expect(item.reason).toMatch(/^ask Giulia Rossi to introduce you to Marco Bianchi/);
  });

  it('contacted, one nudge sent: a second gentle nudge', () => {
    const [item] = schedule({ contacts: [target()], outreach: [step({ stage: 'contacted', nudges: 1 })] });
    expect(item.reason).toContain('nudge 2 of 2');
  });

  it('contacted, two nudges sent: suggests parking, never a third nudge', () => {
    const [item] = schedule({ contacts: [target()], outreach: [step({ stage: 'contacted', nudges: 2 })] });
    expect(item.kind).toBe('outreach');
    expect(item.reason).toContain('park');
    expect(item.reason).toContain('net outreach step "Marco Bianchi" parked');
    expect(item.reason).not.toMatch(/nudge 3/);
  });

  it.each([
    ['replied', /suggest a short call or a virtual coffee/],
    ['met', /after meeting Marco Bianchi/],
  ])('stage %s', (stage, pattern) => {
    const [item] = schedule({ contacts: [target()], outreach: [step({ stage })] });
    expect(item.reason).toMatch(pattern);
  });

  it('an active outreach replaces the rhythm and the second touch, even before its step is due', () => {
    const known = person({ name: 'Marco Bianchi', circle: 'close', last: { on: ago(60), direction: 'out', channel: 'email' } });
    expect(only([known], { outreach: [step({ next_on: addDays(TODAY, 5) })] })).toEqual([]);
    const fresh = person({ name: 'Marco Bianchi', circle: 'network', last: null, interactions: 0, added_on: ago(10) });
    expect(only([fresh], { outreach: [step({ next_on: addDays(TODAY, 5) })] })).toEqual([]);
  });

  it('a reply owed comes before the outreach step for the same person', () => {
    const replied = person({ name: 'Marco Bianchi', circle: 'acquaintance', last: { on: ago(1), direction: 'in', channel: 'linkedin' } });
    expect(only([replied], { outreach: [step({ stage: 'replied' })] }).map((i) => i.kind)).toEqual(['reply']);
  });

  it('an archived person gives no outreach item', () => {
    expect(only([{ ...target(), archived: true }], { outreach: [step({})] })).toEqual([]);
  });
});

describe('ranking', () => {
  const cadencePerson = (id: number, name: string, circle: string, days: number): ContactFacts =>
    person({ id, name, circle, last: { on: ago(days), direction: 'mutual', channel: 'coffee' } });

  it('among cadence items, a larger overshoot relative to the rhythm ranks higher', () => {
    const items = schedule({
      contacts: [cadencePerson(1, 'A', 'close', 35), cadencePerson(2, 'B', 'close', 90), cadencePerson(3, 'C', 'close', 50)],
    });
    expect(items.map((i) => i.name)).toEqual(['B', 'C', 'A']);
  });

  it('among cadence items with the same overshoot, a closer circle ranks higher', () => {
    // Each is one rhythm over: inner 28/14, close 60/30, active 120/60, network 240/120.
    const items = schedule({
      contacts: [
        cadencePerson(1, 'Net', 'network', 240),
        cadencePerson(2, 'Inn', 'inner', 28),
        cadencePerson(3, 'Act', 'active', 120),
        cadencePerson(4, 'Clo', 'close', 60),
      ],
    });
    expect(items.map((i) => i.name)).toEqual(['Inn', 'Clo', 'Act', 'Net']);
  });

  it('equal scores: by name', () => {
    const items = schedule({ contacts: [cadencePerson(1, 'Zoe', 'close', 40), cadencePerson(2, 'Ada', 'close', 40), cadencePerson(3, 'élodie', 'close', 40)] });
    expect(items.map((i) => i.name)).toEqual(['Ada', 'élodie', 'Zoe']);
  });

  it('equal scores and names: by kind, then by follow-up id', () => {
    const items = schedule({
      contacts: [person({ id: 5, name: 'Ann', circle: 'acquaintance', last: { on: ago(1), direction: 'in', channel: 'email' } })],
      followups: [
        { id: 9, contact_id: 5, name: 'Ann', text: 'b', due_on: TODAY },
        { id: 3, contact_id: 5, name: 'Ann', text: 'a', due_on: TODAY },
      ],
      settings: settings((s) => {
        s.weights.reply = 10;
        s.weights.promise = 10;
      }),
    });
    expect(items.map((i) => [i.kind, i.followup_id, i.score])).toEqual([
      ['reply', null, 10],
      ['followup', 3, 10],
      ['followup', 9, 10],
    ]);
  });

  it('a shorter name that starts another sorts first', () => {
    const items = schedule({ contacts: [cadencePerson(1, 'Anna', 'close', 40), cadencePerson(2, 'Ann', 'close', 40), cadencePerson(3, 'ann', 'close', 40)] });
    expect(items.map((i) => i.name)).toEqual(['Ann', 'ann', 'Anna']);
  });

  it('the score is the sum of its named terms', () => {
    const [item] = schedule({ contacts: [cadencePerson(1, 'A', 'close', 60)] });
    expect(item.terms.map((t) => t.name)).toEqual(['overshoot', 'circle']);
    // overshoot: 30 days late of 60 silent = 0.5 × 6; circle: close = 3 × 1.
    expect(item.terms).toEqual([
      { name: 'overshoot', weight: 6, factor: 0.5, points: 3 },
      { name: 'circle', weight: 1, factor: 3, points: 3 },
    ]);
    expect(item.score).toBe(6);
  });

  it('weights from config change the order', () => {
    const contacts = [cadencePerson(1, 'Inner', 'inner', 14), cadencePerson(2, 'Far', 'network', 600)];
    expect(schedule({ contacts }).map((i) => i.name)).toEqual(['Far', 'Inner']);
    const circleHeavy = settings((s) => (s.weights.circle = 5));
    expect(schedule({ contacts, settings: circleHeavy }).map((i) => i.name)).toEqual(['Inner', 'Far']);
  });

  // Any cadence item, however late and however close the circle.
  const anyCadence = fc.record({
    circle: fc.constantFrom('inner', 'close', 'active', 'network'),
    days: fc.integer({ min: 0, max: 20_000 }),
    own: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
  });

  it('a reply due within 2 days (or late) outranks every cadence item', () => {
    fc.assert(
      fc.property(anyCadence, fc.integer({ min: 5, max: 400 }), fc.constantFrom('inner', 'close', 'active', 'network', 'acquaintance'), (c, replyAge, replyCircle) => {
        const items = schedule({
          contacts: [
            person({ id: 1, name: 'Zz cadence', circle: c.circle, cadence_days: c.own, last: { on: ago(c.days), direction: 'out', channel: 'call' } }),
            person({ id: 2, name: 'Aa reply', circle: replyCircle, last: { on: ago(replyAge), direction: 'in', channel: 'email' } }),
          ],
        });
        const reply = items.find((i) => i.kind === 'reply');
        const cadence = items.find((i) => i.kind === 'cadence');
        expect(reply).toBeDefined();
        if (cadence && reply) expect(reply.score).toBeGreaterThan(cadence.score);
      }),
    );
  });

  it('an overdue follow-up outranks every cadence item', () => {
    fc.assert(
      fc.property(anyCadence, fc.integer({ min: 1, max: 400 }), (c, late) => {
        const items = schedule({
          contacts: [
            person({ id: 1, name: 'Aa cadence', circle: c.circle, cadence_days: c.own, last: { on: ago(c.days), direction: 'out', channel: 'call' } }),
            person({ id: 2, name: 'Zz promise', circle: 'acquaintance', last: { on: ago(500), direction: 'out', channel: 'call' } }),
          ],
          followups: [{ id: 1, contact_id: 2, name: 'Zz promise', text: 'send it', due_on: ago(late) }],
        });
        expect(items[0].kind).toBe('followup');
      }),
    );
  });
});

describe('hints', () => {
  it('offers the last note and interests to start the conversation', () => {
    const items = schedule({ contacts: [person({ last: { on: ago(43), direction: 'mutual', channel: 'coffee' } })] });
    const [item] = withHints(items, new Map([[1, { interests: ['AI', 'fintech'], last_note: 'talked about\nthe AI meetup' }]]));
    expect(item.hint).toBe('last time: talked about the AI meetup; ask about AI, fintech');
    const [bare] = withHints(items, new Map([[1, { interests: [], last_note: null }]]));
    expect(bare.hint).toBeNull();
  });
});

describe('day numbers', () => {
  it('agree with addDays and daysBetween', async () => {
    const { dayNumber, dayString } = await import('../../src/core/scheduler/days.js');
    const { daysBetween } = await import('../../src/core/dates.js');
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 300_000 }), (offset) => {
        const day = addDays('2000-02-29', offset);
        expect(dayString(dayNumber(day))).toBe(day);
        expect(dayNumber(day) - dayNumber('2000-02-29')).toBe(daysBetween('2000-02-29', day));
      }),
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayString(-1)).toBe('1969-12-31');
  });

  it('find the next birthday as core/dates nextBirthday does, 29 February included', async () => {
    const { dayNumber, dayString, nextBirthdayNumber } = await import('../../src/core/scheduler/days.js');
    const { nextBirthday } = await import('../../src/core/dates.js');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        fc.boolean(),
        (offset, month, day, withYear) => {
          const today = addDays('2023-01-01', offset);
          const md = `${String(month).padStart(2, '0')}-${String(Math.min(day, month === 2 ? 29 : 30))}`.replace(/-(\d)$/, '-0$1');
          const birthday = withYear ? `1984-${md}` : `--${md}`;
          const expected = nextBirthday(birthday, today);
          const got = nextBirthdayNumber(birthday, dayNumber(today), Number(today.slice(0, 4)));
          expect(got === null ? null : dayString(got)).toBe(expected);
        },
      ),
    );
    expect(nextBirthdayNumber('not a day', 0, 1970)).toBeNull();
  });
});
