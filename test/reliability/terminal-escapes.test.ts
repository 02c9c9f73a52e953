// A value echoed in an error message cannot drive the terminal: escape
// sequences, carriage returns and bidirectional overrides are shown, not sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { showControls } from '../../src/core/errors.js';
import { sandbox, type Sandbox } from '../helpers.js';

describe('showControls', () => {
  it.each([
    ['plain text, tabs and newlines stay', 'Niccolò\tDupont\nline 2', 'Niccolò\tDupont\nline 2'],
    ['ESC and CSI', '\u001b[2J\u009b31m', '\\u{1b}[2J\\u{9b}31m'],
    ['CR, BEL, DEL, NUL', 'a\rb\u0007c\u007fd\u0000', 'a\\u{d}b\\u{7}c\\u{7f}d\\u{0}'],
    ['bidirectional overrides', 'abc\u202efed\u2066', 'abc\\u{202e}fed\\u{2066}'],
    ['emoji and zero-width joiners stay', '👩‍💻 \u200b', '👩‍💻 \u200b'],
  ])('%s', (_, input, shown) => {
    expect(showControls(input)).toBe(shown);
  });
});

describe('messages of the built binary', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it('show a hostile value in a usage error instead of sending it', () => {
    const result = s.net(['list', '--sort=\u001b[2J\u001b[31mred\r\u202e']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('net: --sort: "\\u{1b}[2J\\u{1b}[31mred\\u{d}\\u{202e}" is not a sort order (name, last, added)\n');
  });

  it('show it in commander’s own errors too', () => {
    const result = s.net(['--\u001b[31m']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: unknown option '--\\u\{1b\}\[31m'\n/);
    expect(result.stderr).not.toContain('\u001b');
  });
});
