// Captures through sync: a message captured and accepted on one device is
// accepted on the other, with the interaction it became; their promises
// (followups.theirs) travel too.
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../src/app/add-contact.js';
import { setSetting } from '../../src/app/config.js';
import { captureMail } from '../../src/app/capture.js';
import { addFollowup } from '../../src/app/followups.js';
import { acceptProposals, listInbox } from '../../src/app/inbox.js';
import { summaryMismatches } from '../../src/db/summaries.js';
import { recoveryPhrase } from '../../src/sync/setup.js';
import { at, device, folder, initSpaceOn, joinSpaceAs, sync, syncedData, tempDir, type Device } from './devices.js';

const MAILDIR = join(import.meta.dirname, '..', 'fixtures', 'capture', 'maildir');

let space: ReturnType<typeof tempDir>;
let a: Device;
let b: Device;

beforeEach(async () => {
  space = tempDir();
  a = await device('a', space.dir, at('2026-03-20T11:00:00.000Z'));
  b = await device('b', space.dir, at('2026-03-20T11:00:00.000Z'));
  await addContact(a.store, a.clock, {
    fields: { name: 'Giulia Rossi' },
    lists: { emails: ['giulia@satispay.com'], tags: [], interests: [], phones: [], nicknames: [] },
  });
  await setSetting(a.store, a.clock, 'me.emails', 'me@example.com');
  const phrase = await initSpaceOn(a, folder(space.dir));
  await joinSpaceAs(b, folder(space.dir), phrase);
});
afterEach(async () => {
  await a.store.close();
  await b.store.close();
  space.cleanup();
});

const captures = (d: Device) =>
  d.store.sqlite
    .prepare(
      `select k.capture_key, k.status, i.uid as interaction, i.note from captures k left join interactions i on i.id = k.interaction_id
       where k.capture_key = 'mail:deck-1@satispay.com'`,
    )
    .all();

describe('captures through sync', () => {
  it('a mail captured and accepted on one device shows as accepted, with its interaction, on the other', async () => {
    await captureMail(a.store, a.clock, { source: MAILDIR, stdin: () => Readable.from([]) });
    const proposal = listInbox(a.store, a.clock).proposals.find((p) => p.subject === 'Il deck per giovedì');
    expect(proposal).toBeDefined();
    const [decided] = await acceptProposals(a.store, a.clock, { ids: [proposal!.id] });
    expect(decided.interaction).not.toBeNull();
    for (const d of [a, b, a, b]) await sync(d);

    const onB = captures(b);
    expect(onB).toHaveLength(1);
    expect(onB[0]).toMatchObject({ status: 'accepted', note: 'Il deck per giovedì' });
    expect(onB[0].interaction).toBe(captures(a)[0].interaction);
    // What is still waiting on one is waiting on the other, and the accepted one is not proposed again.
    expect(listInbox(b.store, b.clock).proposals.map((p) => p.subject).sort()).toEqual(listInbox(a.store, a.clock).proposals.map((p) => p.subject).sort());
    expect(listInbox(b.store, b.clock).proposals.some((p) => p.subject === 'Il deck per giovedì')).toBe(false);
    expect(syncedData(b)).toEqual(syncedData(a));
    for (const d of [a, b]) expect(summaryMismatches(d.store.sqlite), d.name).toBe(0);
  });

  it('a device joining from a snapshot gets the captures and whose promise each follow-up is', async () => {
    await captureMail(a.store, a.clock, { source: MAILDIR, stdin: () => Readable.from([]) });
    await addFollowup(a.store, a.clock, 'Giulia Rossi', "she'll send the term sheet", '2026-03-27', { theirs: true });
    await sync(a, undefined, { snapshotEvery: 1 });
    const c = await device('c', space.dir, at('2026-03-20T11:00:00.000Z'));
    try {
      await joinSpaceAs(c, folder(space.dir), recoveryPhrase(a.store));
      expect(c.store.sqlite.prepare('select count(*) from captures').pluck().get()).toBeGreaterThan(0);
      expect(c.store.sqlite.prepare('select text, theirs from followups').all()).toEqual([{ text: "she'll send the term sheet", theirs: 1 }]);
      await sync(b);
      expect(b.store.sqlite.prepare('select text, theirs from followups').all()).toEqual([{ text: "she'll send the term sheet", theirs: 1 }]);
      expect(syncedData(c)).toEqual(syncedData(a));
      expect(syncedData(b)).toEqual(syncedData(a));
    } finally {
      await c.store.close();
    }
  });

  it('the same mail captured on both devices before they sync: the pull applies, each inbox proposes it once, a decision on one settles it on both', async () => {
    for (const d of [a, b]) await captureMail(d.store, d.clock, { source: MAILDIR, stdin: () => Readable.from([]) });
    for (const d of [a, b, a, b]) await sync(d);
    const subjects = (d: Device) => listInbox(d.store, d.clock).proposals.map((p) => p.subject).sort();
    expect(b.store.sqlite.prepare("select count(*) from captures where capture_key = 'mail:deck-1@satispay.com'").pluck().get()).toBe(2);
    expect(subjects(a)).toEqual(['Il deck per giovedì', 'Re: Il deck per giovedì']);
    expect(subjects(b)).toEqual(subjects(a));
    const proposal = listInbox(b.store, b.clock).proposals.find((p) => p.subject === 'Il deck per giovedì');
    await acceptProposals(b.store, b.clock, { ids: [proposal!.id] });
    for (const d of [b, a]) await sync(d);
    expect(subjects(a)).toEqual(['Re: Il deck per giovedì']);
    expect(a.store.sqlite.prepare("select count(*) from interactions where note = 'Il deck per giovedì'").pluck().get()).toBe(1);
    expect(syncedData(b)).toEqual(syncedData(a));
  });
});
