// Help: `net help TOPIC`, `net help COMMAND`, every command's --help, and the
// suggestions after a typing mistake.
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/command-groups.js';
import { HELP_TOPICS } from '../../src/core/help-topics.js';
import { sandbox, type Sandbox } from '../helpers.js';

/** Every command a person can type, as its words after `net`. */
function visibleCommands(command: Command, path: string[] = []): Array<{ path: string[]; command: Command }> {
  return command
    .createHelp()
    .visibleCommands(command)
    .filter((c) => c.name() !== 'help' || path.length === 0)
    .flatMap((c) => [{ path: [...path, c.name()], command: c }, ...visibleCommands(c, [...path, c.name()])]);
}

let written = '';
const io = { write: (text: string) => void (written += text), error: () => {}, stdoutIsTTY: false, stdinIsTTY: false, stderrIsTTY: false, columns: 80 };
const { program } = buildProgram(io, {});
const commands = visibleCommands(program);

/** What `net … --help` prints, text added after the options included. */
function fullHelp(command: Command): string {
  written = '';
  command.outputHelp();
  return written;
}

describe('net help', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it('without a topic is `net --help`, with the topics and where to start', () => {
    const help = s.net(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(s.net(['--help']).stdout);
    expect(help.stdout).toContain('Help topics (net help TOPIC):');
    for (const topic of HELP_TOPICS) expect(help.stdout).toMatch(new RegExp(`^  ${topic.name} +${topic.summary.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(help.stdout).toContain('`net demo`');
  });

  it.each(HELP_TOPICS.map((t) => [t.name]))('explains %s, plain when piped', (name) => {
    const result = s.net(['help', name]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${HELP_TOPICS.find((t) => t.name === name)?.text}\n`);
  });

  it('takes a topic in any case and by its other names', () => {
    expect(s.net(['help', 'EXIT']).stdout).toBe(s.net(['help', 'exit-codes']).stdout);
  });

  it('shows a command’s own help, subcommands included', () => {
    const log = s.net(['help', 'log']);
    expect(log.code).toBe(0);
    expect(log.stdout).toBe(s.net(['log', '--help']).stdout);
    const nested = commands.find((c) => c.path.length === 2);
    if (nested) expect(s.net(['help', ...nested.path]).stdout).toBe(s.net([...nested.path, '--help']).stdout);
  });

  it('says what exists when the word is neither, suggesting the nearest', () => {
    const typo = s.net(['help', 'rythms']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^net: no help topic or command called "rythms"\n  did you mean `net help rhythms`\?/);
    const far = s.net(['help', 'zzzzzz']);
    expect(far.code).toBe(2);
    expect(far.stderr).not.toContain('did you mean');
    expect(far.stderr).toContain('exit-codes');
  });
});

describe('typing mistakes', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it('an unknown command suggests the closest one', () => {
    const result = s.net(['lsit']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: unknown command 'lsit'\n\(Did you mean list\?\)/);
  });

  it('an unknown option suggests the closest one', () => {
    const result = s.net(['log', 'anna', '--vai', 'email']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: unknown option '--vai'\n\(Did you mean --via\?\)/);
  });
});

describe('every command’s --help', () => {
  const leaves = commands.filter(({ command }) => command.commands.length === 0);

  it('covers the whole tree', () => {
    expect(leaves.map((c) => c.path.join(' '))).toEqual(expect.arrayContaining(['add', 'log', 'demo', 'init', 'completion']));
  });

  it.each(commands.map((c) => [c.path.join(' '), c.command] as const))('%s has a one-line summary', (_, command) => {
    const summary = command.summary() || command.description();
    expect(summary.trim()).not.toBe('');
    expect(summary).not.toContain('\n');
  });

  it.each(leaves.map((c) => [c.path.join(' '), c] as const))('%s shows two or three real examples, within 80 columns', (_, { path, command }) => {
    const help = fullHelp(command);
    const examples = help.split('\n').filter((line) => line.trim().startsWith(`$ net ${path.join(' ')}`) || (path[0] === 'help' && line.trim().startsWith('$ net help')));
    expect(help).toContain('Examples:');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const line of help.split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
  });
});
