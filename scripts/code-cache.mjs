// Makes V8's code caches for the bundles: dist/cli/net.cache for the whole
// program after running the everyday commands once, and net.COMMAND.cache
// for each everyday command's own bundle (net.COMMAND.cjs) after running
// it. Each is made in a process of its own, against
// a demo network in a temporary folder (never the user's data), then saves
// the compiled code of everything the commands ran. `net` starting with one
// skips parsing the bundle and compiling what those commands run; anything
// else compiles when first called.
//   node scripts/code-cache.mjs BUNDLE
// Run by scripts/bundle.mjs in a process of its own; stdout is not shown.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVERYDAY_COMMANDS, buildLine, cacheFile, cacheHeader, compileBundle } from '../bin/load-bundle.cjs';

/**
 * The moment the demo network is made at and the commands run at: the demo's
 * history leads up to the day it is made, so a later clock in the runs (as
 * the day's date would be) finds nothing due and no week to review, and the
 * cache would hold none of the code that lists a day's items.
 */
const CACHE_NOW = '2026-03-14T09:00:00';

/** The arguments each command is cached with. */
const COMMANDS = {
  due: ['due'],
  list: ['list'],
  show: ['show', 'giulia'],
  log: ['log', 'giulia', '--via', 'coffee', '-m', 'talked about the talk'],
  history: ['history', '--since', '2026-03-01'],
  review: ['review'],
  search: ['search', 'talk'],
};

/** In this process: runs the command `name` (or all of them) in its freshly compiled bundle (`whole`, or name's own), then writes the cache. */
async function makeOne(whole, dir, name) {
  Object.assign(process.env, { NET_DB: join(dir, 'net.db'), NET_NOW: CACHE_NOW, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir });
  delete process.env.NET_DEBUG;
  const runs = name === 'all' ? Object.values(COMMANDS) : [COMMANDS[name]];
  const bundle = name === 'all' ? whole : `${whole.slice(0, -'.cjs'.length)}.${name}.cjs`;
  const { run, script } = compileBundle(bundle, undefined);
  for (const args of runs) {
    const code = await run([process.execPath, 'net', ...args]);
    if (code !== 0) throw new Error(`net ${args.join(' ')} exited ${code} while making the code cache`);
  }
  const cache = cacheFile(bundle);
  writeFileSync(cache, Buffer.concat([cacheHeader(buildLine(bundle)), script.createCachedData()]));
  // Readable like the rest of dist/ (net sets a private umask for its own files).
  chmodSync(cache, 0o644);
}

if (process.argv[2] === '--one') {
  await makeOne(process.argv[3], process.argv[4], process.argv[5]);
} else {
  const bundle = process.argv[2];
  const dir = mkdtempSync(join(tmpdir(), 'net-code-cache-'));
  try {
    // The demo network is written by a process of its own: what only `net demo` runs stays out of the caches.
    const net = join(import.meta.dirname, '..', 'bin', 'net');
    const env = { ...process.env, NET_NOW: CACHE_NOW, NET_DB: join(dir, 'net.db'), XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
    const demo = spawnSync(process.execPath, [net, 'demo', '--db', env.NET_DB], { stdio: 'ignore', env });
    if (demo.status !== 0) throw new Error(`net demo exited ${demo.status} while making the code cache`);
    // The runs must do a day's whole work: items due, not "Nothing due today".
    const due = spawnSync(process.execPath, [net, ...COMMANDS.due], { encoding: 'utf8', env });
    if (due.status !== 0 || !due.stdout.includes('\t')) throw new Error(`net due listed no items for the code cache (exit ${due.status})\n${due.stdout}${due.stderr}`);
    for (const name of ['all', ...EVERYDAY_COMMANDS]) {
      if (name !== 'all' && !COMMANDS[name]) throw new Error(`no arguments to cache ${name} with`);
      const one = spawnSync(process.execPath, [import.meta.filename, '--one', bundle, dir, name], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (one.status !== 0) throw new Error(`the code cache for ${name} failed (exit ${one.status})\n${one.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
