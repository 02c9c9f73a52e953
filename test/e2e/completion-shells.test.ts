// TAB in real interactive shells, through a pseudo-terminal (tmux): the
// completion scripts as a person meets them. Each shell is skipped when it is
// not installed; fish also answers without a terminal (`complete -C`).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';
import { closeAll, HAS_TMUX, hasProgram, pathWithNet, shellQuote, Terminal } from '../tty.js';

let s: Sandbox;
let binDir: string;
let clashDir: string;
const terminals: Terminal[] = [];

beforeAll(() => {
  s = sandbox();
  for (const name of ['Niccolò Ferri', 'Giulia Rossi', 'Giorgio Bassi']) ok(s.net(['add', name]));
  binDir = join(s.dir, 'bin');
  mkdirSync(binDir);
  writeFileSync(join(binDir, 'net'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"\n`);
  chmodSync(join(binDir, 'net'), 0o755);
  for (const shell of ['bash', 'zsh', 'fish']) writeFileSync(join(s.dir, `net.${shell}`), ok(s.net(['completion', shell])));
  // Samba's net first on PATH, net itself as netj: what the completion must still serve.
  clashDir = join(s.dir, 'clash');
  mkdirSync(clashDir);
  writeFileSync(join(clashDir, 'net'), '#!/bin/sh\necho "Usage: net <rpc|ads|rap> [options]"\nexit 255\n');
  writeFileSync(join(clashDir, 'netj'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"\n`);
  for (const name of ['net', 'netj']) chmodSync(join(clashDir, name), 0o755);
});
afterAll(async () => {
  await closeAll(terminals);
  s.cleanup();
});

function shellEnv(dir = binDir): NodeJS.ProcessEnv {
  return { ...s.env, PATH: pathWithNet(dir), TERM: 'xterm-256color' };
}

/** Starts an interactive shell with the script sourced and a `$ ` prompt. */
async function shell(command: string, setup: string, dir = binDir): Promise<Terminal> {
  const t = new Terminal(s.dir, command, { env: shellEnv(dir), width: 100 });
  terminals.push(t);
  t.type(setup);
  t.keys('Enter');
  await t.waitFor(/^READY\n\$$/m);
  return t;
}

/** Types a line, presses TAB, and returns the line as completed. */
async function tab(t: Terminal, typed: string, expected: string | RegExp): Promise<string> {
  t.keys('C-u');
  t.type(typed);
  t.keys('Tab');
  const screen = await t.waitFor(expected);
  return screen;
}

describe.skipIf(!HAS_TMUX)('bash, interactive', () => {
  it('completes a command, an option value and a name with an accent', async () => {
    const t = await shell('bash --norc --noprofile', `PS1='$ '; source ${shellQuote(join(s.dir, 'net.bash'))}; echo READY`);
    await tab(t, 'net hist', /\$ net history$/m);
    await tab(t, 'net log x --via cof', /\$ net log x --via coffee$/m);
    await tab(t, 'net log nic', /\$ net log Niccolò\\ Ferri$/m);
    await tab(t, 'net show "giu', /\$ net show "Giulia Rossi"$/m);
  });
});

describe.skipIf(!HAS_TMUX || !hasProgram('zsh'))('zsh, interactive', () => {
  it('completes with descriptions, and names from a part of them', async () => {
    const t = await shell('zsh -f', `PS1='$ '; autoload -Uz compinit && compinit -u -D; source ${shellQuote(join(s.dir, 'net.zsh'))}; echo READY`);
    await tab(t, 'net hist', /\$ net history$/m);
    await tab(t, 'net log nic', /\$ net log Niccolò\\ Ferri$/m);
    await tab(t, 'net log nicolo', /\$ net log Niccolò\\ Ferri$/m);
    // The first TAB inserts what the two names share; the second lists them.
    await tab(t, 'net log gi', /\$ net log Gi$/m);
    t.keys('Tab');
    const menu = await t.waitFor(/Giorgio Bassi +-- network/);
    expect(menu).toMatch(/Giulia Rossi +-- network/);
  });
});

describe.skipIf(!hasProgram('fish'))('fish', () => {
  it('answers `complete -C` with values and descriptions', () => {
    const script = join(s.dir, 'net.fish');
    const run = (line: string) =>
      spawnSync('fish', ['--no-config', '-c', `source ${shellQuote(script)}; complete -C ${shellQuote(line)}`], { env: shellEnv(), encoding: 'utf8' }).stdout;
    expect(run('net hist')).toBe('history\tinteractions, newest first\n');
    expect(run('net log x --via vi')).toBe('video\n');
    expect(run('net show nic')).toBe('Niccolò Ferri\tnetwork\n');
  });
});

describe('as netj, with Samba\'s net first on PATH', () => {
  it.skipIf(!HAS_TMUX)('bash completes netj from netj', async () => {
    const t = await shell('bash --norc --noprofile', `PS1='$ '; source ${shellQuote(join(s.dir, 'net.bash'))}; echo READY`, clashDir);
    await tab(t, 'netj hist', /\$ netj history$/m);
    await tab(t, 'netj log nic', /\$ netj log Niccolò\\ Ferri$/m);
  });

  it.skipIf(!HAS_TMUX || !hasProgram('zsh'))('zsh completes netj from netj', async () => {
    const t = await shell('zsh -f', `PS1='$ '; autoload -Uz compinit && compinit -u -D; source ${shellQuote(join(s.dir, 'net.zsh'))}; echo READY`, clashDir);
    await tab(t, 'netj hist', /\$ netj history$/m);
    await tab(t, 'netj log nicolo', /\$ netj log Niccolò\\ Ferri$/m);
  });

  it.skipIf(!hasProgram('fish'))('fish completes netj from netj', () => {
    const line = 'netj log --via cof';
    const result = spawnSync('fish', ['--no-config', '-c', `source ${shellQuote(join(s.dir, 'net.fish'))}; complete -C ${shellQuote(line)}`], {
      env: shellEnv(clashDir),
      encoding: 'utf8',
    });
    expect(result.stdout).toMatch(/^coffee\b/m);
  });
});
