// Undo as a property: for any sequence of commands, taking back the last k
// (newest first) gives the user data as it was before them; taking back an
// undo gives the data as it was after the command; deleted records never
// show in listings, exports, the morning list or the review.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { undoCommand } from '../../src/app/undo.js';
import { loadSchedulerInput } from '../../src/db/due-data.js';
import { EXPORTERS } from '../../src/db/export-records.js';
import { loadSettings } from '../../src/db/settings.js';
import { clock, lastCommand, run, step, userData, withStore } from '../random-commands.js';

describe('undo', () => {
  it('taking back the last k commands, newest first, gives the data before them; taking back those undos gives the data after', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), fc.array(step, { minLength: 1, maxLength: 8 }), async (before, tail) =>
        withStore(async (store) => {
          await run(store, before);
          const start = lastCommand(store);
          const dataBefore = userData(store);
          await run(store, tail);
          const dataAfter = userData(store);
          const made = store.sqlite.prepare('select id from commands where id > ? order by id desc').pluck().all(start) as number[];
          const undos: number[] = [];
          for (const id of made) undos.push((await undoCommand(store, clock, id)).id);
          expect(userData(store)).toEqual(dataBefore);
          // Taking back the undos, newest first, redoes the commands in their order.
          for (const id of undos.reverse()) await undoCommand(store, clock, id);
          expect(userData(store)).toEqual(dataAfter);
        }),
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('never lets a deleted record into listings, exports, the morning list or the review', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.nat({ max: 5 }), async (steps, undos) =>
        withStore(async (store) => {
          await run(store, steps);
          for (let k = 0; k < undos && lastCommand(store) > 0; k += 1) await undoCommand(store, clock, undefined, { force: true });
          const dead = (table: string) => new Set(store.sqlite.prepare(`select id from ${table} where deleted_at is not null`).pluck().all() as number[]);
          const deadContacts = dead('contacts');
          const deadInteractions = dead('interactions');
          for (const c of EXPORTERS.contacts(store.sqlite)) expect(deadContacts.has(c.id as number)).toBe(false);
          for (const i of EXPORTERS.interactions(store.sqlite)) {
            expect(deadInteractions.has(i.id as number)).toBe(false);
            for (const id of i.contact_ids as number[]) expect(deadContacts.has(id)).toBe(false);
          }
          for (const entity of ['followups', 'favours', 'outreach'] as const) {
            const gone = dead(entity);
            for (const r of EXPORTERS[entity](store.sqlite)) {
              expect(gone.has(r.id as number)).toBe(false);
              expect(deadContacts.has(r.contact_id as number)).toBe(false);
            }
          }
          const due = await loadSchedulerInput(store, clock.today, await loadSettings(store.db));
          for (const c of due.contacts) expect(deadContacts.has(c.id)).toBe(false);
          for (const f of due.followups) expect(deadContacts.has(f.contact_id)).toBe(false);
          for (const o of due.outreach) expect(deadContacts.has(o.contact_id)).toBe(false);
        }),
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
