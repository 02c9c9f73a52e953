// What stored text may hold (one set of rules for every way in), and the one
// sanitiser for text printed to a terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showControls } from '../../src/core/errors.js';
import { lineSchema, listItems, nameSchema, phoneSchema, splitList, textProblem, textSchema, urlSchema } from '../../src/core/validate.js';

const C1 = ['\u0080', '\u0085', '\u008d', '\u0090', '\u009b', '\u009d', '\u009f'];
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const C0 = ['\u0000', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];
const LINE_BREAKS = ['\n', '\r', '\r\n', '\t', '\u2028', '\u2029'];
const FINE = ['Niccolò D’Amico', 'Zoë Ünal-Łukasz', '日本語 名前', '👩‍💻 Ada', 'Anna\u00a0Meyer', 'Giulia\u200dRossi', 'O’Brien; Jr.', '=SUM(A1)'];

describe('names and one-line fields', () => {
  it.each([...C0, ...C1, ...BIDI, ...LINE_BREAKS, '\ud800', '\udfff'].map((c) => [JSON.stringify(c), c]))('refuse %s', (_, c) => {
    for (const schema of [nameSchema, lineSchema]) {
      expect(schema.safeParse(`Anna${c}Meyer`).success).toBe(false);
    }
    expect(textProblem(`Anna${c}Meyer`, false)).toMatch(/line break|control|bidirectional|surrogate/);
  });

  it('name the character they refuse', () => {
    expect(nameSchema.safeParse('a\u001b[31m').error?.issues[0].message).toBe('has a control character (U+001B)');
    expect(nameSchema.safeParse('a\u202eb').error?.issues[0].message).toBe('has a bidirectional control (U+202E)');
    expect(nameSchema.safeParse('a\rb').error?.issues[0].message).toBe('has a line break or tab (U+000D)');
    expect(lineSchema.safeParse('a\u0085b').error?.issues[0].message).toBe('has a control character (U+0085)');
    expect(lineSchema.safeParse('a\ud800b').error?.issues[0].message).toBe('is not valid text (a lone UTF-16 surrogate)');
  });

  it.each(FINE)('accept %j', (text) => {
    expect(nameSchema.parse(` ${text} `)).toBe(text);
    expect(lineSchema.parse(text)).toBe(text);
  });

  it('keep a name to 200 characters and a line to 500', () => {
    expect(nameSchema.safeParse('x'.repeat(200)).success).toBe(true);
    expect(nameSchema.safeParse('x'.repeat(201)).success).toBe(false);
    expect(nameSchema.safeParse('x'.repeat(5000)).success).toBe(false);
    expect(lineSchema.safeParse('x'.repeat(501)).success).toBe(false);
  });

  it('hold for URLs and phone numbers too', () => {
    expect(urlSchema.safeParse('https://www.linkedin.com/in/\u202eevil').success).toBe(false);
    expect(urlSchema.safeParse('https://example.com/a\u009bb').success).toBe(false);
    expect(phoneSchema.safeParse('+39 333\n123 4567').success).toBe(false);
    expect(phoneSchema.parse(' +39 333 123 4567 ')).toBe('+39 333 123 4567');
  });
});

describe('notes and other free text', () => {
  it('keep line breaks and tabs, and store CRLF and a lone CR as LF', () => {
    expect(textSchema.parse('a\r\nb\rc\nd\te')).toBe('a\nb\nc\nd\te');
    expect(textSchema.parse('\r\r\n\n')).toBe('\n\n\n');
  });

  it.each([...C0, ...C1, ...BIDI, '\ud800'].map((c) => [JSON.stringify(c), c]))('refuse %s', (_, c) => {
    expect(textSchema.safeParse(`note${c}more`).success).toBe(false);
  });

  it('never store a bare CR or a control character, whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const result = textSchema.safeParse(text);
        if (!result.success) return;
        expect(result.data).not.toMatch(/[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(result.data).toBe(text.replace(/\r\n?/g, '\n'));
      }),
    );
  });
});

describe('list values', () => {
  it('split on commas and semicolons alike, as net\'s CSV reads a list back', () => {
    expect(listItems(['ai; fintech', 'a,b ;; c', ' '])).toEqual(['ai', 'fintech', 'a', 'b', 'c']);
    expect(splitList(['ai, fintech', 'rust;go', 'ai'], '--tag')).toEqual(['ai', 'fintech', 'rust', 'go']);
  });
});

describe('showControls, the one sanitiser for text on a terminal', () => {
  it.each([
    ['C1 controls, the CSI and NEL among them', '\u0080a\u0085b\u009b31m\u009f', '\\u{80}a\\u{85}b\\u{9b}31m\\u{9f}'],
    ['every bidirectional override and isolate', BIDI.join(''), BIDI.map((c) => `\\u{${c.charCodeAt(0).toString(16)}}`).join('')],
    ['an OSC 52 clipboard write', '\u001b]52;c;ZWNobw==\u0007', '\\u{1b}]52;c;ZWNobw==\\u{7}'],
    ['accented letters, NBSP, no-break joiners and the replacement character stay', 'Zoë\u00a0\u200d\ufffd', 'Zoë\u00a0\u200d\ufffd'],
  ])('%s', (_, input, shown) => {
    expect(showControls(input)).toBe(shown);
  });

  it('leaves nothing a terminal would act on, and text without controls as it is (property)', () => {
    const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const shown = showControls(text);
        expect(shown).not.toMatch(unsafe);
        if (!unsafe.test(text)) expect(shown).toBe(text);
      }),
    );
  });
});
