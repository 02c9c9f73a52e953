// Output that is not a terminal goes straight to its file descriptor, so the
// check must never mistake /dev/null (a character device, like a terminal)
// or a file for one; and net's output through it arrives whole and in order.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/cli/process-io.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-process-io-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('isTerminal', () => {
  it('is false for /dev/null, a file and a closed descriptor', () => {
    for (const path of ['/dev/null', join(dir, 'out.txt')]) {
      const fd = openSync(path, 'w');
      try {
        expect(isTerminal(fd), path).toBe(false);
      } finally {
        closeSync(fd);
      }
    }
    expect(isTerminal(9999)).toBe(false);
  });
});

describe('the process output', () => {
  it('writes the same whole output to a file and to a pipe, and ends quietly when the reader goes away', () => {
    const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'net');
    const env = { ...process.env, NET_DB: join(dir, 'net.db'), NET_NOW: '2026-03-14' };
    expect(spawnSync(process.execPath, [bin, 'demo', '--db', join(dir, 'net.db')], { env }).status).toBe(0);
    const out = openSync(join(dir, 'list.txt'), 'w');
    const toFile = spawnSync(process.execPath, [bin, 'list'], { env, stdio: ['ignore', out, 'pipe'] });
    closeSync(out);
    const piped = spawnSync(process.execPath, [bin, 'list'], { env, encoding: 'utf8' });
    expect(toFile.status).toBe(0);
    expect(piped.status).toBe(0);
    expect(readFileSync(join(dir, 'list.txt'), 'utf8')).toBe(piped.stdout);
    expect(piped.stdout.split('\n').length).toBeGreaterThan(10);
    // `net list | true`: the reader is gone before net writes (EPIPE); net exits 0 without a word.
    const gone = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" list | true`], { env, encoding: 'utf8' });
    expect(gone.status).toBe(0);
    expect(gone.stderr).toBe('');
  });

  it('writes the whole output to a pipe that is non-blocking and full, and ends once it has taken it', async () => {
    // Node makes a child's standard output blocking; perl (part of every Debian) makes it non-blocking again
    // before it runs net. net's writes then meet EAGAIN once the pipe's 64 KB are full, and the rest goes through a stream.
    const bin = resolve(import.meta.dirname, '..', '..', 'bin', 'net');
    const env = { ...process.env, NET_DB: join(dir, 'net.db'), NET_NOW: '2026-03-14' };
    expect(spawnSync(process.execPath, [bin, 'demo', '--db', join(dir, 'net.db')], { env }).status).toBe(0);
    const whole = spawnSync(process.execPath, [bin, 'export', 'interactions', '--json'], { env, encoding: 'utf8' }).stdout;
    expect(whole.length).toBeGreaterThan(200_000);
    const nonBlocking = 'use Fcntl; fcntl(STDOUT, F_SETFL, fcntl(STDOUT, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV or die';
    const child = spawn('perl', ['-e', nonBlocking, process.execPath, bin, 'export', 'interactions', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    const chunks: Buffer[] = [];
    child.stdout.pause();
    // Nothing is read for a while: the pipe fills, and net must wait for it to be read.
    await new Promise((done) => setTimeout(done, 300));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const closed = new Promise((done) => child.stdout.on('close', done));
    expect(await exited).toBe(0);
    await closed;
    expect(Buffer.concat(chunks).toString('utf8')).toBe(whole);
  });
});
