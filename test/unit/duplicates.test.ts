// Candidate duplicates: each reason, its weight, the order, the pairs said to
// differ, and namesakes who are truly different people left alone.
import { describe, expect, it } from 'vitest';
import { findDuplicatePairs, nearNames, phoneKey, type DuplicateCandidate } from '../../src/core/duplicates.js';
import { furtherOutreach, mergeFieldChoices, unitedList, type MergeValues } from '../../src/core/merge-rules.js';

const person = (id: number, name: string, more: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id,
  name,
  company: null,
  emails: [],
  linkedin: null,
  phones: [],
  ...more,
});

describe('nearNames', () => {
  it.each([
    ['Giulia Rossi', 'Giulia Rosi', true],
    ['Giulia Rossi', 'Rossi Giulia', true],
    ['Marco Bianchi', 'Marco Antonio Bianchi', true],
    ['Marco Bianchi', 'Marco A. Bianchi', true],
    ['Niccolò Bianchi', 'Nicolo Bianchi', true],
    ['Giulia Rossi', 'Giulia Rossi', false],
    ['Pia Target', 'Olga Target', false],
    ['Anna Rossi 17', 'Anna Rossi 18', false],
    ['Luca Verdi', 'Luca Bianchi', false],
    ['Anna', 'Anna Meyer', false],
  ])('%s ~ %s: %s', (a, b, near) => {
    expect(nearNames(a, b)).toBe(near);
  });
});

describe('phoneKey', () => {
  it('meets a number with and without its country code, ignores punctuation, refuses fragments', () => {
    expect(phoneKey('+39 333 123 4567')).toBe(phoneKey('333-1234567'));
    expect(phoneKey('(0039) 333.123.4567')).toBe('331234567');
    expect(phoneKey('12345')).toBeNull();
  });
});

describe('findDuplicatePairs', () => {
  const network = [
    person(1, 'Federico Sala', { company: 'Mediobanca' }),
    person(2, 'Federico Sala', { company: 'Mediobanca S.p.A.', emails: ['f.sala@mediobanca.com'] }),
    person(3, 'Federico Sala', { company: 'Intesa Sanpaolo' }),
    person(4, 'Fede Sala', { emails: ['F.Sala@Mediobanca.com'] }),
    person(5, 'Giulia Rossi', { company: 'Satispay', linkedin: 'https://it.linkedin.com/in/giuliarossi/' }),
    person(6, 'Giulia Rosi', { company: 'Satispay S.p.A.', linkedin: 'https://www.linkedin.com/in/GiuliaRossi' }),
    person(7, 'Marco Bianchi', { emails: ['marco@nexi.it'], phones: ['+39 333 1234567'] }),
    person(8, 'Marco Antonio Bianchi', { emails: ['mab@nexi.it'], phones: ['3331234567'] }),
    person(9, 'Anna Meyer'),
    person(10, 'Anna Meyer'),
    person(11, 'Anna Meyer', { company: 'Nexi' }),
    person(12, 'Sara Conti', { emails: ['sara@gmail.com'] }),
    person(13, 'Sara Conte', { emails: ['sc@gmail.com'] }),
  ];

  it('finds each kind of pair with its reasons, strongest first', () => {
    const pairs = findDuplicatePairs(network).map((p) => [p.a, p.b, p.score, p.reasons]);
    expect(pairs).toEqual([
      [5, 6, 7, ['same LinkedIn profile', 'near name, same company']],
      [2, 4, 5, ['same email f.sala@mediobanca.com']],
      [7, 8, 5, ['same phone', 'near name, email at nexi.it']],
      [1, 2, 4, ['same name and company']],
      [9, 10, 2, ['same name']],
    ]);
  });

  it('leaves out a namesake at another company, near names at a free-mail domain, and pairs said to differ', () => {
    const pairs = findDuplicatePairs(network, new Set(['1:2', '9:10'])).map((p) => `${p.a}:${p.b}`);
    expect(pairs).toEqual(['5:6', '2:4', '7:8']);
    expect(pairs).not.toContain('1:3');
    expect(pairs).not.toContain('12:13');
  });

  it('compares 20,000 people who share companies and domains, and finds none among generated names (the speed is in bench:cli)', () => {
    const companies = ['Satispay', 'Nexi', 'Acme', 'Globex', 'Initech', ''];
    const many = Array.from({ length: 20_000 }, (_, i) =>
      person(i + 1, `Person ${String.fromCharCode(65 + (i % 26))}. Name ${i}`, { company: companies[i % companies.length], emails: [`p${i}@x${i % 50}.example.org`] }),
    );
    expect(findDuplicatePairs(many)).toEqual([]);
  });
});

describe('merge rules', () => {
  const blank: MergeValues = { company: null, role: null, linkedin: null, location: null, how_met: null, met_on: null, circle: 'network', cadence_days: null, channel: null, birthday: null, notes: null };

  it("keeps KEEP's value unless it is empty, and says which wins for every field that differs", () => {
    const { choices, set } = mergeFieldChoices(
      { ...blank, company: 'Mediobanca', role: '', circle: 'close' },
      { ...blank, company: 'Mediobanca S.p.A.', role: 'Analyst', linkedin: 'https://www.linkedin.com/in/fsala', circle: 'network', notes: '' },
    );
    expect(choices).toEqual([
      { field: 'company', keep: 'Mediobanca', other: 'Mediobanca S.p.A.', winner: 'keep' },
      { field: 'role', keep: '', other: 'Analyst', winner: 'other' },
      { field: 'linkedin', keep: null, other: 'https://www.linkedin.com/in/fsala', winner: 'other' },
      { field: 'circle', keep: 'close', other: 'network', winner: 'keep' },
      { field: 'notes', keep: null, other: '', winner: 'keep' },
    ]);
    expect(set).toEqual({ role: 'Analyst', linkedin: 'https://www.linkedin.com/in/fsala' });
  });

  it('unites lists, case aside for emails', () => {
    expect(unitedList(['a@x.it', 'b@x.it'], ['B@x.it', 'c@x.it'], true)).toEqual(['a@x.it', 'b@x.it', 'c@x.it']);
    expect(unitedList(['AI'], ['ai', 'jazz'], false)).toEqual(['AI', 'ai', 'jazz']);
  });

  it('keeps the open outreach further along, KEEP’s when level', () => {
    expect(furtherOutreach('target', 'replied')).toBe('other');
    expect(furtherOutreach('met', 'contacted')).toBe('keep');
    expect(furtherOutreach('contacted', 'contacted')).toBe('keep');
  });
});
