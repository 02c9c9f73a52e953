// The whole program, run: src/main.ts (the tsc build) and bin/net's bundle
// (dist/cli/net.cjs, scripts/bundle.mjs) start here.
import { COMMAND_GROUPS } from './command-groups.js';
import type { Io } from './context.js';
import { runInProcess, runProgram } from './run.js';

export { finishProcess } from './run.js';

/** Runs net with `argv` (as process.argv: node, script, arguments…); resolves to the exit code. */
export function run(argv: string[]): Promise<number> {
  return runInProcess(COMMAND_GROUPS, argv);
}

/** Runs net with the given I/O and environment (the tests that run commands in process). */
export function runWith(io: Io, env: NodeJS.ProcessEnv, argv: string[]): Promise<number> {
  return runProgram(COMMAND_GROUPS, io, env, argv);
}
