// The per-person summary the triggers keep (migrations/003-contact-activity.ts,
// 004-contact-rhythm.ts, 011-trust.ts's first day in touch) must always equal what the interactions say,
// whatever writes them: random sequences of inserts, deletes, moves and
// edits, checked after every step against a recomputation, the rhythm
// worked out here in plain code rather than SQL.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowRawWrites } from '../raw-writes.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import type { ContactActivityTable } from '../../src/db/schema.js';
import { rebuildSummaries, summaryMismatches, withSummariesDeferred } from '../../src/db/summaries.js';

let opened: OpenDatabase;
beforeEach(async () => {
  opened = await openDatabase(':memory:');
  allowRawWrites(opened.sqlite);
});
afterEach(async () => {
  await opened.close();
});

const PEOPLE = 4;

/** A row of contact_activity, as the schema declares it. */
type Summary = ContactActivityTable;

function kept(): Summary[] {
  return opened.sqlite.prepare('select * from contact_activity order by contact_id').all() as Summary[];
}

/** The latest interaction and the count of each person, worked out from scratch. */
function latestTruth(): Array<Omit<Summary, 'touches' | 'usual_gap' | 'last_touch_on' | 'window_from' | 'first_touch_on'>> {
  return opened.sqlite
    .prepare(
      `select c.id as contact_id, n.interactions, ic.interaction_id as last_interaction_id, ic.occurred_at as last_at,
         i.occurred_on as last_on, i.direction as last_direction, i.channel as last_channel
       from contacts c
       join (select contact_id, count(*) as interactions from interaction_contacts group by contact_id) n on n.contact_id = c.id
       join interaction_contacts ic on ic.contact_id = c.id and ic.interaction_id = (
         select x.interaction_id from interaction_contacts x where x.contact_id = c.id
         order by x.occurred_at desc, x.interaction_id desc limit 1)
       join interactions i on i.id = ic.interaction_id
       order by c.id`,
    )
    .all() as Summary[];
}

const DAY_MS = 86_400_000;

/** A person's rhythm from their latest 50 interactions: distinct days, median gap, latest and first day, where the window starts. */
function rhythmTruth(contactId: number): Pick<Summary, 'touches' | 'usual_gap' | 'last_touch_on' | 'window_from' | 'first_touch_on'> {
  const rows = opened.sqlite
    .prepare('select ic.interaction_id as id, ic.occurred_at as at, i.occurred_on as day from interaction_contacts ic join interactions i on i.id = ic.interaction_id where ic.contact_id = ?')
    .all(contactId) as Array<{ id: number; at: string; day: string }>;
  rows.sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));
  const window = rows.slice(0, 50);
  const days = [...new Set(window.map((r) => r.day))].sort();
  const gaps = days
    .slice(1)
    .map((day, k) => (Date.parse(day) - Date.parse(days[k])) / DAY_MS)
    .sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  const usual = gaps.length === 0 ? null : gaps.length % 2 === 1 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
  return {
    touches: days.length,
    usual_gap: usual,
    last_touch_on: days.at(-1) ?? null,
    window_from: rows.length >= 50 ? rows[49].at : null,
    first_touch_on: days[0] ?? null,
  };
}

/** The whole summary worked out from scratch, the way the triggers promise to keep it. */
function truth(): Summary[] {
  return latestTruth().map((row) => ({ ...row, ...rhythmTruth(row.contact_id) }));
}

function seedPeople(): void {
  const insert = opened.sqlite.prepare(
    "insert into contacts (id, uid, name, name_key, created_at, updated_at) values (?, ?, ?, ?, '2025-01-01T10:00:00.000Z', '2025-01-01T10:00:00.000Z')",
  );
  for (let k = 1; k <= PEOPLE; k++) insert.run(k, `c-${k}`, `P${k}`, `p${k}`);
}

let serial = 0;
/** Same instants on purpose: ties are broken by interaction id, as the index orders them. */
const instant = fc.constantFrom('2026-01-01T10:00', '2026-01-01T10:00', '2026-02-01T09:00', '2026-03-01T18:30', '2025-12-31T23:59');
const person = fc.integer({ min: 1, max: PEOPLE });

type Step =
  | { kind: 'log'; at: string; people: number[]; direction: string; channel: string }
  | { kind: 'delete-interaction'; pick: number }
  | { kind: 'drop-participant'; pick: number }
  | { kind: 'edit'; pick: number; direction: string; channel: string; at: string }
  | { kind: 'move'; pick: number; at: string }
  | { kind: 'delete-person'; who: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('log' as const), at: instant, people: fc.uniqueArray(person, { minLength: 1, maxLength: 3 }), direction: fc.constantFrom('in', 'out', 'mutual'), channel: fc.constantFrom('email', 'call', 'coffee') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-interaction' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-participant' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), direction: fc.constantFrom('in', 'out'), channel: fc.constantFrom('email', 'video'), at: instant }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), at: instant }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-person' as const), who: person }) },
);

function pickRow<T>(sqlSelect: string, pick: number): T | undefined {
  const rows = opened.sqlite.prepare(sqlSelect).all() as T[];
  return rows.length ? rows[pick % rows.length] : undefined;
}

function apply(s: Step): void {
  const db = opened.sqlite;
  switch (s.kind) {
    case 'log': {
      serial += 1;
      const { lastInsertRowid } = db
        .prepare("insert into interactions (uid, occurred_at, occurred_on, channel, direction, created_at, updated_at) values (?, ?, ?, ?, ?, 'x', 'x')")
        .run(`i-${serial}`, `${s.at}:00.000Z`, s.at.slice(0, 10), s.channel, s.direction);
      for (const who of s.people) {
        db.prepare('insert or ignore into interaction_contacts (interaction_id, contact_id, occurred_at) values (?, ?, ?)').run(lastInsertRowid, who, `${s.at}:00.000Z`);
      }
      return;
    }
    case 'delete-interaction': {
      const row = pickRow<{ id: number }>('select id from interactions order by id', s.pick);
      if (row) db.prepare('delete from interactions where id = ?').run(row.id);
      return;
    }
    case 'drop-participant': {
      const row = pickRow<{ interaction_id: number; contact_id: number }>('select interaction_id, contact_id from interaction_contacts order by 1, 2', s.pick);
      if (row) db.prepare('delete from interaction_contacts where interaction_id = ? and contact_id = ?').run(row.interaction_id, row.contact_id);
      return;
    }
    case 'edit': {
      const row = pickRow<{ id: number }>('select id from interactions order by id', s.pick);
      if (row) db.prepare('update interactions set direction = ?, channel = ?, occurred_on = ? where id = ?').run(s.direction, s.channel, s.at.slice(0, 10), row.id);
      return;
    }
    case 'move': {
      const row = pickRow<{ id: number }>('select id from interactions order by id', s.pick);
      if (!row) return;
      db.prepare('update interactions set occurred_at = ?, occurred_on = ? where id = ?').run(`${s.at}:00.000Z`, s.at.slice(0, 10), row.id);
      db.prepare('update interaction_contacts set occurred_at = ? where interaction_id = ?').run(`${s.at}:00.000Z`, row.id);
      return;
    }
    case 'delete-person':
      db.prepare('delete from contacts where id = ?').run(s.who);
      db.prepare(
        "insert or ignore into contacts (id, uid, name, name_key, created_at, updated_at) values (?, ?, 'Back', 'back', '2025-01-01T10:00:00.000Z', '2025-01-01T10:00:00.000Z')",
      ).run(s.who, `c-back-${s.who}-${serial++}`);
  }
}

describe('contact_activity', () => {
  it('starts empty and follows a logged interaction for every participant', () => {
    seedPeople();
    expect(kept()).toEqual([]);
    apply({ kind: 'log', at: '2026-03-01T10:00', people: [1, 2], direction: 'in', channel: 'email' });
    expect(kept()).toEqual(truth());
    expect(kept()).toHaveLength(2);
    expect(kept()[0]).toMatchObject({ interactions: 1, last_on: '2026-03-01', last_direction: 'in', last_channel: 'email' });
    expect(kept()[0]).toMatchObject({ touches: 1, usual_gap: null, last_touch_on: '2026-03-01', window_from: null });
  });

  it('keeps the rhythm: distinct days, the median gap (the mean of the middle two), the latest day', () => {
    seedPeople();
    // Days 03-01, 03-03 (twice), 03-09, 03-10: four days, gaps 2, 6 and 1, whose median is 2.
    for (const at of ['2026-03-01T10:00', '2026-03-03T10:00', '2026-03-03T18:30', '2026-03-09T09:00', '2026-03-10T09:00']) {
      apply({ kind: 'log', at, people: [1], direction: 'out', channel: 'call' });
    }
    expect(kept()[0]).toMatchObject({ touches: 4, usual_gap: 2, last_touch_on: '2026-03-10' });
    apply({ kind: 'log', at: '2026-03-20T09:00', people: [1], direction: 'out', channel: 'call' });
    // Gaps 1, 2, 6, 10: the mean of the middle two.
    expect(kept()[0]).toMatchObject({ touches: 5, usual_gap: 4, last_touch_on: '2026-03-20' });
    expect(kept()).toEqual(truth());
  });

  it('an older interaction logged later counts, but does not become the latest', () => {
    seedPeople();
    apply({ kind: 'log', at: '2026-03-01T10:00', people: [1], direction: 'in', channel: 'email' });
    apply({ kind: 'log', at: '2026-01-01T10:00', people: [1], direction: 'out', channel: 'call' });
    expect(kept()[0]).toMatchObject({ interactions: 2, last_on: '2026-03-01', last_channel: 'email' });
  });

  it('deleting the latest interaction brings back the one before; deleting the last one removes the row', () => {
    seedPeople();
    apply({ kind: 'log', at: '2026-01-01T10:00', people: [1], direction: 'out', channel: 'call' });
    apply({ kind: 'log', at: '2026-03-01T10:00', people: [1], direction: 'in', channel: 'email' });
    opened.sqlite.prepare('delete from interactions where id = (select max(id) from interactions)').run();
    expect(kept()[0]).toMatchObject({ interactions: 1, last_on: '2026-01-01', last_channel: 'call' });
    opened.sqlite.prepare('delete from interactions').run();
    expect(kept()).toEqual([]);
  });

  it('a long history logged in any order keeps the rhythm of the latest 50, through deletes and edits of days', () => {
    seedPeople();
    const days = Array.from({ length: 130 }, (_, k) => `2025-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}T${String(k % 24).padStart(2, '0')}:00`);
    // A fixed shuffle: newest, oldest and middle ones arrive mixed.
    const order = days.map((d, k) => [((k * 7919) % 131) as number, d] as const).sort((a, b) => a[0] - b[0]).map(([, d]) => d);
    for (const at of order) {
      apply({ kind: 'log', at, people: [1, 2], direction: 'out', channel: 'call' });
      // After every step: a later recomputation would hide a wrong one.
      expect(kept()).toEqual(truth());
    }
    expect(kept()[0].window_from).not.toBeNull();
    // Deletes and day edits inside and outside the window (older ones skip the work).
    for (let k = 0; k < 40; k++) {
      apply(k % 3 === 2 ? { kind: 'edit', pick: k * 17, direction: 'out', channel: 'call', at: `2025-0${(k % 9) + 1}-15T10:00` } : { kind: 'delete-interaction', pick: k * 13 });
      expect(kept()).toEqual(truth());
    }
    // The very interaction the window starts at, and the one just before it.
    const windowStart = () => opened.sqlite.prepare('select ic.interaction_id from interaction_contacts ic join contact_activity a on a.contact_id = ic.contact_id and ic.occurred_at = a.window_from where a.contact_id = 1').pluck().get() as number;
    opened.sqlite.prepare('delete from interactions where id = ?').run(windowStart());
    expect(kept()).toEqual(truth());
    const older = opened.sqlite.prepare('select max(ic.occurred_at) from interaction_contacts ic join contact_activity a on a.contact_id = 1 where ic.contact_id = 1 and ic.occurred_at < a.window_from').pluck().get() as string;
    apply({ kind: 'log', at: older.slice(0, 16), people: [1], direction: 'out', channel: 'call' });
    expect(kept()).toEqual(truth());
    // At the very instant the window starts: a later id, so inside it.
    const start = opened.sqlite.prepare('select window_from from contact_activity where contact_id = 1').pluck().get() as string;
    apply({ kind: 'log', at: start.slice(0, 16), people: [1], direction: 'out', channel: 'call' });
    expect(kept()).toEqual(truth());
  });

  it('the check counts each person whose summaries differ once; a rebuild mends them', () => {
    seedPeople();
    for (const at of ['2026-01-01T10:00', '2026-02-01T09:00']) apply({ kind: 'log', at, people: [1, 2, 3], direction: 'in', channel: 'email' });
    const before = kept();
    opened.sqlite.exec('update contact_activity set interactions = 9 where contact_id in (1, 2); update contact_activity set usual_gap = 3 where contact_id in (2, 3)');
    expect(summaryMismatches(opened.sqlite)).toBe(3);
    // A row left for someone without interactions, all of it empty.
    opened.sqlite.exec('insert into contact_activity (contact_id, interactions) values (4, 0)');
    expect(summaryMismatches(opened.sqlite)).toBe(4);
    rebuildSummaries(opened.sqlite);
    expect(summaryMismatches(opened.sqlite)).toBe(0);
    expect(kept()).toEqual(before);
  });

  it('a bulk write with the triggers set aside ends with the same summaries, and the triggers back', async () => {
    const triggers = () => opened.sqlite.prepare("select name, sql from sqlite_schema where type = 'trigger' and name like 'contact_activity%' order by name").all();
    const before = triggers();
    expect(before).toHaveLength(5);
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), fc.array(step, { maxLength: 20 }), async (first, bulk) => {
        opened.sqlite.exec('delete from interactions; delete from contacts;');
        seedPeople();
        for (const s of first) apply(s);
        opened.sqlite.exec('begin immediate');
        await withSummariesDeferred(opened.sqlite, async () => {
          for (const s of bulk) apply(s);
          // Set aside: nothing follows the writes until the end.
          expect(triggers()).toHaveLength(0);
        });
        opened.sqlite.exec('commit');
        expect(triggers()).toEqual(before);
        expect(kept()).toEqual(truth());
      }),
      { numRuns: 60, seed: 20260314 },
    );
  });

  it('a bulk write that fails leaves the triggers and the summaries as they were', async () => {
    seedPeople();
    apply({ kind: 'log', at: '2026-01-01T10:00', people: [1], direction: 'in', channel: 'email' });
    const before = [kept(), opened.sqlite.prepare("select sql from sqlite_schema where type = 'trigger'").all()];
    opened.sqlite.exec('begin immediate');
    await expect(
      withSummariesDeferred(opened.sqlite, async () => {
        apply({ kind: 'log', at: '2026-02-01T09:00', people: [1, 2], direction: 'out', channel: 'call' });
        throw new Error('row 7 is not a date');
      }),
    ).rejects.toThrow('row 7');
    opened.sqlite.exec('rollback');
    expect([kept(), opened.sqlite.prepare("select sql from sqlite_schema where type = 'trigger'").all()]).toEqual(before);
    // And they still work.
    apply({ kind: 'log', at: '2026-03-01T18:30', people: [3], direction: 'in', channel: 'email' });
    expect(kept()).toEqual(truth());
  });

  it('removing a person removes their summary (a cascade)', () => {
    seedPeople();
    apply({ kind: 'log', at: '2026-01-01T10:00', people: [1, 2], direction: 'out', channel: 'call' });
    opened.sqlite.prepare('delete from contacts where id = 1').run();
    expect(kept().map((r) => r.contact_id)).toEqual([2]);
  });

  it('equals a recomputation after every step of random histories', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80 }), (steps) => {
        opened.sqlite.exec('delete from interactions; delete from contacts;');
        seedPeople();
        for (const s of steps) {
          apply(s);
          expect(kept()).toEqual(truth());
        }
        // What `net doctor` checks agrees, and a rebuild writes the same.
        expect(summaryMismatches(opened.sqlite)).toBe(0);
        const before = kept();
        rebuildSummaries(opened.sqlite);
        expect(kept()).toEqual(before);
      }),
      { numRuns: 150, seed: 20260314 },
    );
  });
});
