// net import google, outlook and vcf: address books as Google, Microsoft, Apple and Android write them.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const fixture = (name: string) => resolve(import.meta.dirname, '..', 'fixtures', name);

interface Contact {
  name: string;
  company: string | null;
  role: string | null;
  emails: string[];
  phone: string | null;
  linkedin: string | null;
  location: string | null;
  circle: string;
  tags: string[];
  birthday: string | null;
  notes: string | null;
}

describe('net import google and vcf', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
  });
  afterEach(() => s.cleanup());

  const exported = () => s.json<Contact[]>(['export', 'contacts']);
  const byName = (name: string) => exported().find((c) => c.name === name);

  it('reads a Google Contacts CSV: several values in a cell, labels as tags, birthdays without a year', () => {
    const out = ok(s.net(['import', 'google', fixture('google-contacts.csv'), '--tag', 'google']));
    expect(out).toBe(
      `5 contacts from ${fixture('google-contacts.csv')} (Google Contacts).\n` +
        '  added 4, updated 0, unchanged 0, skipped 1\n' +
        'Skipped:\n' +
        '  row 5: no name, company or email\n' +
        'Warnings:\n' +
        '  row 4: phone "(02) 555-0199 int. 4" is not a phone number; left out\n' +
        '  row 6: email "not-an-email" is not an email address; left out\n',
    );
    expect(byName('Giulia Rossi')).toMatchObject({
      company: 'Satispay',
      role: 'CTO',
      emails: ['giulia@satispay.example', 'g.rossi@satispay.example', 'giulia.rossi@mail.example'],
      phone: '+39 333 123 4567',
      linkedin: 'https://www.linkedin.com/in/giuliarossi',
      location: 'Milano',
      circle: 'acquaintance',
      tags: ['Fintech', 'google'],
      birthday: '1985-04-12',
      notes: 'Met at the AI meetup, Milan.\nLikes climbing.',
    });
    // Every phone is kept with its label, the mobile first; Google's own groups (myContacts, starred) are not tags.
    expect(byName('Niccolò Bianchi')).toMatchObject({ phone: '+39 347 765 4321', birthday: '--07-21', tags: ['google'] });
    const niccolo = byName('Niccolò Bianchi') as { phones: string[]; phone_labels: Array<string | null> };
    expect(niccolo.phones.length).toBeGreaterThan(1);
    expect(niccolo.phone_labels[0]).toBe('mobile');
    // A company without a person is filed under its name; a formula-like note is kept as text.
    expect(byName('Studio Legale Bruni, Associati')).toMatchObject({ company: 'Studio Legale Bruni, Associati', notes: "=cmd|' /C calc'!A0" });
    ok(s.net(['import', 'google', fixture('google-contacts-old.csv')]));
    expect(byName('Paolo Neri')).toMatchObject({ company: 'Intesa Sanpaolo', role: 'Analyst', phone: '+39 320 111 2222', tags: ['Banking'] });
  });

  it('reads an Outlook / Microsoft 365 CSV: three e-mail columns, phones by kind, categories, "0/0/00" for no date', () => {
    const out = ok(s.net(['import', 'outlook', fixture('outlook-contacts.csv')]));
    expect(out).toContain('3 contacts from');
    expect(out).toContain('(Outlook contacts)');
    expect(byName('Françoise Dupont')).toMatchObject({
      company: 'Rossi, Bianchi & Partners',
      role: 'CTO',
      emails: ['f@dupont.example', 'fd@home.example'],
      phone: '+33 6 12 34 56 78',
      linkedin: 'https://www.linkedin.com/in/fdupont',
      location: 'Lyon',
      tags: ['fintech', 'mentor'],
      birthday: '1985-04-12',
      notes: 'Met at the\nLyon meetup',
    });
    expect(byName('Marco Bianchi')).toMatchObject({ phone: '+39 02 1234', birthday: null, emails: [] });
    expect(ok(s.net(['import', 'outlook', fixture('outlook-contacts.csv')]))).toContain('added 0');
    const google = s.net(['import', 'outlook', fixture('google-contacts.csv')]);
    expect(google.code).not.toBe(0);
    expect(google.stderr).toContain('an Outlook or Microsoft 365 contacts CSV export');
  });

  it('reads an Outlook date in the order of --date-order (an Outlook in Italian writes the day first)', () => {
    ok(s.net(['import', 'outlook', fixture('outlook-contacts.csv'), '--date-order', 'dmy']));
    expect(byName('Françoise Dupont')).toMatchObject({ birthday: '1985-12-04' });
  });

  it('reads vCards from Apple (3.0), Google (3.0), Android (2.1, quoted-printable) and 4.0', () => {
    for (const file of ['apple-contacts.vcf', 'google-contacts.vcf', 'android-contacts.vcf', 'v4-contacts.vcf']) ok(s.net(['import', 'vcf', fixture(file)]));
    expect(exported().map((c) => c.name)).toEqual([
      'Giulia Rossi',
      'Françoise Dupont',
      'Niccolò Bianchi',
      'anna@meyer.example',
      'Jürgen Müller',
      'Sara Verdi',
      'Marco Bianchi',
    ]);
    expect(byName('Giulia Rossi')).toMatchObject({
      company: 'Satispay',
      emails: ['giulia@satispay.example', 'giulia.rossi@mail.example'],
      phone: '+39 333 123 4567',
      linkedin: 'https://www.linkedin.com/in/giuliarossi',
      tags: ['fintech', 'mentor'],
      birthday: '1985-04-12',
      notes: 'Met at the AI meetup, Milan. Likes climbing\nand espresso.',
    });
    // Apple marks a birthday without a year with the year 1604; a folded TITLE is one line again.
    expect(byName('Françoise Dupont')).toMatchObject({ birthday: '--11-03', role: 'Head of Partnerships with a very long title that Apple folds over more than seventy-five octets' });
    expect(byName('Jürgen Müller')).toMatchObject({
      company: 'Firma GmbH',
      phone: '+49 170 1234567',
      emails: ['juergen@mueller.example', 'j.mueller@firma.example'],
      notes: 'Kennengelernt auf der Messe in Köln, spricht Italienisch; mag Fußball.\nZweite Zeile.',
    });
    expect(byName('Niccolò Bianchi')).toMatchObject({ location: 'Torino', birthday: '--07-21', tags: ['Python'] });
    expect(byName('Marco Bianchi')).toMatchObject({ phone: '+39-333-999-0000', birthday: '--09-15', linkedin: 'https://www.linkedin.com/in/marcobianchi' });
    for (const file of ['apple-contacts.vcf', 'android-contacts.vcf']) {
      expect(ok(s.net(['import', 'vcf', fixture(file)]))).toContain('  added 0, updated 0, unchanged 2, skipped 0\n');
    }
  });

  it('names the card it cannot read', () => {
    const bad = resolve(s.dir, 'bad.vcf');
    writeFileSync(bad, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nthis line has no colon\r\nEND:VCARD\r\n');
    const result = s.net(['import', 'vcf', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`net: ${bad}: card 2 (line 5): not a valid vCard`);
    expect(s.query('select count(*) as n from contacts')).toEqual([{ n: 0 }]);
  });
});
