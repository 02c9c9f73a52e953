import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCellText, csvLines, protectCell, toCsv, unprotectCell } from '../../src/formats/csv.js';

describe('formula protection', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+cmd', "'+cmd"],
    ['-A1+B2', "'-A1+B2"],
    ['-2+3', '-2+3'],
    ['@import', "'@import"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['+39 333 123 4567', '+39 333 123 4567'],
    ['-42', '-42'],
    ['+1 (555) 010-9999', '+1 (555) 010-9999'],
    ['plain', 'plain'],
    ['', ''],
    // Stored with a leading "'" already: one more, or the import would take it for protection.
    ["'=cmd", "''=cmd"],
    ["''@x", "'''@x"],
    ["'-42", "'-42"],
    ["'plain", "'plain"],
  ])('%j -> %j, and back', (cell, protectedCell) => {
    expect(protectCell(cell)).toBe(protectedCell);
    expect(unprotectCell(protectCell(cell))).toBe(cell);
  });

  it('prefixes exactly the cells the rule names, whatever they start with (the shortcut on the first character agrees)', () => {
    // The rule as written: the leading "'"s aside, a formula start that is not a number or a phone.
    const byRule = (text: string) => {
      const bare = text.replace(/^'+/, '');
      return /^[=+\-@\t\r]/.test(bare) && !/^[+-]?[\d\s+\-().]*\d[\d\s+\-().]*$/.test(bare) ? `'${text}` : text;
    };
    const characters = fc.constantFrom(..."'=+-@\t\r 0123456789()a.");
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 8 }).map((cs) => cs.join('')), (text) => {
        expect(protectCell(text)).toBe(byRule(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes RFC 4180 with quoting, arrays joined by "; " and \\n line ends', () => {
    const csv = toCsv([{ a: 'x, y', b: ['p', 'q'], c: 'say "hi"\nbye', d: null }], ['a', 'b', 'c', 'd']);
    expect(csv).toBe('a,b,c,d\n"x, y",p; q,"say ""hi""\nbye",\n');
  });

  it('leaves cells as stored with raw', () => {
    expect(toCsv([{ a: '=1+1' }], ['a'], { raw: true })).toBe('a\n=1+1\n');
    expect(toCsv([{ a: '=1+1' }], ['a'])).toBe("a\n'=1+1\n");
  });
});

describe('cells with line breaks', () => {
  it('quotes every cell holding a CR or an LF, so that no row splits', () => {
    const csv = toCsv([{ a: 'x\r=cmd|calc', b: 'y\nz', c: 'p\r\nq' }], ['a', 'b', 'c']);
    expect(csv).toBe('a,b,c\n"x\r=cmd|calc","y\nz","p\r\nq"\n');
    expect(csvLines([[csvCellText('a\rb')]])).toBe('"a\rb"\n');
  });

  it('read back as written, whatever the text, and never start a formula (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '1', ' ', 'a', ',', '"'), { maxLength: 8 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (cells) => {
        const columns = cells.map((_, i) => `c${i}`);
        const csv = toCsv([Object.fromEntries(cells.map((c, i) => [`c${i}`, c]))], columns);
        const rows = parse(csv, { relax_column_count: true }) as string[][];
        expect(rows).toHaveLength(2);
        expect(rows[1].map(unprotectCell)).toEqual(cells);
        for (const cell of rows[1]) {
          if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^[+-]?[\d\s+\-().]*\d[\d\s+\-().]*$/);
        }
      }),
    );
  });
});
