// Helpers shared by the reliability tests: running `net` asynchronously (many
// at once), checking a database file directly, and hashing files.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Readable } from 'node:stream';
import { runWith } from '../../src/cli/net.js';
import { BIN, type RunResult, type Sandbox } from '../helpers.js';
import { seededRandom } from '../../src/core/random.js';
export { seededRandom };

/** Starts `net ARGS` without waiting: for running many processes at once. */
export function start(s: Sandbox, args: readonly string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...s.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout, stderr }));
  });
  return { child, done };
}

export function run(s: Sandbox, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return start(s, args, env).done;
}

/** PRAGMA integrity_check of a file, opened read-only ("ok" when sound). */
export function integrity(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Rows from any database file, opened read-only. */
export function queryFile<T = Record<string, unknown>>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function sha1(path: string): string | null {
  return existsSync(path) ? createHash('sha1').update(readFileSync(path)).digest('hex') : null;
}

/** A Node stack frame as printed in a stack trace. */
export const STACK_FRAME = /^\s{4}at /m;


/**
 * A copy of what `bin/net` needs to run (bin/, the bundles and their code caches,
 * better-sqlite3's native addon) in a new folder that every user can read: a
 * test that drops privileges cannot run bin/net from a checkout in a folder
 * other users cannot enter (a `mktemp -d` folder, a 0700 home).
 */
export function portableBin(): { bin: string; cleanup(): void } {
  const root = resolve(import.meta.dirname, '..', '..');
  const dir = mkdtempSync(join(tmpdir(), 'net-bin-'));
  const copy = (from: string, to = from): void => {
    mkdirSync(dirname(join(dir, to)), { recursive: true, mode: 0o755 });
    copyFileSync(join(root, from), join(dir, to));
  };
  // The bundles (the whole program's and each everyday command's) with their code caches.
  const bundles = readdirSync(join(root, 'dist', 'cli')).filter((name) => /\.(cjs|cache)$/.test(name)).map((name) => `dist/cli/${name}`);
  // The libraries some commands load from dist/cli/vendor (scripts/bundle.mjs).
  const vendor = readdirSync(join(root, 'dist', 'cli', 'vendor')).map((name) => `dist/cli/vendor/${name}`);
  for (const file of ['bin/net', 'bin/load-bundle.cjs', 'bin/package.json', ...bundles, ...vendor]) {
    if (existsSync(join(root, file))) copy(file);
  }
  const sqlite = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  // The addon better-sqlite3 loads: one compiled on install, or the prebuilt one it ships.
  const addons = ['build/Release/better_sqlite3.node', `prebuilds/${process.platform}-${process.arch}.node`];
  for (const file of ['package.json', ...addons.filter((addon) => existsSync(join(sqlite, addon))).slice(0, 1)]) {
    mkdirSync(dirname(join(dir, 'node_modules', 'better-sqlite3', file)), { recursive: true, mode: 0o755 });
    copyFileSync(join(sqlite, file), join(dir, 'node_modules', 'better-sqlite3', file));
  }
  // Folders 0755 and files 0644 whatever the umask: readable, and bin/net runnable, by anyone.
  const open = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      chmodSync(child, entry.isDirectory() ? 0o755 : 0o644);
      if (entry.isDirectory()) open(child);
    }
  };
  chmodSync(dir, 0o755);
  open(dir);
  return { bin: join(dir, 'bin', 'net'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs `net ARGS` inside this process, piped (no TTY), with `env` as its
 * environment: no Node start-up, for property tests that run many commands.
 * The same entry as the binary's (runWith), with a captured output.
 */
export async function netInProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    write: (text: string) => void (stdout += text),
    error: (text: string) => void (stderr += text),
    stdin: () => Readable.from([]),
    stdoutIsTTY: false,
    stdinIsTTY: false,
    stderrIsTTY: false,
    columns: 80,
  };
  const code = await runWith(io, env, ['node', 'net', ...args]);
  return { code, stdout, stderr };
}
