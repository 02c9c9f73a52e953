// A long history is read a page at a time (net history writes each page before
// it reads the next): the pages, one after the other, are the whole history
// in its order, whatever the page size, with interactions at the same instant
// and the filters as they are.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertContact } from '../../src/db/contacts.js';
import { historyPages, insertInteraction, listHistory, type HistoryEntry, type HistoryFilter } from '../../src/db/interactions.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { allowRawWrites } from '../raw-writes.js';

let dir: string;
let opened: OpenDatabase;
const at = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'net-history-pages-'));
  opened = await openDatabase(join(dir, 'net.db'));
  allowRawWrites(opened.sqlite);
  const people = [];
  for (const name of ['Anna', 'Bruno', 'Carla']) people.push(await insertContact(opened.db, { name }, {}, at));
  // 60 interactions over 12 days, five at each of three instants a day: ties on occurred_at everywhere.
  for (let k = 0; k < 60; k++) {
    const day = `2026-02-${String(1 + Math.floor(k / 5)).padStart(2, '0')}`;
    const instant = `${day}T${['09', '12', '18'][k % 3]}:00:00.000Z`;
    const who = k % 4 === 0 ? [people[0], people[1]] : [people[k % 3]];
    await insertInteraction(opened.db, { occurred_at: instant, occurred_on: day, channel: k % 2 ? 'email' : 'call', direction: 'out', note: `n${k}` }, who, at);
  }
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

async function paged(filter: HistoryFilter, size: number): Promise<HistoryEntry[]> {
  const all: HistoryEntry[] = [];
  for await (const page of historyPages(opened.db, filter, size)) {
    expect(page.length).toBeLessThanOrEqual(size);
    all.push(...page);
  }
  return all;
}

describe('history pages', () => {
  it.each([1, 2, 3, 7, 59, 60, 61, 1000])('of %i are the whole history in order', async (size) => {
    const whole = await listHistory(opened.db, {});
    expect(whole).toHaveLength(60);
    expect(await paged({}, size)).toEqual(whole);
  });

  it('keep to the filters and the limit', async () => {
    const filters: HistoryFilter[] = [
      { since: '2026-02-03', until: '2026-02-08' },
      { contactId: 1 },
      { via: 'email', limit: 13 },
      { limit: 7 },
      { since: '2026-03-01' },
    ];
    for (const filter of filters) {
      const whole = await listHistory(opened.db, filter);
      for (const size of [1, 4, 100]) expect(await paged(filter, size), JSON.stringify({ filter, size })).toEqual(whole);
    }
    expect(await listHistory(opened.db, { via: 'email', limit: 13 })).toHaveLength(13);
  });
});
