// list, show, history, edit, archive, rm, contact references, and the database file itself.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatInterval } from '../../src/core/intervals.js';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Niccolò Bianchi', '--company', 'Satispay', '--circle', 'close', '--tag', 'fintech']));
  ok(s.net(['add', 'Giulia Rossi', '--company', 'Prima', '--interest', 'AI']));
  ok(s.net(['add', 'Giulia Romano', '--company', 'Satispay']));
});
afterEach(() => s.cleanup());

describe('contact references', () => {
  it('finds a person by id, #id, exact name, prefix or near match, ignoring case and accents', () => {
    for (const ref of ['1', '#1', 'Niccolò Bianchi', 'niccolo', 'NICOLO', 'bianchi', 'nicolo bianchi']) {
      expect(s.json<{ id: number }>(['show', ref]).id, ref).toBe(1);
    }
  });

  it('lists the candidates with ids when a name is ambiguous (exit 1)', () => {
    const result = s.net(['show', 'giulia']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'net: "giulia" matches several people:\n  #3 Giulia Romano (Satispay; never in touch)\n  #2 Giulia Rossi (Prima; never in touch)\n  use the id (e.g. `#3`) or more of the name\n',
    );
  });

  it('folds ø, æ, œ, ß, đ and þ like accents, and a first name one person has wins', () => {
    ok(s.net(['add', 'Søren Kierkegaard']));
    ok(s.net(['add', 'Anna Straße']));
    ok(s.net(['add', 'Luca Moretti']));
    ok(s.net(['add', 'Simone De Luca']));
    expect(s.json<{ name: string }>(['show', 'soren']).name).toBe('Søren Kierkegaard');
    expect(s.json<{ name: string }>(['show', 'strasse']).name).toBe('Anna Straße');
    expect(s.json<{ name: string }>(['show', 'luca']).name).toBe('Luca Moretti');
    expect(ok(s.net(['log', 'luca', '--via', 'call']))).toBe('Logged call with Luca Moretti on 2026-03-14.\n');
    // A name key is the same however it is typed: the duplicate check sees Straße in STRASSE.
    expect(s.net(['add', 'ANNA STRASSE']).code).toBe(1);
  });

  it('suggests the closest names when nobody matches (exit 1)', () => {
    const result = s.net(['show', 'Giovanna Rossini']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('net: no contact matches "Giovanna Rossini"');
    expect(result.stderr).toContain('did you mean "Giulia Rossi" (#2)');
    expect(s.net(['show', '#99']).code).toBe(1);
  });
});

describe('net list', () => {
  it('filters by circle, tag, company and search, and sorts', () => {
    const names = (args: string[]) => s.json<Array<{ name: string }>>(['list', ...args]).map((c) => c.name);
    expect(names([])).toEqual(['Giulia Romano', 'Giulia Rossi', 'Niccolò Bianchi']);
    expect(names(['--circle', 'close'])).toEqual(['Niccolò Bianchi']);
    expect(names(['--tag', 'FINTECH'])).toEqual(['Niccolò Bianchi']);
    expect(names(['--company', 'satispay'])).toEqual(['Giulia Romano', 'Niccolò Bianchi']);
    expect(names(['--search', 'ai'])).toEqual(['Giulia Rossi']);
    expect(names(['--search', 'niccolo'])).toEqual(['Niccolò Bianchi']);
    expect(names(['--sort', 'added'])).toEqual(['Niccolò Bianchi', 'Giulia Rossi', 'Giulia Romano']);
    ok(s.net(['log', 'giulia rossi', '--date', '2026-03-01']));
    ok(s.net(['log', 'nicolo', '--date', '2026-03-10']));
    expect(names(['--sort', 'last'])).toEqual(['Giulia Romano', 'Giulia Rossi', 'Niccolò Bianchi']);
    expect(s.net(['list', '--sort', 'age']).code).toBe(2);
    expect(s.net(['list', '--circle', 'family']).code).toBe(2);
  });

  it('prints the same rows as CSV, with arrays joined by "; "', () => {
    ok(s.net(['edit', 'nicolo', '--tag', 'milan', '--email', 'nb@example.com', '--email', 'n@example.org']));
    const csv = ok(s.net(['list', '--csv', '--circle', 'close']));
    const [header, row] = csv.trimEnd().split('\n');
    expect(header).toBe(
      'id,name,company,role,emails,phone,linkedin,location,circle,cadence_days,channel,tags,interests,how_met,met_on,last_contact,archived,notes,phones,phone_labels,email_labels,nicknames,name_prefix,name_suffix',
    );
    expect(row).toBe('1,Niccolò Bianchi,Satispay,,nb@example.com; n@example.org,,,,close,30,,fintech; milan,,,,,false,,,,"; ",,,');
    expect(s.net(['list', '--csv', '--json']).code).toBe(2);
  });

  it('protects formulas in CSV unless --raw', () => {
    ok(s.net(['add', '=HYPERLINK("http://x")', '--force']));
    expect(ok(s.net(['list', '--csv']))).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(ok(s.net(['list', '--csv', '--raw']))).toContain(`"=HYPERLINK(""http://x"")"`);
  });

  it('prints tab-separated text without colour when piped', () => {
    const out = ok(s.net(['list']));
    expect(out.split('\n')[0]).toBe('3\tGiulia Romano\tnetwork\tSatispay\tnever\t120 days');
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('prints, piped, the rows of --json in the same order, for every sort and filter (its own query: the records are its oracle)', () => {
    ok(s.net(['add', 'Åsa Öberg', '--circle', 'active', '--company', 'Öl & Co']));
    ok(s.net(['edit', 'giulia rossi', '--every', '10 days']));
    ok(s.net(['log', 'giulia rossi', '--date', '2026-03-01']));
    ok(s.net(['add', 'Zed Archived']));
    ok(s.net(['archive', 'zed']));
    for (const args of [[], ['--sort', 'last'], ['--sort', 'added'], ['--circle', 'close'], ['--company', 'satispay'], ['--archived'], ['--search', 'giulia']]) {
      const records = s.json<Array<{ id: number; name: string; circle: string; company: string | null; last_contact: string | null; cadence_days: number | null }>>(['list', ...args]);
      const plain = ok(s.net(['list', ...args]));
      const rows = plain === '' ? [] : plain.trimEnd().split('\n').map((line) => line.split('\t'));
      expect(rows.map((r) => [Number(r[0]), r[1], r[2], r[3], r[4].slice(0, 10), r[5]]), args.join(' ')).toEqual(
        records.map((c) => [c.id, c.name, c.circle, c.company ?? '', c.last_contact ?? 'never', c.cadence_days === null ? '-' : formatInterval(c.cadence_days)]),
      );
    }
  });

  it('says what to do on an empty network', () => {
    const empty = sandbox();
    try {
      const result = empty.net(['list']);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('net add');
      expect(existsSync(empty.db)).toBe(false);
      expect(JSON.parse(ok(empty.net(['list', '--json'])))).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });
});

describe('net show and history', () => {
  it('shows the profile, favours, follow-ups and timeline', () => {
    ok(s.net(['log', 'nicolo', '--via', 'coffee', '--date', '2026-03-01', '-m', 'first coffee', '--got', 'advice']));
    ok(s.net(['log', 'nicolo', 'giulia rossi', '--via', 'meeting', '--date', '2026-03-10', '--gave', 'nicolo: intro', '--follow-up', 'nicolo: send slides', '--by', '2026-03-12']));
    const out = ok(s.net(['show', 'nicolo']));
    expect(out).toContain('Niccolò Bianchi #1 — Satispay');
    expect(out).toContain('close, every 30 days');
    expect(out).toContain('2026-03-10 (4 days ago)');
    expect(out).toContain('1 given, 1 received');
    expect(out).toContain('send slides — by 2026-03-12 (2 days late)');
    expect(out.indexOf('2026-03-10 ↔ meeting')).toBeLessThan(out.indexOf('2026-03-01 ↔ coffee'));
    expect(out).toContain('with Giulia Rossi');
    const json = s.json<{ interactions: unknown[]; favours_given: number; favours_received: number; followups: Array<{ text: string }> }>(['show', 'nicolo']);
    expect(json.interactions).toHaveLength(2);
    expect([json.favours_given, json.favours_received]).toEqual([1, 1]);
    expect(json.followups.map((f) => f.text)).toEqual(['send slides']);
    expect(s.json<{ interactions: unknown[] }>(['show', 'nicolo', '--limit', '1']).interactions).toHaveLength(1);
  });

  it('filters the history by person, dates and channel', () => {
    ok(s.net(['log', 'nicolo', '--via', 'coffee', '--date', '2026-02-01']));
    ok(s.net(['log', 'giulia rossi', '--via', 'email', '--date', '2026-03-01']));
    ok(s.net(['log', 'nicolo', '--via', 'email', '--date', '2026-03-05']));
    const dates = (args: string[]) => s.json<Array<{ date: string }>>(['history', ...args]).map((e) => e.date);
    expect(dates([])).toEqual(['2026-03-05', '2026-03-01', '2026-02-01']);
    expect(dates(['nicolo'])).toEqual(['2026-03-05', '2026-02-01']);
    expect(dates(['--since', '2026-03-01'])).toEqual(['2026-03-05', '2026-03-01']);
    expect(dates(['--until', '2026-02-28'])).toEqual(['2026-02-01']);
    expect(dates(['--via', 'email', '--since', '3 settimane fa'])).toEqual(['2026-03-05', '2026-03-01']);
    const csv = ok(s.net(['history', '--csv']));
    expect(csv.split('\n')[0]).toBe('id,occurred_at,date,via,direction,contacts,contact_ids,note,gave,got');
  });
});

describe('edit, archive, rm', () => {
  it('edits fields, renames, removes tags and interests', () => {
    ok(s.net(['edit', 'giulia rossi', '--rename', 'Giulia Rossi-Verdi', '--circle', 'inner', '--every', '10 days', '--no-interest', 'AI', '--interest', 'ML', '--role', 'CTO']));
    const c = s.json<Record<string, unknown>>(['show', 'rossi-verdi']);
    expect(c).toMatchObject({ name: 'Giulia Rossi-Verdi', circle: 'inner', cadence_days: 10, interests: ['ML'], role: 'CTO' });
    // An empty rhythm, like any empty value, clears the person's own: the circle's applies again.
    ok(s.net(['edit', 'rossi-verdi', '--every', '']));
    expect(s.json<Record<string, unknown>>(['show', 'rossi-verdi'])).toMatchObject({ cadence_override: null, cadence_days: 14 });
    ok(s.net(['edit', 'nicolo', '--untag', 'fintech', '--company', '']));
    expect(s.json<Record<string, unknown>>(['show', 'nicolo'])).toMatchObject({ tags: [], company: null });
    expect(s.net(['edit', 'nicolo']).code).toBe(2);
    const clash = s.net(['edit', 'nicolo', '--rename', 'Giulia Romano']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('already the name of #3');
  });

  it('archives and brings back', () => {
    expect(ok(s.net(['archive', 'nicolo']))).toContain('Archived Niccolò Bianchi (#1)');
    expect(s.json<Array<{ id: number }>>(['list']).map((c) => c.id)).not.toContain(1);
    expect(s.json<Array<{ id: number; archived: boolean }>>(['list', '--archived'])).toMatchObject([{ id: 1, archived: true }]);
    expect(ok(s.net(['unarchive', '1']))).toContain('back in your network');
    expect(s.json<Array<{ id: number }>>(['list']).map((c) => c.id)).toContain(1);
  });

  it('deletes a person and the interactions they were alone in, only with --yes when piped', () => {
    ok(s.net(['log', 'nicolo', '--date', '2026-03-01']));
    ok(s.net(['log', 'nicolo', 'giulia rossi', '--date', '2026-03-02']));
    const refused = s.net(['rm', 'nicolo']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('needs --yes');
    expect(ok(s.net(['rm', 'nicolo', '--yes']))).toBe('Deleted Niccolò Bianchi (#1) and 1 interaction(s) that had no one else. `net undo` brings them back.\n');
    // Tombstones: gone from every listing, kept for undo.
    expect(s.query('select count(*) as n from interactions where deleted_at is null')).toEqual([{ n: 1 }]);
    expect(s.json<Array<{ contacts: string[] }>>(['history']).map((h) => h.contacts)).toEqual([['Giulia Rossi']]);
    expect(s.json<Array<{ name: string }>>(['list']).map((c) => c.name)).not.toContain('Niccolò Bianchi');
    ok(s.net(['undo', '--yes']));
    expect(s.json<Array<{ contacts: string[] }>>(['history']).map((h) => h.contacts)).toEqual([['Giulia Rossi', 'Niccolò Bianchi'], ['Niccolò Bianchi']]);
  });
});

describe('the database file', () => {
  it('is created 0600 in a 0700 folder, in WAL mode, marked as net’s', () => {
    expect(statSync(s.db).mode & 0o777).toBe(0o600);
    expect(statSync(join(s.dir, 'data')).mode & 0o777).toBe(0o700);
    const db = new Database(s.db, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(0x4e455431);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('follows --db, then NET_DB, then XDG_DATA_HOME', () => {
    const other = join(s.dir, 'other.db');
    ok(s.net(['--db', other, 'add', 'Only Here']));
    expect(s.json<unknown[]>(['--db', other, 'list'])).toHaveLength(1);
    const xdg = join(s.dir, 'xdg');
    ok(s.net(['add', 'Xdg Person'], { env: { NET_DB: '', XDG_DATA_HOME: xdg } }));
    expect(existsSync(join(xdg, 'net', 'net.db'))).toBe(true);
  });

  it('refuses a database with a newer schema and leaves it byte-identical', () => {
    const db = new Database(s.db);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 999');
    db.close();
    const before = readFileSync(s.db);
    const result = s.net(['list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^net: .* has schema version 999, newer than this net understands/);
    expect(readFileSync(s.db).equals(before)).toBe(true);
    expect(existsSync(`${s.db}-wal`)).toBe(false);
  });

  it('refuses a SQLite file that is not net’s', () => {
    const foreign = join(s.dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('create table t (x)');
    db.close();
    const result = s.net(['--db', foreign, 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a SQLite database that net did not create');
  });

  it('reports a file that is not a database at all', () => {
    const junk = join(s.dir, 'junk.db');
    writeFileSync(junk, 'not a database, just text '.repeat(100));
    const result = s.net(['--db', junk, 'list']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^net: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
