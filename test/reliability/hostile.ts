// Hostile values shared by the property tests: long strings, control
// characters, invalid UTF-16, SQL and shell metacharacters, formulas, huge
// numbers, impossible dates.
import fc from 'fast-check';

export const FRAGMENTS = [
  "'", '"', '`', '$(id)', '`id`', '; rm -rf ~', '| cat /etc/passwd', '&& echo pwned', '\\', '%', '_', '*',
  "' OR 1=1 --", "'); drop table contacts; --", 'Robert"); DROP TABLE interactions;--',
  '=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r', '\n', '\r\n',
  '\u001b[31mred\u001b[0m', '\u0007', '\u0008', '\u007f', '\u202e', '\u200b', '\ufeff', '\u00a0',
  'Niccolò', 'Françoise', 'Łukasz', '日本語', '🎉', '👩‍💻', '\ud800', '\udfff',
  '31 February', '2026-02-31', '2026-13-01', '0000-00-00', '9999-12-31', '-0001-01-01', '29 febbraio 2025', 'ieri', 'martedì scorso',
  'yesterday', 'tomorrow', 'in 3 weeks', 'last tuesday', '1e308', '99999999999999999999', '-1', '0', 'NaN', 'Infinity', '0x10',
  '1,5', ' ', '', 'null', 'undefined', '__proto__', 'constructor', '%s%n%x', '../../etc/passwd', 'CON', '#', '#0', '#999999999999',
  'giulia', 'Giulia Rossi', '--help', '-h', '--json', 'inner', 'close', 'coffee', 'email', 'none', 'monthly', '2 weeks',
  // Terminal and text controls: OSC 52 (a clipboard write), C1 CSI and NEL, bidi isolates, separators, the replacement character.
  '\u001b]52;c;ZWNobyBwd25lZA==\u0007', '\u009b31m', '\u0085', '\u0090', '\u2066', '\u2069', '\u2028', '\ufffd',
  // Separators of net's own formats: lists, vCard, CSV.
  ';', ',', ':', '\\n', '\\;', 'BEGIN:VCARD', 'END:VCARD', '\nEMAIL:evil@example.com', '\r=cmd|\' /C calc\'!A0',
];

/** Any value a person, a script or a file could hold (NUL cannot be in an argument). */
export const hostile: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 2, maxLength: 6 }).map((a) => a.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    // Up to 60,000 characters of at most 2 bytes: within Linux's 128 KB for one argument.
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 60_000 }).chain((n) => fc.constantFrom('x', 'é', '=', ' ', '\n').map((c) => c.repeat(n))) },
  )
  .map((v) => v.replace(/\0/g, ''));

/** Every character no terminal should receive from stored data: ESC and the other C0 controls but \n and \t, DEL, C1, bidi controls. */
export const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
