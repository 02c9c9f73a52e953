// The notes kept from sync conflicts that `net show` lists: a person's own,
// and those of the interactions they took part in, never anyone else's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptNotes } from '../../src/db/sync-kept.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { rawWrite } from '../raw-writes.js';

let opened: OpenDatabase;
beforeEach(async () => {
  opened = await openDatabase(':memory:');
  const at = '2026-03-14T11:00:00.000Z';
  rawWrite(
    opened.sqlite,
    `insert into contacts (id, uid, name, name_key, circle, created_at, updated_at) values
       (1, 'c-1', 'Giulia Rossi', 'giulia rossi', 'close', '${at}', '${at}'),
       (2, 'c-2', 'Marco Bianchi', 'marco bianchi', 'close', '${at}', '${at}');
     insert into interactions (id, uid, occurred_at, occurred_on, channel, direction, created_at, updated_at) values
       (1, 'i-1', '${at}', '2026-03-14', 'coffee', 'both', '${at}', '${at}'),
       (2, 'i-2', '${at}', '2026-03-14', 'call', 'both', '${at}', '${at}');
     insert into interaction_contacts (interaction_id, contact_id, occurred_at) values (1, 1, '${at}'), (1, 2, '${at}'), (2, 2, '${at}');
     insert into sync_conflicts (id, entity, record, field, value, op_uid, device, at) values
       (1, 'contact', 'c-1', 'notes', 'her note', 'op-1', 'd', '${at}'),
       (2, 'interaction', 'i-1', 'note', 'the coffee', 'op-2', 'd', '${at}'),
       (3, 'interaction', 'i-2', 'note', 'his call', 'op-3', 'd', '${at}'),
       (4, 'contact', 'c-2', 'notes', 'his note', 'op-4', 'd', '${at}');`,
  );
});
afterEach(() => opened.close());

describe('keptNotes', () => {
  it("of a person: their own and their interactions', in order, no one else's", () => {
    expect(keptNotes(opened.sqlite, 1).map((n) => n.value)).toEqual(['her note', 'the coffee']);
    expect(keptNotes(opened.sqlite, 2).map((n) => n.value)).toEqual(['the coffee', 'his call', 'his note']);
    expect(keptNotes(opened.sqlite).map((n) => n.id)).toEqual([1, 2, 3, 4]);
  });
});
