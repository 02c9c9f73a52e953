// Text for terminals, measured as a terminal shows it: the one wrapper, cutter
// and padder of every listing. A CJK character takes two columns, a combining
// accent none; the measure that knows this (string-width) is handed in by
// the caller, which loads it only when some text needs it (src/cli/width.ts).

/** How many columns a text takes on a terminal. */
export type Measure = (text: string) => number;

/** One column per code point: true of every narrow text (see isNarrow). */
export const codePoints: Measure = (text) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one code point.
    if (code < 0xd800 || code > 0xdbff) n += 1;
  }
  return n;
};

/**
 * Text a terminal shows one column per character: ASCII, and the Latin,
 * Greek and Cyrillic letters without combining marks (their accents composed,
 * as people type them). Anything else is measured by string-width.
 */
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20ac\u2190-\u21ff\u2500-\u257f]*$/;

export function isNarrow(text: string): boolean {
  return NARROW.test(text);
}

let segmenter: Intl.Segmenter | undefined;

/** The characters as a person sees them (grapheme clusters): an emoji with its modifiers is one. */
function graphemes(text: string, measure: Measure): string[] {
  if (measure === codePoints) return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The longest start of `text` that fits in `width` columns, and the rest. */
function splitAt(text: string, width: number, measure: Measure): [string, string] {
  let used = 0;
  let head = '';
  const parts = graphemes(text, measure);
  for (let k = 0; k < parts.length; k++) {
    const w = measure(parts[k]);
    if (used + w > width) return [head, parts.slice(k).join('')];
    used += w;
    head += parts[k];
  }
  return [head, ''];
}

/** Cut to `width` columns with an ellipsis; whitespace flattened to single spaces. */
export function cutTo(text: string, width: number, measure: Measure = codePoints): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (measure(flat) <= width) return flat;
  if (width <= 1) return splitAt(flat, Math.max(0, width), measure)[0];
  return `${splitAt(flat, width - 1, measure)[0]}…`;
}

/** Padded with spaces to `width` columns (on the right, or on the left for numbers). */
export function padTo(text: string, width: number, measure: Measure = codePoints, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - measure(text)));
  return align === 'right' ? pad + text : text + pad;
}

/**
 * Words flowed into lines of at most `width` columns; line breaks in the
 * text are kept, and a word longer than the width is cut across lines.
 */
export function wrapLines(text: string, width: number, measure: Measure = codePoints): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while (measure(rest) > room) {
        if (line !== '') lines.push(line);
        const [head, tail] = splitAt(rest, room, measure);
        // A character wider than the room still goes on a line of its own.
        const taken = head === '' ? graphemes(rest, measure)[0] : head;
        lines.push(taken);
        rest = head === '' ? rest.slice(taken.length) : tail;
        line = '';
      }
      if (rest === '') continue;
      if (line !== '' && measure(line) + 1 + measure(rest) > room) {
        lines.push(line);
        line = rest;
      } else line = line === '' ? rest : `${line} ${rest}`;
    }
    lines.push(line);
  }
  return lines;
}
