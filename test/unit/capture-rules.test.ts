// The capture rules, case by case: what becomes a proposal and what is left out.
import { describe, expect, it } from 'vitest';
import { isAutomatedAddress, judgeMail, judgeMeeting, type CaptureRules, type MailHeaders, type MeetingOccurrence } from '../../src/core/capture-rules.js';

const rules: CaptureRules = { me: new Set(['me@example.com', 'me@work.example']), maxRecipients: 3, maxAttendees: 2 };
const a = (address: string, name = '') => ({ address, name });

function mail(more: Partial<MailHeaders>): MailHeaders {
  return {
    messageId: '<x@y>',
    date: '2026-03-10T08:00:00.000Z',
    from: a('giulia@satispay.com', 'Giulia Rossi'),
    to: [a('me@example.com')],
    cc: [],
    inReplyTo: null,
    listId: null,
    subject: 'Hello',
    precedence: null,
    autoSubmitted: null,
    ...more,
  };
}

describe('judgeMail', () => {
  it.each([
    ['a list', { listId: '<dev.lists.x>' }, 'mailing list'],
    ['bulk', { precedence: 'bulk' }, 'automated sender'],
    ['an automatic reply', { autoSubmitted: 'auto-replied' }, 'automated sender'],
    ['no-reply', { from: a('no-reply@shop.example') }, 'automated sender'],
    ['noreply+tag', { from: a('NoReply+x@shop.example') }, 'automated sender'],
    ['a bounce', { from: a('MAILER-DAEMON@mx.example') }, 'automated sender'],
    ['no date', { date: null }, 'no readable date'],
    ['an odd date', { date: 'the day after' }, 'no readable date'],
    ['four others', { to: [a('me@example.com'), a('b@x'), a('c@x'), a('d@x')], cc: [a('e@x')] }, 'too many recipients'],
    ['from me to me', { from: a('me@example.com'), to: [a('me@work.example')] }, 'nobody else'],
  ] as const)('leaves out %s', (_, headers, reason) => {
    expect(judgeMail(mail(headers), rules)).toEqual({ ignored: reason });
  });

  it('a message received is with its sender only; one sent is with its recipients (mine left out, case folded)', () => {
    const received = judgeMail(mail({ cc: [a('Marco@Acme.example')] }), rules);
    expect(received).toMatchObject({ item: { direction: 'in', addresses: ['giulia@satispay.com'], channel: 'email', key: 'mail:x@y' } });
    const sent = judgeMail(mail({ from: a('ME@example.com'), to: [a('Giulia@Satispay.com', 'Giulia')], cc: [a('me@work.example'), a('marco@acme.example')] }), rules);
    expect(sent).toMatchObject({ item: { direction: 'out', addresses: ['giulia@satispay.com', 'marco@acme.example'], names: { 'giulia@satispay.com': 'Giulia' } } });
  });

  it('keys a message without a Message-ID by what it says, the same each time', () => {
    const one = judgeMail(mail({ messageId: null }), rules);
    const two = judgeMail(mail({ messageId: null }), rules);
    const other = judgeMail(mail({ messageId: null, subject: 'Other' }), rules);
    expect('item' in one && 'item' in two && 'item' in other).toBe(true);
    if ('item' in one && 'item' in two && 'item' in other) {
      expect(one.item.key).toBe(two.item.key);
      expect(one.item.key).not.toBe(other.item.key);
      expect(one.item.key.startsWith('mail:sha256:')).toBe(true);
    }
  });

  it.each(['info@shop.example', 'notifications@github.com', 'newsletter@x.example'])('knows %s as automated', (address) => {
    expect(isAutomatedAddress(address)).toBe(true);
  });
  it.each(['giulia@satispay.com', 'norbert@x.example', 'information.desk.person@x'])('takes %s as a person', (address) => {
    expect(isAutomatedAddress(address)).toBe(false);
  });
});

function meeting(more: Partial<MeetingOccurrence>): MeetingOccurrence {
  return {
    uid: 'ev-1',
    start: '2026-03-10T09:00:00.000Z',
    occurrence: null,
    summary: 'Sync',
    organizer: a('giulia@satispay.com', 'Giulia Rossi'),
    attendees: [
      { ...a('giulia@satispay.com'), partstat: 'ACCEPTED' },
      { ...a('me@example.com'), partstat: 'ACCEPTED' },
    ],
    status: 'CONFIRMED',
    location: null,
    ...more,
  };
}

describe('judgeMeeting', () => {
  it.each([
    ['a cancelled one', { status: 'CANCELLED' }, 'cancelled'],
    ['one I declined', { attendees: [{ ...a('ME@example.com'), partstat: 'DECLINED' }, { ...a('g@x'), partstat: 'ACCEPTED' }] }, 'declined'],
    ['one with three others', { attendees: [a('b@x'), a('c@x'), a('me@example.com')].map((x) => ({ ...x, partstat: null })) }, 'too many attendees'],
    ['my own appointment', { organizer: a('me@example.com'), attendees: [] }, 'nobody else'],
  ] as const)('leaves out %s', (_, event, reason) => {
    expect(judgeMeeting(meeting(event), rules)).toEqual({ ignored: reason });
  });

  it('is mutual, a video call when the place is a video link, keyed by UID and occurrence', () => {
    expect(judgeMeeting(meeting({}), rules)).toMatchObject({ item: { direction: 'mutual', channel: 'meeting', key: 'meeting:ev-1', addresses: ['giulia@satispay.com'] } });
    expect(judgeMeeting(meeting({ location: 'https://meet.google.com/abc', occurrence: '2026-03-09T09:00:00.000Z' }), rules)).toMatchObject({
      item: { channel: 'video', key: 'meeting:ev-1/2026-03-09T09:00:00.000Z' },
    });
  });

  it('leaves out attendees who declined, not the meeting', () => {
    const verdict = judgeMeeting(meeting({ attendees: [{ ...a('giulia@satispay.com'), partstat: 'ACCEPTED' }, { ...a('marco@x'), partstat: 'DECLINED' }] }), rules);
    expect(verdict).toMatchObject({ item: { addresses: ['giulia@satispay.com'] } });
  });
});
