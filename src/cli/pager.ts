// Long output through a pager on a terminal, as git does: `show`, `history`,
// `review` and `list` are written to $NET_PAGER, $PAGER or `less -FRX` (which
// quits at once when the text fits the screen, keeps colours, and leaves the
// text on the screen). `--no-pager`, or NET_PAGER=cat, writes straight out.
import type { Io } from './context.js';

/** The top-level commands whose output is paged. */
export const PAGED_COMMANDS: ReadonlySet<string> = new Set(['show', 'history', 'review', 'list']);

/** The pager to use, or null for none. */
export function pagerCommand(io: Io, env: NodeJS.ProcessEnv, option: boolean | undefined): string | null {
  if (option === false || !io.stdoutIsTTY) return null;
  // Only the real process: commands run in process by the tests capture their output.
  if (env !== process.env) return null;
  const pager = (env.NET_PAGER ?? env.PAGER ?? 'less -FRX').trim();
  return pager === '' || pager === 'cat' ? null : pager;
}

/** An Io that keeps what is written, and `flush()`, which hands it to the pager (or writes it out). */
export function pagedIo(io: Io, env: NodeJS.ProcessEnv, pager: string): { io: Io; flush(): void } {
  const chunks: string[] = [];
  return {
    io: { ...io, write: (text) => void chunks.push(text) },
    flush() {
      const text = chunks.join('');
      chunks.length = 0;
      if (text === '') return;
      // Loaded here only: child_process costs every start-up some milliseconds.
      const { spawnSync } = process.getBuiltinModule('node:child_process');
      // LESS and LV as git sets them when unset: quit if one screen, colours, no clearing.
      const result = spawnSync('sh', ['-c', pager], {
        input: text,
        stdio: ['pipe', 'inherit', 'inherit'],
        env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c' },
      });
      const code = (result.error as NodeJS.ErrnoException | undefined)?.code;
      // A reader that quits early is not an error; a pager that cannot start leaves the text to stdout.
      if (code === 'EPIPE') return;
      if (result.error || result.status === 126 || result.status === 127) io.write(text);
    },
  };
}
