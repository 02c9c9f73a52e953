// Files from outside in other encodings: Windows-1252 and UTF-16 read
// exactly, by every file importer; what net cannot read is refused with the
// encoding named, never stored as U+FFFD; a lone surrogate in JSON is
// refused; and a vCard heavy with photos imports in seconds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

const file = (name: string, content: Buffer) => {
  const path = join(s.dir, name);
  writeFileSync(path, content);
  return path;
};
const names = () => s.query<{ name: string; company: string | null }>('select name, company from contacts order by id');
const cp1252 = (text: string) => Buffer.from(text.replace('’', '\u0092'), 'latin1');
const utf16 = (text: string, order: 'le' | 'be') => {
  const body = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), order === 'le' ? body : Buffer.from(body).swap16()]);
};

const SOURCES: Array<[string, string]> = [
  ['csv', 'name,company\r\nNiccolò Renè,Café d’Orsay\r\n'],
  ['google', 'First Name,Last Name,Organization Name,E-mail 1 - Value\r\nNiccolò,Renè,Café d’Orsay,n@example.com\r\n'],
  ['linkedin', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nNiccolò,Renè,,,Café d’Orsay,,15 Mar 2024\r\n'],
  ['vcf', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Niccolò Renè\r\nORG:Café d’Orsay\r\nEND:VCARD\r\n'],
  ['json', '[{"name": "Niccolò Renè", "company": "Café d’Orsay"}]'],
];

describe('Windows-1252 and UTF-16 files', () => {
  it.each(SOURCES)('import %s: Windows-1252 read exactly, and the summary says how it was read', (source, text) => {
    const result = s.net(['import', source, file('w1252.in', cp1252(text))]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Read as Windows-1252');
    expect(names()).toEqual([{ name: 'Niccolò Renè', company: 'Café d’Orsay' }]);
  });

  it.each(SOURCES.flatMap(([source, text]) => (['le', 'be'] as const).map((order) => [source, order, text] as const)))(
    'import %s: UTF-16%s with a byte-order mark read exactly',
    (source, order, text) => {
      const result = s.net(['import', source, file('utf16.in', utf16(text, order))]);
      expect(result.code, result.stderr).toBe(0);
      expect(names()).toEqual([{ name: 'Niccolò Renè', company: 'Café d’Orsay' }]);
    },
  );

  it.each([
    ['mixes encodings', Buffer.concat([Buffer.from('name\nNiccolò\n'), cp1252('Renè\n')]), /mixes encodings/],
    ['UTF-16 without a byte-order mark', Buffer.from('name\nAnna\n', 'utf16le'), /UTF-16 without a byte-order mark/],
    ['a byte no encoding net reads has', Buffer.from('name\nAnn\xe9\x81\n', 'latin1'), /neither UTF-8 nor Windows-1252/],
    ['UTF-32', Buffer.from([0xff, 0xfe, 0, 0, 0x6e, 0, 0, 0]), /in UTF-32/],
  ])('a file that %s is refused, with how to convert it, and nothing stored', (_, bytes, message) => {
    for (const source of ['csv', 'json', 'vcf']) {
      const result = s.net(['import', source, file('bad.in', bytes)]);
      expect(result.code, `${source}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/iconv -f \S+ -t UTF-8/);
      if (source === 'csv') expect(result.stderr).toContain('save it as "CSV UTF-8"');
    }
    expect(names()).toEqual([]);
  });

  it('never stores U+FFFD silently: one in the file is imported with a warning', () => {
    const result = s.net(['import', 'csv', file('damaged.csv', Buffer.from('name\nRen\ufffd Meyer\n'))]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The file holds 1 replacement character (U+FFFD');
  });
});

describe('a lone surrogate in JSON', () => {
  it.each([
    ['a contact name', '[{"name": "Anna \\ud800 Meyer"}]', /record 1: name is not valid text \(a lone UTF-16 surrogate\)/],
    ['an interaction note', '[{"date": "2026-03-01", "contacts": ["Anna"], "note": "hi \\udc00"}]', /record 1: note is not valid text/],
    ['a uid', '[{"uid": "\\ud800", "name": "Anna"}]', /record 1: uid is not valid text/],
    ['a list item', '[{"name": "Anna", "tags": ["ai", "\\udfff"]}]', /record 1: tags\[1\] is not valid text/],
  ])('in %s is refused, and importing the file again adds nothing', (_, json, message) => {
    const path = file('surrogate.json', Buffer.from(json));
    for (let i = 0; i < 2; i++) {
      const result = s.net(['import', 'json', path]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    expect(s.query('select count(*) as n from contacts')).toEqual([{ n: 0 }]);
    expect(s.query('select count(*) as n from interactions')).toEqual([{ n: 0 }]);
  });
});

describe('a vCard heavy with photos', () => {
  it('a card with a 10 MB folded photo imports in seconds, the photo left out', () => {
    const base64 = Buffer.alloc(7_500_000, 0x5a).toString('base64');
    const lines = [`PHOTO;ENCODING=b;TYPE=JPEG:${base64.slice(0, 48)}`];
    for (let i = 48; i < base64.length; i += 74) lines.push(` ${base64.slice(i, i + 74)}`);
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Giulia Rossi', ...lines, 'EMAIL:giulia@example.com', 'END:VCARD', ''].join('\r\n');
    const started = Date.now();
    ok(s.net(['import', 'vcf', file('photo.vcf', Buffer.from(vcf))]));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(s.query('select name, notes from contacts')).toEqual([{ name: 'Giulia Rossi', notes: null }]);
  }, 60_000);
});
