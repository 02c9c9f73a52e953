// Shell completion as a pure function: given the command tree and the words
// typed so far, what can come next. The shell scripts only pass the words in
// and show what comes out, so bash, zsh and fish all complete the same way.
import { nameDistance } from './matching.js';
import { nameKey } from './names.js';

export interface Candidate {
  value: string;
  description?: string;
}

export type ValueSource =
  | { kind: 'none' }
  | { kind: 'files' }
  | { kind: 'contacts' }
  | { kind: 'choices'; choices: readonly Candidate[] };

export interface OptionSpec {
  /** Every spelling: ['-m', '--note']. */
  flags: readonly string[];
  description: string;
  /** `--note <text>` takes a value; `--json` does not; `--opt [x]` may. */
  value: 'required' | 'optional' | 'none';
  values: ValueSource;
  repeatable: boolean;
}

export interface ArgumentSpec {
  name: string;
  variadic: boolean;
  values: ValueSource;
}

export interface CommandSpec {
  name: string;
  aliases: readonly string[];
  description: string;
  options: readonly OptionSpec[];
  arguments: readonly ArgumentSpec[];
  subcommands: readonly CommandSpec[];
}

export type Shell = 'bash' | 'zsh' | 'fish';

export type Completion =
  | { kind: 'values'; candidates: Candidate[] }
  /** Names from the database, matching `prefix`; each is written after `keep`. */
  | { kind: 'contacts'; prefix: string; keep: string }
  | { kind: 'files'; prefix: string };

/**
 * bash splits `--via=em` into `--via`, `=`, `em`; zsh and fish keep it whole.
 * Joins them back, and says how much of the current word bash already shows.
 */
function joinEquals(words: readonly string[]): { words: string[]; currentSplit: boolean } {
  const out: string[] = [];
  let currentSplit = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '=' && out.length > 0 && out[out.length - 1].startsWith('--') && !out[out.length - 1].includes('=')) {
      const value = i + 1 < words.length ? words[i + 1] : '';
      if (i + 1 >= words.length - 1) currentSplit = true;
      out[out.length - 1] += `=${value}`;
      i += 1;
      continue;
    }
    out.push(word);
  }
  return { words: out, currentSplit };
}

function findOption(options: readonly OptionSpec[], flag: string): OptionSpec | undefined {
  return options.find((o) => o.flags.includes(flag));
}

function findSubcommand(command: CommandSpec, word: string): CommandSpec | undefined {
  return command.subcommands.find((c) => c.name === word || c.aliases.includes(word));
}

/** Text typed inside an opening quote: complete what is inside it. */
export function unquote(word: string): string {
  return word.replace(/^["']/, '').replace(/\\(.)/g, '$1');
}

function startsWithFolded(text: string, prefix: string): boolean {
  return text.toLowerCase().startsWith(prefix.toLowerCase());
}

function fromSource(source: ValueSource, prefix: string, keep: string): Completion {
  if (source.kind === 'files') return { kind: 'files', prefix };
  if (source.kind === 'contacts') return { kind: 'contacts', prefix: unquote(prefix), keep };
  const choices = source.kind === 'choices' ? source.choices : [];
  return {
    kind: 'values',
    candidates: choices.filter((c) => startsWithFolded(c.value, prefix)).map((c) => ({ ...c, value: `${keep}${c.value}` })),
  };
}

/**
 * What can follow `words` (everything after `net`; the last one is the word
 * being completed, possibly empty). `globals` apply to every command.
 */
export function complete(root: CommandSpec, globals: readonly OptionSpec[], typed: readonly string[], shell: Shell): Completion {
  const { words, currentSplit } = joinEquals(typed.length ? typed : ['']);
  const current = words[words.length - 1];
  let command = root;
  let positional = 0;
  let endOfOptions = false;
  const used = new Set<OptionSpec>();
  const optionsOf = (c: CommandSpec) => [...c.options, ...globals];

  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i];
    if (!endOfOptions && word === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && word.startsWith('-') && word !== '-') {
      const option = findOption(optionsOf(command), word.split('=')[0]);
      if (option) used.add(option);
      if (option?.value === 'required' && !word.includes('=')) {
        if (i + 1 === words.length - 1) return fromSource(option.values, current, '');
        i += 1;
      }
      continue;
    }
    const sub = positional === 0 ? findSubcommand(command, word) : undefined;
    if (sub) {
      command = sub;
      continue;
    }
    positional += 1;
  }

  if (!endOfOptions && current.startsWith('--') && current.includes('=')) {
    const [flag] = current.split('=', 1);
    const option = findOption(optionsOf(command), flag);
    if (!option || option.value === 'none') return { kind: 'values', candidates: [] };
    // bash shows only what follows the "=": candidates must not repeat the flag.
    const keep = shell === 'bash' && currentSplit ? '' : `${flag}=`;
    return fromSource(option.values, current.slice(flag.length + 1), keep);
  }
  const optionCandidates = (): Completion => ({
    kind: 'values',
    candidates: optionsOf(command)
      .filter((o) => o.repeatable || !used.has(o))
      .flatMap((o) => o.flags.filter((f) => f.startsWith('--') || o.flags.length === 1).map((f) => ({ value: f, description: o.description })))
      .filter((c) => c.value.startsWith(current)),
  });
  if (!endOfOptions && current.startsWith('-')) return optionCandidates();
  if (command.subcommands.length > 0 && positional === 0) {
    return {
      kind: 'values',
      candidates: command.subcommands
        .filter((c) => startsWithFolded(c.name, current))
        .map((c) => ({ value: c.name, description: c.description })),
    };
  }
  const args = command.arguments;
  const argument = positional < args.length ? args[positional] : args[args.length - 1]?.variadic ? args[args.length - 1] : undefined;
  if (argument && argument.values.kind !== 'none') return fromSource(argument.values, current, '');
  // Nothing to name here: the options are the useful next words.
  return current === '' ? optionCandidates() : { kind: 'values', candidates: [] };
}

export interface NamedContact {
  name: string;
  /** Extra words shown beside the name (circle, company). */
  description?: string;
}

/**
 * The people whose name, or a word of it, starts with what was typed; case and
 * accents do not matter ("nic" finds "Niccolò"), whole-name matches first.
 * When none does, near matches ("nicolo" finds "Niccolò"), marked `near`.
 */
export function matchContacts<T extends NamedContact>(people: readonly T[], prefix: string, limit = 200): { matches: T[]; near: boolean } {
  const key = nameKey(prefix);
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const scored = people.flatMap((p) => {
    const name = nameKey(p.name);
    if (name.startsWith(key)) return [{ p, rank: 0 }];
    if (key !== '' && name.split(/[\s'’-]+/).some((w) => w.startsWith(key))) return [{ p, rank: 1 }];
    return [];
  });
  if (scored.length > 0 || key.length < 4) {
    return { matches: scored.sort((a, b) => a.rank - b.rank || byName(a.p, b.p)).slice(0, limit).map((s) => s.p), near: false };
  }
  const allowed = key.length <= 5 ? 1 : key.length <= 9 ? 2 : 3;
  const near = people
    .map((p) => ({ p, d: nameDistance(key, nameKey(p.name)) }))
    .filter((s) => s.d <= allowed)
    .sort((a, b) => a.d - b.d || byName(a.p, b.p));
  return { matches: near.slice(0, limit).map((s) => s.p), near: true };
}

/** A value as bash must insert it: special characters escaped, or closed inside the quote the word opened. */
export function quoteForBash(value: string, typed: string): string {
  const quote = typed.startsWith('"') || typed.startsWith("'") ? typed[0] : '';
  if (quote === "'") return `'${value.replace(/'/g, `'\\''`)}'`;
  if (quote === '"') return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
  return value.replace(/([\s'"\\$`&;|<>()!*?[\]{}#~^])/g, '\\$1');
}
