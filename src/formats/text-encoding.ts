// The bytes of an imported file as UTF-8, whatever encoding they came in:
// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
// or Windows-1252, what Excel on Windows saves as "CSV". Decoding goes
// through Node's TextDecoder (the WHATWG encodings), Windows-1252 aside (see
// below), and never with replacement characters: bytes that are not text in
// the encoding found stop the import with a message that names the encoding
// and how to convert.
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { DataError } from '../core/errors.js';

export type Encoding = 'ascii' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const EMPTY: Buffer = Buffer.alloc(0);
const REPLACEMENT = Buffer.from('\ufffd', 'utf8');

/** What to run to convert a file, for the messages (`how`: what to convert, when not the whole file). */
function convertHint(from: string, file: string, spreadsheet: boolean, how = 'convert it'): string {
  const save = spreadsheet ? ', or save it as "CSV UTF-8" from your spreadsheet' : '';
  return `${how} to UTF-8 and import that, e.g. \`iconv -f ${from} -t UTF-8 '${file}' > converted\`${save}`;
}

/** How much text after its first non-ASCII byte a file is judged on. */
const LOOK_AHEAD = 64 * 1024;

/**
 * Turns the chunks of one file into UTF-8 bytes. Without a byte-order mark
 * the encoding is judged on up to 64 KB from the first byte that is not
 * ASCII: valid UTF-8 there means UTF-8, anything else Windows-1252 (the ASCII
 * before reads the same in both, so it is passed on at once). UTF-8 is
 * passed on as it came, only checked.
 */
export class Utf8Converter {
  encoding: Encoding = 'ascii';
  /** U+FFFD characters in the file itself: text damaged by some program before. */
  replacements = 0;
  #started = false;
  /** Bytes held back: the first few, for the byte-order mark; then the look-ahead of an undecided file. */
  #held: Buffer[] = [];
  #heldLength = 0;
  #decoder: TextDecoder | undefined;
  /** Bytes received so far, for messages. */
  #received = 0;

  /** `spreadsheet`: the file is a CSV, which the hints can say how to save again. */
  constructor(
    readonly file: string,
    readonly spreadsheet = false,
  ) {}

  #hint(from: string, how?: string): string {
    return convertHint(from, this.file, this.spreadsheet, how);
  }

  /** The UTF-8 bytes of the next chunk (a character cut at its end comes with the next one). */
  push(chunk: Buffer): Buffer {
    this.#received += chunk.length;
    if (this.#heldLength > 0 || !this.#started) {
      this.#held.push(chunk);
      this.#heldLength += chunk.length;
      // Enough for the byte-order mark; then enough to judge (held bytes are joined only once).
      if (this.#heldLength < (this.#started ? LOOK_AHEAD : 4)) return EMPTY;
      chunk = this.#release();
    }
    return this.#counted(this.#convert(chunk, false));
  }

  /** The last bytes, once the file has ended. */
  end(): Buffer {
    let out = this.#convert(this.#release(), true);
    if (this.#decoder) {
      let rest: string;
      try {
        rest = this.#decoder.decode();
      } catch {
        throw this.#invalid('ends in the middle of a character');
      }
      if (this.encoding !== 'utf-8' && rest !== '') out = Buffer.concat([out, Buffer.from(rest, 'utf8')]);
    }
    return this.#counted(out);
  }

  /** A whole file at once. */
  all(bytes: Buffer): Buffer {
    const head = this.push(bytes);
    const tail = this.end();
    return tail.length ? Buffer.concat([head, tail]) : head;
  }

  /** The bytes held back, as one buffer (after the byte-order mark, once it is read). */
  #release(): Buffer {
    const data = this.#held.length === 1 ? this.#held[0] : Buffer.concat(this.#held);
    this.#held = [];
    this.#heldLength = 0;
    return this.#started ? data : this.#start(data);
  }

  /** Reads the byte-order mark, if any; returns the bytes after it. */
  #start(data: Buffer): Buffer {
    this.#started = true;
    const [a, b, c, d] = data;
    if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff)) {
      throw new DataError(`${this.file} is in UTF-32, which net does not read`, this.#hint('UTF-32'));
    }
    if (a === 0xef && b === 0xbb && c === 0xbf) {
      this.encoding = 'utf-8';
      this.#decoder = new TextDecoder('utf-8', { fatal: true });
      return data.subarray(3);
    }
    if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
      this.encoding = a === 0xff ? 'utf-16le' : 'utf-16be';
      this.#decoder = new TextDecoder(this.encoding, { fatal: true });
      return data.subarray(2);
    }
    if (data.subarray(0, 4096).includes(0)) {
      throw new DataError(
        `${this.file} has NUL bytes: it is UTF-16 without a byte-order mark, or not a text file`,
        this.#hint('UTF-16LE'),
      );
    }
    return data;
  }

  #convert(data: Buffer, atEnd: boolean): Buffer {
    switch (this.encoding) {
      case 'ascii':
        return this.#undecided(data, atEnd);
      case 'utf-8':
        this.#checkUtf8(data);
        return data;
      case 'windows-1252':
        return this.#fromWindows1252(data);
      default:
        try {
          return Buffer.from((this.#decoder as TextDecoder).decode(data, { stream: true }), 'utf8');
        } catch {
          throw this.#invalid('has bytes that are not text (an unpaired surrogate)');
        }
    }
  }

  /** Only ASCII so far: bytes from the first other one on are held until there are enough to judge. */
  #undecided(data: Buffer, atEnd: boolean): Buffer {
    if (isAscii(data)) return data;
    let k = 0;
    while (data[k] < 0x80) k++;
    const rest = data.subarray(k);
    if (!atEnd && rest.length < LOOK_AHEAD) {
      this.#held = [rest];
      this.#heldLength = rest.length;
      return data.subarray(0, k);
    }
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      decoder.decode(rest, { stream: !atEnd });
    } catch {
      this.encoding = 'windows-1252';
      return Buffer.concat([data.subarray(0, k), this.#fromWindows1252(rest, data.length - k)]);
    }
    this.encoding = 'utf-8';
    this.#decoder = decoder;
    return data;
  }

  #checkUtf8(data: Buffer): void {
    try {
      (this.#decoder as TextDecoder).decode(data, { stream: true });
    } catch {
      throw this.#mixed(data.length, 'bytes that are not UTF-8');
    }
  }

  /** `back`: how many bytes before the end of what was received so far `found` shows. */
  #mixed(back: number, found: 'UTF-8 text' | 'bytes that are not UTF-8'): DataError {
    const byte = Math.max(0, this.#received - back);
    return new DataError(
      `${this.file} mixes encodings: it has UTF-8 text and bytes that are not UTF-8 (${found} at about byte ${byte.toLocaleString('en-US')})`,
      this.#hint('WINDOWS-1252', 'convert the parts that are not UTF-8, or the file as a whole,'),
    );
  }

  /** `back`: how far before the end of what was received the bytes start, for messages. */
  #fromWindows1252(bytes: Buffer, back = bytes.length): Buffer {
    // Ã or Â and a symbol of 0x80-0xBF: a UTF-8 letter of Latin-1 (é is C3 A9), not Windows-1252 text.
    for (const lead of [0xc2, 0xc3]) {
      for (let i = bytes.indexOf(lead); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(lead, i + 1)) {
        if (bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0xbf) throw this.#mixed(back - i, 'UTF-8 text');
      }
    }
    const text = decodeWindows1252(bytes);
    // The five bytes Windows-1252 leaves undefined come out as C1 controls: then it was something else.
    const undefinedByte = /[\u0080-\u009f]/.exec(text);
    if (undefinedByte) {
      throw new DataError(
        `${this.file} is neither UTF-8 nor Windows-1252 (it has the byte 0x${undefinedByte[0].charCodeAt(0).toString(16)})`,
        this.#hint('ENCODING', 'find its encoding (`file -i` may tell), convert it'),
      );
    }
    return Buffer.from(text, 'utf8');
  }

  #invalid(what: string): DataError {
    const name = this.encoding === 'ascii' || this.encoding === 'windows-1252' ? 'UTF-8' : this.encoding.toUpperCase();
    return new DataError(`${this.file} is not valid ${name}: it ${what}`, this.#hint(name));
  }

  #counted(out: Buffer): Buffer {
    for (let i = out.indexOf(REPLACEMENT); i !== -1; i = out.indexOf(REPLACEMENT, i + REPLACEMENT.length)) this.replacements += 1;
    return out;
  }
}

// WHATWG's index-windows-1252 for the bytes 0x80-0x9F (the others read as in Latin-1); 0x81, 0x8D,
// 0x8F, 0x90 and 0x9D stay C1 controls. Node's TextDecoder('windows-1252') has read these 32 bytes
// as Latin-1 since 20.18.3 and 22.13.0 (nodejs/node#60888), so they are mapped here.
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]);
}

/** The chunks of a stream as UTF-8. */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>, converter: Utf8Converter): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const out = converter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    if (out.length) yield out;
  }
  const last = converter.end();
  if (last.length) yield last;
}

/** What the summary of an import says about the file's encoding, when there is something to say. */
export function encodingNotes(converter: Utf8Converter): string[] {
  const notes: string[] = [];
  if (converter.encoding === 'windows-1252') {
    notes.push('Read as Windows-1252, since the file is not UTF-8: if accented letters look wrong, convert it to UTF-8 and import it again.');
  } else if (converter.encoding === 'utf-16le' || converter.encoding === 'utf-16be') {
    notes.push(`Read as ${converter.encoding.toUpperCase()} (the file's byte-order mark says so).`);
  }
  if (converter.replacements > 0) {
    const n = converter.replacements.toLocaleString('en-US');
    notes.push(`The file holds ${n} replacement character${converter.replacements === 1 ? '' : 's'} (U+FFFD, shown as \ufffd): some program lost those letters before the file reached net; they were imported as they are.`);
  }
  return notes;
}
