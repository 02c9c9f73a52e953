// The aggregate queries behind `net due`, against an in-memory database built
// by the real migrations.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleAttention, scheduleTop } from '../../src/core/scheduler.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { insertContact } from '../../src/db/contacts.js';
import { activeOutreach, contactFacts, conversationFacts, followupsDue } from '../../src/db/due-data.js';
import { insertFollowup, insertInteraction } from '../../src/db/interactions.js';
import { allowRawWrites } from '../raw-writes.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';

const TODAY = '2026-03-14';
const AT = '2026-03-14T10:00:00.000Z';
let opened: OpenDatabase;

beforeEach(async () => {
  opened = await openDatabase(':memory:');
  allowRawWrites(opened.sqlite);
});
afterEach(async () => {
  await opened.close();
});

async function add(name: string, fields: Record<string, unknown> = {}, interests: string[] = []): Promise<number> {
  return insertContact(opened.db, { name, ...fields }, { interests }, fields.created_at ? String(fields.created_at) : '2025-01-01T10:00:00.000Z');
}

async function log(ids: number[], day: string, channel: string, direction: string, note: string | null = null, time = '10:00'): Promise<number> {
  return insertInteraction(opened.db, { occurred_at: `${day}T${time}:00.000Z`, occurred_on: day, channel, direction, note }, ids, AT);
}

describe('contactFacts', () => {
  it('a group interaction counts for every participant', async () => {
    const anna = await add('Anna');
    const marco = await add('Marco');
    await log([anna], '2026-01-01', 'coffee', 'mutual');
    await log([anna, marco], '2026-03-01', 'meeting', 'mutual');
    const facts = contactFacts(opened, TODAY);
    expect(facts.map((f) => [f.name, f.last?.on, f.last?.channel])).toEqual([
      ['Anna', '2026-03-01', 'meeting'],
      ['Marco', '2026-03-01', 'meeting'],
    ]);
  });

  it('an inbound email followed by a call: the call is the last interaction, no reply owed', async () => {
    const anna = await add('Anna', { circle: 'close' });
    await log([anna], '2026-03-10', 'email', 'in', 'asked for the deck');
    expect((contactFacts(opened, TODAY))[0].last).toEqual({ on: '2026-03-10', direction: 'in', channel: 'email' });
    await log([anna], '2026-03-10', 'call', 'out', null, '15:00');
    const facts = contactFacts(opened, TODAY);
    expect(facts[0].last).toEqual({ on: '2026-03-10', direction: 'out', channel: 'call' });
    const items = scheduleAttention({ today: TODAY, settings: DEFAULT_SETTINGS, contacts: facts, followups: [], outreach: [] });
    expect(items).toEqual([]);
  });

  it('counts every interaction of each person, group ones for every participant', async () => {
    const recent = await add('Recent', { created_at: '2026-03-01T10:00:00.000Z' });
    const old = await add('Old');
    const once = await add('Once', { created_at: '2026-03-01T10:00:00.000Z' });
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-04']) await log([recent, old], day, 'call', 'out');
    await log([once], '2026-03-02', 'call', 'out');
    const byName = new Map((contactFacts(opened, TODAY)).map((f) => [f.name, f]));
    expect(byName.get('Recent')?.interactions).toBe(3);
    expect(byName.get('Old')?.interactions).toBe(3);
    expect(byName.get('Once')?.interactions).toBe(1);
    expect(byName.get('Once')?.added_on).toBe('2026-03-01');
  });

  it('leaves archived people out and keeps what the rules need', async () => {
    await add('Gone', { archived_at: AT });
    await add('Kept', { circle: 'inner', cadence_days: 0, met_on: '2026-02-01', birthday: '--03-15', channel: 'call', snoozed_until: '2026-04-01', rhythm_from: '2026-02-02' });
    const facts = contactFacts(opened, TODAY);
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({
      name: 'Kept',
      circle: 'inner',
      cadence_days: 0,
      met_on: '2026-02-01',
      birthday: '--03-15',
      channel: 'call',
      snoozed_until: '2026-04-01',
      rhythm_from: '2026-02-02',
      archived: false,
      last: null,
      interactions: 0,
    });
  });
});

describe('followupsDue and activeOutreach', () => {
  it('lists the open follow-ups due by today, of people not archived', async () => {
    const anna = await add('Anna');
    const gone = await add('Gone', { archived_at: AT });
    await insertFollowup(opened.db, { contact_id: anna, interaction_id: null, text: 'deck', due_on: '2026-03-14' }, AT);
    await insertFollowup(opened.db, { contact_id: anna, interaction_id: null, text: 'later', due_on: '2026-03-15' }, AT);
    await insertFollowup(opened.db, { contact_id: anna, interaction_id: null, text: 'kept', due_on: '2026-03-01', done_on: '2026-03-02' }, AT);
    await insertFollowup(opened.db, { contact_id: gone, interaction_id: null, text: 'gone', due_on: '2026-03-01' }, AT);
    expect((await followupsDue(opened.db, TODAY)).map((f) => f.text)).toEqual(['deck']);
  });

  it('lists active outreach only, with the introducer', async () => {
    const marco = await add('Marco');
    const giulia = await add('Giulia');
    const sara = await add('Sara');
    const row = (contact_id: number, extra: Record<string, unknown>) => ({
      uid: `u${contact_id}`,
      contact_id,
      stage: 'target',
      created_at: AT,
      updated_at: AT,
      ...extra,
    });
    await opened.db
      .insertInto('outreach')
      .values([
        row(marco, { next_on: '2026-03-14', via_contact_id: giulia, why: 'fintech', channel: 'email' }),
        row(sara, { stage: 'parked', ended_on: '2026-03-01' }),
      ])
      .execute();
    expect(await activeOutreach(opened.db)).toEqual([
      { contact_id: marco, name: 'Marco', stage: 'target', next_on: '2026-03-14', nudges: 0, channel: 'email', why: 'fintech', via: 'Giulia', asked_on: null },
    ]);
  });
});

describe('conversationFacts', () => {
  it('gives the latest note that says something, and the interests', async () => {
    const anna = await add('Anna', {}, ['fintech', 'AI']);
    await log([anna], '2026-03-01', 'coffee', 'mutual', 'talked about the AI meetup');
    await log([anna], '2026-03-05', 'email', 'out', '  ');
    const facts = await conversationFacts(opened.db, [anna, anna]);
    expect(facts.get(anna)).toEqual({ interests: ['AI', 'fintech'], last_note: 'talked about the AI meetup' });
  });
});

describe('the relevance filter', () => {
  it('leaves out only people who could have no item: the same list with and without it', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { generateNetwork } = await import('../../bench/generate.js');
    const { relevanceFilter } = await import('../../src/core/scheduler.js');
    const { settingsFrom } = await import('../../src/core/settings.js');
    const dir = mkdtempSync(join(tmpdir(), 'net-relevance-'));
    try {
      const path = join(dir, 'net.db');
      await generateNetwork(path, { contacts: 600, interactions: 4000, seed: 7 });
      const network = await openDatabase(path);
      allowRawWrites(network.sqlite);
      try {
        const settingsList = [
          settingsFrom([]),
          settingsFrom([{ key: 'cadence.acquaintance', value: '200' }, { key: 'cadence.network', value: 'none' }, { key: 'reply_window', value: '2' }]),
        ];
        let leftOut = 0;
        for (const settings of settingsList) {
          for (const today of ['2026-03-14', '2026-02-27', '2028-02-27', '2026-12-30', '2025-07-01']) {
            const base = { today, settings, followups: await followupsDue(network.db, today), outreach: await activeOutreach(network.db) };
            const all = contactFacts(network, today);
            const relevant = contactFacts(network, today, relevanceFilter(today, settings));
            leftOut += all.length - relevant.length;
            expect(scheduleAttention({ ...base, contacts: relevant }), `${today}`).toEqual(scheduleAttention({ ...base, contacts: all }));
          }
        }
        // The filter does leave people out (most of a network are acquaintances).
        expect(leftOut).toBeGreaterThan(1000);
      } finally {
        await network.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves out nobody who has an item, for any person, day, time zone and rhythms (property)', async () => {
    const fc = (await import('fast-check')).default;
    const { relevanceFilter } = await import('../../src/core/scheduler.js');
    const { settingsFrom } = await import('../../src/core/settings.js');
    const originalTz = process.env.TZ;
    const day = (from: number, span: number) => fc.integer({ min: from, max: from + span }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const person = fc.record({
      circle: fc.constantFrom('inner', 'close', 'active', 'network', 'acquaintance'),
      cadence_days: fc.option(fc.integer({ min: 0, max: 90 })),
      rhythm_from: fc.option(day(-60, 120)),
      met_on: fc.option(day(-90, 150)),
      created: fc.integer({ min: -90 * 24, max: 60 * 24 }).map((h) => new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString()),
      birthday: fc.option(day(-366, 730).map((d) => `--${d.slice(5)}`)),
      touches: fc.array(fc.record({ on: day(-120, 180), channel: fc.constantFrom('email', 'call', 'message'), direction: fc.constantFrom('in', 'out') }), { maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 16 }),
        day(0, 60),
        fc.constantFrom('Europe/Rome', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'),
        fc.constantFrom('', '7', 'none'),
        async (people, today, zone, network) => {
          process.env.TZ = zone;
          await opened.sqlite.exec('delete from interactions; delete from contacts;');
          for (const [k, p] of people.entries()) {
            const id = await add(`P${k}`, { circle: p.circle, cadence_days: p.cadence_days, rhythm_from: p.rhythm_from, met_on: p.met_on, birthday: p.birthday, created_at: p.created });
            for (const t of p.touches) await log([id], t.on, t.channel, t.direction);
          }
          const settings = settingsFrom(network ? [{ key: 'cadence.network', value: network }] : []);
          const base = { today, settings, followups: [], outreach: [] };
          const all = scheduleAttention({ ...base, contacts: contactFacts(opened, today) });
          const kept = scheduleAttention({ ...base, contacts: contactFacts(opened, today, relevanceFilter(today, settings)) });
          expect(kept).toEqual(all);
          // The first few, made and ranked alone, are the start of the whole list.
          for (const limit of [1, 2, 5]) {
            const top = scheduleTop({ ...base, contacts: contactFacts(opened, today) }, limit);
            expect(top.total).toBe(all.length);
            expect(top.items).toEqual(all.slice(0, limit));
          }
        },
      ),
      { numRuns: 120, seed: 20260314 },
    );
    process.env.TZ = originalTz;
  });

  it('lists the birthdays of the next days, and 29 February on 28 February of other years', async () => {
    const { relevanceFilter } = await import('../../src/core/scheduler.js');
    expect(relevanceFilter('2026-12-30', DEFAULT_SETTINGS).birthdayDays).toEqual(['12-30', '12-31', '01-01', '01-02']);
    expect(relevanceFilter('2026-02-27', DEFAULT_SETTINGS).birthdayDays).toEqual(['02-27', '02-28', '02-29', '03-01', '03-02']);
    expect(relevanceFilter('2028-02-27', DEFAULT_SETTINGS).birthdayDays).toEqual(['02-27', '02-28', '02-29', '03-01']);
    expect(relevanceFilter('2026-03-14', DEFAULT_SETTINGS).circlesWithRhythm).toEqual(['inner', 'close', 'active', 'network']);
  });
});
