// net demo: a sample network in a database of its own, never over a real one.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

function rows<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('net demo', () => {
  let s: Sandbox;
  let demoDb: string;
  let first: { code: number; stdout: string; stderr: string };

  beforeAll(() => {
    s = sandbox();
    demoDb = join(s.dir, 'data', 'demo.db');
    first = s.net(['demo']);
  });
  afterAll(() => s.cleanup());

  it('writes demo.db beside the database in use, and leaves that one alone', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(demoDb)).toBe(true);
    expect(existsSync(s.db)).toBe(false);
    expect(statSync(demoDb).mode & 0o777).toBe(0o600);
    expect(first.stdout.startsWith(`A demo network is ready:\n  ${demoDb}\n`)).toBe(true);
    expect(first.stdout.replace(/\s+/g, ' ')).toContain(`Your own network was not touched (${s.db}).`);
  });

  it('holds a year of a realistic network', () => {
    const [counts] = rows<Record<string, number>>(
      demoDb,
      `select (select count(*) from contacts) as contacts, (select count(*) from interactions) as interactions,
              (select count(*) from favours) as favours, (select count(*) from followups where done_on is null) as open_followups,
              (select count(*) from outreach) as outreach, (select count(distinct stage) from outreach) as stages,
              (select count(*) from contacts where archived_at is not null) as archived,
              (select count(*) from contacts where snoozed_until > '2026-03-14') as snoozed,
              (select count(*) from interactions where occurred_on > '2026-03-14') as future,
              (select min(occurred_on) from interactions) > '2025-03-13' as within_a_year,
              (select count(*) from interaction_contacts ic join interactions i on i.id = ic.interaction_id where ic.occurred_at <> i.occurred_at) as mismatched`,
    );
    expect(counts.contacts).toBeGreaterThanOrEqual(55);
    expect(counts.interactions).toBeGreaterThan(300);
    expect(counts.favours).toBeGreaterThan(5);
    expect(counts.open_followups).toBeGreaterThanOrEqual(3);
    expect(counts).toMatchObject({ stages: 7, archived: 1, snoozed: 1, future: 0, within_a_year: 1, mismatched: 0 });
    expect(first.stdout.replace(/\s+/g, ' ')).toContain(
      `${counts.contacts} people, ${counts.interactions} interactions over the last year, ${counts.favours} favours, ${counts.open_followups} open follow-ups, ${counts.outreach} in the outreach pipeline.`,
    );
  });

  it('works with every command, names with accents included', () => {
    const list = s.json<Array<{ name: string; circle: string }>>(['--db', demoDb, 'list', '--circle', 'inner']);
    expect(list.map((p) => p.name)).toContain('Niccolò Ferri');
    const show = s.json<{ name: string; favours_given: number }>(['--db', demoDb, 'show', 'nicolo']);
    expect(show.name).toBe('Niccolò Ferri');
    expect(ok(s.net(['--db', demoDb, 'history', 'giulia', '--since', '2 weeks ago']))).toContain('Giulia Rossi');
  });

  it('prints the morning check that `net due` gives on the demo', () => {
    const due = s.net(['--db', demoDb, 'due']);
    expect(due.code).toBe(0);
    expect(first.stdout).toContain('The morning check on the demo (net due):\n');
    expect(first.stdout).toContain(due.stdout);
    expect(due.stdout).toMatch(/Lorenzo Bruno/);
  });

  it('ends with the commands to explore it', () => {
    expect(first.stdout).toContain(`  export NET_DB=${demoDb}\n`);
    expect(first.stdout).toMatch(/^  net show giulia +a profile/m);
    expect(first.stdout).toContain('`unset NET_DB`');
    expect(first.stdout).toContain(`  net --db ${demoDb} due\n`);
    // Its own lines fit 80 columns (the rows of `net due`, tab-separated when piped, are due's).
    for (const line of first.stdout.split('\n').filter((l) => !l.includes('\t'))) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
    for (const line of first.stdout.split('\n')) expect(line).not.toMatch(/\u001b\[/);
  });

  it('replaces an earlier demo with a fresh one', () => {
    ok(s.net(['--db', demoDb, 'add', 'Temporary Person']));
    const again = s.net(['demo']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('A fresh demo network is ready (the earlier demo was replaced):');
    expect(rows(demoDb, "select id from contacts where name = 'Temporary Person'")).toHaveLength(0);
    expect(rows<{ id: number }>(demoDb, 'select min(id) as id from contacts')[0].id).toBe(1);
  });

  it('follows NET_NOW: the demo is always current', () => {
    const later = s.net(['demo', '--db', join(s.dir, 'later.db')], { env: { NET_NOW: '2027-01-10' } });
    expect(later.code, later.stderr).toBe(0);
    const [last] = rows<{ day: string }>(join(s.dir, 'later.db'), 'select max(occurred_on) as day from interactions');
    expect(last.day < '2027-01-10' && last.day > '2026-12-31').toBe(true);
  });
});

describe('net demo never overwrites a real network', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it('refuses --db pointing at a real database, and leaves it byte for byte', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    const before = readFileSync(s.db);
    const result = s.net(['demo', '--db', s.db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^net: will not write the demo to .*: it holds a real network, not a demo\n/);
    expect(result.stderr).toContain('net demo --db PATH');
    expect(result.stdout).toBe('');
    expect(readFileSync(s.db).equals(before)).toBe(true);
  });

  it('refuses a file that is not a net database', () => {
    const notes = join(s.dir, 'notes.txt');
    writeFileSync(notes, 'my notes\n');
    const result = s.net(['--db', notes, 'demo']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('it is not a net database');
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
  });

  it('when NET_DB is the real one, writes beside it, not into it', () => {
    const result = s.net(['demo']);
    expect(result.code, result.stderr).toBe(0);
    expect(rows(s.db, 'select name from contacts')).toEqual([{ name: 'Giulia Rossi' }]);
    expect(existsSync(join(s.dir, 'data', 'demo.db'))).toBe(true);
  });

  it('writes into an empty file, and a new path in a new folder', () => {
    const empty = join(s.dir, 'empty.db');
    writeFileSync(empty, '');
    expect(s.net(['demo', '--db', empty]).code).toBe(0);
    const fresh = join(s.dir, 'new', 'folder', 'demo.db');
    expect(s.net(['demo', '--db', fresh]).code).toBe(0);
    expect(statSync(join(s.dir, 'new', 'folder')).mode & 0o777).toBe(0o700);
    // Nothing is left beside it: the file is built aside, then renamed.
    expect(readdirSync(join(s.dir, 'new', 'folder'))).toEqual(['demo.db']);
  });
});
