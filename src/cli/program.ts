// The command tree: declarations only, of the groups it is given (all of
// them: command-groups.ts; one everyday command: src/cli/everyday/). Each
// action imports its command module when it runs, so `net due` loads no
// prompt library, no chrono-node, no CSV.
import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
// The bundle inlines it: the version costs no file read at start-up.
import packageJson from '../../package.json' with { type: 'json' };
import { showControls } from '../core/errors.js';
import { takeCommitted } from '../db/committed.js';
import { resolveDbPath } from '../db/path.js';
import { createContext, type Context, type GlobalOptions, type Io } from './context.js';
import { PAGED_COMMANDS, pagedIo, pagerCommand } from './pager.js';

export type CommandModule = { default: (ctx: Context, ...rest: never[]) => Promise<void> };
export type Lazy = (load: () => Promise<CommandModule>) => (...args: unknown[]) => Promise<void>;

export interface Registration {
  program: Command;
  lazy: Lazy;
  /** For the few commands that must answer without a context (shell completion). */
  io: Io;
  env: NodeJS.ProcessEnv;
}

/**
 * A group of commands, with the top-level commands it declares (a test checks
 * the lists). `alone`: the group can be declared without the others, when one
 * of its commands runs; help, completion and the demo look at the whole tree.
 */
export interface CommandGroup {
  names: readonly string[];
  register: (registration: Registration) => void;
  alone: boolean;
}

/** The command an argument list runs: the first word after the program's own options (`--db` and `--color` take a value). */
export function commandWord(args: readonly string[]): string | undefined {
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--') return undefined;
    if (arg === '--db' || arg === '--color') k += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Commands whose only output on success is a confirmation, which --quiet leaves out (export's is on stderr: it checks --quiet itself). */
const CONFIRMING_COMMANDS: ReadonlySet<string> = new Set([
  'add', 'log', 'edit', 'archive', 'unarchive', 'rm', 'snooze', 'undo', 'import', 'backup', 'restore',
  'favour add', 'favour rm', 'followup add', 'followup done', 'followup edit', 'followup drop',
  'config set', 'config unset', 'history edit', 'history rm', 'outreach add', 'outreach step', 'outreach nudge',
]);

/** `followup add`: a command's name under its top-level command. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The program's own switches, which a plain `net` may carry (with --db and --color). */
const PROGRAM_SWITCHES: ReadonlySet<string> = new Set(['--no-color', '--no-input', '--no-pager', '-q', '--quiet']);

/**
 * A plain `net` (no command, only the program's own options) is the morning
 * check, `net due`, once there is a database, and the help before there is
 * one; any other argument list is left as it is.
 */
export function withDefaultCommand(args: readonly string[], env: NodeJS.ProcessEnv): string[] {
  let db: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--db') db = args[++k];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
    else if (arg === '--color') k += 1;
    else if (!PROGRAM_SWITCHES.has(arg) && !arg.startsWith('--color=')) return [...args];
  }
  return [...args, existsSync(resolveDbPath(db, env)) ? 'due' : '--help'];
}

/**
 * The program, with the commands of `groups`; given the arguments it will
 * parse, only the group of the command they run (declaring all of them is
 * about 10 ms of every start). A word that names no command gets them all,
 * for the suggestions of a mistyped one.
 */
export function buildProgramOf(
  groups: readonly CommandGroup[],
  io: Io,
  env: NodeJS.ProcessEnv,
  args?: readonly string[],
): { program: Command; closeContext: () => Promise<void> } {
  let context: Context | undefined;

  const program = new Command('net')
    .description('A networking journal: keep the professional relationships that matter alive.')
    .version(packageJson.version, '-V, --version')
    .option('--db <path>', 'the database file (default: $NET_DB, then $XDG_DATA_HOME/net/net.db)')
    .addOption(
      new Option('--color <when>', 'colours: always, never, or auto (on a terminal, unless NO_COLOR; FORCE_COLOR and CLICOLOR_FORCE force them)').choices([
        'always',
        'never',
        'auto',
      ]),
    )
    .option('--no-color', 'no colours, even on a terminal (as --color never)')
    .option('--no-input', 'never prompt; a missing value is an error')
    .option('--no-pager', 'no pager for long output (show, history, review, list) on a terminal')
    .option('-q, --quiet', 'no confirmations ("Added …", "Logged …"); results, --json, warnings and errors still show')
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
    // Long output through the pager; review --interactive asks questions instead.
    const pager =
      command.parent === program && PAGED_COMMANDS.has(command.name()) && !(options as { interactive?: boolean }).interactive
        ? pagerCommand(io, env, globals.pager)
        : null;
    const paged = pager === null ? undefined : pagedIo(io, env, pager);
    const quiet = globals.quiet === true && CONFIRMING_COMMANDS.has(commandPath(command)) && !(options as { json?: boolean }).json;
    context = createContext({
      io: quiet ? { ...io, write: () => {} } : (paged?.io ?? io),
      env,
      dbPath: resolveDbPath(globals.db, env),
      options: globals,
      // Kysely and better-sqlite3 load only when a command opens the database.
      open: async (path, mustExist) => (await import('../db/open.js')).openDatabase(path, { mustExist }),
    });
    const module = await load();
    takeCommitted();
    try {
      // commander has checked the arity; each command module types its own arguments.
      await (module.default as (ctx: Context, ...rest: unknown[]) => Promise<void>)(context, ...positional, options);
    } finally {
      paged?.flush();
    }
    // sync.auto: a command that changed data may start a sync in the background; the read path never gets here.
    if (takeCommitted() > 0 && command.name() !== 'sync') await (await import('./auto-sync.js')).maybeStartSync(context);
  };

  const registration: Registration = { program, lazy, io, env };
  const word = args === undefined ? undefined : commandWord(args);
  const only = groups.find((group) => group.alone && word !== undefined && group.names.includes(word));
  for (const group of groups) if (!only || group === only) group.register(registration);

  return { program, closeContext: async () => context?.close() };
}

/** `--json` and `--csv` (and `--raw`) for a listing command. */
export function withListFormats(command: Command): Command {
  return command
    .option('--json', 'print a JSON array')
    .option('--csv', 'print CSV (RFC 4180)')
    .option('--raw', 'with --csv: no protection of cells that look like formulas');
}

/**
 * `history edit --via/--json`, `inbox accept --from/--json`: commander gives
 * an option that the parent command also declares to the parent. The
 * subcommand takes it back when it did not get it itself.
 */
export function withParentOptions(action: (...args: unknown[]) => Promise<void>): (...args: unknown[]) => Promise<void> {
  return (...args) => {
    const command = args[args.length - 1] as Command;
    const options = args[args.length - 2] as Record<string, unknown>;
    const parent = command.parent?.opts() ?? {};
    for (const option of command.options) {
      const key = option.attributeName();
      if (options[key] === undefined && parent[key] !== undefined) options[key] = parent[key];
    }
    return action(...args);
  };
}

export { Option };
