// Shell completion: the scripts, the hidden `net __complete` they call, and
// the bash script sourced in a real bash, driven through COMP_WORDS/COMP_CWORD.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/command-groups.js';
import { CHANNELS } from '../../src/core/vocabulary.js';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';
import { hasProgram, pathWithNet, shellQuote } from '../tty.js';

const silent = { write: () => {}, error: () => {}, stdoutIsTTY: false, stdinIsTTY: false, stderrIsTTY: false, columns: 80 };
const { program } = buildProgram(silent, {});
const topLevel = program.createHelp().visibleCommands(program).map((c) => c.name());

/** The candidates of a `net __complete` answer, without the directive and descriptions. */
function values(stdout: string): string[] {
  return stdout.split('\n').slice(1).filter(Boolean).map((line) => line.split('\t')[0]);
}

describe('net completion SHELL', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it.each([
    ['bash', 'complete -F _net_complete net netj'],
    ['zsh', '#compdef net netj'],
    ['fish', "complete -c net -f -a '(__net_complete)'\ncomplete -c netj -f -a '(__net_complete)'"],
  ])('prints a %s script, for net and netj', (shell, marker) => {
    const result = s.net(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(marker);
    // It asks the program being completed (net or netj), never a `net` that may be Samba's.
    expect(result.stdout).toContain(' __complete ');
    expect(result.stdout).not.toMatch(/command net /);
    expect(result.stdout).not.toContain('@{');
    expect(result.stderr).toBe('');
  });

  it.each([
    ['bash', ['-n']],
    ['zsh', ['-n']],
    ['fish', ['--no-execute']],
  ])('the %s script is valid syntax for that shell (when installed)', (shell, flags) => {
    if (!hasProgram(shell)) return;
    const script = join(s.dir, `net.${shell}`);
    writeFileSync(script, ok(s.net(['completion', shell])));
    const check = spawnSync(shell, [...flags, script], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('refuses another shell, naming the ones it knows', () => {
    const result = s.net(['completion', 'tcsh']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: .*tcsh.*bash, zsh, fish|bash.*zsh.*fish/);
  });
});

describe('net __complete', () => {
  let s: Sandbox;
  let other: string;
  beforeAll(() => {
    s = sandbox();
    for (const name of ['Niccolò Ferri', 'Giulia Rossi', "Lucia D'Amico", 'Giorgio Bassi']) ok(s.net(['add', name, '--circle', 'close']));
    ok(s.net(['add', 'Anna Meyer', '--company', 'Nordwind']));
    other = join(s.dir, 'other.db');
    ok(s.net(['--db', other, 'add', 'Zoë Martin']));
  });
  afterAll(() => s.cleanup());

  const complete = (shell: string, words: string[], env?: NodeJS.ProcessEnv) => s.net(['__complete', shell, '--', ...words], { env });

  it('offers every command there is, from the live command tree', () => {
    const result = complete('bash', ['']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(':values');
    expect(values(result.stdout).sort()).toEqual([...topLevel].filter((n) => n !== '__complete').sort());
    expect(values(result.stdout)).not.toContain('__complete');
  });

  it('describes commands and options for zsh and fish', () => {
    expect(complete('zsh', ['lo']).stdout).toBe(':values\nlog\trecord an interaction with one or more people\n');
    expect(complete('fish', ['log', '--vi']).stdout).toBe(':values\n--via\tthe channel\n');
  });

  it('offers channels after --via, and circles after --circle', () => {
    expect(values(complete('bash', ['log', 'giulia', '--via', '']).stdout)).toEqual([...CHANNELS]);
    expect(values(complete('bash', ['list', '--circle', 'a']).stdout)).toEqual(['active', 'acquaintance']);
    expect(values(complete('bash', ['log', '--via', '=', 'co']).stdout)).toEqual(['coffee']);
    expect(values(complete('zsh', ['log', '--via=co']).stdout)).toEqual(['--via=coffee']);
  });

  it('offers names from the database, without accents or case mattering', () => {
    const result = complete('zsh', ['log', 'nic']);
    expect(result.stdout).toBe(':contacts\nNiccolò Ferri\tclose\n');
    expect(values(complete('fish', ['show', 'gi']).stdout)).toEqual(['Giorgio Bassi', 'Giulia Rossi']);
    expect(values(complete('fish', ['show', 'amico']).stdout)).toEqual(["Lucia D'Amico"]);
    expect(complete('fish', ['show', 'anna']).stdout).toBe(':contacts\nAnna Meyer\tnetwork, Nordwind\n');
    expect(complete('zsh', ['show', 'nicolo']).stdout).toBe(':near\nNiccolò Ferri\tclose\n');
  });

  it('reads the database named by --db on the line', () => {
    expect(values(complete('bash', ['--db', other, 'show', '']).stdout)).toEqual(['Zoë Martin']);
    expect(values(complete('bash', [`--db=${other}`, 'show', 'z']).stdout)).toEqual(['Zoë Martin']);
  });

  it('lists plain names with `net __complete contacts PREFIX`', () => {
    expect(s.net(['__complete', 'contacts', 'giu']).stdout).toBe('Giulia Rossi\n');
  });

  it('offers topics and commands after `net help`', () => {
    const offered = values(complete('bash', ['help', '']).stdout);
    expect(offered).toEqual(expect.arrayContaining(['circles', 'rhythms', 'dates', 'formats', 'exit-codes', 'log', 'demo']));
  });

  it('is silent and creates nothing when the database is missing or not a database', () => {
    const missing = join(s.dir, 'missing', 'net.db');
    const result = complete('bash', ['show', 'g'], { NET_DB: missing });
    expect(result).toEqual({ code: 0, stdout: ':contacts\n', stderr: '' });
    expect(existsSync(missing)).toBe(false);
    const text = join(s.dir, 'notes.txt');
    writeFileSync(text, 'not a database');
    expect(complete('bash', ['show', 'g'], { NET_DB: text })).toEqual({ code: 0, stdout: ':contacts\n', stderr: '' });
  });
});

describe('the bash script in a real bash', () => {
  let s: Sandbox;
  let script: string;
  let binDir: string;

  beforeAll(() => {
    s = sandbox();
    for (const name of ['Niccolò Ferri', 'Giulia Rossi', "Lucia D'Amico"]) ok(s.net(['add', name]));
    binDir = join(s.dir, 'bin');
    mkdirSync(binDir);
    writeFileSync(join(binDir, 'net'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"\n`);
    chmodSync(join(binDir, 'net'), 0o755);
    script = join(s.dir, 'net.bash');
    writeFileSync(script, ok(s.net(['completion', 'bash'])));
    mkdirSync(join(s.dir, 'work'));
    writeFileSync(join(s.dir, 'work', 'backup-2026.db'), '');
  });
  afterAll(() => s.cleanup());

  /** Sources the script, then calls the completion function with COMP_WORDS/COMP_CWORD set. */
  function bash(body: string): { code: number; stdout: string; stderr: string } {
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `source ${shellQuote(script)}\n${body}`], {
      cwd: join(s.dir, 'work'),
      env: { ...s.env, PATH: pathWithNet(binDir) },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  }

  function reply(words: string[], cword = words.length - 1): string[] {
    const result = bash(`COMP_WORDS=(${words.map(shellQuote).join(' ')}); COMP_CWORD=${cword}; _net_complete; printf '%s\\n' "\${COMPREPLY[@]}"`);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout.split('\n').filter(Boolean);
  }

  it('registers the function for net and netj', () => {
    expect(bash('complete -p net netj').stdout).toBe('complete -F _net_complete net\ncomplete -F _net_complete netj\n');
  });

  it('completes commands, subcommands and options', () => {
    expect(reply(['net', 'hi'])).toEqual(['history']);
    expect(reply(['net', 'list', '--so'])).toEqual(['--sort']);
    expect(reply(['net', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
  });

  it('completes values, also after "--via="', () => {
    expect(reply(['net', 'log', 'x', '--via', 'me'])).toEqual(['message', 'meal', 'meeting']);
    expect(reply(['net', 'log', 'x', '--via', '='])).toEqual([...CHANNELS]);
    expect(reply(['net', 'log', 'x', '--via', '=', 'vi'])).toEqual(['video']);
  });

  it('completes names, which readline then quotes', () => {
    expect(reply(['net', 'log', 'nic'])).toEqual(['Niccolò Ferri']);
    expect(reply(['net', 'show', '"giu'])).toEqual(['Giulia Rossi']);
    expect(reply(['net', 'log', 'giulia', 'd'])).toEqual(["Lucia D'Amico"]);
  });

  it('completes file names where a file is expected', () => {
    expect(reply(['net', 'restore', 'back'])).toEqual(['backup-2026.db']);
  });
});
