// The review's queries against a database file: local days of stored
// instants in several time zones, days in touch, and replies answered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/core/dates.js';
import { dayFromNumber, dayNumber, touchStatsOf } from '../../src/core/review/gaps.js';
import { insertContact } from '../../src/db/contacts.js';
import { insertInteraction } from '../../src/db/interactions.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { contactFacts } from '../../src/db/due-data.js';
import { activityCounts, answeredReplies, weeklyCounts } from '../../src/db/review-data.js';
import { LocalDayNumbers, reviewContacts, touchDays } from '../../src/db/review-touches.js';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

describe('local days of stored instants', () => {
  // Rome and St John's change their clocks; Kolkata is half an hour off UTC; Lord Howe moves by half an hour.
  const zones = ['Europe/Rome', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe', 'UTC'];

  it.each(zones)('match the local day of the instant in %s, around every minute of the clock changes', (zone) => {
    process.env.TZ = zone;
    const days = new LocalDayNumbers();
    const start = Date.UTC(2026, 2, 26);
    // Every 7 minutes over two weeks around the March changes, and over the October ones.
    for (const base of [start, Date.UTC(2026, 9, 20), Date.UTC(2026, 3, 1)]) {
      for (let ms = base; ms < base + 14 * 86_400_000; ms += 7 * 60_000) {
        const iso = new Date(ms).toISOString();
        expect(dayFromNumber(days.dayAt(iso.slice(0, 16), 0)), iso).toBe(localDay(new Date(ms)));
      }
    }
  });

  it('match for any instant of 1970-2199 (property)', () => {
    for (const zone of zones) {
      process.env.TZ = zone;
      const days = new LocalDayNumbers();
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Date.UTC(2199, 11, 31) }), (ms) => {
          const rounded = ms - (ms % 60_000);
          const iso = new Date(rounded).toISOString();
          return dayFromNumber(days.dayAt(`x,${iso}`, 2)) === localDay(new Date(rounded));
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('reads other years and broken text the slow way', () => {
    process.env.TZ = 'Europe/Rome';
    const days = new LocalDayNumbers();
    expect(dayFromNumber(days.dayAt('1969-12-31T23:30', 0))).toBe('1970-01-01');
    expect(days.dayAt('not an instant!!', 0)).toBeNaN();
  });
});

describe('queries', () => {
  let dir: string;
  let opened: OpenDatabase;
  const at = '2026-01-01T00:00:00.000Z';

  beforeAll(() => {
    process.env.TZ = 'Europe/Rome';
  });

  async function setUp(): Promise<void> {
    dir = mkdtempSync(join(tmpdir(), 'net-review-data-'));
    opened = await openDatabase(join(dir, 'net.db'));
  }

  afterEach(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const log = (ids: number[], instant: string, channel = 'call', direction = 'mutual') =>
    insertInteraction(opened.db, { occurred_at: instant, occurred_on: localDay(new Date(instant)), channel, direction, note: null }, ids, at);

  it('give each person their distinct local days in touch, up to today, from three on', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, at);
    const bruno = await insertContact(opened.db, { name: 'Bruno' }, {}, at);
    const carla = await insertContact(opened.db, { name: 'Carla' }, {}, at);
    // 23:30 UTC on 02-28 is 00:30 on 03-01 in Rome: the same local day as the morning after.
    for (const instant of ['2026-02-28T23:30:00.000Z', '2026-03-01T09:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-05T10:00:00.000Z', '2026-03-20T10:00:00.000Z']) {
      await log([anna, bruno], instant);
    }
    await log([carla], '2026-03-01T10:00:00.000Z');
    await log([carla], '2026-03-02T10:00:00.000Z');
    await log([carla], '2026-03-02T11:00:00.000Z');
    const days = touchDays(opened, '2026-03-14', 3);
    expect([...days.keys()].sort()).toEqual([anna, bruno]);
    expect([...days.get(anna)!].map(dayFromNumber)).toEqual(['2026-03-01', '2026-03-03', '2026-03-05']);
  });

  it('read the days in touch from the latest interactions only (the window), archived people left out', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, at);
    const bruno = await insertContact(opened.db, { name: 'Bruno' }, {}, at);
    // Six touches a day apart, twice on the last day, and one after today.
    for (const instant of ['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-04T10:00:00.000Z', '2026-03-05T10:00:00.000Z', '2026-03-05T11:00:00.000Z', '2026-03-20T10:00:00.000Z']) {
      await log([anna, bruno], instant);
    }
    await opened.db.updateTable('contacts').set({ archived_at: at }).where('id', '=', bruno).execute();
    const latest = touchDays(opened, '2026-03-14', 3, 4);
    expect([...latest.keys()]).toEqual([anna]);
    // The latest four interactions up to today fall on three days; the one after today is not one of them.
    expect([...latest.get(anna)!].map(dayFromNumber)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect((touchDays(opened, '2026-03-14', 3, 3)).size).toBe(0);
    expect([...(touchDays(opened, '2026-03-14', 3)).get(anna)!].length).toBe(5);
  });

  it('read the latest 50 up to today even when later ones fill the kept list', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, at);
    // 60 days in touch up to 2026-03-10, then 45 planned after today: the kept list holds 50 of the future.
    for (let k = 0; k < 60; k++) await log([anna], new Date(Date.UTC(2026, 0, 10 + k, 10)).toISOString());
    for (let k = 0; k < 45; k++) await log([anna], new Date(Date.UTC(2026, 3, 1 + k, 10)).toISOString());
    const days = touchDays(opened, '2026-03-14', 3).get(anna)!;
    expect(days).toHaveLength(50);
    expect(dayFromNumber(days[0])).toBe('2026-01-20');
    expect(dayFromNumber(days[49])).toBe('2026-03-10');
    expect(reviewContacts(opened, '2026-03-14', 3).touchStats.get(anna)).toEqual({ touches: 50, usual: 1, last: days[49] });
  });

  it('read the facts and the stats of the days in touch in one pass: the same as contactFacts (net due) and touchDays', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna', circle: 'close', met_on: '2026-03-01' }, {}, at);
    const bruno = await insertContact(opened.db, { name: 'Bruno', cadence_days: 0 }, {}, at);
    const carla = await insertContact(opened.db, { name: 'Carla', snoozed_until: '2026-04-01' }, {}, at);
    await insertContact(opened.db, { name: 'Dario' }, {}, at);
    const ernesto = await insertContact(opened.db, { name: 'Ernesto' }, {}, at);
    for (const instant of ['2026-02-28T23:30:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-05T10:00:00.000Z', '2026-03-20T10:00:00.000Z']) {
      await log([anna, bruno], instant);
    }
    await log([carla], '2026-03-02T10:00:00.000Z', 'email', 'in');
    await log([ernesto], '2026-03-02T10:00:00.000Z');
    await opened.db.updateTable('contacts').set({ archived_at: at }).where('id', '=', ernesto).execute();
    for (const today of ['2026-03-04', '2026-03-14', '2026-03-25']) {
      const both = reviewContacts(opened, today, 3);
      expect(both.contacts).toEqual(contactFacts(opened, today));
      expect(both.touchStats).toEqual(touchStatsOf(touchDays(opened, today, 3)));
    }
    expect(reviewContacts(opened, '2026-03-14', 3).contacts.map((c) => c.name)).toEqual(['Anna', 'Bruno', 'Carla', 'Dario']);
  });

  it('find the replies answered in a period, and the message each answered', async () => {
    await setUp();
    const [anna, bruno, carla] = [
      await insertContact(opened.db, { name: 'Anna' }, {}, at),
      await insertContact(opened.db, { name: 'Bruno' }, {}, at),
      await insertContact(opened.db, { name: 'Carla' }, {}, at),
    ];
    // Anna writes twice, then a call answers: one reply, counted from her latest message.
    await log([anna], '2026-03-01T10:00:00.000Z', 'email', 'in');
    await log([anna], '2026-03-03T10:00:00.000Z', 'linkedin', 'in');
    await log([anna], '2026-03-09T10:00:00.000Z', 'call', 'mutual');
    // Bruno and Carla write in one thread; one email to both answers both.
    await log([bruno, carla], '2026-03-02T10:00:00.000Z', 'email', 'in');
    await log([bruno, carla], '2026-03-10T10:00:00.000Z', 'email', 'out');
    // An inbound call asks for nothing; what follows it answers nothing.
    await log([carla], '2026-03-11T10:00:00.000Z', 'call', 'in');
    await log([carla], '2026-03-12T10:00:00.000Z', 'email', 'out');
    const week = { from: '2026-03-08', to: '2026-03-14', days: 7 };
    expect(await answeredReplies(opened.db, week)).toEqual([
      { contact_id: anna, asked_on: '2026-03-03', answered_on: '2026-03-09' },
      { contact_id: bruno, asked_on: '2026-03-02', answered_on: '2026-03-10' },
      { contact_id: carla, asked_on: '2026-03-02', answered_on: '2026-03-10' },
    ]);
    // The answer falls outside an earlier week: nothing answered then.
    expect(await answeredReplies(opened.db, { from: '2026-03-01', to: '2026-03-07', days: 7 })).toEqual([]);
  });

  it('count activity and weeks by local day, to the minute at midnight', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, '2026-03-07T23:30:00.000Z'); // 00:30 on 03-08 in Rome
    await insertContact(opened.db, { name: 'Bruno' }, {}, '2026-03-07T22:59:00.000Z'); // 23:59 on 03-07
    await log([anna], '2026-03-07T22:59:00.000Z', 'email', 'out'); // 03-07
    await log([anna], '2026-03-07T23:00:00.000Z', 'coffee'); // 03-08 00:00
    await log([anna], '2026-03-14T22:59:00.000Z', 'call'); // 03-14 23:59
    await log([anna], '2026-03-14T23:00:00.000Z', 'call'); // 03-15
    const week = { from: '2026-03-08', to: '2026-03-14', days: 7 };
    expect(await activityCounts(opened.db, week)).toEqual({
      interactions: 2,
      people: 1,
      new_contacts: 1,
      by_channel: [
        { channel: 'call', interactions: 1 },
        { channel: 'coffee', interactions: 1 },
      ],
    });
    const weeks = await weeklyCounts(opened.db, '2026-03-14');
    expect(weeks.slice(-2)).toEqual([
      { week_start: '2026-03-02', interactions: 2 }, // Saturday 03-07 and Sunday 03-08
      { week_start: '2026-03-09', interactions: 1 }, // up to 23:59 on 03-14, not after
    ]);
    expect(dayNumber(weeks[0].week_start)).toBe(dayNumber('2026-03-09') - 77);
  });
});
