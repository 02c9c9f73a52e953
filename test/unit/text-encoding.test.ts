// Files in any encoding net reads become UTF-8 exactly, however they arrive
// in chunks; the others are refused with a message that names the encoding.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Converter, encodingNotes } from '../../src/formats/text-encoding.js';

/** Runs bytes through a converter in chunks cut at these points. */
function convert(bytes: Buffer, cuts: number[] = []): { text: string; converter: Utf8Converter } {
  const converter = new Utf8Converter('people.csv');
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    out.push(converter.push(bytes.subarray(from, point)));
    from = point;
  }
  out.push(converter.end());
  return { text: Buffer.concat(out).toString('utf8'), converter };
}

const WINDOWS_1252 = 'Niccolò, Françoise, Zoë, Jürgen, José, Œdipe, “quotes” – € ™ ß';

// WHATWG's index-windows-1252 for 0x80-0x9F, written out: the 27 defined there, in byte order.
const HIGH = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const HIGH_BYTES = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f];

/** Text as Windows-1252 bytes (every character of it has one). */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const high = HIGH.indexOf(c);
      if (high !== -1) return HIGH_BYTES[high];
      const code = c.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`${c} is not in Windows-1252`);
      return code;
    }),
  );
}

const cuts = fc.array(fc.nat(400), { maxLength: 6 });

describe('Utf8Converter', () => {
  it('passes UTF-8 on as it is, with or without a byte-order mark, however it is cut (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.boolean(), cuts, (text, bom, at) => {
        const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(`name\n${text}`, 'utf8')]);
        const { text: out, converter } = convert(bytes, at);
        expect(out).toBe(`name\n${text}`);
        expect(converter.encoding).toBe(/[^\x00-\x7f]/.test(text) || bom ? 'utf-8' : 'ascii');
      }),
    );
  });

  it('reads Windows-1252, however it is cut (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...[...WINDOWS_1252], 'a', ' ', '\n'), { minLength: 1, maxLength: 40 }), cuts, (chars, at) => {
        const text = `name\n${chars.join('')}é`;
        const { text: out, converter } = convert(windows1252(text), at);
        expect(out).toBe(text);
        expect(converter.encoding).toBe('windows-1252');
      }),
    );
  });

  it('maps 0x80-0x9F as WHATWG does, and refuses the five bytes it leaves undefined', () => {
    expect(convert(Buffer.concat([Buffer.from('x '), Buffer.from(HIGH_BYTES)])).text).toBe(`x ${HIGH}`);
    for (const undefinedByte of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(() => convert(Buffer.from([0x41, 0xe9, undefinedByte]))).toThrow(/neither UTF-8 nor Windows-1252/);
  });

  it('reads a file ending in the first byte of what would be a UTF-8 letter as Windows-1252', () => {
    expect(convert(Buffer.from('name\nCaf\xe9', 'latin1')).text).toBe('name\nCafé');
  });

  it.each(['utf-16le', 'utf-16be'] as const)('reads %s with its byte-order mark, however it is cut', (encoding) => {
    const text = 'name,company\r\nZoë Ünal,Müller 👩‍💻\r\n';
    let body = Buffer.from(text, 'utf16le');
    if (encoding === 'utf-16be') body = Buffer.from(body).swap16();
    const bytes = Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
    for (const at of [[], [1], [3], [5, 6, 7], [11, 40]]) {
      const { text: out, converter } = convert(bytes, at);
      expect(out).toBe(text);
      expect(converter.encoding).toBe(encoding);
    }
  });

  it.each([
    ['UTF-32', Buffer.from([0xff, 0xfe, 0, 0, 0x6e, 0, 0, 0]), /in UTF-32, which net does not read/],
    ['UTF-16 without a byte-order mark', Buffer.from('name\nAnna\n', 'utf16le'), /has NUL bytes: it is UTF-16 without a byte-order mark/],
    ['a lone surrogate in UTF-16', Buffer.from([0xff, 0xfe, 0x6e, 0, 0x00, 0xd8, 0x41, 0]), /is not valid UTF-16LE/],
    ['UTF-16 cut in the middle of a character', Buffer.from([0xff, 0xfe, 0x6e, 0, 0x41]), /not valid UTF-16LE: it ends in the middle of a character/],
    ['UTF-8, then Windows-1252', Buffer.from('name\nNiccolò\nCaf\xe9\n'.replace('\xe9', '\u0000'), 'utf8').map((b) => (b === 0 ? 0xe9 : b)), /mixes encodings/],
    ['Windows-1252, then UTF-8', Buffer.concat([Buffer.from('name\nNiccol\xf2\n', 'latin1'), Buffer.from('Café\n')]), /mixes encodings/],
    ['a byte Windows-1252 leaves undefined', Buffer.from('name\nA\x81b\n', 'latin1'), /neither UTF-8 nor Windows-1252 \(it has the byte 0x81\)/],
    ['UTF-8 with a byte-order mark, cut short', Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3]), /not valid UTF-8: it ends in the middle of a character/],
  ])('refuses %s, saying how to convert', (_, bytes, message) => {
    expect(() => convert(bytes)).toThrow(message);
    expect(() => convert(bytes)).toThrow(expect.objectContaining({ hint: expect.stringMatching(/iconv -f \S+ -t UTF-8 'people.csv'/) }));
  });

  it('finds UTF-8 after megabytes of ASCII, and says where a second encoding starts', () => {
    const ascii = Buffer.alloc(3_000_000, 'a');
    expect(convert(Buffer.concat([ascii, Buffer.from('Zoë')]), [65_536, 131_072]).converter.encoding).toBe('utf-8');
    expect(() => convert(Buffer.concat([ascii, Buffer.from('Zoë '), Buffer.from([0xe9, 0x20])]), [65_536])).toThrow(/mixes encodings/);
    expect(() => convert(Buffer.concat([Buffer.from('Zoë'), ascii, Buffer.from([0xe9, 0x20])]), [65_536, 2_000_000])).toThrow(/not UTF-8 at about byte 2,000,000/);
  });

  it('counts replacement characters already in the file, and the summary says so', () => {
    const { converter } = convert(Buffer.from('name\nA\ufffdb \ufffd\n'), [7]);
    expect(converter.replacements).toBe(2);
    expect(encodingNotes(converter).join('\n')).toMatch(/holds 2 replacement characters \(U\+FFFD/);
    expect(encodingNotes(convert(windows1252('name\nZoë')).converter)).toEqual([expect.stringMatching(/^Read as Windows-1252/)]);
    expect(encodingNotes(convert(Buffer.from('name\nZoë')).converter)).toEqual([]);
  });
});
