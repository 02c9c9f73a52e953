// The bundle starts with V8's code cache made by the build, and only ever
// with the cache made for it: a cache from another build is left unused and
// net still runs (compiling as usual).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli', 'net.cjs');
const LOADER = pathToFileURL(join(ROOT, 'bin', 'load-bundle.cjs')).href;

/** Loads `bundle` as bin/net does, runs `net --version`, and says what became of the cache. */
function probe(bundle: string): { cacheGiven: boolean; rejected: boolean | undefined; code: number; stdout: string } {
  const script = `
    const { loadBundle } = await import(${JSON.stringify(LOADER)});
    const { run, script } = loadBundle(${JSON.stringify(bundle)});
    const code = await run([process.execPath, 'net', '--version']);
    process.stderr.write(JSON.stringify({ cacheGiven: script.cachedDataRejected !== undefined, rejected: script.cachedDataRejected, code }));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
  return { ...(JSON.parse(result.stderr) as { cacheGiven: boolean; rejected: boolean | undefined; code: number }), stdout: result.stdout };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-code-cache-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the code cache', () => {
  it('is made by the build for the bundle, and V8 takes it', () => {
    expect(existsSync(BUNDLE.replace(/\.cjs$/, '.cache'))).toBe(true);
    const { cacheGiven, rejected, code, stdout } = probe(BUNDLE);
    expect({ cacheGiven, rejected, code }).toEqual({ cacheGiven: true, rejected: false, code: 0 });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('leaves no import() in the bundle: code from the cache could not run it', () => {
    expect(readFileSync(BUNDLE, 'utf8')).not.toMatch(/\bimport\(/);
  });

  it('of another build is not used: the bundle compiles and runs as usual', () => {
    const bundle = join(dir, 'net.cjs');
    const source = readFileSync(BUNDLE, 'utf8');
    // The same code under another build id, next to the cache of the real one.
    writeFileSync(bundle, source.replace(/^\/\/net-build:[^\n]*/, '//net-build:another'));
    copyFileSync(BUNDLE.replace(/\.cjs$/, '.cache'), join(dir, 'net.cache'));
    expect(probe(bundle)).toMatchObject({ cacheGiven: false, code: 0 });
  });

  it('that is missing or damaged does not stop net', () => {
    const bundle = join(dir, 'net.cjs');
    copyFileSync(BUNDLE, bundle);
    expect(probe(bundle)).toMatchObject({ cacheGiven: false, code: 0 });
    // The right header, then bytes V8 refuses.
    const header = readFileSync(BUNDLE, 'utf8').split('\n')[0];
    writeFileSync(join(dir, 'net.cache'), `${header}\n${'x'.repeat(4096)}`);
    expect(probe(bundle)).toMatchObject({ cacheGiven: true, rejected: true, code: 0 });
  });
});
