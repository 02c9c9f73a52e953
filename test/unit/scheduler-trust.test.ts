// The morning list a person can trust, rule by rule: when a relationship is
// new, a long silence, a late reply against one not yet due, and dismissed
// items; table-driven at the edges of each window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { dueWhen, type ContactFacts, type OutreachStep, type SchedulerInput } from '../../src/core/scheduler.js';
import { ago, only, person, schedule, TODAY } from './scheduler-fixtures.js';

describe('a long silence', () => {
  it.each<[string, Partial<ContactFacts>, string, string]>([
    ['met in 2010, never logged', { circle: 'network', last: null, interactions: 0, met_on: '2010-09-15', added_on: ago(14) }, 'first touch: met in September 2010, nothing logged since (every 120 days)', 'over 15 years ago'],
    ['added over a year ago, never logged', { circle: 'network', last: null, interactions: 0, added_on: '2025-01-10' }, 'first touch: added in January 2025, nothing logged since (every 120 days)', '308 days ago'],
    ['met 364 days ago: still in days', { circle: 'network', last: null, interactions: 0, met_on: ago(364), added_on: ago(14) }, 'first touch: met 364 days ago (every 120 days)', '244 days ago'],
    ['met 365 days ago: in words', { circle: 'network', last: null, interactions: 0, met_on: ago(365), added_on: ago(14) }, 'first touch: met in March 2025, nothing logged since (every 120 days)', '245 days ago'],
    ['a last call in 2016', { circle: 'network', last: { on: '2016-09-02', direction: 'out', channel: 'call' } }, 'last call in September 2016 (every 120 days)', 'over 9 years ago'],
  ])('a long silence is said in words: %s', (_, facts, summary, due) => {
    const [item] = schedule({ contacts: [person(facts)] });
    expect(item.summary).toBe(summary);
    expect(item.reason).not.toMatch(/\d{4,} days/);
    expect(dueWhen(item.days_overdue)).toBe(due);
  });

  it('a first touch never logged ranks as at most one rhythm late, however long ago the meeting', () => {
    const met2010 = person({ id: 1, name: 'Met in 2010', circle: 'network', last: null, interactions: 0, met_on: '2010-09-15', added_on: ago(14) });
    const metLastYear = person({ id: 2, name: 'Met a rhythm ago', circle: 'network', last: null, interactions: 0, met_on: ago(240), added_on: ago(14) });
    const inner = person({ id: 3, name: 'Inner, a week late', circle: 'inner', last: { on: ago(21), direction: 'out', channel: 'call' } });
    const items = schedule({ contacts: [met2010, metLastYear, inner] });
    const overshoot = (name: string) => items.find((i) => i.name === name)?.terms.find((t) => t.name === 'overshoot')?.factor;
    expect(overshoot('Met in 2010')).toBe(0.5);
    expect(overshoot('Met a rhythm ago')).toBe(0.5);
    // The inner circle's lapse still comes first: 6 × 7/21 + 4 = 6 against 6 × 0.5 + 1 = 4.
    expect(items.map((i) => i.name)).toEqual(['Inner, a week late', 'Met a rhythm ago', 'Met in 2010']);
  });
});

describe('replies: the term grows with lateness', () => {
  const inbound = (days: number, channel = 'email') => ({ last: { on: ago(days), direction: 'in', channel } });
  // Days since their message (the window is 7 days) and the factor of the reply term.
  it.each<[number, number]>([
    [0, 1], // 7 days left
    [4, 1], // 3 days left
    [5, 2], // 2 days left
    [6, 2], // due tomorrow
    [7, 2], // due today
    [8, 3.071], // a day late: more than any reply not yet late
    [9, 3.143],
    [14, 3.5],
    [21, 4], // two weeks late
    [60, 4],
  ])('a message %i days old: the reply term is × %s', (days, factor) => {
    expect(schedule({ contacts: [person(inbound(days))] })[0].terms.find((t) => t.name === 'reply')?.factor).toBe(factor);
  });

  it('a late reply outranks one not yet late, whatever the circles', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 400 }),
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('inner', 'close', 'active', 'network', 'acquaintance'),
        fc.constantFrom('inner', 'close', 'active', 'network', 'acquaintance'),
        (lateAge, dueAge, lateCircle, dueCircle) => {
          const items = schedule({
            contacts: [
              person({ id: 1, name: 'Zz late', circle: lateCircle, ...inbound(lateAge) }),
              person({ id: 2, name: 'Aa due', circle: dueCircle, ...inbound(dueAge) }),
            ],
          });
          expect(items.map((i) => i.name)).toEqual(['Zz late', 'Aa due']);
        },
      ),
    );
  });

  it('two days late in the network ranks above due tomorrow in the inner circle', () => {
    const items = schedule({
      contacts: [person({ id: 1, name: 'Inner, due tomorrow', circle: 'inner', ...inbound(6) }), person({ id: 2, name: 'Network, 2 days late', circle: 'network', ...inbound(9) })],
    });
    expect(items.map((i) => [i.name, i.score])).toEqual([
      ['Network, 2 days late', 19.86],
      ['Inner, due tomorrow', 16],
    ]);
  });
});

describe('new relationships', () => {
  const fresh = (overrides: Partial<ContactFacts>): ContactFacts =>
    person({ circle: 'network', last: null, interactions: 0, added_on: ago(7), ...overrides });
  // The edges of "new": the relationship began (met, else first in touch, else added) at most 30 days ago.
  const newness: Array<[string, Partial<ContactFacts>, Array<{ kind: string; due_on: string; days_overdue: number }>]> = [
    ['added today, met in 2010: not new', { added_on: TODAY, met_on: '2010-09-15' }, []],
    ['added 8 days ago, met 31 days ago: not new', { added_on: ago(8), met_on: ago(31) }, []],
    ['added 8 days ago, met 30 days ago: new', { added_on: ago(8), met_on: ago(30) }, [{ kind: 'nurture', due_on: ago(23), days_overdue: 23 }]],
    ['added 8 days ago, one call logged 2 years ago: not new', { added_on: ago(8), last: { on: ago(730), direction: 'out', channel: 'call' }, interactions: 1 }, []],
    ['added 8 days ago, one call logged 31 days ago: not new', { added_on: ago(8), last: { on: ago(31), direction: 'out', channel: 'call' }, interactions: 1 }, []],
    ['added 8 days ago, one call logged 30 days ago: new', { added_on: ago(8), last: { on: ago(30), direction: 'out', channel: 'call' }, interactions: 1 }, [{ kind: 'nurture', due_on: ago(23), days_overdue: 23 }]],
    ['added 2 years ago, first call 10 days ago: known for years, not new', { added_on: ago(730), last: { on: ago(10), direction: 'out', channel: 'call' }, interactions: 1 }, []],
    ['added 10 days ago, first call 10 days ago: new from that call', { added_on: ago(10), last: { on: ago(10), direction: 'out', channel: 'call' }, interactions: 1 }, [{ kind: 'nurture', due_on: ago(3), days_overdue: 3 }]],
    ['an inner mentor added today with one past call: not new', { circle: 'inner', added_on: TODAY, last: { on: ago(90), direction: 'mutual', channel: 'call' }, interactions: 1 }, []],
    ['met today (added today): new, the second touch in a week', { added_on: TODAY, met_on: TODAY }, []],
    ['met tomorrow (a date in the future): not new yet', { added_on: TODAY, met_on: addDays(TODAY, 1) }, []],
  ];
  it.each(newness)('%s', (_, facts, expected) => {
    expect(only([fresh(facts)]).filter((i) => i.kind === 'nurture')).toEqual(expected);
  });

  it('people entered by hand as known for years give no flood of second touches', () => {
    const known = Array.from({ length: 12 }, (_, i) => fresh({ id: i + 1, name: `Old friend ${i + 1}`, added_on: ago(8), met_on: `20${10 + i}-06-01` }));
    expect(only(known).filter((i) => i.kind === 'nurture')).toEqual([]);
  });
});

describe('dismissed items', () => {
  const inbound = (days: number) => ({ on: ago(days), direction: 'in', channel: 'email' });
  const kinds = (facts: Partial<ContactFacts>, extra: Partial<SchedulerInput> = {}) => only([person(facts)], extra);
  const cases: Array<[string, Partial<ContactFacts>, Array<{ kind: string; due_on: string; days_overdue: number }>]> = [
    // A reply: closed when dismissed on or after their message; their next message owes one again.
    ['reply, dismissed today', { last: inbound(3), dismissed: { reply: TODAY } }, []],
    ['reply, dismissed the day it came', { last: inbound(3), dismissed: { reply: ago(3) } }, []],
    ['reply, dismissed before their newer message', { last: inbound(3), dismissed: { reply: ago(4) } }, [{ kind: 'reply', due_on: addDays(TODAY, 4), days_overdue: -4 }]],
    ['reply, another kind dismissed', { last: inbound(3), dismissed: { birthday: TODAY } }, [{ kind: 'reply', due_on: addDays(TODAY, 4), days_overdue: -4 }]],
    // A birthday: closed for the year when dismissed in its window.
    ['birthday in 2 days, dismissed today', { birthday: '--03-16', last: { on: ago(10), direction: 'out', channel: 'call' }, dismissed: { birthday: TODAY } }, []],
    ['birthday in 2 days, dismissed a day before the window', { birthday: '--03-16', last: { on: ago(10), direction: 'out', channel: 'call' }, dismissed: { birthday: ago(2) } }, [{ kind: 'birthday', due_on: '2026-03-16', days_overdue: -2 }]],
    ['birthday today, dismissed last year', { birthday: '--03-14', last: { on: ago(10), direction: 'out', channel: 'call' }, dismissed: { birthday: '2025-03-14' } }, [{ kind: 'birthday', due_on: TODAY, days_overdue: 0 }]],
    // A rhythm: counts again from the dismissal, as from a touch.
    ['rhythm 43 days (close, 30), dismissed today', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, dismissed: { cadence: TODAY } }, []],
    ['rhythm, dismissed 29 days ago: not yet back', { last: { on: ago(80), direction: 'mutual', channel: 'coffee' }, dismissed: { cadence: ago(29) } }, []],
    ['rhythm, dismissed 30 days ago: back today', { last: { on: ago(80), direction: 'mutual', channel: 'coffee' }, dismissed: { cadence: ago(30) } }, [{ kind: 'cadence', due_on: TODAY, days_overdue: 0 }]],
    ['rhythm, dismissed before the last contact: the contact counts', { last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, dismissed: { cadence: ago(50) } }, [{ kind: 'cadence', due_on: ago(13), days_overdue: 13 }]],
    ['a first touch, dismissed 40 days ago', { last: null, interactions: 0, added_on: ago(400), dismissed: { cadence: ago(40) } }, [{ kind: 'cadence', due_on: ago(10), days_overdue: 10 }]],
    // A second touch: closed for this new relationship.
    ['nurture, dismissed', { circle: 'network', last: null, interactions: 0, added_on: ago(9), dismissed: { nurture: ago(1) } }, []],
    ['nurture, dismissed before the relationship began', { circle: 'network', last: null, interactions: 0, met_on: ago(9), added_on: ago(9), dismissed: { nurture: ago(20) } }, [{ kind: 'nurture', due_on: ago(2), days_overdue: 2 }]],
  ];
  it.each(cases)('%s', (_, facts, expected) => {
    expect(kinds(facts)).toEqual(expected);
  });

  it('a dismissed rhythm says so when it comes back', () => {
    const [item] = schedule({ contacts: [person({ name: 'Anna', last: { on: ago(80), direction: 'mutual', channel: 'coffee' }, dismissed: { cadence: ago(31) } })] });
    expect(item.reason).toBe('time to reach out to Anna (dismissed 31 days ago, you meet every 30 days)');
  });

  const step: OutreachStep = { contact_id: 1, name: 'Anna Meyer', stage: 'target', next_on: ago(2), nudges: 0, channel: 'email', why: null };
  it.each<[string, string | undefined, number]>([
    ['not dismissed', undefined, 1],
    ['dismissed on the step day', ago(2), 0],
    ['dismissed after it', TODAY, 0],
    ['dismissed before the step day (an earlier step)', ago(3), 1],
  ])('an outreach step %s', (_, day, count) => {
    const items = kinds({ dismissed: day === undefined ? null : { outreach: day } }, { outreach: [step] }).filter((i) => i.kind === 'outreach');
    expect(items).toHaveLength(count);
  });
});
