// The review's rules at their edges: periods, gaps and medians, the fading
// rule, rhythms that do not fit, and circles against their natural sizes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { circleGroupsOf, circlesSection, isOverloaded } from '../../src/core/review/circles.js';
import type { ReviewContact } from '../../src/core/review/contacts.js';
import { fadingSection, isFading } from '../../src/core/review/fading.js';
import {
  ADVICE_MIN_SPAN_GAPS,
  ADVICE_MIN_TOUCHES,
  dayFromNumber,
  dayNumber,
  enoughHistory,
  gapsOf,
  median,
  touchStatsFrom,
  touchStatsOf,
  usualGap,
} from '../../src/core/review/gaps.js';
import { periodBetween, periodEnding, previousPeriod } from '../../src/core/review/period.js';
import { rhythmRule, rhythmStatus, scheduleContext } from '../../src/core/review/rhythm-status.js';
import { niceRhythm, rhythmMismatch, rhythmsSection } from '../../src/core/review/rhythms.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import type { Circle } from '../../src/core/vocabulary.js';
import { person } from './review-fixtures.js';

const today = '2026-03-14';
const settings: Settings = structuredClone(DEFAULT_SETTINGS);

const touched = (on: string, channel = 'call', direction = 'mutual') => ({ on, channel, direction });

/** Day numbers of days given as offsets back from today. */
const daysAgo = (...offsets: number[]) => offsets.map((o) => dayNumber(today) - o).sort((a, b) => a - b);

describe('periods', () => {
  it.each([
    ['week', '2026-03-08', 7],
    ['month', '2026-02-13', 30],
    ['quarter', '2025-12-14', 91],
  ] as const)('the last %s ends today and starts on %s', (length, from, days) => {
    expect(periodEnding(today, length)).toEqual({ from, to: today, days });
  });

  it('takes both ends of a range, and refuses an inverted one', () => {
    expect(periodBetween('2026-03-01', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01', days: 1 });
    expect(periodBetween('2026-02-27', '2026-03-02')).toEqual({ from: '2026-02-27', to: '2026-03-02', days: 4 });
    expect(() => periodBetween('2026-03-02', '2026-03-01')).toThrow(RangeError);
  });

  it('compares with the period of the same length just before', () => {
    expect(previousPeriod(periodEnding(today, 'week'))).toEqual({ from: '2026-03-01', to: '2026-03-07', days: 7 });
    expect(previousPeriod(periodBetween('2026-03-10', '2026-03-12'))).toEqual({ from: '2026-03-07', to: '2026-03-09', days: 3 });
  });
});

describe('gaps and medians', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])('median of %j is %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('measures gaps between consecutive days', () => {
    expect(gapsOf([100, 107, 121])).toEqual([7, 14]);
    expect(usualGap([100])).toBeNull();
    expect(usualGap([100, 110, 115, 145])).toBe(10);
  });

  it('takes the usual gap as the median of the gaps, for short and long lists and for a prefix', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 2, maxLength: 150 }), fc.nat(), (values, cut) => {
        const days = [...values].sort((a, b) => a - b);
        expect(usualGap(days)).toBe(median(gapsOf(days)));
        const length = 2 + (cut % (days.length - 1));
        expect(usualGap(Int32Array.from(days), length)).toBe(median(gapsOf(days.slice(0, length))));
      }),
    );
  });

  it('turns days into numbers and back, across a leap day', () => {
    expect(dayFromNumber(dayNumber('2024-02-28') + 1)).toBe('2024-02-29');
    expect(dayNumber('2026-03-14') - dayNumber('2026-02-14')).toBe(28);
  });
});

describe('enough history for advice', () => {
  // Gaps between consecutive days in touch, the first day 200 days ago.
  const stats = (...gaps: number[]) => {
    const days = [dayNumber(today) - 200];
    for (const g of gaps) days.push(days[days.length - 1] + g);
    return touchStatsFrom(days)!;
  };
  it.each<[number[], boolean]>([
    [[], false], // one touch
    [[10], false], // two
    [[10, 10], false], // three, whatever the span
    [[1, 1], false], // three touches in one week
    [[100, 100], false],
    [[10, 10, 10], true], // four, spanning exactly three usual gaps
    [[1, 1, 1], true],
    [[2, 2, 2], true],
    [[3, 3, 2], false], // usual 3, span 8 < 9
    [[4, 5, 5], false], // usual 5, span 14 < 15
    [[1, 5, 5], false], // usual 5, span 11 < 15
    [[1, 2, 3], true], // usual 2, span 6
    [[1, 1, 100], true], // usual 1, span 102
    [[5, 5, 4], false], // the order of the gaps does not matter
    // With five touches or more the span always holds: the gaps above the median add up to it.
    [[7, 7, 7, 7], true],
    [[1, 30, 30, 30], true],
    [[20, 20, 1, 1], true],
    [[1, 1, 1, 60, 60], true],
  ])('gaps %j: %s', (gaps, expected) => {
    const s = stats(...gaps);
    expect(enoughHistory(s), `usual ${s.usual}, span ${s.last - s.first}`).toBe(expected);
  });

  it('is 4 touches spanning 3 usual gaps (the rule `net review --help` states)', () => {
    expect([ADVICE_MIN_TOUCHES, ADVICE_MIN_SPAN_GAPS]).toEqual([4, 3]);
  });
});

describe('the fading rule', () => {
  it.each([
    [10, 20, false],
    [10, 21, true],
    [7.5, 15, false],
    [7.5, 16, true],
    [1, 3, true],
  ])('usual gap %d, silent for %d → fading %s', (usual, current, expected) => {
    expect(isFading(usual, current)).toBe(expected);
  });

  // Touches 50, 40, 30 and 20 days ago: gaps of 10, so silence past 20 days is fading.
  const history = new Map([
    [1, daysAgo(50, 40, 30, 20)],
    [2, daysAgo(51, 41, 31, 21)],
    [3, daysAgo(41, 31, 21)],
    [4, daysAgo(51, 41, 31, 21)],
  ]);

  it('needs more than twice the usual gap, enough history (four touches here, three are not), and no snooze', () => {
    const people = [
      person(1, { last: touched('2026-02-22') }),
      person(2, { last: touched('2026-02-21') }),
      person(3, { last: touched('2026-02-21') }),
      person(4, { last: touched('2026-02-21'), snoozed_until: '2026-03-20' }),
    ];
    const fading = fadingSection(people, touchStatsOf(history), today);
    expect(fading).toEqual([
      { contact_id: 2, name: 'Person 2', circle: 'network', usual_gap_days: 10, current_gap_days: 21, last_contact: '2026-02-21' },
    ]);
  });

  it('counts a snooze that ended today as over', () => {
    const people = [person(4, { last: touched('2026-02-21'), snoozed_until: today })];
    expect(fadingSection(people, touchStatsOf(history), today).map((f) => f.contact_id)).toEqual([4]);
  });

  it('lists closer circles first, then the most cooled', () => {
    const people = [
      person(1, { last: touched('2026-01-01') }),
      person(2, { last: touched('2026-02-21') }),
      person(3, { last: touched('2026-02-21'), circle: 'close' }),
    ];
    const h = new Map([
      [1, [dayNumber('2025-11-20'), dayNumber('2025-12-01'), dayNumber('2025-12-11'), dayNumber('2026-01-01')]],
      [2, daysAgo(51, 41, 31, 21)],
      [3, daysAgo(51, 41, 31, 21)],
    ]);
    expect(fadingSection(people, touchStatsOf(h), today).map((f) => [f.contact_id, f.usual_gap_days, f.current_gap_days])).toEqual([
      [3, 10, 21],
      [1, 11, 72],
      [2, 10, 21],
    ]);
  });
});

describe('rhythms learned from gaps', () => {
  it.each([
    [30, 60, false],
    [30, 61, true],
    [30, 15, false],
    [30, 14.5, true],
  ])('rhythm %d, usual gap %d → mismatch %s', (rhythm, usual, expected) => {
    expect(rhythmMismatch(rhythm, usual)).toBe(expected);
  });

  it.each([
    [1, 1],
    [3.5, 4],
    [7, 7],
    [10, 14],
    [9, 7],
    [25, 21],
    [26, 30],
    [100, 91],
    [130, 120],
    [300, 365],
    [800, 730],
  ])('a usual gap of %d days suggests %d', (gap, nice) => {
    expect(niceRhythm(gap)).toBe(nice);
  });

  it("suggests a rhythm for people whose gaps are far from their circle's or their own", () => {
    const people = [
      person(1, { circle: 'close' }), // every 30; usually 10 → 2 weeks
      person(2, { circle: 'inner' }), // every 14; usually 60 → 60 days
      person(3, { circle: 'close' }), // every 30; usually 20: fits
      person(4, { circle: 'acquaintance' }), // no rhythm: nothing to compare
      person(5, { circle: 'close', cadence_days: 0 }), // "none"
      person(6, { circle: 'network', cadence_days: 7 }), // own rhythm 7; usually 30 → 30 days
      person(7, { circle: 'close' }), // only two touches
      person(8, { circle: 'close' }), // three touches in one week: not enough history
    ];
    const history = new Map([
      [1, daysAgo(40, 30, 20, 10)],
      [2, daysAgo(240, 180, 120, 60)],
      [3, daysAgo(80, 60, 40, 20)],
      [4, daysAgo(4, 3, 2, 1)],
      [5, daysAgo(4, 3, 2, 1)],
      [6, daysAgo(120, 90, 60, 30)],
      [7, daysAgo(2, 1)],
      [8, daysAgo(6, 4, 2)],
    ]);
    expect(rhythmsSection(people, touchStatsOf(history), settings).map((s) => [s.contact_id, s.rhythm_days, s.usual_gap_days, s.suggested_days])).toEqual([
      [2, 14, 60, 60],
      [6, 7, 30, 30],
      [1, 30, 10, 14],
    ]);
  });
});

describe('circles', () => {
  it.each([
    ['inner', 5, false],
    ['inner', 6, true],
    ['close', 15, false],
    ['close', 16, true],
    ['active', 50, false],
    ['active', 51, true],
    ['network', 150, false],
    ['network', 151, true],
    ['acquaintance', 100_000, false],
  ] as const)('%s with %d people overloaded: %s', (circle: Circle, size, expected) => {
    expect(isOverloaded(circle, size)).toBe(expected);
  });

  const inner = (n: number, more: Partial<ReviewContact> = {}) =>
    Array.from({ length: n }, (_, i) => person(100 + i, { circle: 'inner', last: touched('2026-03-10'), ...more }));

  it('flags a circle only above its natural size, with advice to move people out', () => {
    const rule = rhythmRule(scheduleContext(settings, today, []));
    const five = circlesSection(inner(5), rule, { groups: circleGroupsOf(inner(5), today), settings }).circles.find((c) => c.circle === 'inner')!;
    expect(five).toMatchObject({ size: 5, natural_size: 5, over_by: 0, advice: null, on_rhythm: 5 });
    const seven = circlesSection(inner(7), rule, { groups: circleGroupsOf(inner(7), today), settings }).circles.find((c) => c.circle === 'inner')!;
    expect(Object.keys(seven)).toEqual(['circle', 'size', 'natural_size', 'on_rhythm', 'overdue', 'snoozed', 'no_rhythm', 'over_by', 'advice']);
    expect(seven).toMatchObject({ size: 7, natural_size: 5, over_by: 2 });
    expect(seven.advice).toBe('7 people for a natural 5: move 2 people to close (net edit NAME --circle close)');
  });

  it('counts on rhythm, due (on the due day too), snoozed and without rhythm, like net due', () => {
    const people = [
      person(1, { circle: 'inner', last: touched('2026-03-01') }), // due 03-15: on rhythm
      person(2, { circle: 'inner', last: touched('2026-02-28') }), // due today
      person(3, { circle: 'inner', last: touched('2026-01-01') }), // long overdue
      person(4, { circle: 'inner', last: touched('2026-01-01'), snoozed_until: '2026-03-15' }),
      person(5, { circle: 'inner', cadence_days: 0 }),
      person(6, { circle: 'acquaintance' }),
      person(7, { circle: 'close', added_on: '2026-02-12' }), // never in touch: counts from when added, due today
      person(8, { circle: 'close', last: touched('2026-01-01') }), // in an outreach: the pipeline decides
    ];
    const counted = { groups: circleGroupsOf(people, today), settings };
    const { circles, overdue } = circlesSection(people, rhythmRule(scheduleContext(settings, today, people, new Set([8]))), counted);
    expect(circles.map((c) => [c.circle, c.size, c.on_rhythm, c.overdue, c.snoozed, c.no_rhythm])).toEqual([
      ['inner', 5, 1, 2, 1, 1],
      ['close', 2, 1, 1, 0, 0],
      ['active', 0, 0, 0, 0, 0],
      ['network', 0, 0, 0, 0, 0],
      ['acquaintance', 1, 0, 0, 0, 1],
    ]);
    expect(overdue.map((p) => [p.contact_id, p.due_on, p.days_overdue])).toEqual([
      [3, '2026-01-15', 58],
      [2, today, 0],
      [7, today, 0],
    ]);
    // The groups count everyone: the rule need only see the people who can be due (with a few others).
    const few = people.filter((p) => [2, 3, 4, 7].includes(p.id));
    expect(circlesSection(few, rhythmRule(scheduleContext(settings, today, few, new Set([8]))), counted)).toEqual({ circles, overdue });
  });

  it('advises on a circle where most people are due', () => {
    const people = [...inner(2, { last: touched('2026-01-01') }), ...inner(1).map((p) => ({ ...p, id: 200 }))];
    const entry = circlesSection(people, rhythmRule(scheduleContext(settings, today, people)), { groups: circleGroupsOf(people, today), settings }).circles[0];
    expect(entry.advice).toBe('2 of 3 are due for a touch: a short message each keeps this circle alive');
  });

  it('takes the rhythm from the settings', () => {
    const custom: Settings = structuredClone(DEFAULT_SETTINGS);
    custom.cadence.inner = 7;
    const p = person(1, { circle: 'inner', last: touched('2026-03-07') });
    expect(rhythmStatus(p, scheduleContext(custom, today, [p]))).toEqual({ state: 'overdue', rhythm: 7, due_on: today, days_overdue: 0 });
    expect(rhythmStatus(p, scheduleContext(settings, today, [p]))).toMatchObject({ state: 'on_rhythm', rhythm: 14 });
  });
});
