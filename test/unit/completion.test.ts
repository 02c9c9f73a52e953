// Completion as a pure function over a small command tree: what comes after
// which words, for each shell.
import { describe, expect, it } from 'vitest';
import { complete, matchContacts, quoteForBash, type CommandSpec, type OptionSpec, type Shell } from '../../src/core/completion.js';

const channels = { kind: 'choices', choices: [{ value: 'email' }, { value: 'coffee' }, { value: 'call' }] } as const;
const option = (flags: string[], value: OptionSpec['value'] = 'none', values: OptionSpec['values'] = { kind: 'none' }, repeatable = false): OptionSpec => ({
  flags,
  description: `about ${flags.at(-1)}`,
  value,
  values,
  repeatable,
});
const command = (name: string, parts: Partial<CommandSpec> = {}): CommandSpec => ({
  name,
  aliases: [],
  description: `${name} things`,
  options: [],
  arguments: [],
  subcommands: [],
  ...parts,
});

const root = command('net', {
  subcommands: [
    command('log', {
      arguments: [{ name: 'contacts', variadic: true, values: { kind: 'contacts' } }],
      options: [option(['-m', '--note'], 'required'), option(['--via'], 'required', channels), option(['--json']), option(['--gave'], 'required', { kind: 'none' }, true)],
    }),
    command('list', { aliases: ['ls'], options: [option(['--circle'], 'required', { kind: 'choices', choices: [{ value: 'inner' }, { value: 'close' }] })] }),
    command('outreach', {
      subcommands: [
        command('step', {
          arguments: [
            { name: 'contact', variadic: false, values: { kind: 'contacts' } },
            { name: 'stage', variadic: false, values: { kind: 'choices', choices: [{ value: 'contacted' }, { value: 'met' }] } },
          ],
          options: [option(['--via'], 'required', { kind: 'contacts' })],
        }),
      ],
    }),
    command('backup', { arguments: [{ name: 'file', variadic: false, values: { kind: 'files' } }] }),
  ],
});
const globals = [option(['--db'], 'required', { kind: 'files' }), option(['--no-color']), option(['-h', '--help'])];

const values = (words: string[], shell: Shell = 'bash') => {
  const result = complete(root, globals, words, shell);
  return result.kind === 'values' ? result.candidates.map((c) => c.value) : result;
};

describe('complete', () => {
  it.each<[string, string[], unknown]>([
    ['commands at the start', [''], ['log', 'list', 'outreach', 'backup']],
    ['commands by prefix, any case', ['L'], ['log', 'list']],
    ['subcommands of a group', ['outreach', ''], ['step']],
    ['a value of an option', ['log', 'anna', '--via', ''], ['email', 'coffee', 'call']],
    ['a value by prefix', ['log', '--via', 'c'], ['coffee', 'call']],
    ['an inline value (zsh, fish)', ['log', '--via=co'], ['--via=coffee']],
    ['options of the command and the global ones', ['log', '--'], ['--note', '--via', '--json', '--gave', '--db', '--no-color', '--help']],
    ['options already given are not offered again, repeatable ones are', ['log', '--json', '--gave', 'x', '--'], ['--note', '--via', '--gave', '--db', '--no-color', '--help']],
    ['a short-only option is shown by its short flag', ['log', '-'], ['--note', '--via', '--json', '--gave', '--db', '--no-color', '--help']],
    ['the second argument of a command', ['outreach', 'step', 'anna', ''], ['contacted', 'met']],
    ['an option value skips a word', ['outreach', 'step', '--via', 'marco', 'anna', 'm'], ['met']],
    ['an alias leads to its command', ['ls', '--circle', ''], ['inner', 'close']],
    ['after --, no options', ['log', '--', '--'], { kind: 'contacts', prefix: '--', keep: '' }],
    ['a value that takes free text offers nothing', ['log', '-m', ''], []],
    ['options when nothing else can follow', ['list', ''], ['--circle', '--db', '--no-color', '--help']],
    ['nothing for text after a command without arguments', ['list', 'x'], []],
    ['an unknown option value is nothing', ['log', '--nope=x'], []],
  ])('%s', (_, words, expected) => {
    expect(values(words)).toEqual(expected);
  });

  it('asks for contacts where a person is named, with what was typed', () => {
    expect(complete(root, globals, ['log', 'anna', 'nic'], 'zsh')).toEqual({ kind: 'contacts', prefix: 'nic', keep: '' });
    expect(complete(root, globals, ['outreach', 'step', ''], 'zsh')).toEqual({ kind: 'contacts', prefix: '', keep: '' });
    expect(complete(root, globals, ['outreach', 'step', 'x', 'met', '--via', '"Giu'], 'zsh')).toEqual({ kind: 'contacts', prefix: 'Giu', keep: '' });
    expect(complete(root, globals, ['outreach', 'step', 'x', 'met', '--via=Giu'], 'fish')).toEqual({ kind: 'contacts', prefix: 'Giu', keep: '--via=' });
  });

  it('asks for files where a file is named', () => {
    expect(complete(root, globals, ['backup', 'fo'], 'bash')).toEqual({ kind: 'files', prefix: 'fo' });
    expect(complete(root, globals, ['--db', '/tmp/x'], 'bash')).toEqual({ kind: 'files', prefix: '/tmp/x' });
  });

  it('rejoins what bash splits at "=" and answers with the value alone', () => {
    expect(values(['log', '--via', '=', 'co'], 'bash')).toEqual(['coffee']);
    expect(values(['log', '--via', '=', ''], 'bash')).toEqual(['email', 'coffee', 'call']);
    expect(values(['log', '--via', '=', 'coffee', 'an'], 'bash')).toEqual({ kind: 'contacts', prefix: 'an', keep: '' });
  });

  it('completes from the start when nothing was typed', () => {
    expect(values([])).toEqual(['log', 'list', 'outreach', 'backup']);
  });
});

describe('matchContacts', () => {
  const people = ['Giulia Rossi', 'Niccolò Ferri', "Lucia D'Amico", 'Zoë Martin', 'Martina Costa', 'Fabio Mariani'].map((name) => ({ name }));
  const names = (prefix: string) => matchContacts(people, prefix);

  it.each<[string, string[]]>([
    ['', ['Fabio Mariani', 'Giulia Rossi', "Lucia D'Amico", 'Martina Costa', 'Niccolò Ferri', 'Zoë Martin']],
    ['nic', ['Niccolò Ferri']],
    ['NICCOLO', ['Niccolò Ferri']],
    ['mar', ['Martina Costa', 'Fabio Mariani', 'Zoë Martin']],
    ['amico', ["Lucia D'Amico"]],
    ['zoe m', ['Zoë Martin']],
    ['xyz', []],
  ])('"%s"', (prefix, expected) => {
    expect(names(prefix)).toEqual({ matches: expected.map((name) => ({ name })), near: false });
  });

  it('falls back to near matches, marked as such', () => {
    expect(names('nicolo')).toEqual({ matches: [{ name: 'Niccolò Ferri' }], near: true });
    expect(names('giula rossi')).toEqual({ matches: [{ name: 'Giulia Rossi' }], near: true });
    // Three letters are too few to guess from.
    expect(names('nco')).toEqual({ matches: [], near: false });
  });

  it('stops at the limit', () => {
    expect(matchContacts(people, '', 2).matches).toHaveLength(2);
  });
});

describe('quoteForBash', () => {
  it.each<[string, string, string]>([
    ['Giulia Rossi', 'giu', 'Giulia\\ Rossi'],
    ["Lucia D'Amico", '', "Lucia\\ D\\'Amico"],
    ['a$b`c', '', 'a\\$b\\`c'],
    ['Giulia Rossi', '"giu', '"Giulia Rossi"'],
    ['say "hi"', '"', '"say \\"hi\\""'],
    ["Lucia D'Amico", "'lu", `'Lucia D'\\''Amico'`],
    ['coffee', 'co', 'coffee'],
  ])('%s after %s', (value, typed, expected) => {
    expect(quoteForBash(value, typed)).toBe(expected);
  });
});
