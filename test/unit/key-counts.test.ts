// KeyCounts counts as a Map of counts would, for any keys below 2^53 in any
// order, through its growths; keys alike in their low or high bits included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyCounts } from '../../src/core/key-counts.js';

const key = fc.oneof(
  fc.integer({ min: 0, max: 50 }),
  fc.integer({ min: 0, max: 2 ** 48 - 1 }),
  // Differ only in their high bits, or only in their low ones.
  fc.integer({ min: 0, max: 2 ** 20 }).map((high) => high * 2 ** 32 + 7),
  fc.integer({ min: 0, max: 1000 }).map((low) => 2 ** 52 + low),
  fc.constant(Number.MAX_SAFE_INTEGER),
);

describe('KeyCounts', () => {
  it('counts each key as a Map would', () => {
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), fc.integer({ min: 1, max: 64 }), (keys, capacity) => {
        const counts = new KeyCounts(capacity);
        const expected = new Map<number, number>();
        for (const k of keys) {
          const n = (expected.get(k) ?? 0) + 1;
          expected.set(k, n);
          expect(counts.increment(k)).toBe(n);
        }
        expect(counts.size).toBe(expected.size);
        for (const [k, n] of expected) expect(counts.count(k)).toBe(n);
        expect(counts.count(2 ** 50 + 3)).toBe(expected.get(2 ** 50 + 3) ?? 0);
      }),
      { numRuns: 200 },
    );
  });

  it('takes only whole numbers from 0 to 2^53 - 1', () => {
    const counts = new KeyCounts();
    for (const bad of [-1, 0.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => counts.increment(bad)).toThrow(RangeError);
    expect(counts.increment(0)).toBe(1);
  });
});
