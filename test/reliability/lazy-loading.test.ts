// Start-up: each command loads only the libraries it uses. `net due`, run
// every morning, loads no prompt library, no date parser, no CSV code. The
// modules a process loads are recorded by a preloaded hook, on the tsc build
// (dist/src: one file per module, so every import shows). The bundle
// (dist/cli/net.cjs) keeps the same imports lazy inside one file, and loads
// only better-sqlite3's addon from node_modules: that shows too.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';
import { rawWrite } from '../raw-writes.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const HOOK = pathToFileURL(resolve(import.meta.dirname, 'module-log.mjs')).href;
const TSC_BUILD = join(ROOT, 'dist', 'src', 'main.js');

/** The package a node_modules path belongs to: `chrono-node`, `@inquirer/prompts`. */
function packageOf(path: string): string | null {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1] : null;
}

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--email', 'giulia@example.com']));
  ok(s.net(['log', 'giulia', '--via', 'coffee', '-m', 'a note']));
});
afterAll(() => s.cleanup());

/** The packages `net ARGS` loads from node_modules, run from `entry` (the tsc build, or bin/net with the bundle). */
function packagesLoaded(args: readonly string[], entry = TSC_BUILD): Set<string> {
  const log = join(s.dir, 'modules.log');
  rmSync(log, { force: true });
  const result = spawnSync(process.execPath, ['--import', HOOK, entry, ...args], {
    env: { ...s.env, NET_MODULE_LOG: log },
    encoding: 'utf8',
    input: '',
  });
  expect(result.status, result.stderr).toBe(0);
  const packages = new Set<string>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (line.startsWith('require:')) {
      const request = line.slice('require:'.length);
      // A file by its path: the bundle loads better-sqlite3's native addon so.
      if (isAbsolute(request)) {
        const owner = packageOf(request);
        if (owner) packages.add(owner);
      } else if (/^[@a-z]/.test(request) && !request.startsWith('node:')) packages.add(packageOf(`node_modules/${request}`) ?? request);
      continue;
    }
    if (!line.startsWith('file:')) continue;
    // net's own sync code counts as a package of its own: only `net sync` may load it.
    if (/[\\/]dist[\\/]src[\\/]sync[\\/]/.test(fileURLToPath(line))) packages.add('net:sync');
    const direct = packageOf(fileURLToPath(line));
    if (direct) packages.add(direct);
  }
  return packages;
}

/** net's own modules (of the tsc build) that `net ARGS` loads, as paths under dist/src. */
function ownModulesLoaded(args: readonly string[]): string[] {
  const log = join(s.dir, 'modules.log');
  packagesLoaded(args);
  const src = join(ROOT, 'dist', 'src');
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('file:'))
    .map((line) => fileURLToPath(line))
    .filter((path) => path.startsWith(src))
    .map((path) => path.slice(src.length + 1));
}

const SYNC = ['net:sync', '@scure/bip39', '@noble/hashes'];
const HEAVY = ['@inquirer/core', 'chrono-node', 'csv-parse', 'csv-stringify', 'ical.js', 'cli-table3'];

describe('lazy loading', () => {
  it('the bundle loads nothing from node_modules but better-sqlite3 (its addon), calendars included', () => {
    const fromNodeModules = (args: string[]) => [...packagesLoaded(args, BIN)].filter((name) => !isBuiltin(name));
    expect(fromNodeModules(['due'])).toEqual(['better-sqlite3']);
    expect(fromNodeModules(['export', 'due', '--ics'])).toEqual(['better-sqlite3']);
  });

  it('the everyday commands of the bundle, a log making a new uid among them, load no node:crypto (some 10 ms)', () => {
    const builtins = (args: string[]) => {
      const log = join(s.dir, 'modules.log');
      packagesLoaded(args, BIN);
      return readFileSync(log, 'utf8').split('\n').filter((line) => /^require:(node:)?crypto$/.test(line));
    };
    for (const args of [['due'], ['list'], ['show', 'giulia'], ['history', '--since', '2026-03-01'], ['log', 'giulia', '-m', 'no crypto']]) {
      expect(builtins(args), args.join(' ')).toEqual([]);
    }
    // The check can fail: a command that does load it is seen.
    expect(builtins(['sync', 'status']).length).toBeGreaterThan(0);
  });

  it('`net list` and exports limit the young generation (node:v8, some 3.5 ms to load) only for 5,000 people, 1,024 records, or more', () => {
    const v8Loaded = (args: string[]) => {
      packagesLoaded(args, BIN);
      return readFileSync(join(s.dir, 'modules.log'), 'utf8').split('\n').some((line) => /^require:(node:)?v8$/.test(line));
    };
    expect(v8Loaded(['list'])).toBe(false);
    expect(v8Loaded(['export', 'contacts'])).toBe(false);
    const sqlite = new Database(s.db);
    rawWrite(
      sqlite,
      `with recursive n(k) as (select 1 union all select k + 1 from n where k < 5000)
       insert into contacts (uid, name, name_key, created_at, updated_at)
       select 'many-' || k, 'Person ' || k, 'person ' || k, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from n`,
    );
    sqlite.close();
    expect(v8Loaded(['list'])).toBe(true);
    // To a file: spawnSync keeps at most 1 MB of a child's output.
    expect(v8Loaded(['export', 'contacts', '--jsonl', '--out', join(s.dir, 'everyone.jsonl')])).toBe(true);
    const again = new Database(s.db);
    rawWrite(again, "delete from contacts where uid like 'many-%'");
    again.close();
  });

  it('can see what a command loads (chrono-node for a date in words, csv-stringify for an export)', () => {
    expect(packagesLoaded(['history', '--since', 'last month'])).toContain('chrono-node');
    expect(packagesLoaded(['export', 'contacts'])).toContain('csv-stringify');
  });

  it('the words people type most, and a log at the default date, need no chrono-node', () => {
    for (const args of [['history', '--since', 'last monday'], ['history', '--since', 'ieri'], ['log', 'giulia', '-m', 'today, no parser']]) {
      expect(packagesLoaded(args), args.join(' ')).not.toContain('chrono-node');
    }
  });

  it('show and search, which check only a count, load no zod; a command that checks text does', () => {
    for (const args of [['show', 'giulia', '--limit', '5'], ['search', 'note', '--limit', '3']]) expect(packagesLoaded(args), args[0]).not.toContain('zod');
    expect(packagesLoaded(['history', '--via', 'coffee'])).toContain('zod');
  });

  it('show and review load chalk only for colours', () => {
    for (const args of [['show', 'giulia'], ['review']]) expect(packagesLoaded(args), args[0]).not.toContain('chalk');
    expect(packagesLoaded(['show', 'giulia', '--color', 'always'])).toContain('chalk');
  });

  it('`net --help` loads the command tree only: no database, no validation, no heavy library', () => {
    const loaded = packagesLoaded(['--help']);
    expect(loaded).toContain('commander');
    for (const name of ['better-sqlite3', 'kysely', 'zod', 'chalk', ...HEAVY]) expect(loaded, name).not.toContain(name);
  });

  it('`net due` loads no prompts, no date parser, no CSV, no calendar, no table when piped, no zod, no string-width, no sync', () => {
    const loaded = packagesLoaded(['due']);
    expect(loaded).toContain('better-sqlite3');
    for (const name of [...HEAVY, ...SYNC, 'zod', 'fastest-levenshtein', 'string-width']) expect(loaded, name).not.toContain(name);
  });

  it('only `net sync` loads the sync code and its recovery-phrase library', () => {
    const loaded = packagesLoaded(['sync', 'status']);
    expect(loaded).toContain('net:sync');
    expect(loaded).toContain('@scure/bip39');
    for (const args of [['log', 'giulia', '-m', 'after the sync check'], ['show', 'giulia'], ['doctor']]) {
      const other = packagesLoaded(args);
      for (const name of SYNC) expect(other, `${args[0]}: ${name}`).not.toContain(name);
    }
  });

  it('`net due` loads none of the brief; `net brief` does', () => {
    // The command's declaration (cli/register/brief.js) is part of the command tree, as every group's is.
    const brief = (modules: string[]) => modules.filter((m) => /brief/.test(m) && !m.startsWith('cli/register/'));
    expect(brief(ownModulesLoaded(['due']))).toEqual([]);
    expect(brief(ownModulesLoaded(['brief', 'giulia']))).toEqual(
      expect.arrayContaining(['cli/commands/brief.js', 'app/brief.js', 'core/brief.js', 'db/brief-data.js', 'cli/brief-render.js']),
    );
  });

  it.each([
    [['show', 'giulia'], ['chrono-node', '@inquirer/core', 'csv-parse', 'csv-stringify', 'ical.js', 'cli-table3']],
    [['list'], ['chrono-node', '@inquirer/core', 'csv-parse', 'csv-stringify', 'ical.js', 'cli-table3']],
    [['review'], ['@inquirer/core', 'chrono-node', 'csv-parse', 'csv-stringify', 'ical.js']],
    [['export', 'contacts'], ['@inquirer/core', 'chrono-node', 'csv-parse', 'ical.js', 'cli-table3']],
    [['doctor'], HEAVY],
    [['backup', 'copy.db'], HEAVY],
  ])('net %j loads none of %j', (args, absent) => {
    const loaded = packagesLoaded(args.map((a) => (a === 'copy.db' ? join(s.dir, a) : a)));
    for (const name of absent) expect(loaded, name).not.toContain(name);
  });
});
