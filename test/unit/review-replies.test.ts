// Replies answered in a period, from the period's touches in time order and
// each person's touch just before it (src/core/review/replies.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answeredIn, needingPrevious, peopleIn, previousInPeriod, type TouchBefore, type Touches } from '../../src/core/review/replies.js';
import { dayNumber } from '../../src/core/scheduler/days.js';

/** Touches as columns, from [person, day, asks] rows. */
function touches(rows: Array<[number, string, boolean]>): Touches {
  return { contact: rows.map((r) => r[0]), day: rows.map((r) => dayNumber(r[1])), asks: rows.map((r) => r[2]) };
}

describe('previousInPeriod', () => {
  it('points each touch at the same person\'s touch before it, -1 for their first, whatever the ids', () => {
    expect([...previousInPeriod([3, 1, 3, 3, 1])]).toEqual([-1, -1, 0, 2, 1]);
    // Ids too large for an array indexed by id, and ids that are not counts, take a Map: the same answer.
    expect([...previousInPeriod([2 ** 40, 7, 2 ** 40])]).toEqual([-1, -1, 0]);
    expect([...previousInPeriod([-1, 0.5, -1, 0.5])]).toEqual([-1, -1, 0, 1]);
    expect(peopleIn(previousInPeriod([5, 5, 6, 5, 7]))).toBe(3);
  });
});

describe('answeredIn', () => {
  it('counts an answer once per run of messages, from the latest message', () => {
    const period = touches([
      [1, '2026-03-08', true],
      [1, '2026-03-09', true],
      [1, '2026-03-10', false],
      [1, '2026-03-11', false],
    ]);
    expect(needingPrevious(period)).toEqual([]);
    expect(answeredIn(period, new Map())).toEqual([{ contact_id: 1, asked_on: '2026-03-09', answered_on: '2026-03-10' }]);
  });

  it('reads the touch before the period for the first answer in it', () => {
    const period = touches([
      [2, '2026-03-08', false],
      [3, '2026-03-08', false],
    ]);
    expect(needingPrevious(period)).toEqual([2, 3]);
    const before = new Map<number, TouchBefore>([
      [2, { day: dayNumber('2026-02-20'), asks: true }],
      [3, { day: dayNumber('2026-02-21'), asks: false }],
    ]);
    expect(answeredIn(period, before)).toEqual([{ contact_id: 2, asked_on: '2026-02-20', answered_on: '2026-03-08' }]);
  });

  it('orders by the day answered, then by person', () => {
    const period = touches([
      [9, '2026-03-08', true],
      [4, '2026-03-08', true],
      [9, '2026-03-09', false],
      [4, '2026-03-09', false],
    ]);
    expect(answeredIn(period, new Map()).map((a) => a.contact_id)).toEqual([4, 9]);
  });

  it('equals a per-person reading of each history (property)', () => {
    const touch = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(touch, { maxLength: 20 }), fc.array(touch, { maxLength: 40 }), (earlier, during) => {
        const day = (k: number, base: number) => `2026-03-${String(base + Math.floor(k / 10)).padStart(2, '0')}`;
        const history: Array<[number, string, boolean]> = [
          ...earlier.map(([id, asks], k): [number, string, boolean] => [id, day(k, 1), asks]),
          ...during.map(([id, asks], k): [number, string, boolean] => [id, day(k, 10), asks]),
        ];
        const period = touches(history.slice(earlier.length));
        const before = new Map<number, TouchBefore>();
        for (const [id, on, asks] of history.slice(0, earlier.length)) before.set(id, { day: dayNumber(on), asks });
        // Only the people needingPrevious names are looked up before the period.
        const needed = new Map([...before].filter(([id]) => needingPrevious(period).includes(id)));
        const expected = [];
        for (let k = earlier.length; k < history.length; k++) {
          const [id, on, asks] = history[k];
          const previous = history.slice(0, k).filter((t) => t[0] === id).at(-1);
          if (previous?.[2] && !asks) expected.push({ contact_id: id, asked_on: previous[1], answered_on: on });
        }
        expected.sort((a, b) => (a.answered_on < b.answered_on ? -1 : a.answered_on > b.answered_on ? 1 : a.contact_id - b.contact_id));
        expect(answeredIn(period, needed)).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});
