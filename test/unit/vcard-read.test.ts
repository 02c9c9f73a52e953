// Reading vCards: binary values dropped before they are decoded, lines
// unfolded in time linear in the file, escapes read as RFC 6350 writes them,
// and the file's encoding honoured.
import { describe, expect, it } from 'vitest';
import { readVcards, writeVcard } from '../../src/formats/vcard.js';
import { unfold, withoutBinaryValues } from '../../src/formats/vcard-lines.js';

const card = (...lines: string[]) => Buffer.from(['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n'));

describe('withoutBinaryValues', () => {
  it('drops a folded PHOTO, a LOGO with a group, and vCard 2.1 base64 lines up to the empty line, keeping the line count', () => {
    const text = [
      'BEGIN:VCARD',
      'FN:Anna',
      'PHOTO;ENCODING=b;TYPE=JPEG:AAAA',
      ' BBBB',
      '\tCCCC',
      'item1.LOGO:data:image/png;base64,DDDD',
      'KEY;ENCODING=BASE64:',
      'EEEE',
      'FFFF',
      '',
      'NOTE:kept',
      ' and folded',
      'END:VCARD',
    ].join('\r\n');
    const out = withoutBinaryValues(Buffer.from(text)).toString('latin1');
    expect(out.split(/\r\n|\n/)).toHaveLength(text.split('\r\n').length);
    expect(out).toBe(`BEGIN:VCARD\r\nFN:Anna\r\n${'\n'.repeat(8)}NOTE:kept\r\n and folded\r\nEND:VCARD`);
    expect(out).not.toMatch(/AAAA|BBBB|CCCC|DDDD|EEEE|FFFF/);
  });

  it('leaves a file without binary values as it is, and reads bare CR line ends', () => {
    const plain = Buffer.from('BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n');
    expect(withoutBinaryValues(plain)).toBe(plain);
    expect(withoutBinaryValues(Buffer.from('FN:A\rPHOTO:xx\r yy\rEND:VCARD\r')).toString()).toBe('FN:A\r\n\nEND:VCARD\r');
  });

  it('does not take a quoted-printable soft line break that starts with PHOTO for a photo', () => {
    const text = 'NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\nPHOTO is not a property here\r\nEND:VCARD';
    expect(withoutBinaryValues(Buffer.from(text)).toString()).toBe(text);
  });
});

describe('unfold', () => {
  it('joins folded lines and keeps quoted-printable soft breaks for the decoder', () => {
    expect(unfold(['FN:An', ' na', '\t Meyer', 'NOTE;QUOTED-PRINTABLE:a=', 'b', 'TEL:1'])).toEqual(['FN:Anna Meyer', 'NOTE;QUOTED-PRINTABLE:a=\nb', 'TEL:1']);
  });
});

describe('readVcards', () => {
  it('reads a card with a 6 MB folded photo in well under a second a megabyte', () => {
    const base64 = Buffer.alloc(4_500_000, 7).toString('base64');
    const folded = [`PHOTO;ENCODING=b;TYPE=JPEG:${base64.slice(0, 50)}`];
    for (let i = 50; i < base64.length; i += 74) folded.push(` ${base64.slice(i, i + 74)}`);
    const started = performance.now();
    const [person] = readVcards(card('FN:Giulia Rossi', ...folded, 'EMAIL:giulia@example.com'), 'big.vcf');
    expect(performance.now() - started).toBeLessThan(6000);
    expect(person).toMatchObject({ formattedName: 'Giulia Rossi', emails: ['giulia@example.com'] });
  });

  it('reads a long folded note in linear time too', () => {
    const note = 'x'.repeat(3_000_000);
    const folded = [`NOTE:${note.slice(0, 70)}`];
    for (let i = 70; i < note.length; i += 74) folded.push(` ${note.slice(i, i + 74)}`);
    const started = performance.now();
    const [person] = readVcards(card('FN:Anna', ...folded), 'note.vcf');
    expect(performance.now() - started).toBeLessThan(6000);
    expect(person.note).toHaveLength(3_000_000);
  });

  it.each([
    ['a backslash before a separator', 'Rossi\\; Bianchi, \\ Partners', 'A;B\\'],
    ['escapes as text', '\\n, \\, and \\;', '\\\\;'],
  ])('gives back what net wrote: %s', (_, company, name) => {
    const written = writeVcard(
      { uid: '0190a5b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', name, company, role: 'a\\;b', emails: [], phone: null, linkedin: null, location: 'x\\', notes: 'n\\;1\r\n2\r3', tags: ['t\\', 'u;v'], birthday: null },
      3,
    );
    const [read] = readVcards(Buffer.from(written), 'net.vcf');
    expect(read).toMatchObject({ formattedName: name, organization: company, title: 'a\\;b', city: 'x\\', note: 'n\\;1\n2\n3', categories: ['t\\', 'u;v'] });
  });

  it('writes a note with a bare CR as one property of one card', () => {
    const written = writeVcard(
      { uid: '0190a5b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b', name: 'Anna', company: null, role: null, emails: [], phone: null, linkedin: null, location: null, notes: 'hi\rEMAIL:evil@example.com\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory', tags: [], birthday: null },
      4,
    );
    expect(written.replace(/\r\n/g, '')).not.toContain('\r');
    const cards = readVcards(Buffer.from(written), 'net.vcf');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ emails: [], note: 'hi\nEMAIL:evil@example.com\nEND:VCARD\nBEGIN:VCARD\nFN:Mallory' });
  });

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
