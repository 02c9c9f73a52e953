// Sorting by name through a first pass in code-unit order (core/names.ts)
// gives exactly the order of the collator's own sort, ties and all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, sortByName, sortWithNames } from '../../src/core/names.js';

const NAME = fc.oneof(
  fc.constantFrom('Élise', 'elise', 'Elise', 'Émile', 'Zoë', 'zoe', "O'Brien", 'Obrien', 'De Luca', 'Del Monte', 'ß', 'ss', 'Ångström', 'Anna', 'anna', '李', ''),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 5 }),
);

describe('sorting by name', () => {
  it('is the collator sort after any first order, and stable for the rest', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.integer({ min: 0, max: 3 }), name: NAME, at: fc.nat() }), { maxLength: 60 }), (items) => {
        const first = (a: { group: number }, b: { group: number }) => a.group - b.group;
        const expected = [...items].sort((a, b) => first(a, b) || compareNames(a.name, b.name));
        expect(sortWithNames([...items], first, (i) => i.name)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('breaks the ties of namesakes by id', () => {
    const people = [{ id: 3, name: 'Anna' }, { id: 1, name: 'Élise' }, { id: 2, name: 'Anna' }, { id: 4, name: 'anna' }];
    expect(sortByName(people).map((p) => p.id)).toEqual([4, 2, 3, 1]);
  });
});
