// iCalendar through ical.js: all-day events from the day's text, and lines
// folded at 75 octets of UTF-8, never inside a character (RFC 5545 3.1).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { dayEntriesToIcs } from '../../src/formats/ics.js';
import { writeVcard } from '../../src/formats/vcard.js';

const NOW = new Date('2026-03-14T11:00:00Z');

function ics(title: string, description: string): string {
  return dayEntriesToIcs([{ uid: 'net-1@net', day: '2026-03-16', title, description, categories: ['net', 'reply'] }], { now: NOW, name: 'net due' });
}

describe('iCalendar', () => {
  it('writes all-day events with CRLF line ends, a stamp and categories', () => {
    const text = ics('Reply to Giulia', 'a note');
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(text).toContain('\r\nSUMMARY:Reply to Giulia\r\nDTSTAMP:20260314T110000Z\r\nDTSTART;VALUE=DATE:20260316\r\nDTEND;VALUE=DATE:20260317\r\n');
    expect(text).toContain('\r\nCATEGORIES:net,reply\r\n');
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it.each([
    ['ASCII', 'x'.repeat(400)],
    ['two-byte letters', 'è'.repeat(300)],
    ['three-byte signs', '→€'.repeat(150)],
    ['four-byte emoji', '🎉'.repeat(120)],
    ['a mix', 'Niccolò Ferri → Zoë Martin: 🎉 caffè, “grazie” '.repeat(12)],
  ])('folds %s at 75 octets, never inside a character, and reads back whole', (_, text) => {
    const out = ics('Promise', text);
    for (const line of out.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    // A fold splits no character: each line is valid UTF-8 on its own.
    for (const line of out.split('\r\n')) expect(line).not.toMatch(/\uFFFD/);
    const event = new ICAL.Component(ICAL.parse(out)).getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('description')).toBe(text);
    expect(out.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('leaves ical.js as it was, and folds vCards the same way', () => {
    const before = ICAL.foldLength;
    ics('a', 'b');
    expect(ICAL.foldLength).toBe(before);
    const note = 'Niccolò → 🎉 caffè '.repeat(20);
    for (const version of [3, 4] as const) {
      const card = writeVcard({ uid: 'u-1', name: 'Zoë Martin', company: null, role: null, emails: [], phone: null, linkedin: null, location: null, notes: note, tags: [], birthday: null }, version);
      for (const line of card.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });
});
