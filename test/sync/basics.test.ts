// The first steps of sync: a space started on one device, joined from another, changes both ways.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/add-contact.js';
import { editContact, emptyContactChange } from '../../src/app/edit-contact.js';
import { logTouch } from '../../src/app/log-touch.js';
import { summaryMismatches } from '../../src/db/summaries.js';
import { device, folder, initSpaceOn, joinSpaceAs, sync, syncedData, tempDir, type Device } from './devices.js';

let space: ReturnType<typeof tempDir>;
let a: Device;
let b: Device;
beforeEach(async () => {
  space = tempDir();
  a = await device('a', space.dir);
  b = await device('b', space.dir);
});
afterEach(async () => {
  await a.store.close();
  await b.store.close();
  space.cleanup();
});

const person = (name: string) => ({ fields: { name }, lists: { emails: [], tags: [], interests: [] } });

describe('sync through a folder', () => {
  it('a joined device gets the network, and changes go both ways', async () => {
    await addContact(a.store, a.clock, person('Giulia Rossi'));
    await logTouch(a.store, a.clock, ['Giulia Rossi'], { channel: 'coffee', direction: 'mutual', instant: new Date('2026-03-13T10:00:00Z'), note: 'the AI meetup', gave: [] });
    const phrase = await initSpaceOn(a, folder(space.dir));
    expect(phrase.split(' ')).toHaveLength(24);
    await joinSpaceAs(b, folder(space.dir), phrase);
    expect(syncedData(b)).toEqual(syncedData(a));
    await addContact(b.store, b.clock, person('Marco Bianchi'));
    await editContact(a.store, a.clock, 'Giulia Rossi', { ...emptyContactChange(), fields: { company: 'Nexi' }, addTags: ['fintech'], removeTags: [] });
    await sync(b);
    await sync(a);
    await sync(b);
    expect(syncedData(b)).toEqual(syncedData(a));
    expect(summaryMismatches(a.store.sqlite)).toBe(0);
    expect(summaryMismatches(b.store.sqlite)).toBe(0);
    const names = b.store.sqlite.prepare('select name from contacts order by name').pluck().all();
    expect(names).toEqual(['Giulia Rossi', 'Marco Bianchi']);
  });
});
