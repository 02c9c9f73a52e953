// The review's queries against a database file: each person's facts and the
// rhythm the triggers keep (up to today), replies answered, activity by local day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/core/dates.js';
import { dayNumber, touchStatsFrom, type TouchStats } from '../../src/core/review/gaps.js';
import { insertContact } from '../../src/db/contacts.js';
import { insertInteraction } from '../../src/db/interactions.js';
import { allowRawWrites } from '../raw-writes.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { contactFacts } from '../../src/db/due-data.js';
import { activityCounts, periodReplies, weeklyCounts } from '../../src/db/review-data.js';
import { reviewContacts } from '../../src/db/review-touches.js';

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
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
    allowRawWrites(opened.sqlite);
  }

  afterEach(async () => {
    await opened?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const log = (ids: number[], instant: string, channel = 'call', direction = 'mutual') =>
    insertInteraction(opened.db, { occurred_at: instant, occurred_on: localDay(new Date(instant)), channel, direction, note: null }, ids, at);

  /** The touch stats of the given sorted days, as the review reads them. */
  const statsOf = (days: string[]): TouchStats => touchStatsFrom(days.map(dayNumber))!;

  it('give each person the stats of their distinct days in touch, up to today, from three on', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, at);
    const bruno = await insertContact(opened.db, { name: 'Bruno' }, {}, at);
    const carla = await insertContact(opened.db, { name: 'Carla' }, {}, at);
    // 23:30 UTC on 02-28 is 00:30 on 03-01 in Rome: logged as 03-01, the same day as the morning after.
    for (const instant of ['2026-02-28T23:30:00.000Z', '2026-03-01T09:00:00.000Z', '2026-03-03T10:00:00.000Z', '2026-03-05T10:00:00.000Z', '2026-03-20T10:00:00.000Z']) {
      await log([anna, bruno], instant);
    }
    await log([carla], '2026-03-01T10:00:00.000Z');
    await log([carla], '2026-03-02T10:00:00.000Z');
    await log([carla], '2026-03-02T11:00:00.000Z');
    const { touchStats } = reviewContacts(opened, '2026-03-14', 3);
    expect([...touchStats.keys()].sort()).toEqual([anna, bruno]);
    // Up to today: the touch on 03-20 is left out.
    expect(touchStats.get(anna)).toEqual(statsOf(['2026-03-01', '2026-03-03', '2026-03-05']));
    expect(reviewContacts(opened, '2026-03-25', 3).touchStats.get(anna)).toEqual(statsOf(['2026-03-01', '2026-03-03', '2026-03-05', '2026-03-20']));
  });

  it('read the rhythm of the latest 50 interactions only, archived people left out', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, at);
    const bruno = await insertContact(opened.db, { name: 'Bruno' }, {}, at);
    // 30 touches a week apart, then 40 two days apart: the window holds the 40 and the last 10 weekly ones.
    const days: string[] = [];
    for (let k = 0; k < 30; k++) days.push(new Date(Date.UTC(2025, 0, 1 + 7 * k, 10)).toISOString());
    for (let k = 0; k < 40; k++) days.push(new Date(Date.UTC(2025, 7, 1 + 2 * k, 10)).toISOString());
    for (const instant of days) await log([anna, bruno], instant);
    await opened.db.updateTable('contacts').set({ archived_at: at }).where('id', '=', bruno).execute();
    const { touchStats } = reviewContacts(opened, '2026-03-14', 3);
    expect([...touchStats.keys()]).toEqual([anna]);
    expect(touchStats.get(anna)).toEqual(statsOf(days.slice(-50).map((d) => localDay(new Date(d)))));
    expect(touchStats.get(anna)!.usual).toBe(2);
  });

  it('read the latest 50 up to today even when later ones fill the kept window', async () => {
    await setUp();
    const anna = await insertContact(opened.db, { name: 'Anna' }, {}, at);
    // 60 days in touch up to 2026-03-10, then 45 planned after today: the kept window holds 45 of the future.
    for (let k = 0; k < 60; k++) await log([anna], new Date(Date.UTC(2026, 0, 10 + k, 10)).toISOString());
    for (let k = 0; k < 45; k++) await log([anna], new Date(Date.UTC(2026, 3, 1 + k, 10)).toISOString());
    expect(reviewContacts(opened, '2026-03-14', 3).touchStats.get(anna)).toEqual({ touches: 50, usual: 1, last: dayNumber('2026-03-10'), first: dayNumber('2026-01-20') });
  });

  it('read the facts and the touch stats in one pass: the facts the same as contactFacts (net due)', async () => {
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
      expect(reviewContacts(opened, today, 3).contacts).toEqual(contactFacts(opened, today));
    }
    expect(reviewContacts(opened, '2026-03-04', 3).touchStats.size).toBe(0);
    expect([...reviewContacts(opened, '2026-03-25', 3).touchStats.keys()]).toEqual([anna, bruno]);
    expect(reviewContacts(opened, '2026-03-14', 3).contacts.map((c) => c.name)).toEqual(['Anna', 'Bruno', 'Carla', 'Dario']);
  });

  it('read hostile names and notes exactly (the rows travel as JSON)', async () => {
    await setUp();
    const names = ['Zoë "the" \\ Łukasz', 'tab\there\nnewline', '\u0001\u001f\u007f', '😀 emoji', "Robert'); drop table contacts;--", '[1,2]', 'null'];
    for (const name of names) await insertContact(opened.db, { name }, {}, at);
    expect(reviewContacts(opened, '2026-03-14', 3).contacts.map((c) => c.name)).toEqual(names);
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
    expect(periodReplies(opened, week).answered).toEqual([
      { contact_id: anna, asked_on: '2026-03-03', answered_on: '2026-03-09' },
      { contact_id: bruno, asked_on: '2026-03-02', answered_on: '2026-03-10' },
      { contact_id: carla, asked_on: '2026-03-02', answered_on: '2026-03-10' },
    ]);
    // The answer falls outside an earlier week: nothing answered then.
    expect(periodReplies(opened, { from: '2026-03-01', to: '2026-03-07', days: 7 }).answered).toEqual([]);
    // The people the week's interactions involved.
    expect(periodReplies(opened, week).people).toBe(3);
    // Two at the same minute: the one logged first (the lower id) came first.
    const dario = await insertContact(opened.db, { name: 'Dario' }, {}, at);
    await log([dario], '2026-03-12T10:00:00.000Z', 'email', 'in');
    await log([dario], '2026-03-12T10:00:00.000Z', 'email', 'out');
    expect(periodReplies(opened, week).answered.filter((a) => a.contact_id === dario)).toEqual([{ contact_id: dario, asked_on: '2026-03-12', answered_on: '2026-03-12' }]);
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
