// What migrations 009 to 011 added, through sync: phones with their labels
// and their order (the first is the phone), email labels, nicknames, a
// name's prefix, dismissals, pairs said to be different people, and the
// full-text index, which follows what a sync writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/add-contact.js';
import { markDistinct } from '../../src/app/duplicates.js';
import { editContact, emptyContactChange } from '../../src/app/edit-contact.js';
import { removeInteraction } from '../../src/app/edit-interaction.js';
import { logTouch } from '../../src/app/log-touch.js';
import { search } from '../../src/app/search.js';
import { undoCommand } from '../../src/app/undo.js';
import { summaryMismatches } from '../../src/db/summaries.js';
import { importCard, type Labelled } from '../random-commands.js';
import { at, device, folder, initSpaceOn, joinSpaceAs, sync, syncedData, tempDir, type Device } from './devices.js';

let space: ReturnType<typeof tempDir>;
let a: Device;
let b: Device;
const LATER = at('2026-03-15T09:00:00.000Z');

beforeEach(async () => {
  space = tempDir();
  a = await device('a', space.dir);
  b = await device('b', space.dir);
  await addContact(a.store, a.clock, {
    fields: { name: 'Giulia Rossi', phone: '+39 02 555 0000', name_prefix: 'Dott.ssa' },
    lists: { emails: ['giulia@example.com'], tags: [], interests: [], phones: [{ phone: '+39 02 555 0001', label: 'work' }], nicknames: ['Gigi'] },
  });
  await logTouch(a.store, a.clock, ['Giulia Rossi'], { channel: 'coffee', direction: 'mutual', instant: new Date('2026-03-13T10:00:00Z'), note: 'the città alta meetup', gave: [] });
  const phrase = await initSpaceOn(a, folder(space.dir));
  await joinSpaceAs(b, folder(space.dir), phrase);
});
afterEach(async () => {
  await a.store.close();
  await b.store.close();
  space.cleanup();
});

const phones = (d: Device) =>
  d.store.sqlite
    .prepare("select p.phone, p.label from contact_phones p join contacts c on c.id = p.contact_id where c.name = 'Giulia Rossi' order by p.position")
    .all() as Array<{ phone: string; label: string | null }>;
const phoneColumn = (d: Device) => d.store.sqlite.prepare("select phone from contacts where name = 'Giulia Rossi'").pluck().get();
const card = (d: Device, clock: Device['clock'], lists: { emails?: Labelled[]; phones?: Labelled[]; nicknames?: string[]; replace?: boolean }) =>
  importCard(d.store, clock, { who: 0, replace: lists.replace ?? false, emails: lists.emails ?? [], phones: lists.phones ?? [], nicknames: lists.nicknames ?? [] });

/** Both ways until nothing is left, then the same data on both, summaries true. */
async function settle(): Promise<void> {
  for (const d of [a, b, a, b]) await sync(d);
  expect(syncedData(b)).toEqual(syncedData(a));
  for (const d of [a, b]) expect(summaryMismatches(d.store.sqlite), d.name).toBe(0);
}

describe('the address book through sync', () => {
  it('a joined device has the phones in order with their labels, the nicknames, the prefix, and finds the notes', async () => {
    expect(phones(b)).toEqual([
      { phone: '+39 02 555 0000', label: null },
      { phone: '+39 02 555 0001', label: 'work' },
    ]);
    expect(phoneColumn(b)).toBe('+39 02 555 0000');
    expect(b.store.sqlite.prepare('select nickname from contact_nicknames').pluck().all()).toEqual(['Gigi']);
    expect(b.store.sqlite.prepare('select name_prefix from contacts').pluck().get()).toBe('Dott.ssa');
    expect((await search(b.store, { text: 'citta' })).map((h) => h.text)).toEqual(['the città alta meetup']);
  });

  it('a note written, corrected and deleted on one device is found, and then not, on the other', async () => {
    await logTouch(a.store, a.clock, ['Giulia Rossi'], { channel: 'call', direction: 'mutual', instant: new Date('2026-03-14T09:00:00Z'), note: 'the fintech unconference', gave: [] });
    await settle();
    const [hit] = await search(b.store, { text: 'unconference' });
    expect(hit).toMatchObject({ kind: 'interaction', contacts: ['Giulia Rossi'], text: 'the fintech unconference' });
    await removeInteraction(a.store, a.clock, a.store.sqlite.prepare("select id from interactions where note like '%unconference%'").pluck().get() as number);
    await settle();
    expect(await search(b.store, { text: 'unconference' })).toEqual([]);
    await editContact(b.store, b.clock, 'Giulia Rossi', { ...emptyContactChange(), appendNote: 'asked about the pricing deck' });
    await settle();
    expect((await search(a.store, { text: 'pricing' })).map((h) => h.kind)).toEqual(['contact']);
  });

  it('a new first phone chosen on two devices at once: the later choice is the phone, and the other number stays after it', async () => {
    await editContact(a.store, a.clock, 'Giulia Rossi', { ...emptyContactChange(), fields: { phone: '+39 340 000 0000' } });
    await editContact(b.store, LATER, 'Giulia Rossi', { ...emptyContactChange(), fields: { phone: '+39 02 555 0001' } });
    await settle();
    expect(phones(a).map((p) => p.phone)).toEqual(['+39 02 555 0001', '+39 02 555 0000', '+39 340 000 0000']);
    expect(phones(a).map((p) => p.label)).toEqual(['work', null, null]);
    for (const d of [a, b]) expect(phoneColumn(d), d.name).toBe('+39 02 555 0001');
  });

  it('a phone added on one device while the other chooses a new first phone: the new first stays first, the added one last', async () => {
    await card(b, b.clock, { phones: [{ n: 7, label: 'home' }] });
    await editContact(a.store, LATER, 'Giulia Rossi', { ...emptyContactChange(), fields: { phone: '+39 340 000 0000' } });
    await settle();
    expect(phones(a).map((p) => p.phone)).toEqual(['+39 340 000 0000', '+39 02 555 0000', '+39 02 555 0001', '+39 02 555 0007']);
  });

  it('a new label keeps the phone and the email in their place; two labels at once: the later one', async () => {
    const emails = (d: Device) => d.store.sqlite.prepare('select email, label from contact_emails order by position').all();
    // net's own export coming back replaces the lists, labels included, in their order.
    await card(a, a.clock, { emails: [{ n: 0, label: null }, { n: 1, label: null }], phones: [{ n: 0, label: null }, { n: 1, label: 'work' }], replace: true });
    await settle();
    const relabelled = { emails: [{ n: 0, label: 'home' }, { n: 1, label: null }], phones: [{ n: 0, label: 'main' }, { n: 1, label: 'work' }] };
    await card(a, a.clock, { ...relabelled, replace: true });
    await settle();
    expect(phones(b)).toEqual([
      { phone: '+39 02 555 0000', label: 'main' },
      { phone: '+39 02 555 0001', label: 'work' },
    ]);
    expect(emails(b)).toEqual([
      { email: 'giulia.0@example.com', label: 'home' },
      { email: 'giulia.1@example.com', label: null },
    ]);
    await card(a, a.clock, { ...relabelled, phones: [{ n: 0, label: 'desk' }, { n: 1, label: 'work' }], replace: true });
    await card(b, LATER, { ...relabelled, phones: [{ n: 0, label: 'lab' }, { n: 1, label: 'work' }], replace: true });
    await settle();
    expect(phones(a)).toEqual([
      { phone: '+39 02 555 0000', label: 'lab' },
      { phone: '+39 02 555 0001', label: 'work' },
    ]);
  });

  it('undo of a new label and of a new first phone gives the old ones back in their place, on both devices', async () => {
    await settle();
    const before = phones(a);
    const last = () => a.store.sqlite.prepare('select max(id) from commands').pluck().get() as number;
    await card(a, a.clock, { emails: [{ n: 0, label: null }], phones: [{ n: 0, label: 'main' }, { n: 1, label: 'work' }], replace: true });
    const relabel = last();
    await editContact(a.store, a.clock, 'Giulia Rossi', { ...emptyContactChange(), fields: { phone: '+39 02 555 0001' } });
    expect(phones(a).map((p) => p.label)).toEqual(['work', 'main']);
    await undoCommand(a.store, a.clock, last());
    expect(phones(a).map((p) => p.label)).toEqual(['main', 'work']);
    await undoCommand(a.store, a.clock, relabel);
    await settle();
    expect(phones(b)).toEqual(before);
  });

  it('an order written on one device comes out the same on the other', async () => {
    await card(a, a.clock, { phones: [{ n: 1, label: 'work' }, { n: 2, label: null }, { n: 0, label: null }], replace: true });
    await settle();
    expect(phones(b).map((p) => p.phone)).toEqual(['+39 02 555 0001', '+39 02 555 0002', '+39 02 555 0000']);
    expect(phoneColumn(b)).toBe('+39 02 555 0001');
  });

  it('nicknames: added on both devices, both stay; one dropped on one device while added again on the other: the add wins', async () => {
    await editContact(a.store, a.clock, 'Giulia Rossi', { ...emptyContactChange(), addNicknames: ['Giuli'] });
    await editContact(b.store, b.clock, 'Giulia Rossi', { ...emptyContactChange(), addNicknames: ['Jules'] });
    await settle();
    const nicknames = (d: Device) => d.store.sqlite.prepare('select nickname from contact_nicknames order by nickname').pluck().all();
    expect(nicknames(b)).toEqual(['Gigi', 'Giuli', 'Jules']);
    // Both drop Gigi (their own export coming back without it); B, not having seen A's, adds it again.
    const rest = { emails: [{ n: 0, label: null }], phones: [{ n: 0, label: null }] };
    await card(a, a.clock, { ...rest, nicknames: ['Giuli', 'Jules'], replace: true });
    await card(b, b.clock, { ...rest, nicknames: ['Giuli', 'Jules'], replace: true });
    await card(b, b.clock, { nicknames: ['Gigi'] });
    await settle();
    expect(nicknames(a)).toEqual(['Gigi', 'Giuli', 'Jules']);
    // The nickname finds her on the other device.
    expect(b.store.sqlite.prepare("select c.name from contact_nicknames n join contacts c on c.id = n.contact_id where n.nickname = 'Jules'").pluck().get()).toBe('Giulia Rossi');
  });

  it('two people said to be different on one device are known as such on the other, whatever their ids there', async () => {
    // Added at the same time, one on each device: their ids are the other way round on the two.
    await addContact(a.store, a.clock, { fields: { name: 'Giulia Rossi', company: 'Nexi' }, lists: { emails: [], tags: [], interests: [] }, force: true });
    await addContact(b.store, b.clock, { fields: { name: 'Giulia Rossi', company: 'Acme' }, lists: { emails: [], tags: [], interests: [] }, force: true });
    await settle();
    const idOf = (d: Device, company: string) => d.store.sqlite.prepare('select id from contacts where company = ?').pluck().get(company) as number;
    expect(idOf(a, 'Nexi') < idOf(a, 'Acme')).toBe(true);
    expect(idOf(b, 'Nexi') > idOf(b, 'Acme')).toBe(true);
    expect((await markDistinct(a.store, a.clock, `#${idOf(a, 'Nexi')}`, `#${idOf(a, 'Acme')}`)).already).toBe(false);
    await settle();
    expect((await markDistinct(b.store, b.clock, `#${idOf(b, 'Nexi')}`, `#${idOf(b, 'Acme')}`)).already).toBe(true);
    expect(b.store.sqlite.prepare('select count(*) from distinct_pairs').pluck().get()).toBe(1);
  });
});
