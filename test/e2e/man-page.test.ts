// The manual page, dist/man/net.1, is made by the build from the command
// tree: every command, argument and option that `net help` shows is in it,
// and man(1) reads it without a warning.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/command-groups.js';
import type { Registration } from '../../src/cli/program.js';
import { hasProgram } from '../tty.js';

const PAGE = resolve(import.meta.dirname, '..', '..', 'dist', 'man', 'net.1');
const page = readFileSync(PAGE, 'utf8');
/** The page as roff reads it back: escapes undone. */
const plain = page.replace(/\\f[BIRP]/g, '').replace(/\\-/g, '-').replace(/\\e/g, '\\').replace(/\\\[u([0-9A-F]{4,5})\]/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

const io: Registration['io'] = { write: () => {}, error: () => {}, stdin: () => process.stdin, stdoutIsTTY: false, stdinIsTTY: false, stderrIsTTY: false, columns: 80 };
const { program } = buildProgram(io, {});
const help = program.createHelp();

function visible(command: Command): Command[] {
  const children = help.visibleCommands(command).filter((c) => c.name() !== 'help');
  return children.flatMap((c) => [c, ...visible(c)]);
}

describe('the man page', () => {
  it('has every command with its usage, arguments and options', () => {
    const commands = visible(program);
    expect(commands.length).toBeGreaterThan(30);
    for (const command of commands) {
      expect(plain, help.commandUsage(command)).toContain(`.SS\n${help.commandUsage(command)}\n`);
      for (const argument of help.visibleArguments(command)) expect(plain).toContain(`.TP\n${argument.name()}\n`);
      for (const option of help.visibleOptions(command)) {
        if (option.long !== '--help') expect(plain, `${command.name()} ${option.flags}`).toContain(option.flags.replace(/[<>[\]]/g, ''));
      }
    }
    expect(page).not.toMatch(/__complete/);
  });

  it('carries the version of the package and the help topics', () => {
    const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(page.split('\n')[0]).toBe(`.TH NET 1 "" "net-journal ${version}" "User Commands"`);
    for (const topic of ['circles', 'rhythms', 'dates', 'exit-codes']) expect(plain).toMatch(new RegExp(`^\\.SS\\n${topic} - `, 'm'));
  });

  it.skipIf(!hasProgram('groff') || !hasProgram('man'))('is read by groff without a warning, and man shows it', () => {
    const check = spawnSync('groff', ['-man', '-ww', '-z', PAGE], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    const shown = spawnSync('man', ['-l', PAGE], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' } });
    expect(shown.stdout).toMatch(/^NET\(1\)/);
    expect(shown.stdout).toMatch(/\n {3}net log \[options\] <contacts\.\.\.>\n/);
    expect(shown.stdout).toContain('martedì scorso');
  });
});
