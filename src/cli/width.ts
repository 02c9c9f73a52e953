// The measure of the text a listing is about to print: one column per
// character for narrow text, string-width once a wide or zero-width character
// is there (a CJK company name, an emoji). string-width loads only then:
// `net due` on a network of Latin names never loads it.
import { codePoints, isNarrow, type Measure } from '../core/text.js';

let wide: Measure | undefined;

export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) {
    if (isNarrow(text)) continue;
    if (!wide) {
      const { default: stringWidth } = await import('string-width');
      wide = stringWidth;
    }
    return wide;
  }
  return codePoints;
}
