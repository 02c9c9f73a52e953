// The program declares only the group of the command it runs: each group must
// say exactly which commands it declares, and the word that picks the group
// is found after the program's own options.
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMAND_GROUPS } from '../../src/cli/command-groups.js';
import { commandWord } from '../../src/cli/program.js';

const io = { write: () => {}, error: () => {}, stdoutIsTTY: false, stdinIsTTY: false, stderrIsTTY: false, columns: 80 };
const names = (args?: string[]) => buildProgram(io, {}, args).program.commands.map((c) => c.name());

describe('command groups', () => {
  it('name every command of the whole program, each once', () => {
    const listed = COMMAND_GROUPS.flatMap((g) => g.names);
    expect([...listed].sort()).toEqual(names().sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it.each(COMMAND_GROUPS.filter((g) => g.alone).map((g) => [g.names[0], g.names] as const))('running %s declares its group alone', (word, group) => {
    expect(names([word])).toEqual([...group]);
    expect(names(['--db', 'x.db', '--no-color', word, '--json'])).toEqual([...group]);
  });

  it('declares everything for help, completion, the demo, no command and a mistyped one', () => {
    const all = names();
    for (const args of [['help', 'review'], ['__complete', 'log'], ['demo'], [], ['--help'], ['revew'], ['--db', 'review'], ['--', 'review']]) {
      expect(names(args), args.join(' ')).toEqual(all);
    }
  });

  it('finds the command word after the program options', () => {
    expect(commandWord(['--db', 'due', 'review', '--week'])).toBe('review');
    expect(commandWord(['--db=x.db', 'due'])).toBe('due');
    expect(commandWord(['--no-input', '--no-color'])).toBeUndefined();
  });
});
