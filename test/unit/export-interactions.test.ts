// net export interactions reads the interactions a page at a time and their
// people a range of ids at a time: whatever the sizes, the records are every
// live interaction in time order, each with its live people in name order,
// as one plain query per interaction gives them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertContact } from '../../src/db/contacts.js';
import { exportInteractions, type ExportRecord } from '../../src/db/export-records.js';
import { insertInteraction } from '../../src/db/interactions.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { allowRawWrites, rawWrite } from '../raw-writes.js';

let dir: string;
let opened: OpenDatabase;
const at = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'net-export-interactions-'));
  opened = await openDatabase(join(dir, 'net.db'));
  allowRawWrites(opened.sqlite);
  // Ids out of name order, two namesakes, and a person deleted later.
  const people: number[] = [];
  for (const name of ['Zoe', 'Anna', 'Marco', 'Anna', 'Élodie', 'bruno', 'Gone']) people.push(await insertContact(opened.db, { name }, {}, at));
  for (let k = 0; k < 40; k++) {
    const day = `2026-02-${String(1 + Math.floor(k / 4)).padStart(2, '0')}`;
    // Two instants a day: ties on occurred_at, broken by id.
    const instant = `${day}T${k % 2 ? '09' : '18'}:00:00.000Z`;
    const who = [people[k % 7], ...(k % 3 === 0 ? [people[(k + 2) % 7], people[(k + 5) % 7]] : [])];
    await insertInteraction(opened.db, { occurred_at: instant, occurred_on: day, channel: 'call', direction: 'out', note: k % 5 ? `n${k}` : null }, [...new Set(who)], at);
  }
  opened.sqlite.prepare("update contacts set deleted_at = ? where name = 'Gone'").run(at);
  opened.sqlite.prepare('update interactions set deleted_at = ? where id in (4, 17)').run(at);
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The records as one query per interaction gives them. */
function expected(): ExportRecord[] {
  const { sqlite } = opened;
  const people = sqlite.prepare(
    `select c.id, c.uid, c.name from interaction_contacts ic join contacts c on c.id = ic.contact_id
     where ic.interaction_id = ? and c.deleted_at is null order by c.name, c.id`,
  );
  const rows = sqlite
    .prepare(
      `select id, uid, occurred_at, occurred_on as date, channel as via, direction, note, source_key, created_at, updated_at
       from interactions where deleted_at is null order by occurred_at, id`,
    )
    .all() as Array<Record<string, unknown> & { id: number }>;
  return rows.map(({ id, uid, occurred_at, date, via, direction, note, source_key, created_at, updated_at }) => {
    const who = people.all(id) as Array<{ id: number; uid: string; name: string }>;
    return {
      id, uid, occurred_at, date, via, direction,
      contacts: who.map((p) => p.name), contact_ids: who.map((p) => p.id), contact_uids: who.map((p) => p.uid),
      note, source_key, created_at, updated_at,
    };
  });
}

describe('exportInteractions', () => {
  it('has the interactions and people to test with', () => {
    const records = expected();
    expect(records).toHaveLength(38);
    expect(records.some((r) => (r.contacts as string[]).length === 3)).toBe(true);
    expect(records.some((r) => (r.contacts as string[]).length === 0)).toBe(true); // only the deleted person took part
    expect(records.flatMap((r) => r.contacts as string[])).not.toContain('Gone');
  });

  it.each([
    [250, 65_536],
    [1, 1],
    [3, 7],
    [38, 2],
    [1000, 1000],
  ])('gives the same records %i a page, people of %i ids at a time', (pageSize, idsPerRead) => {
    expect([...exportInteractions(opened.sqlite, { pageSize, idsPerRead })]).toEqual(expected());
  });

  it('reads one snapshot: a change committed while it reads neither repeats nor skips an interaction', () => {
    const before = expected();
    const records = exportInteractions(opened.sqlite, { pageSize: 1, idsPerRead: 1 });
    const first = records.next();
    expect(first.done).toBe(false);
    // Another connection moves the first interaction to the end of time, and adds a person to the last one.
    const other = new BetterSqlite3(join(dir, 'net.db'));
    try {
      const firstId = (first.value as ExportRecord).id as number;
      const lastId = before[before.length - 1].id as number;
      rawWrite(other, `update interactions set occurred_at = '2099-01-01T00:00:00.000Z' where id = ${firstId};
        insert into interaction_contacts (interaction_id, contact_id, occurred_at)
          select ${lastId}, c.id, i.occurred_at from contacts c, interactions i
          where i.id = ${lastId} and c.deleted_at is null and c.id not in (select contact_id from interaction_contacts where interaction_id = ${lastId}) limit 1;`);
    } finally {
      other.close();
    }
    const all = [first.value as ExportRecord, ...records];
    expect(all).toEqual(before);
    // The change is there for the next export.
    expect(expected()).not.toEqual(before);
  });
});
