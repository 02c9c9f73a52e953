// The bundle starts with V8's code cache made by the build, and only ever
// with the cache made for it and for this V8: otherwise (another build,
// another Node.js, no cache) it is loaded with Node's own compile cache, and
// net runs all the same. Each everyday command runs from a bundle of its own.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDefaultCommand } from '../../src/cli/program.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli', 'net.cjs');
const LOADER = pathToFileURL(join(ROOT, 'bin', 'load-bundle.cjs')).href;
const { EVERYDAY_COMMANDS, bundleFor, cacheFile } = createRequire(import.meta.url)('../../bin/load-bundle.cjs') as {
  EVERYDAY_COMMANDS: readonly string[];
  bundleFor: (bundle: string, args: readonly string[], env?: NodeJS.ProcessEnv) => string;
  cacheFile: (bundle: string) => string;
};

interface Probe {
  /** Compiled here with the build's code cache (else loaded as a module). */
  codeCache: boolean;
  /** The file loaded. */
  bundle: string;
  rejected: boolean | undefined;
  /** Node's compile cache was turned on. */
  compileCache: boolean;
  code: number;
  stdout: string;
}

/** Loads `bundle` as bin/net does to run `net ARGS` (--version by default), runs it, and says which cache it started with. */
function probe(bundle: string, args: readonly string[] = ['--version']): Probe {
  const script = `
    const { getCompileCacheDir } = await import('node:module');
    const { loadBundle } = await import(${JSON.stringify(LOADER)});
    const { run, script, bundle } = loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(args)});
    const code = await run([process.execPath, 'net', ...${JSON.stringify(args)}]);
    process.stderr.write(JSON.stringify({ codeCache: script !== undefined, rejected: script?.cachedDataRejected, compileCache: getCompileCacheDir() !== undefined, code, bundle }));`;
  // Node's compile cache goes to the temporary folder (NODE_COMPILE_CACHE would turn it on from the start).
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dir };
  delete env.NODE_COMPILE_CACHE;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
  expect(result.status, result.stderr).toBe(0);
  return { ...(JSON.parse(result.stderr) as Omit<Probe, 'stdout'>), stdout: result.stdout };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-code-cache-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the code cache', () => {
  it('is made by the build for the bundle and this V8, and V8 takes it', () => {
    expect(existsSync(cacheFile(BUNDLE))).toBe(true);
    const { stdout, ...how } = probe(BUNDLE);
    expect(how).toEqual({ codeCache: true, rejected: false, compileCache: false, code: 0, bundle: BUNDLE });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('runs each everyday command from its own bundle, smaller than the whole, with its own cache that V8 takes', () => {
    const whole = statSync(BUNDLE).size;
    expect(EVERYDAY_COMMANDS).toEqual(['due', 'list', 'show', 'log', 'history', 'search', 'review']);
    for (const command of EVERYDAY_COMMANDS) {
      const own = bundleFor(BUNDLE, ['--db', 'x.db', command]);
      expect(own, command).toBe(BUNDLE.replace(/\.cjs$/, `.${command}.cjs`));
      expect(statSync(own).size, command).toBeLessThan(whole * 0.6);
      expect(existsSync(cacheFile(own)), command).toBe(true);
    }
    const { stdout, ...how } = probe(BUNDLE, ['due', '--help']);
    expect(how).toEqual({ codeCache: true, rejected: false, compileCache: false, code: 0, bundle: BUNDLE.replace(/\.cjs$/, '.due.cjs') });
    expect(stdout).toMatch(/Usage: net due/);
    // Anything else, an option's value that happens to name a command, and words after `--` run the whole program.
    for (const args of [['--db', 'due', 'add'], ['followup', 'add', 'x', 'y'], ['--', 'due'], []]) expect(bundleFor(BUNDLE, args), args.join(' ')).toBe(BUNDLE);
  });

  it('runs a plain `net` from the bundle of `net due` exactly when the program would run `net due`', () => {
    const db = join(dir, 'net.db');
    writeFileSync(db, '');
    const due = BUNDLE.replace(/\.cjs$/, '.due.cjs');
    const cases: Array<[string[], NodeJS.ProcessEnv]> = [
      [[], { NET_DB: db }],
      [[], { NET_DB: join(dir, 'none.db') }],
      [[], { XDG_DATA_HOME: dir, HOME: '/nowhere' }],
      [[], { HOME: dir }],
      [['--no-color', '-q', '--db', db], {}],
      [['--db=' + db, '--color', 'never'], {}],
      [['--color=always', '--no-pager', '--no-input', '--quiet'], { NET_DB: db }],
      [['--db', join(dir, 'none.db')], { NET_DB: db }],
      [['--help'], { NET_DB: db }],
      [['--version'], { NET_DB: db }],
      [['--', 'due'], { NET_DB: db }],
    ];
    mkdirSync(join(dir, 'net'));
    writeFileSync(join(dir, 'net', 'net.db'), '');
    for (const [args, env] of cases) {
      const program = withDefaultCommand(args, env);
      const runsDue = program.length === args.length + 1 && program.at(-1) === 'due';
      expect(bundleFor(BUNDLE, args, env), `${args.join(' ')} ${JSON.stringify(env)}`).toBe(runsDue ? due : BUNDLE);
    }
    expect(bundleFor(BUNDLE, [], { NET_DB: db })).toBe(due);
  });

  it('of an everyday command carries its subcommands (history edit), and no other command of its group', () => {
    const { stdout, ...how } = probe(BUNDLE, ['history', 'edit', '--help']);
    expect(how).toMatchObject({ codeCache: true, code: 0, bundle: BUNDLE.replace(/\.cjs$/, '.history.cjs') });
    expect(stdout).toMatch(/Usage: net history edit/);
    const show = readFileSync(BUNDLE.replace(/\.cjs$/, '.show.cjs'), 'utf8');
    const whole = readFileSync(BUNDLE, 'utf8');
    // A message only `net add` prints (src/cli/commands/add.ts) is in the whole program, not in show's bundle.
    const addOnly = 'a name, one line';
    expect(whole).toContain(addOnly);
    expect(show).not.toContain(addOnly);
  });

  it('leaves no import() in the bundles: code from the cache could not run it', () => {
    for (const file of [BUNDLE, ...EVERYDAY_COMMANDS.map((command) => bundleFor(BUNDLE, [command]))]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bimport\(/);
    }
  });

  it('of another build is not used: Node\'s compile cache is, and net runs', () => {
    const bundle = join(dir, 'net.cjs');
    const source = readFileSync(BUNDLE, 'utf8');
    // The same code under another build id, next to the cache of the real one.
    writeFileSync(bundle, source.replace(/^\/\/net-build:[^\n]*/, '//net-build:another'));
    copyFileSync(BUNDLE.replace(/\.cjs$/, '.cache'), join(dir, 'net.cache'));
    expect(probe(bundle)).toMatchObject({ codeCache: false, compileCache: true, code: 0 });
  });

  it('made by another Node.js is not given to V8: Node\'s compile cache is used instead', () => {
    const bundle = join(dir, 'net.cjs');
    copyFileSync(BUNDLE, bundle);
    const cache = readFileSync(BUNDLE.replace(/\.cjs$/, '.cache'));
    const header = cache.subarray(0, cache.indexOf(10) + 1).toString('latin1');
    writeFileSync(join(dir, 'net.cache'), Buffer.concat([Buffer.from(header.replace(/ v8:\S+/, ' v8:0.0.0')), cache.subarray(header.length)]));
    expect(probe(bundle)).toMatchObject({ codeCache: false, compileCache: true, code: 0 });
    // Made on that first run, for this Node version.
    expect(existsSync(join(dir, 'node-compile-cache'))).toBe(true);
  });

  it('that is missing or damaged does not stop net', () => {
    const bundle = join(dir, 'net.cjs');
    copyFileSync(BUNDLE, bundle);
    expect(probe(bundle)).toMatchObject({ codeCache: false, compileCache: true, code: 0 });
    // The right header, then bytes V8 refuses.
    const cache = readFileSync(BUNDLE.replace(/\.cjs$/, '.cache'));
    writeFileSync(join(dir, 'net.cache'), Buffer.concat([cache.subarray(0, cache.indexOf(10) + 1), Buffer.from('x'.repeat(4096))]));
    expect(probe(bundle)).toMatchObject({ codeCache: true, rejected: true, code: 0 });
  });
});
