// net __complete: the answers behind the completion scripts. It must be fast
// and silent: no prompts, no chrono-node, no migrations, the database opened
// read-only, and any failure gives no candidates rather than a message.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { homedir } from 'node:os';
import type { Command, Option } from 'commander';
import {
  complete,
  matchContacts,
  quoteForBash,
  unquote,
  type Candidate,
  type CommandSpec,
  type Completion,
  type OptionSpec,
  type Shell,
  type ValueSource,
} from '../../core/completion.js';
import { HELP_TOPICS } from '../../core/help-topics.js';
import { formatInterval } from '../../core/intervals.js';
import { nameKey } from '../../core/names.js';
import { STAGES } from '../../core/outreach.js';
import { CHANNELS, CIRCLES, DEFAULT_CADENCE } from '../../core/vocabulary.js';
import { resolveDbPath } from '../../db/path.js';
import { completionNames } from '../../db/completion-names.js';


const CIRCLE_CHOICES: ValueSource = {
  kind: 'choices',
  choices: CIRCLES.map((c) => ({ value: c, description: DEFAULT_CADENCE[c] === null ? 'no rhythm' : `every ${formatInterval(DEFAULT_CADENCE[c])}` })),
};

/** What a value is, from the name of its argument or placeholder (`<contact>`, `<channel>`…). */
function sourceFor(name: string, choices: readonly string[] | undefined): ValueSource {
  if (choices?.length) return { kind: 'choices', choices: choices.map((value) => ({ value })) };
  const n = name.toLowerCase();
  if (/^(contacts?|person|people|introducer)$/.test(n)) return { kind: 'contacts' };
  if (n === 'channel') return { kind: 'choices', choices: CHANNELS.map((value) => ({ value })) };
  if (n === 'circle') return CIRCLE_CHOICES;
  if (n === 'stage') return { kind: 'choices', choices: STAGES.map((value) => ({ value })) };
  if (/^(file|path|dir|directory|folder)$/.test(n)) return { kind: 'files' };
  return { kind: 'none' };
}

function optionSpec(option: Option): OptionSpec {
  const placeholder = /[<[]([\w-]+)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1] ?? '';
  return {
    flags: [option.short, option.long].filter((f): f is string => Boolean(f)),
    description: option.description,
    value: option.required ? 'required' : option.optional ? 'optional' : 'none',
    values: sourceFor(placeholder, option.argChoices),
    repeatable: option.variadic || option.parseArg !== undefined,
  };
}

/** The commands beside this one, for `net help COMMAND`. */
function siblings(command: Command): Candidate[] {
  if (!command.parent) return [];
  return command.parent.createHelp().visibleCommands(command.parent)
    .filter((c) => c.name() !== '__complete')
    .map((c) => ({ value: c.name(), description: c.summary() || c.description().split('\n')[0] }));
}

/** The command tree as it is now, from commander: it stays true as commands are added. */
export function commandSpec(command: Command, topics: readonly Candidate[] = []): CommandSpec {
  const help = command.createHelp();
  const subcommands = help.visibleCommands(command).filter((c) => c.name() !== '__complete');
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: command.summary() || command.description().split('\n')[0],
    // The program's own options are global (see `completionLines`), except --version.
    options: help
      .visibleOptions(command)
      .filter((o) => (command.parent ? o.long !== '--help' : o.long === '--version'))
      .map(optionSpec),
    arguments: command.registeredArguments.map((a) => ({
      name: a.name(),
      variadic: a.variadic,
      values:
        a.name() === 'topic'
          ? { kind: 'choices', choices: [...topics, ...siblings(command)] }
          : sourceFor(a.name(), a.argChoices),
    })),
    subcommands: subcommands.map((c) => commandSpec(c, topics)),
  };
}

/** `--db PATH` among the words typed, for completing names from that database. */
function dbFromWords(words: readonly string[]): string | undefined {
  let db: string | undefined;
  words.forEach((w, i) => {
    if (w === '--db' && i + 1 < words.length - 1) db = words[i + 1];
    else if (w.startsWith('--db=')) db = w.slice(5);
  });
  if (db === undefined) return undefined;
  const plain = unquote(db);
  return plain.startsWith('~/') ? `${homedir()}${plain.slice(1)}` : plain;
}

/**
 * The people to offer, each with the reference to insert: the name, or, for
 * namesakes, the name with its id ("Marco Rossi #12"), which resolves to one.
 */
async function contactCandidates(dbPath: string): Promise<Array<{ name: string; value: string; description: string }>> {
  if (dbPath !== ':memory:' && !existsSync(dbPath)) return [];
  let sqlite: InstanceType<typeof Database> | undefined;
  try {
    sqlite = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 1000 });
    const rows = completionNames(sqlite);
    const count = new Map<string, number>();
    for (const r of rows) count.set(nameKey(r.name), (count.get(nameKey(r.name)) ?? 0) + 1);
    return rows.map((r) => ({
      name: r.name,
      value: (count.get(nameKey(r.name)) ?? 0) > 1 ? `${r.name} #${r.id}` : r.name,
      description: [r.archived_at ? 'archived' : r.circle, r.company].filter(Boolean).join(', '),
    }));
  } catch {
    // Not a database, or not net's: no names to offer.
    return [];
  } finally {
    sqlite?.close();
  }
}

export interface CompleteIo {
  write(text: string): void;
  env: NodeJS.ProcessEnv;
  /** The global --db given to `net __complete` itself. */
  db?: string;
}

/** Lines for the shell: the directive, then `value<TAB>description` per candidate. */
export async function completionLines(program: Command, shell: Shell, words: readonly string[], io: CompleteIo): Promise<string[]> {
  const topics = HELP_TOPICS.map((t) => ({ value: t.name, description: t.summary }));
  const root = commandSpec(program, topics);
  const globals = program.createHelp().visibleOptions(program).filter((o) => o.long !== '--version').map(optionSpec);
  const result: Completion = complete(root, globals, words, shell);
  const typed = words[words.length - 1] ?? '';
  // bash inserts values as they are, except names, which readline quotes itself.
  const line = (c: Candidate, quote = shell === 'bash') => {
    const value = quote ? quoteForBash(c.value, typed) : c.value;
    return c.description ? `${value}\t${c.description.replace(/\s+/g, ' ')}` : value;
  };
  if (result.kind === 'files') return [':files'];
  if (result.kind === 'values') return [':values', ...result.candidates.map((c) => line(c))];
  const people = await contactCandidates(resolveDbPath(dbFromWords(words) ?? io.db, io.env));
  const { matches, near } = matchContacts(people, result.prefix);
  const candidates = matches.map((p) => ({ value: `${result.keep}${p.value}`, description: p.description }));
  // `:near`: the names do not start with what was typed, so the shell must not filter them.
  return [near ? ':near' : ':contacts', ...candidates.map((c) => line(c, false))];
}

/** `net __complete SHELL -- WORDS…`, or `net __complete contacts [PREFIX]` for a plain list of names. */
export default async function completeCommand(io: CompleteIo, program: Command, mode: string, words: readonly string[]): Promise<void> {
  try {
    if (mode === 'contacts') {
      const people = await contactCandidates(resolveDbPath(io.db, io.env));
      for (const p of matchContacts(people, words[0] ?? '').matches) io.write(`${p.value}\n`);
      return;
    }
    const shell: Shell = mode === 'zsh' || mode === 'fish' ? mode : 'bash';
    const lines = await completionLines(program, shell, words, io);
    io.write(`${lines.join('\n')}\n`);
  } catch (error) {
    // A TAB must never print an error into the command line being typed.
    if (io.env.NET_DEBUG === '1') throw error;
  }
}
