// Driving the real binary in a pseudo-terminal through tmux: prompts, tables
// at a fixed width, and completion in interactive shells. When tmux is missing
// these tests are skipped (with a note); they never install anything.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { BIN } from './helpers.js';

export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

export const HAS_TMUX = hasProgram('tmux');
if (!HAS_TMUX) console.warn('tmux is not installed: the pseudo-terminal tests are skipped (apt-get install -y tmux)');

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `node bin/net ARGS…` as a shell command. */
export function netCommand(args: readonly string[] = []): string {
  return [process.execPath, BIN, ...args].map(shellQuote).join(' ');
}

/** A PATH where `net` is the built binary (for completion scripts, which call `net`). */
export function pathWithNet(binDir: string): string {
  return `${binDir}:${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`;
}

export interface TerminalOptions {
  env: NodeJS.ProcessEnv;
  width?: number;
  height?: number;
}

export class Terminal {
  private readonly socket: string;

  /** Runs `command` (a shell command line) in a fresh tmux server with only `env`. */
  constructor(dir: string, command: string, options: TerminalOptions) {
    this.socket = join(dir, `tmux-${process.pid}-${Math.random().toString(36).slice(2, 8)}.sock`);
    const env = Object.entries(options.env)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => `${key}=${shellQuote(value)}`)
      .join(' ');
    // The exit code is printed when the command ends; the pane stays to be read.
    // The shell survives a Ctrl-C meant for the command (its trap is not inherited).
    const inner = `trap : INT; ${command}; echo "[exit $?]"; sleep 600`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(options.width ?? 80), '-y', String(options.height ?? 40), `env -i ${env} sh -c ${shellQuote(inner)}`);
  }

  private tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** What the terminal shows; lines that wrapped at the width are joined back. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J').replace(/\s+$/, '');
  }

  /** The screen with its colours, as escape sequences. */
  coloured(): string {
    return this.tmux('capture-pane', '-p', '-J', '-e').replace(/\s+$/, '');
  }

  /** The screen as the terminal draws it, at its width. */
  rows(): string[] {
    return this.tmux('capture-pane', '-p').split('\n');
  }

  /** Waits until the screen matches, and returns it. */
  async waitFor(pattern: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Sends keys by tmux name: 'Enter', 'Down', 'C-c', 'Tab'. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', ...keys);
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux('send-keys', '-l', text);
  }

  async exitCode(timeoutMs = 20_000): Promise<number> {
    const screen = await this.waitFor(/\[exit \d+\]/, timeoutMs);
    return Number(/\[exit (\d+)\]/.exec(screen)?.[1]);
  }

  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
  }
}

/** Ends the terminals, and waits for their processes to let go of the sandbox. */
export async function closeAll(terminals: Terminal[]): Promise<void> {
  for (const t of terminals.splice(0)) t.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
}
