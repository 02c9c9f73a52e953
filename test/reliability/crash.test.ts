// Crashes: a large import killed with SIGKILL at random moments (seeded, so
// the same moments every run) leaves a database that passes integrity_check
// and holds either all of that import or none of it.
import { copyFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { run, seededRandom, start } from './support.js';

const ROWS = 5000;
const RUNS = 6;

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com']));
  copyFileSync(s.db, join(s.dir, 'base.db'));
  // A contacts CSV in the columns of `net export contacts`.
  const lines = ['name,company,emails,tags,notes'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`Person ${i},Company ${i % 50},p${i}@example.com,t${i % 7},"note ${i}, with a comma"`);
  writeFileSync(join(s.dir, 'big.csv'), `${lines.join('\n')}\n`);
});
afterAll(() => s.cleanup());

/** Puts the base database (one contact, no -wal) back in place; no process has it open. */
function resetDatabase(): void {
  rmSync(`${s.db}-wal`, { force: true });
  rmSync(`${s.db}-shm`, { force: true });
  copyFileSync(join(s.dir, 'base.db'), s.db);
}

function walBytes(): number {
  try {
    return statSync(`${s.db}-wal`).size;
  } catch {
    return 0;
  }
}

/** What a later net process would find: recovery of the -wal, then the checks. */
function inspect(): { integrity: string; imported: number; contacts: number } {
  const db = new Database(s.db);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const imported = (db.prepare("select count(*) as n from contact_tags where tag = 'crash'").get() as { n: number }).n;
    const contacts = (db.prepare('select count(*) as n from contacts').get() as { n: number }).n;
    return { integrity, imported, contacts };
  } finally {
    db.close();
  }
}

describe('an import killed with SIGKILL', () => {
  it(`holds all ${ROWS} rows or none, and passes integrity_check, after ${RUNS} kills at random moments`, async () => {
    // One run to the end: the time it takes here, and the "all" state.
    const began = Date.now();
    const full = await run(s, ['import', 'csv', join(s.dir, 'big.csv'), '--tag', 'crash']);
    const duration = Date.now() - began;
    expect(full.code, full.stderr).toBe(0);
    expect(inspect()).toEqual({ integrity: 'ok', imported: ROWS, contacts: ROWS + 1 });

    const random = seededRandom(20260314);
    const outcomes: string[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      resetDatabase();
      const { child, done } = start(s, ['import', 'csv', join(s.dir, 'big.csv'), '--tag', 'crash']);
      let when: string;
      let timer: NodeJS.Timeout | undefined;
      let poll: NodeJS.Timeout | undefined;
      if (i % 2 === 0) {
        // At a moment from just after start-up to just past the end of a normal run.
        const delay = Math.round(duration * (0.1 + random()));
        when = `after ${delay} ms`;
        timer = setTimeout(() => child.kill('SIGKILL'), delay);
      } else {
        // While the transaction is being written: soon after the -wal starts to grow.
        const extra = Math.round(random() * 6);
        when = `${extra} ms after the -wal grew`;
        poll = setInterval(() => {
          if (walBytes() > 32) {
            clearInterval(poll);
            timer = setTimeout(() => child.kill('SIGKILL'), extra);
          }
        }, 1);
      }
      const result = await done;
      clearTimeout(timer);
      clearInterval(poll);
      const state = inspect();
      expect(state.integrity, `run ${i}, killed ${when}`).toBe('ok');
      expect([0, ROWS], `run ${i}, killed ${when}: ${state.imported} rows`).toContain(state.imported);
      expect(state.contacts).toBe(state.imported + 1);
      if (result.code === 0) expect(state.imported).toBe(ROWS);
      expect([0, -1], `run ${i}: neither done nor killed: ${result.stderr}`).toContain(result.code);
      outcomes.push(`${when}: ${result.code === -1 ? 'killed' : `exit ${result.code}`}, ${state.imported ? 'all' : 'none'}`);
    }
    // The database is still usable by net after the last crash.
    ok(s.net(['log', 'giulia', '-m', 'after the crashes']));
    expect(outcomes, outcomes.join('\n')).toHaveLength(RUNS);
  }, 300_000);
});
