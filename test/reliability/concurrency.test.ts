// Many net processes on one database at once: every write lands, and a backup
// taken in the middle of writes is a consistent copy.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, queryFile, run } from './support.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

describe('concurrent writers', () => {
  it('20 `net log` started at once all succeed, and all 20 interactions are stored', async () => {
    ok(s.net(['add', 'Giulia Rossi']));
    ok(s.net(['add', 'Marco Bianchi']));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => run(s, ['log', i % 2 ? 'giulia' : 'marco', '--via', 'call', '-m', `call number ${i}`, '--gave', `favour ${i}`])),
    );
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
    const notes = s.query<{ note: string }>('select note from interactions').map((r) => r.note).sort();
    expect(notes).toEqual(Array.from({ length: 20 }, (_, i) => `call number ${i}`).sort());
    expect(s.query('select * from interaction_contacts')).toHaveLength(20);
    expect(s.query('select * from favours')).toHaveLength(20);
    expect(integrity(s.db)).toBe('ok');
  }, 180_000);

  it('20 `net add` on a database that does not exist yet: one creation, one migration, 20 people', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => run(s, ['add', `Person ${i}`])));
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
    expect(s.query('select name from contacts')).toHaveLength(20);
    expect(s.query('select name from kysely_migration')).toHaveLength(migrations.length);
    expect(s.query('pragma user_version')).toEqual([{ user_version: migrations.length }]);
  }, 180_000);
});

describe('backup during writes', () => {
  it('gives valid, consistent copies while 12 `net log` processes write', async () => {
    ok(s.net(['add', 'Giulia Rossi']));
    const writers = Array.from({ length: 12 }, (_, i) => run(s, ['log', 'giulia', '-m', `note ${i}`, '--follow-up', `promise ${i}`]));
    // Backups one after the other for as long as the writers run.
    const copies: string[] = [];
    let writing = true;
    const allWritten = Promise.all(writers).finally(() => (writing = false));
    while (writing || copies.length < 2) {
      const target = join(s.dir, `copy-${copies.length}.db`);
      const result = await run(s, ['backup', target]);
      expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' });
      copies.push(target);
    }
    for (const result of await allWritten) expect(result.code, result.stderr).toBe(0);

    const counts = copies.map((copy) => {
      expect(integrity(copy)).toBe('ok');
      expect(queryFile(copy, 'pragma foreign_key_check')).toEqual([]);
      // Each logged interaction comes with its participant and its follow-up,
      // written in one transaction: a copy holds all three or none of them.
      const [{ interactions, links, followups }] = queryFile<{ interactions: number; links: number; followups: number }>(
        copy,
        `select (select count(*) from interactions) as interactions,
                (select count(*) from interaction_contacts) as links,
                (select count(*) from followups) as followups`,
      );
      expect(links).toBe(interactions);
      expect(followups).toBe(interactions);
      return interactions;
    });
    // Later copies never hold less than earlier ones; the database holds everything.
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(s.query('select id from interactions')).toHaveLength(12);
  }, 180_000);

  it('a backup succeeds while another connection holds the write lock, and copies only committed data', async () => {
    ok(s.net(['add', 'Giulia Rossi']));
    // Another connection in the middle of a write transaction, as a long import would be.
    const writer = new Database(s.db);
    writer.exec('begin immediate');
    writer.prepare('insert into current_command (id, ms, recording) values (0, 0, 0)').run();
    writer.prepare("update contacts set company = 'uncommitted' where id = 1").run();
    const result = await run(s, ['backup', join(s.dir, 'locked.db')]);
    writer.exec('rollback');
    writer.close();
    expect(result, result.stderr).toMatchObject({ code: 0 });
    expect(queryFile(join(s.dir, 'locked.db'), 'select company from contacts')).toEqual([{ company: null }]);
  });
});
