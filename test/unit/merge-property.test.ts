// Merge as a property: for random people and histories, merging two keeps
// every interaction, favour and follow-up, leaves the summaries true, and
// undo gives back the same user data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeContacts } from '../../src/app/merge.js';
import { undoCommand } from '../../src/app/undo.js';
import { summaryMismatches } from '../../src/db/summaries.js';
import { clock, run, step, userData, withStore } from '../random-commands.js';

const live = (store: { sqlite: import('better-sqlite3').Database }, table: string) =>
  store.sqlite.prepare(`select count(*) from ${table} t join contacts c on c.id = t.contact_id where t.deleted_at is null and c.deleted_at is null`).pluck().get() as number;

describe('merge', () => {
  it('keeps every interaction, favour and follow-up; undo gives back the same data; the summaries stay true', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 20 }), fc.nat({ max: 7 }), fc.nat({ max: 7 }), async (steps, k, o) =>
        withStore(async (store) => {
          await run(store, steps);
          const ids = store.sqlite.prepare('select id from contacts where deleted_at is null order by id').pluck().all() as number[];
          if (ids.length < 2) return;
          const keep = ids[k % ids.length];
          const other = ids[(k + 1 + (o % (ids.length - 1))) % ids.length];
          const interactions = store.sqlite.prepare('select count(*) from interactions where deleted_at is null').pluck().get();
          const counts = { favours: live(store, 'favours'), followups: live(store, 'followups') };
          const before = userData(store);
          await mergeContacts(store, clock, `#${keep}`, `#${other}`);
          expect(store.sqlite.prepare('select count(*) from interactions where deleted_at is null').pluck().get()).toBe(interactions);
          expect({ favours: live(store, 'favours'), followups: live(store, 'followups') }).toEqual(counts);
          expect(store.sqlite.prepare('select count(*) from interaction_contacts where contact_id = ?').pluck().get(other)).toBe(0);
          expect(summaryMismatches(store.sqlite)).toBe(0);
          await undoCommand(store, clock, undefined);
          expect(userData(store)).toEqual(before);
          expect(summaryMismatches(store.sqlite)).toBe(0);
        }),
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
