// Flowing text into lines of a given width, for terminals.

/**
 * Words flowed into lines of at most `width` characters; line breaks in the
 * text are kept, and a word longer than the width is cut across lines.
 */
export function wrapLines(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = Array.from(word);
      while (rest.length > room) {
        if (line !== '') lines.push(line);
        lines.push(rest.slice(0, room).join(''));
        rest = rest.slice(room);
        line = '';
      }
      const piece = rest.join('');
      if (piece === '') continue;
      if (line !== '' && Array.from(line).length + 1 + rest.length > room) {
        lines.push(line);
        line = piece;
      } else line = line === '' ? piece : `${line} ${piece}`;
    }
    lines.push(line);
  }
  return lines;
}
