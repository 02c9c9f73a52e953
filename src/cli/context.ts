// The context handed to every command: I/O, the clock, colour, and the
// database, opened lazily so that usage errors and --help never touch SQLite.
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import { localDay } from '../core/dates.js';
import { terminalSafe, UsageError } from '../core/errors.js';
import type { OpenDatabase } from '../db/open.js';

export interface Io {
  write(text: string): void;
  error(text: string): void;
  /** What was piped in (`net import csv -`). */
  stdin(): Readable;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number;
}

export interface GlobalOptions {
  db?: string;
  /** false for --no-color; 'always', 'never' or 'auto' from --color WHEN. */
  color?: boolean | string;
  input?: boolean;
  /** false for --no-pager. */
  pager?: boolean;
  /** -q: no confirmations. */
  quiet?: boolean;
}

export interface Context {
  /** Output for people: stored and imported text cannot reach the terminal as control sequences (see terminalSafe). */
  io: Io;
  /** Output whose bytes are a contract (JSON, CSV, exports, shell scripts): written as they are. */
  writeExact(text: string): void;
  env: NodeJS.ProcessEnv;
  now: Date;
  /** The local calendar day of `now`. */
  today: string;
  /** Colours on: see wantsColor. */
  color: boolean;
  /** -q, --quiet: confirmations left out. */
  quiet: boolean;
  /** Prompts allowed: stdin and stdout are TTYs and --no-input was not given. */
  interactive: boolean;
  dbPath: string;
  /**
   * Opens the database on first use, creating it when missing. With
   * `create: false` (commands that change only records that must already
   * exist, and dry runs) an empty database in memory stands in for a missing
   * one: the command then fails, or shows, as on an empty network, and a
   * command that fails on its arguments leaves no file behind.
   */
  database(options?: { create?: boolean }): Promise<OpenDatabase>;
  /** Opens the database only if it exists; null when there is none yet. */
  existingDatabase(): Promise<OpenDatabase | null>;
  chalk(): Promise<ChalkInstance>;
  close(): Promise<void>;
}

/** NET_NOW: an ISO date (taken at local noon) or date-time; otherwise the real clock. */
export function readNow(env: NodeJS.ProcessEnv): Date {
  const text = env.NET_NOW?.trim();
  if (!text) return new Date();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const now = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12) : new Date(text);
  if (Number.isNaN(now.getTime())) {
    throw new UsageError(`NET_NOW="${text}" is not an ISO 8601 date or date-time`, 'use e.g. NET_NOW=2026-03-14');
  }
  return now;
}

/**
 * Colours, decided once: the option first (--color=always|never, --no-color),
 * then NO_COLOR, then FORCE_COLOR (0 or false turns them off) and
 * CLICOLOR_FORCE, then TERM=dumb; otherwise on a terminal only.
 */
export function wantsColor(io: Io, env: NodeJS.ProcessEnv, option: boolean | string | undefined): boolean {
  if (option === false || option === 'never') return false;
  if (option === 'always') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.CLICOLOR_FORCE !== undefined && env.CLICOLOR_FORCE !== '' && env.CLICOLOR_FORCE !== '0') return true;
  if (env.TERM === 'dumb') return false;
  return io.stdoutIsTTY;
}

export interface ContextParts {
  io: Io;
  env: NodeJS.ProcessEnv;
  dbPath: string;
  options: GlobalOptions;
  open: (path: string, mustExist: boolean) => Promise<OpenDatabase>;
}

/** chalk at level 0 without chalk: any chain of styles (`c.bold.red`) gives its text back as chalk would. */
const uncoloured: ChalkInstance = new Proxy(() => {}, {
  // Not a thenable (`await ctx.chalk()` would wait on it forever), nor anything else but styles.
  get: (_target, key) => (key === 'level' ? 0 : key === 'then' || typeof key === 'symbol' ? undefined : uncoloured),
  apply: (_target, _this, args: unknown[]) => (args.length === 1 ? String(args[0]) : args.join(' ')),
}) as unknown as ChalkInstance;

export function createContext(parts: ContextParts): Context {
  const { io, env, dbPath, options } = parts;
  const now = readNow(env);
  const color = wantsColor(io, env, options.color);
  let opened: OpenDatabase | undefined;
  let chalkInstance: ChalkInstance | undefined;
  // Prototype delegation keeps the rest of the Io (its TTY flags, stdin) as they are.
  const safeIo: Io = Object.assign(Object.create(io) as Io, {
    write: (text: string) => io.write(terminalSafe(text)),
    error: (text: string) => io.error(terminalSafe(text, true)),
  });
  return {
    io: safeIo,
    writeExact: (text: string) => io.write(text),
    env,
    now,
    today: localDay(now),
    color,
    quiet: options.quiet === true,
    interactive: options.input !== false && io.stdinIsTTY && io.stdoutIsTTY,
    dbPath,
    async database(options = {}) {
      const standIn = options.create === false && !opened && dbPath !== ':memory:' && !existsSync(dbPath);
      opened ??= await parts.open(standIn ? ':memory:' : dbPath, false);
      return opened;
    },
    async existingDatabase() {
      if (!opened && dbPath !== ':memory:' && !existsSync(dbPath)) return null;
      opened ??= await parts.open(dbPath, true);
      return opened;
    },
    async chalk() {
      // chalk (with its terminal detection: node:tty, node:os, some 5-10 ms) loads only for colours.
      if (!chalkInstance) chalkInstance = color ? new (await import('chalk')).Chalk({ level: 1 }) : uncoloured;
      return chalkInstance;
    },
    async close() {
      await opened?.close();
      opened = undefined;
    },
  };
}
