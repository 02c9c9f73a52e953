// The brief before a meeting, built from plain facts on 2026-03-14: why
// they are due and a reply owed as the scheduler says, promises both ways,
// the give and take, interests shared within the brief, people in common,
// dates coming up, and one opener chosen by fixed rules.
import { describe, expect, it } from 'vitest';
import { buildBriefs, type BriefFacts, type BriefInput } from '../../src/core/brief.js';
import { addDays } from '../../src/core/dates.js';
import type { OpenFollowup } from '../../src/core/scheduler.js';
import { ago, person, settings, TODAY } from './scheduler-fixtures.js';

function facts(overrides: Partial<BriefFacts> = {}): BriefFacts {
  const id = overrides.id ?? 1;
  const name = overrides.name ?? 'Anna Meyer';
  return {
    id,
    name,
    company: null,
    role: null,
    circle: 'close',
    cadence_days: 30,
    archived: false,
    how_met: null,
    met_on: null,
    birthday: null,
    interests: [],
    last_contact: ago(1),
    touches: [],
    followups: [],
    favours: { given: 0, received: 0, last_given: null, last_received: null },
    met_with: [],
    outreach: null,
    scheduler: person({ id, name }),
    ...overrides,
  };
}

const brief = (people: BriefFacts[], extra: Partial<BriefInput> = {}) => buildBriefs({ today: TODAY, settings: settings(), people, companies: [], ...extra });
const one = (overrides: Partial<BriefFacts> = {}, extra: Partial<BriefInput> = {}) => brief([facts(overrides)], extra)[0];
const promise = (id: number, due_on: string, text: string, theirs = false): OpenFollowup => ({ id, contact_id: 1, name: 'Anna Meyer', text, due_on, theirs });
const touch = (date: string, note: string | null, id = 1) => ({ id, date, via: 'coffee', direction: 'mutual', note, with: [], gave: [], got: [] });

describe('why now and a reply owed: the rules of net due', () => {
  it('a message of theirs with nothing after it: a reply owed, and the reason of the morning list', () => {
    const b = one({ scheduler: person({ last: { on: ago(9), direction: 'in', channel: 'email' } }) });
    expect(b.reply_owed).toEqual({
      channel: 'email',
      came_on: ago(9),
      due_on: ago(2),
      days_overdue: 2,
      reason: 'reply to Anna Meyer (their email came 9 days ago; a short answer today still keeps the conversation going)',
    });
    expect(b.due.map((d) => d.kind)).toEqual(['reply']);
  });

  it('a reply dismissed, or their message answered, owes nothing', () => {
    expect(one({ scheduler: person({ last: { on: ago(9), direction: 'in', channel: 'email' }, dismissed: { reply: ago(8) } }) }).reply_owed).toBeNull();
    expect(one({ scheduler: person({ last: { on: ago(9), direction: 'out', channel: 'email' } }) }).reply_owed).toBeNull();
  });

  it('every item of theirs, ranked as net due ranks them; a promise of theirs lowers reaching out', () => {
    const lapsed = person({ last: { on: ago(43), direction: 'mutual', channel: 'coffee' }, birthday: '--03-15' });
    const b = one({ scheduler: lapsed, followups: [promise(3, ago(1), 'send the deck'), promise(4, addDays(TODAY, 3), 'the term sheet', true)] });
    expect(b.due.map((d) => d.kind)).toEqual(['followup', 'birthday', 'cadence']);
    expect(b.due[2].reason).toContain('the ball is in their court (they promised: the term sheet, by 2026-03-17)');
  });

  it('an archived person gets no reminders: nothing due, no reply owed', () => {
    const b = one({ archived: true, scheduler: null, followups: [promise(3, ago(5), 'send the deck')] });
    expect([b.due, b.reply_owed, b.archived]).toEqual([[], null, true]);
    expect(b.promises.mine).toHaveLength(1);
  });
});

describe('promises, give and take, dates', () => {
  it('promises open both ways, earliest first, with their lateness', () => {
    const b = one({ followups: [promise(5, addDays(TODAY, 6), 'the term sheet', true), promise(3, ago(2), 'send the deck'), promise(4, TODAY, 'intro to Sara')] });
    expect(b.promises).toEqual({
      mine: [
        { id: 3, text: 'send the deck', due_on: ago(2), days_overdue: 2 },
        { id: 4, text: 'intro to Sara', due_on: TODAY, days_overdue: 0 },
      ],
      theirs: [{ id: 5, text: 'the term sheet', due_on: addDays(TODAY, 6), days_overdue: -6 }],
    });
  });

  it.each<[number, number, string]>([
    [0, 0, 'none'],
    [2, 2, 'even'],
    [3, 1, 'given'],
    [0, 2, 'received'],
  ])('%i given and %i received lean %s', (given, received, leaning) => {
    expect(one({ favours: { given, received, last_given: null, last_received: null } }).balance.leaning).toBe(leaning);
  });

  it('dates ahead: a birthday within 30 days, promises not yet late both ways, the next outreach step', () => {
    const b = one({
      birthday: '1985-04-13',
      followups: [promise(1, ago(1), 'late, not ahead'), promise(2, TODAY, 'today'), promise(3, addDays(TODAY, 5), 'theirs', true)],
      outreach: { contact_id: 1, name: 'Anna Meyer', stage: 'contacted', next_on: addDays(TODAY, 2), nudges: 0, channel: 'email', why: null },
    });
    expect(b.upcoming.map((u) => [u.date, u.days_left, u.kind, u.text])).toEqual([
      [TODAY, 0, 'my_promise', 'today'],
      ['2026-03-16', 2, 'outreach', 'outreach: next step (contacted)'],
      ['2026-03-19', 5, 'their_promise', 'theirs'],
      ['2026-04-13', 30, 'birthday', 'birthday'],
    ]);
    expect(one({ birthday: '--04-14' }).upcoming).toEqual([]);
  });
});

describe('interests and people in common', () => {
  it('interests shared with the others of the same brief, accents and case aside', () => {
    const [anna, marco, sara] = brief([
      facts({ id: 1, interests: ['AI', 'Città', 'running'] }),
      facts({ id: 2, name: 'Marco Bianchi', interests: ['ai', 'citta'] }),
      facts({ id: 3, name: 'Sara Conti', interests: ['AI'] }),
    ]);
    expect(anna.shared_interests).toEqual([
      { interest: 'AI', with: [{ contact_id: 2, name: 'Marco Bianchi' }, { contact_id: 3, name: 'Sara Conti' }] },
      { interest: 'Città', with: [{ contact_id: 2, name: 'Marco Bianchi' }] },
    ]);
    expect(marco.shared_interests.map((s) => s.interest)).toEqual(['ai', 'citta']);
    expect(sara.shared_interests.map((s) => s.with.map((p) => p.name))).toEqual([['Anna Meyer', 'Marco Bianchi']]);
    // Alone, nothing is shared: there is no record of the user's own interests.
    expect(one({ interests: ['AI'] }).shared_interests).toEqual([]);
  });

  it('met together most first, then colleagues as companies compare ("Satispay S.p.A." is Satispay)', () => {
    const b = one(
      {
        company: 'Satispay S.p.A.',
        met_with: [
          { contact_id: 7, name: 'Luca Neri', together: 1, last_on: ago(40) },
          { contact_id: 8, name: 'Sara Conti', together: 3, last_on: ago(10) },
          { contact_id: 9, name: 'Pia Gallo', together: 1, last_on: ago(5) },
        ],
      },
      {
        companies: [
          { contact_id: 1, name: 'Anna Meyer', company: 'Satispay S.p.A.' },
          { contact_id: 9, name: 'Pia Gallo', company: 'satispay' },
          { contact_id: 4, name: 'Bruno Riva', company: 'Satispay' },
          { contact_id: 5, name: 'Ada Bo', company: 'Nexi' },
        ],
      },
    );
    expect(b.in_common.map((p) => [p.name, p.met_together, p.same_company])).toEqual([
      ['Sara Conti', 3, false],
      ['Pia Gallo', 1, true],
      ['Luca Neri', 1, false],
      ['Bruno Riva', 0, true],
    ]);
  });
});

describe('one opener, from the record', () => {
  const wrote = person({ last: { on: ago(9), direction: 'in', channel: 'email' } });
  const lateTheirs = promise(6, ago(3), 'send the deck', true);
  it.each<[string, Partial<BriefFacts>, string, string]>([
    ['a promise of yours first', { followups: [promise(3, ago(2), 'send the deck.'), lateTheirs], scheduler: wrote }, 'my_promise', 'Start by keeping your promise: send the deck (due 2 days ago).'],
    ['then the reply owed', { followups: [lateTheirs], scheduler: wrote }, 'reply', 'Answer their email of 2026-03-05 first: it is still waiting for a reply.'],
    ['then their promise, late', { followups: [promise(2, addDays(TODAY, 1), 'the slides', true), lateTheirs] }, 'their_promise', 'Ask, kindly, about what they promised: send the deck (due 3 days ago).'],
    ['their promise in time', { followups: [promise(2, addDays(TODAY, 1), 'the slides', true)] }, 'their_promise', 'Ask how it is going with what they promised: the slides (by 2026-03-15).'],
    ['then the last note', { touches: [touch(ago(1), '  '), touch(ago(8), 'talked about\nthe AI meetup', 2)], interests: ['AI'] }, 'last_note', 'Pick up from last time (2026-03-06): talked about the AI meetup.'],
    ['a favour to return', { favours: { given: 0, received: 1, last_given: null, last_received: { text: 'a referral to Nexi', occurred_on: ago(20) } }, interests: ['AI'] }, 'favour', 'Thank them again for a referral to Nexi, and ask how you can help in return.'],
    ['their interests', { interests: ['AI', 'fintech', 'jazz', 'running'] }, 'interest', 'Ask about AI, fintech or jazz.'],
    ['how you met', { how_met: 'PyCon Italia' }, 'how_met', 'Recall where you met: PyCon Italia.'],
    ['their company', { company: 'Satispay' }, 'company', 'Ask how things are at Satispay.'],
    ['nothing known', {}, 'none', 'Ask what they are working on these days.'],
  ])('%s', (_, overrides, from, text) => {
    expect(one(overrides).opener).toEqual({ from, text });
  });

  it('an interest shared at the table comes before their own interests', () => {
    const [anna] = brief([facts({ id: 1, interests: ['jazz', 'AI'] }), facts({ id: 2, name: 'Marco Bianchi', interests: ['AI'] })]);
    expect(anna.opener).toEqual({ from: 'shared_interest', text: 'A topic for everyone: AI (shared with Marco Bianchi).' });
  });

  it('a long note is cut to one sentence', () => {
    const opener = one({ touches: [touch(ago(1), 'x'.repeat(300))] }).opener.text;
    expect(Array.from(opener).length).toBeLessThan(140);
    expect(opener).toMatch(/x…\.$/);
  });
});

describe('buildBriefs', () => {
  it('keeps the order asked and each person once', () => {
    const briefs = brief([facts({ id: 2, name: 'Marco Bianchi' }), facts({ id: 1 }), facts({ id: 2, name: 'Marco Bianchi' })]);
    expect(briefs.map((b) => b.contact_id)).toEqual([2, 1]);
  });

  it('the last three touches, newest first', () => {
    const b = one({ touches: [touch(ago(1), 'a', 4), touch(ago(2), 'b', 3), touch(ago(3), 'c', 2), touch(ago(4), 'd', 1)] });
    expect(b.last_touches.map((t) => t.note)).toEqual(['a', 'b', 'c']);
  });
});
