// Helpers shared by the reliability tests: running `net` asynchronously (many
// at once), checking a database file directly, and hashing files.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CommanderError } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { NetError, showControls } from '../../src/core/errors.js';
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
 * Runs `net ARGS` inside this process, piped (no TTY), with `env` as its
 * environment: no Node start-up, for property tests that run many commands.
 * Errors become an exit code and a message as src/cli/run.ts makes them.
 */
export async function netInProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    write: (text: string) => void (stdout += text),
    error: (text: string) => void (stderr += text),
    stdoutIsTTY: false,
    stdinIsTTY: false,
    stderrIsTTY: false,
    columns: 80,
  };
  const { program, closeContext } = buildProgram(io, env, args);
  let code = 0;
  try {
    await program.parseAsync(['node', 'net', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : 2;
    else if (error instanceof NetError) {
      code = error.exitCode;
      stderr += `net: ${showControls(error.message)}\n`;
    } else throw error;
  } finally {
    await closeContext();
  }
  return { code, stdout, stderr };
}
