// Makes dist/cli/net.cache, V8's code cache for the bundle: runs the everyday
// commands once, in this one process, against a demo network in a temporary
// folder (never the user's data), then saves the compiled code of everything
// they ran. `net` starting with it skips parsing the bundle and compiling
// what those commands run; anything else compiles when first called.
// Run by scripts/bundle.mjs in a process of its own; stdout is not shown.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLine, cacheHeader, compileBundle } from '../bin/load-bundle.cjs';

const bundle = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'net-code-cache-'));
try {
  Object.assign(process.env, { NET_DB: join(dir, 'net.db'), NET_NOW: '2026-03-14T09:00:00', XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir });
  delete process.env.NET_DEBUG;
  // The demo network is written by a process of its own: what only `net demo` runs stays out of the cache.
  const demo = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'bin', 'net'), 'demo', '--db', join(dir, 'net.db')], { stdio: 'ignore' });
  if (demo.status !== 0) throw new Error(`net demo exited ${demo.status} while making the code cache`);
  const { run, script } = compileBundle(bundle, undefined);
  // The everyday commands: each one cached makes every start-up read a little more.
  const commands = [
    ['due'],
    ['list'],
    ['show', 'giulia'],
    ['log', 'giulia', '--via', 'coffee', '-m', 'talked about the talk'],
    ['history', '--since', '2026-03-01'],
    ['review'],
  ];
  for (const args of commands) {
    const code = await run([process.execPath, 'net', ...args]);
    if (code !== 0) throw new Error(`net ${args.join(' ')} exited ${code} while making the code cache`);
  }
  const cache = bundle.replace(/\.cjs$/, '.cache');
  writeFileSync(cache, Buffer.concat([cacheHeader(buildLine(bundle)), script.createCachedData()]));
  // Readable like the rest of dist/ (net sets a private umask for its own files).
  chmodSync(cache, 0o644);
  process.exitCode = 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
