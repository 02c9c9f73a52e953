// The lines of a vCard file, in time linear in its size: a phone's export can
// hold megabytes of photos, folded into lines of 75 characters.
//
// PHOTO, LOGO, SOUND and KEY hold pictures, sounds and keys that net does not
// keep. Their values are dropped from the bytes before anything is decoded,
// so they never become strings; each of their lines leaves an empty line, so
// that messages still give line numbers of the file.

const SKIPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;
const NEWLINE = Buffer.from('\n');

/** The property name a line starts with ("item1.PHOTO;ENCODING=b:…" -> "PHOTO"), upper case; only the first bytes are read. */
function propertyName(line: Buffer): string {
  let end = 0;
  while (end < line.length && end < 64 && line[end] !== 0x3b && line[end] !== COLON) end++;
  const name = line.subarray(0, end).toString('latin1');
  return name.slice(name.lastIndexOf('.') + 1).toUpperCase();
}

/** The head (name and parameters) of a property line says its value is quoted-printable. */
function isQuotedPrintable(line: Buffer): boolean {
  const colon = line.indexOf(COLON);
  return /QUOTED-PRINTABLE/i.test(line.subarray(0, colon === -1 ? line.length : colon).toString('latin1'));
}

/**
 * The bytes of a vCard file (UTF-8, Windows-1252 or any encoding where line
 * ends and ASCII are single bytes) without the values of binary properties.
 * A binary value goes on over folded lines (starting with a space or tab)
 * and, as vCard 2.1 writers do, over unfolded base64 lines up to an empty
 * line: a base64 line has no colon, a property always has one.
 */
export function withoutBinaryValues(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let keptFrom = 0;
  let skipping = false;
  let softBreak = false;
  let quotedPrintable = false;
  // The next CR and LF, each searched for again only once passed: one pass over the file.
  let nextCr = -2;
  let nextLf = -2;
  let start = 0;
  while (start < bytes.length) {
    if (nextCr !== -1 && nextCr < start) nextCr = bytes.indexOf(CR, start);
    if (nextLf !== -1 && nextLf < start) nextLf = bytes.indexOf(LF, start);
    let end = nextLf === -1 ? (nextCr === -1 ? bytes.length : nextCr) : nextCr === -1 ? nextLf : Math.min(nextCr, nextLf);
    const lineEnd = end;
    if (end < bytes.length) end += bytes[end] === CR && bytes[end + 1] === LF ? 2 : 1;
    const line = bytes.subarray(start, lineEnd);
    const folded = softBreak || line[0] === 0x20 || line[0] === 0x09;
    if (skipping && !folded && line.length > 0 && line.includes(COLON)) skipping = false;
    if (!skipping && !folded) {
      skipping = SKIPPED.has(propertyName(line));
      quotedPrintable = !skipping && isQuotedPrintable(line);
    }
    softBreak = quotedPrintable && line[line.length - 1] === 0x3d;
    if (skipping) {
      if (keptFrom < start) parts.push(bytes.subarray(keptFrom, start));
      parts.push(NEWLINE);
      keptFrom = end;
    }
    start = end;
  }
  if (parts.length === 0) return bytes;
  if (keptFrom < bytes.length) parts.push(bytes.subarray(keptFrom));
  return Buffer.concat(parts);
}

/**
 * Physical lines joined into logical ones: a line starting with a space or
 * a tab goes on the one before; so does any line after a quoted-printable
 * value that ends with "=" (a soft line break, kept for the decoder). Pieces
 * are collected and joined once, never appended to a growing string.
 */
export function unfold(lines: readonly string[]): string[] {
  const logical: string[][] = [];
  let current: string[] | undefined;
  let quotedPrintable = false;
  let softBreak = false;
  for (const line of lines) {
    if (current && softBreak) current.push('\n', line);
    else if (current && (line.startsWith(' ') || line.startsWith('\t'))) current.push(line.slice(1));
    else {
      current = [line];
      logical.push(current);
      const colon = line.indexOf(':');
      quotedPrintable = /QUOTED-PRINTABLE/i.test(colon === -1 ? line : line.slice(0, colon));
    }
    softBreak = quotedPrintable && line.endsWith('=');
  }
  return logical.map((pieces) => (pieces.length === 1 ? pieces[0] : pieces.join('')));
}
