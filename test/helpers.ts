// Running the built `net` binary against a temporary database with a fixed clock.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const BIN = resolve(import.meta.dirname, '..', 'bin', 'net');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Sandbox {
  dir: string;
  db: string;
  env: NodeJS.ProcessEnv;
  /** Runs `net ARGS` with NET_DB and NET_NOW set; no TTY. */
  net(args: readonly string[], options?: { env?: NodeJS.ProcessEnv; input?: string }): RunResult;
  /** Runs `net ARGS --json` and parses stdout. */
  json<T = unknown>(args: readonly string[], options?: { env?: NodeJS.ProcessEnv }): T;
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
  const net = (args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): RunResult => {
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
    json<T>(args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): T {
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
