// Counts and ids are read without zod (src/core/counts.ts), exactly as the
// zod schema they replace read them: the same numbers accepted, the same
// message for each value refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readCount } from '../../src/core/counts.js';
import { check } from '../../src/core/validate.js';

/** The schema readCount replaced, as it was. */
const positiveIntSchema = z.coerce
  .number({ error: 'is not a number' })
  .check(z.int('is not a whole number'), z.minimum(1, 'must be at least 1'), z.maximum(1_000_000, 'is too large'));

function outcome(read: () => number): string {
  try {
    return `ok ${read()}`;
  } catch (error) {
    return `error ${(error as Error).message} ${(error as { exitCode?: number }).exitCode}`;
  }
}

const same = (value: unknown) => expect(outcome(() => readCount(value, '--limit')), JSON.stringify(value)).toBe(outcome(() => check(positiveIntSchema, value, '--limit')));

describe('reading a count', () => {
  it('accepts and refuses what the zod schema did, with its messages', () => {
    const edges = ['20', ' 7 ', '1', '0', '-1', '1000000', '1000001', '2.5', '1e3', '1e400', '-1e400', 'Infinity', '-Infinity', 'NaN', '', ' ', 'x', '0x10', '0b11', '1_000', '9007199254740993', '12abc', '#12', '١٢', '+5', '.5', '5.', '00012', '\t3\n'];
    for (const value of [...edges, 20, 0, 2.5, null, undefined, true]) same(value);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String), fc.stringMatching(/^[ \d.eE+-]{0,12}$/)), (value) => {
        same(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('says which field and which value', () => {
    expect(() => readCount('many', '--limit')).toThrow('--limit: "many" is not a number');
    expect(readCount(' 12 ', 'ID')).toBe(12);
  });
});
