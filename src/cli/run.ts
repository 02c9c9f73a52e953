// Running net: private file modes, the program, and the one place where
// errors become a message on stderr and an exit code. The programs run are
// the whole one (net.ts: src/main.ts, the tsc build, and bin/net's bundle)
// and one everyday command's own (src/cli/everyday/, a bundle each).
import { CommanderError } from 'commander';
import { NetError, showControls, systemErrorText } from '../core/errors.js';
import { describeSqliteModuleFailure, sqliteModuleFailure } from '../core/sqlite-module.js';
import { buildProgramOf, withDefaultCommand, type CommandGroup } from './program.js';
import type { Io } from './context.js';
import { outputWritten, processIo } from './process-io.js';

export function describeError(error: unknown, debug: boolean): { message: string; exitCode: number } {
  if (error instanceof NetError) {
    const hint = error.hint ? `\n  ${showControls(error.hint)}` : '';
    return { message: `net: ${showControls(error.message)}${hint}\n`, exitCode: error.exitCode };
  }
  if (error instanceof Error && error.name === 'ExitPromptError') {
    return { message: '', exitCode: 130 };
  }
  const sqliteModule = sqliteModuleFailure(error);
  if (sqliteModule) {
    // Not the database's fault: the addon was built for another Node.js, or is missing.
    const { message, fix } = describeSqliteModuleFailure(sqliteModule, process.version);
    return { message: `net: ${showControls(message)}\n  ${showControls(fix)}\n${debug ? `${(error as Error).stack}\n` : ''}`, exitCode: 1 };
  }
  const code = (error as { code?: unknown }).code;
  const text = showControls(error instanceof Error ? error.message : String(error));
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const advice: Record<string, string> = {
      SQLITE_BUSY: 'another net process held the database too long; try again',
      SQLITE_READONLY: 'the database file or its folder is read-only; nothing was written',
      SQLITE_FULL: 'the disk is full; nothing was written',
      SQLITE_CORRUPT: 'run `net doctor`, then restore a backup with `net restore`',
      SQLITE_IOERR: 'check the disk and the file permissions; nothing was written',
      SQLITE_CANTOPEN: 'check that the folder exists and is writable',
    };
    const base = code.split('_').slice(0, 2).join('_');
    const hint = advice[base] ?? 'nothing was written';
    return { message: `net: database error: ${text}\n  ${hint}\n${debug ? `${(error as Error).stack}\n` : ''}`, exitCode: 1 };
  }
  let meaning = systemErrorText(error);
  if (meaning !== undefined) {
    // An ordinary failure of the system (a full disk, a missing folder), said as such.
    const { path, syscall } = error as NodeJS.ErrnoException;
    // mkdir -p meeting a file where a folder should be.
    if (syscall === 'mkdir' && code === 'EEXIST') meaning = 'it is a file, not a folder';
    const verbs: Record<string, string> = {
      mkdir: 'create the folder', open: 'open', unlink: 'remove', rmdir: 'remove', chmod: 'change the mode of',
      read: 'read', scandir: 'read', stat: 'read', lstat: 'read',
    };
    const verb = syscall === undefined ? 'write' : Object.hasOwn(verbs, syscall) ? verbs[syscall] : 'write';
    const where = path ? `cannot ${verb} ${showControls(path)}: ` : '';
    const hint = code === 'ENOSPC' || code === 'EDQUOT' ? 'free some space and try again' : 'check the path and its permissions';
    return { message: `net: ${where}${meaning}\n  ${hint}\n${debug && error instanceof Error ? `${error.stack}\n` : ''}`, exitCode: 1 };
  }
  return {
    message: `net: unexpected error: ${text}\n${debug && error instanceof Error ? `${error.stack}\n` : '  run again with NET_DEBUG=1 for details\n'}`,
    exitCode: 1,
  };
}

/** Runs the program of `groups` with `argv` (as process.argv: node, script, arguments…) in this process's terminal; resolves to the exit code. */
export function runInProcess(groups: readonly CommandGroup[], argv: string[]): Promise<number> {
  // The database, its -wal/-shm side files, backups and exports hold personal data.
  process.umask(0o077);
  return runProgram(groups, processIo(), process.env, argv);
}

/**
 * Ends this process with `code` once net has run (bin/net): at once when all
 * output has reached the system, which spares Node taking its heap apart
 * page by page (some 8 ms of `net due` on a small network, 45 ms of `net
 * list` on 20,000 people); else when the streams are drained, as usual.
 * The database is closed by then, and nothing else is left to do.
 */
export function finishProcess(code: number): void {
  process.exitCode = code;
  if (outputWritten()) process.exit(code);
}

/**
 * Runs the program of `groups` with the given I/O and environment: the
 * terminal's in `runInProcess`, a captured one in the tests that run
 * commands in process.
 */
export async function runProgram(groups: readonly CommandGroup[], io: Io, env: NodeJS.ProcessEnv, argv: string[]): Promise<number> {
  const args = withDefaultCommand(argv.slice(2), env);
  const { program, closeContext } = buildProgramOf(groups, io, env, args);
  try {
    await program.parseAsync([...argv.slice(0, 2), ...args]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message through configureOutput.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : 2;
      return 2;
    }
    const debug = env.NET_DEBUG === '1';
    if (debug && error instanceof NetError) io.error(`${error.stack}\n`);
    const { message, exitCode } = describeError(error, debug);
    io.error(message);
    return exitCode;
  } finally {
    await closeContext();
  }
}

