// Running net against a temporary database with a fixed clock: in process
// (the built bundle in a worker, see in-process-worker.cjs) for the
// behaviour of commands, or as the built binary for what only a process
// shows (the reliability suite: crashes, concurrency, file modes, start-up).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { runInWorker } from './in-process.js';

export const BIN = resolve(import.meta.dirname, '..', 'bin', 'net');

/** Runs `net ARGS` in this process's worker; the same result as the binary gives. */
export function runInProcess(args: readonly string[], env: NodeJS.ProcessEnv, input = '', terminal = false): RunResult {
  return runInWorker({ args, env, input, terminal });
}

/** The reliability suite runs the binary itself; every other test runs commands in process. */
function spawnsByDefault(): boolean {
  return /[\\/]reliability[\\/]/.test(expect.getState().testPath ?? '');
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface NetOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** Run the built binary in its own process (the default in the reliability suite). */
  spawn?: boolean;
  /** In process only: stdout and stderr taken for a terminal (colours, tables). */
  terminal?: boolean;
}

export interface Sandbox {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** Runs `net ARGS` with NET_DB and NET_NOW set; no TTY unless `terminal`. */
  net(args: readonly string[], options?: NetOptions): RunResult;
  /** Runs `net ARGS --json` and parses stdout. */
  json<T = unknown>(args: readonly string[], options?: NetOptions): T;
  /** A read-only handle on the database, for checking what was written. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  cleanup(): void;
}

export const DEFAULT_NOW = '2026-03-14';

export function sandbox(now: string = DEFAULT_NOW): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'net-test-'));
  const db = join(dir, 'data', 'net.db');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    TZ: 'Europe/Rome',
    NET_DB: db,
    NET_NOW: now,
    LANG: 'C.UTF-8',
  };
  const spawns = spawnsByDefault();
  const net = (args: readonly string[], options: NetOptions = {}): RunResult => {
    if (!(options.spawn ?? spawns)) return runInProcess(args, { ...env, ...options.env }, options.input ?? '', options.terminal ?? false);
    const spawnOptions: SpawnSyncOptions = {
      env: { ...env, ...options.env },
      input: options.input ?? '',
      encoding: 'utf8',
      timeout: 60_000,
    };
    const result = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
    return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
  };
  return {
    dir,
    db,
    env,
    net,
    json<T>(args: readonly string[], options: NetOptions = {}): T {
      const result = net([...args, '--json'], options);
      if (result.code !== 0) throw new Error(`net ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
    query<T>(sql: string, ...params: unknown[]): T[] {
      const handle = new Database(db, { readonly: true, fileMustExist: true });
      try {
        return handle.prepare(sql).all(...params) as T[];
      } finally {
        handle.close();
      }
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asserts a command worked and returns its stdout. */
export function ok(result: RunResult): string {
  if (result.code !== 0) throw new Error(`expected exit 0, got ${result.code}\nstderr: ${result.stderr}\nstdout: ${result.stdout}`);
  return result.stdout;
}
