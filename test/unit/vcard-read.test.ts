// Reading vCards in the file's encoding, and quoted-printable values in their charset.
import { describe, expect, it } from 'vitest';
import { readVcards } from '../../src/formats/vcard.js';

const card = (...lines: string[]) => Buffer.from(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n'));

describe('readVcards', () => {
  it('reads Windows-1252 and UTF-16 files, and quoted-printable in its charset', () => {
    expect(readVcards(Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Niccol\xf2 Ren\xe9\r\nEND:VCARD\r\n', 'latin1'), 'w.vcf')[0].formattedName).toBe('Niccolò René');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë\r\nPHOTO:abc\r\n def\r\nEND:VCARD\r\n', 'utf16le')]);
    expect(readVcards(utf16, 'u.vcf')[0].formattedName).toBe('Zoë');
    const qp = card('FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Ren=E9');
    expect(readVcards(qp, 'qp.vcf')[0].formattedName).toBe('René');
  });

  it('refuses quoted-printable bytes that are not text in their charset, instead of storing U+FFFD', () => {
    expect(() => readVcards(card('FN;ENCODING=QUOTED-PRINTABLE:=C3=28=A0'), 'bad.vcf')).toThrow(/card 1 \(line 1\): FN: a quoted-printable value is not valid UTF-8/);
  });
});
