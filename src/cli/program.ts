// The command tree: declarations only. Each action imports its command module
// when it runs, so `net due` loads no prompt library, no chrono-node, no CSV.
import { Command, Option } from 'commander';
import { showControls } from '../core/errors.js';
import { resolveDbPath } from '../db/path.js';
import { createContext, type Context, type GlobalOptions, type Io } from './context.js';
import { registerJournal } from './register/journal.js';
import { registerScheduling } from './register/scheduling.js';
import { registerOutreach } from './register/outreach.js';
import { registerTransfer } from './register/transfer.js';
import { registerReview } from './register/review.js';
import { registerSafety } from './register/safety.js';
import { registerOnboarding } from './register/onboarding.js';

export type CommandModule = { default: (ctx: Context, ...rest: never[]) => Promise<void> };
export type Lazy = (load: () => Promise<CommandModule>) => (...args: unknown[]) => Promise<void>;

export interface Registration {
  program: Command;
  lazy: Lazy;
  /** For the few commands that must answer without a context (shell completion). */
  io: Io;
  env: NodeJS.ProcessEnv;
}

export function buildProgram(io: Io, env: NodeJS.ProcessEnv): { program: Command; closeContext: () => Promise<void> } {
  let context: Context | undefined;

  const program = new Command('net')
    .description('A networking journal: keep the professional relationships that matter alive.')
    .version('0.1.0', '-V, --version')
    .option('--db <path>', 'the database file (default: $NET_DB, then $XDG_DATA_HOME/net/net.db)')
    .option('--no-color', 'no colours, even on a terminal')
    .option('--no-input', 'never prompt; a missing value is an error')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.write(text),
      writeErr: (text) => io.error(text),
      outputError: (text, write) => write(`net: ${showControls(text.replace(/^error: /, ''))}`),
    });

  const lazy: Lazy = (load) => async (...args) => {
    const command = args[args.length - 1] as Command;
    const options = args[args.length - 2];
    const positional = args.slice(0, -2);
    const globals = command.optsWithGlobals<GlobalOptions>();
    context = createContext({
      io,
      env,
      dbPath: resolveDbPath(globals.db, env),
      options: globals,
      // Kysely and better-sqlite3 load only when a command opens the database.
      open: async (path, mustExist) => (await import('../db/open.js')).openDatabase(path, { mustExist }),
    });
    const module = await load();
    // commander has checked the arity; each command module types its own arguments.
    await (module.default as (ctx: Context, ...rest: unknown[]) => Promise<void>)(context, ...positional, options);
  };

  const registration: Registration = { program, lazy, io, env };
  registerJournal(registration);
  registerScheduling(registration);
  registerOutreach(registration);
  registerTransfer(registration);
  registerReview(registration);
  registerSafety(registration);
  registerOnboarding(registration);

  return { program, closeContext: async () => context?.close() };
}

/** `--json` and `--csv` (and `--raw`) for a listing command. */
export function withListFormats(command: Command): Command {
  return command
    .option('--json', 'print a JSON array')
    .option('--csv', 'print CSV (RFC 4180)')
    .option('--raw', 'with --csv: no protection of cells that look like formulas');
}

export { Option };
