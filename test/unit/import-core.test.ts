// The pure side of imports: LinkedIn dates and rows, address cards, matching
// keys, merging, and the spreading of first touches.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.js';
import { cardName, cardToDraft } from '../../src/core/import-cards.js';
import { splitCell } from '../../src/core/import-fields.js';
import { connectionToDraft, inferMe, linkedinDay, linkedinInstant, messageToDraft, type MessageFields } from '../../src/core/import-linkedin.js';
import { companyKey } from '../../src/core/companies.js';
import { ContactIndex, profileKey } from '../../src/core/import-match.js';
import { mergeContact, newContact, type ContactState } from '../../src/core/import-merge.js';
import { ownContactDraft, ownInteractionDraft } from '../../src/core/import-own.js';
import { OwnRecord } from '../../src/core/import-record.js';
import { firstDueDay, spreadFirstTouches } from '../../src/core/import-spread.js';
import type { AddressCard, ContactDraft, RowNote } from '../../src/core/import-types.js';
import { KeyCounts } from '../../src/core/key-counts.js';

const placement = { circle: undefined, tags: [] };

describe('linkedinDay', () => {
  it.each([
    ['15 Mar 2024', '2024-03-15'],
    ['02 Jun 2023', '2023-06-02'],
    ['3 March 2019', '2019-03-03'],
    ['28 Feb 2022', '2022-02-28'],
    ['2024-03-15', '2024-03-15'],
    ['12 ott 2021', '2021-10-12'],
    ['31 Feb 2022', undefined],
    ['15/03/2024', undefined],
    ['yesterday', undefined],
  ])('%s -> %s', (text, day) => expect(linkedinDay(text)).toBe(day));
});

describe('linkedinInstant', () => {
  it('reads UTC times of messages.csv', () => {
    expect(linkedinInstant('2026-03-01 09:15:02 UTC')?.toISOString()).toBe('2026-03-01T09:15:02.000Z');
    expect(linkedinInstant('2026-03-01T09:15:02Z')?.toISOString()).toBe('2026-03-01T09:15:02.000Z');
    expect(linkedinInstant('01/03/2026 09:15')).toBeUndefined();
  });
});

describe('connectionToDraft', () => {
  const row = {
    at: 'row 5',
    firstName: 'Niccolò',
    lastName: 'Bianchi',
    url: 'https://www.linkedin.com/in/niccolo',
    email: '',
    company: 'PyCon Italia',
    position: 'Organizer\r\n(volunteer)',
    connectedOn: '02 Jun 2023',
  };

  it('makes a contact met on LinkedIn, refreshing job fields on re-import', () => {
    const warnings: RowNote[] = [];
    const result = connectionToDraft(row, { circle: 'network', tags: ['linkedin'] }, warnings);
    expect(result).toEqual({
      draft: {
        at: 'row 5',
        uid: null,
        name: 'Niccolò Bianchi',
        values: {
          company: 'PyCon Italia',
          role: 'Organizer (volunteer)',
          linkedin: 'https://www.linkedin.com/in/niccolo',
          how_met: 'LinkedIn',
          met_on: '2023-06-02',
          circle: 'network',
        },
        emails: [],
        tags: ['linkedin'],
        interests: undefined,
        mode: 'fill',
        refresh: ['company', 'role', 'linkedin'],
        created_at: null,
        updated_at: null,
      },
    });
    expect(warnings).toEqual([]);
  });

  it('keeps the row without URL column (before 2023) free of a linkedin value', () => {
    const result = connectionToDraft({ ...row, url: undefined }, placement, []);
    expect('draft' in result && result.draft.values.linkedin).toBeUndefined();
  });

  it('skips a closed account and warns about values it leaves out', () => {
    expect(connectionToDraft({ ...row, firstName: '', lastName: ' ' }, placement, [])).toEqual({
      skip: 'no name (LinkedIn leaves out the names of closed accounts)',
    });
    const warnings: RowNote[] = [];
    const result = connectionToDraft({ ...row, email: 'not-an-email', connectedOn: 'last year' }, placement, warnings);
    expect('draft' in result && result.draft.emails).toEqual([]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Connected On "last year" is not a date like "15 Mar 2024"; left out',
      'Email Address "not-an-email" is not an email address; left out',
    ]);
  });
});

describe('messages', () => {
  const base: MessageFields = {
    at: 'row 2',
    conversationId: 'c1',
    from: 'Giulia Rossi',
    senderUrl: 'https://www.linkedin.com/in/giulia',
    to: 'Alex Moretti',
    recipientUrls: 'https://www.linkedin.com/in/alex',
    date: '2026-03-01 09:15:02 UTC',
    subject: '',
    content: 'Ciao!',
    folder: 'INBOX',
    direction: '',
    isDraft: false,
  };
  const reply: MessageFields = { ...base, at: 'row 3', from: 'Alex Moretti', senderUrl: 'https://www.linkedin.com/in/alex', to: 'Giulia Rossi', recipientUrls: 'https://www.linkedin.com/in/giulia', content: 'Ciao Giulia' };
  const other: MessageFields = { ...base, at: 'row 4', conversationId: 'c2', from: 'Marco', senderUrl: 'https://www.linkedin.com/in/marco' };

  it('takes the person in most conversations as "you", and no one on a tie', () => {
    expect(inferMe([base, reply, other])?.url).toBe('https://www.linkedin.com/in/alex');
    expect(inferMe([base, reply])).toBeUndefined();
  });

  it('makes inbound and outbound interactions with a stable source key', () => {
    const me = inferMe([base, reply, other]);
    const inbound = messageToDraft(base, me, []);
    const outbound = messageToDraft(reply, me, []);
    expect('draft' in inbound && inbound.draft).toMatchObject({ direction: 'in', occurred_on: '2026-03-01', note: 'Ciao!', others: [{ name: 'Giulia Rossi' }] });
    expect('draft' in outbound && outbound.draft).toMatchObject({ direction: 'out', others: [{ url: 'https://www.linkedin.com/in/giulia' }] });
    const again = messageToDraft(base, me, []);
    expect('draft' in again && 'draft' in inbound && again.draft.source_key).toBe(inbound.draft.source_key);
  });

  it('skips drafts and names the row of a date it cannot read', () => {
    expect(messageToDraft({ ...base, isDraft: true }, undefined, [])).toEqual({ skip: 'a draft, never sent' });
    expect(() => messageToDraft({ ...base, date: 'ieri' }, inferMe([base, reply, other]), [])).toThrow(/^row 2: DATE "ieri" is not a date-time/);
  });
});

describe('address cards', () => {
  const card: AddressCard = {
    at: 'card 1 (line 1)',
    uid: null,
    formattedName: null,
    prefix: null,
    given: 'Giulia',
    middle: null,
    family: 'Rossi',
    suffix: null,
    nickname: null,
    organization: 'Satispay',
    title: 'CTO',
    emails: ['giulia@satispay.example', 'GIULIA@satispay.example', 'nope'],
    phones: [
      { value: '02 1234', types: ['work'] },
      { value: '+39 333 123 4567', types: ['cell'] },
    ],
    urls: ['https://satispay.example', 'https://it.linkedin.com/in/giuliarossi/'],
    note: 'Likes climbing',
    categories: ['myContacts', 'fintech'],
    birthday: '--04-12',
    city: 'Milano',
  };

  it('names a card from its parts, else its company or email', () => {
    expect(cardName(card)).toBe('Giulia Rossi');
    expect(cardName({ ...card, given: null, family: null, organization: null })).toBe('giulia@satispay.example');
    expect(cardName({ ...card, given: null, family: null, emails: [] })).toBe('Satispay');
  });

  it('keeps every phone with its label (the mobile first), the LinkedIn URL and unique emails; not Google\'s own groups', () => {
    const warnings: RowNote[] = [];
    const result = cardToDraft(card, { circle: undefined, tags: ['phone'] }, warnings);
    expect('draft' in result && result.draft).toMatchObject({
      name: 'Giulia Rossi',
      emails: ['giulia@satispay.example'],
      phones: [
        { phone: '+39 333 123 4567', label: 'mobile' },
        { phone: '02 1234', label: 'work' },
      ],
      tags: ['fintech', 'phone'],
      values: { linkedin: 'https://it.linkedin.com/in/giuliarossi/', birthday: '--04-12', location: 'Milano', circle: 'acquaintance' },
    });
    expect(warnings).toEqual([{ at: 'card 1 (line 1)', message: 'email "nope" is not an email address; left out' }]);
  });

  it('keeps a name\'s prefix and suffix apart, and the nickname', () => {
    const dott = { ...card, formattedName: 'Dott.ssa Giulia Rossi Jr.', prefix: 'Dott.ssa', suffix: 'Jr.', nickname: 'Giuli' };
    expect(cardName(dott)).toBe('Giulia Rossi');
    const result = cardToDraft(dott, placement, []);
    expect('draft' in result && result.draft).toMatchObject({ name: 'Giulia Rossi', nicknames: ['Giuli'], values: { name_prefix: 'Dott.ssa', name_suffix: 'Jr.' } });
  });

  it('skips a card with nothing to call it by', () => {
    expect(cardToDraft({ ...card, given: null, family: null, organization: null, emails: [] }, placement, [])).toEqual({ skip: 'no name, company or email' });
  });
});

describe('matching', () => {
  it.each([
    ['https://www.linkedin.com/in/GiuliaRossi/', 'linkedin.com/in/giuliarossi'],
    ['http://it.linkedin.com/in/giuliarossi?trk=abc', 'linkedin.com/in/giuliarossi'],
    ['linkedin.com/in/niccol%C3%B2-b', 'linkedin.com/in/niccolò-b'],
    ['https://example.com/about/', 'example.com/about'],
  ])('profileKey(%s) = %s', (url, key) => expect(profileKey(url)).toBe(key));

  it('treats "Satispay S.p.A." and "satispay spa" as one company', () => {
    expect(companyKey('Satispay S.p.A.')).toBe(companyKey('satispay spa'));
    expect(companyKey(null)).toBe('');
  });

  const stored = [
    { id: 1, uid: 'u1', name: 'Giulia Rossi', company: 'Satispay', linkedin: 'https://www.linkedin.com/in/giuliarossi', emails: ['Giulia@Satispay.example'] },
    { id: 2, uid: 'u2', name: 'Niccolò Bianchi', company: null, linkedin: null, emails: [] },
  ];
  const index = new ContactIndex({ names: () => stored, uids: () => stored, matchable: () => stored });
  const query = { uid: null, name: 'Someone Else', company: null, linkedin: null, emails: [] as string[] };

  it.each([
    [{ uid: 'u2' }, { id: 2, how: 'uid' }],
    [{ linkedin: 'https://it.linkedin.com/in/GiuliaRossi/' }, { id: 1, how: 'profile URL' }],
    [{ emails: ['giulia@satispay.EXAMPLE'] }, { id: 1, how: 'email' }],
    [{ name: 'giulia  rossi', company: 'SATISPAY' }, { id: 1, how: 'name and company' }],
    [{ name: 'Nicolo Bianchi' }, undefined],
    [{ name: 'Niccolo Bianchi' }, { id: 2, how: 'name and company' }],
    [{ name: 'Giulia Rossi', company: 'Nexi' }, undefined],
  ])('%j finds %j', (partial, expected) => expect(index.find({ ...query, ...partial })).toEqual(expected));

  it('lets a record of the same file pass over a contact another record took', () => {
    expect(index.find({ ...query, emails: ['giulia@satispay.example'] }, (id) => id === 1)).toBeUndefined();
    expect(index.byName('NICCOLÒ bianchi')).toEqual([2]);
  });

  it('adds contacts of the import to the maps it has built, oldest first for shared keys', () => {
    const grown = new ContactIndex({ names: () => stored, uids: () => stored, matchable: () => stored });
    expect(grown.byName('Giulia Rossi')).toEqual([1]);
    grown.add({ id: 3, uid: 'u3', name: 'giulia rossi', company: 'Satispay', linkedin: null, emails: ['new@x.example'] });
    expect(grown.byName('Giulia Rossi')).toEqual([1, 3]);
    expect(grown.find({ ...query, name: 'Giulia Rossi', company: 'satispay' })).toEqual({ id: 1, how: 'name and company' });
  });
});

describe('mergeContact', () => {
  const stored: ContactState = {
    ...newContact({ at: '', uid: 'u1', name: 'Giulia Rossi', values: { company: 'Satispay', role: 'CTO', notes: 'mine', circle: 'close' }, emails: ['g@x.example'], tags: ['Mentor'], interests: ['AI'], mode: 'fill', refresh: [], created_at: null, updated_at: null }, 'unused', '2026-01-01T00:00:00.000Z'),
    id: 1,
  };
  const draft = (more: Partial<ContactDraft>): ContactDraft => ({
    at: 'row 2', uid: null, name: 'Giulia R.', values: {}, emails: undefined, tags: undefined, interests: undefined, mode: 'fill', refresh: [], created_at: null, updated_at: null, ...more,
  });
  const at = '2026-03-14T11:00:00.000Z';

  it('fills empty fields, adds emails and tags, and leaves name, circle and notes alone', () => {
    const result = mergeContact(
      stored,
      draft({ values: { company: 'Nexi', notes: 'theirs', circle: 'acquaintance' }, phones: [{ phone: '+39 1', label: null }], emails: ['G@X.example', 'new@x.example'], tags: ['mentor', 'fintech'] }),
      at,
    );
    expect(result.changed).toEqual(['emails', 'tags', 'phones']);
    expect(result.next).toMatchObject({ name: 'Giulia Rossi', company: 'Satispay', phones: [{ phone: '+39 1', label: null }], notes: 'mine', circle: 'close', emails: ['g@x.example', 'new@x.example'], tags: ['Mentor', 'fintech'], updated_at: at });
  });

  it('adds a second phone beside the first; the same number written otherwise is the same phone', () => {
    const withPhone = { ...stored, phones: [{ phone: '+39 333 123 4567', label: null }] };
    const result = mergeContact(withPhone, draft({ phones: [{ phone: '333 1234567', label: 'mobile' }, { phone: '02 555 0199', label: 'work' }] }), at);
    expect(result.next.phones).toEqual([
      { phone: '+39 333 123 4567', label: 'mobile' },
      { phone: '02 555 0199', label: 'work' },
    ]);
  });

  it('overwrites the fields the source is the authority on', () => {
    const result = mergeContact(stored, draft({ values: { company: 'Nexi', role: null }, refresh: ['company', 'role'] }), at);
    expect(result.changed).toEqual(['company']);
    expect(result.next.role).toBe('CTO');
  });

  it('is unchanged when the source says nothing new', () => {
    const result = mergeContact(stored, draft({ values: { company: 'Satispay' }, emails: ['g@x.example'] }), at);
    expect(result.changed).toEqual([]);
    expect(result.next.updated_at).toBe(stored.updated_at);
  });

  it('replaces everything from net\'s own record, dates included', () => {
    const result = mergeContact(stored, draft({ mode: 'replace', uid: 'u1', name: 'Giulia Rossi', values: { notes: null, circle: 'inner' }, tags: [], created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-06-01T00:00:00.000Z' }), at);
    expect(result.next).toMatchObject({ notes: null, circle: 'inner', tags: [], created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-06-01T00:00:00.000Z', emails: ['g@x.example'] });
  });
});

describe('spreadFirstTouches', () => {
  const today = '2026-03-14';
  it.each([
    [500, 120],
    [7, 30],
    [30, 30],
    [1, 14],
  ])('%i people over %i days: first due tomorrow, within one rhythm, evenly', (count, cadence) => {
    const days = spreadFirstTouches(count, cadence, today).map((from) => firstDueDay(from, cadence));
    expect(days).toHaveLength(count);
    expect(days[0]).toBe(addDays(today, 1));
    expect(days[count - 1] <= addDays(today, cadence)).toBe(true);
    const perDay = new Map<string, number>();
    for (const d of days) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBe(Math.ceil(count / cadence));
    expect(spreadFirstTouches(count, cadence, today)).toEqual(spreadFirstTouches(count, cadence, today));
  });

  it('spreads no one without a rhythm', () => {
    expect(spreadFirstTouches(10, 0, today)).toEqual([]);
  });
});

describe('splitCell', () => {
  it('splits lists of net\'s CSV and Google\'s', () => {
    expect(splitCell('a; b;;a ')).toEqual(['a', 'b']);
    expect(splitCell('x ::: y', /\s*:::\s*/)).toEqual(['x', 'y']);
    expect(splitCell(null)).toEqual([]);
  });
});

describe('notes of net\'s own records', () => {
  const uid = '0190a5b4-1c2d-7e3f-8a9b-0c1d2e3f4a5b';
  const noDates = () => ({ day: '2026-03-01', instant: new Date('2026-03-01T12:00:00Z') });

  it('come back as written when the record has a uid, blank ones included; a hand-made blank note is none', () => {
    const own = ownContactDraft(new OwnRecord('record 1', { uid, name: 'Anna', notes: '\n  ' }, false), placement, []);
    const handMade = ownContactDraft(new OwnRecord('row 2', { name: 'Anna', notes: '  ' }, true), placement, []);
    expect('values' in own && own.values.notes).toBe('\n  ');
    expect('values' in handMade && handMade.values.notes).toBeNull();
    const touch = (values: Record<string, unknown>) => ownInteractionDraft(new OwnRecord('record 1', { date: '2026-03-01', contacts: ['Anna'], ...values }, false), noDates, new KeyCounts());
    expect(touch({ uid, note: ' \r\n' }).note).toBe(' \n');
    expect(touch({ note: ' \r\n' }).note).toBeNull();
  });
});
