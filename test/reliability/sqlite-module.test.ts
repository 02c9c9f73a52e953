// net run by a Node.js its SQLite addon was not built for (a change of Node,
// a module compiled by hand, an install without its files): the message says
// so and how to fix it, for every command and for net doctor, without a stack.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';
import { portableBin, STACK_FRAME } from './support.js';

let s: Sandbox;
let runtime: ReturnType<typeof portableBin>;
let addon: string;
beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi']));
  runtime = portableBin();
  const module = join(runtime.bin, '..', '..', 'node_modules', 'better-sqlite3');
  const [folder] = ['build/Release', 'prebuilds'].filter((f) => readdirSync(module, { recursive: true }).some((e) => String(e).startsWith(f)));
  addon = join(module, folder, readdirSync(join(module, folder)).find((f) => f.endsWith('.node')) ?? '');
});
afterAll(() => {
  runtime.cleanup();
  s.cleanup();
});

function net(args: readonly string[]) {
  const result = spawnSync(process.execPath, [runtime.bin, ...args], { env: s.env, encoding: 'utf8', input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a SQLite module that cannot be loaded', () => {
  it('built for another Node.js: the command says so, and how to fix it (exit 1)', () => {
    // Bytes that no dlopen takes, as a module of another Node.js or platform is refused.
    writeFileSync(addon, 'not a shared library');
    for (const args of [['due'], ['add', 'Anna Meyer'], ['list', '--json']]) {
      const result = net(args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(
        `net: net's SQLite module (better-sqlite3) was built for another Node.js and cannot be loaded by this one (${process.version}): ${addon}\n` +
          `  reinstall its dependencies with the Node.js you run it with: cd ${join(runtime.bin, '..', '..')} && npm ci\n`,
      );
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it('net doctor says the same', () => {
    writeFileSync(addon, 'not a shared library');
    const result = net(['doctor']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}sqlite module {2}net's SQLite module \(better-sqlite3\) was built for another Node\.js/);
    expect(result.stdout).toMatch(/→ reinstall its dependencies with the Node\.js you run it with: cd .* && npm ci/);
    expect(result.stderr).toMatch(/^net: 1 problem\(s\) found: sqlite module\n/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('missing: said as such', () => {
    rmSync(addon);
    const result = net(['due']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^net: net's SQLite module \(better-sqlite3\) is missing, so net cannot open its database: .*\.node\n {2}reinstall/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(net(['doctor']).stdout).toMatch(/^FAIL {2}sqlite module {2}net's SQLite module \(better-sqlite3\) is missing/);
  });
});

/** A Node.js older than net supports, when the machine has one (the system's, beside the one testing). */
const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node'].find((node) => {
  const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim();
  return version !== undefined && /^\d+\./.test(version) && Number(version.split('.')[0]) < 22;
});

describe.skipIf(OLD_NODE === undefined)('an older Node.js', () => {
  it('is refused with a message, before better-sqlite3 can crash it', () => {
    const result = spawnSync(OLD_NODE ?? 'node', [BIN, 'due'], { env: s.env, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^net: needs Node\.js 22\.12 or newer; this is Node\.js v\d+\.\d+\.\d+ \(.*\)\n {2}install a newer Node\.js/);
  });
});

