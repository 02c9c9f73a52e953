// Long text, as git takes a commit message: `-m -` reads it from standard
// input, `-e` opens $VISUAL or $EDITOR on it (with the -m text to start
// from), and lines starting with # are left out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError, UsageError } from '../core/errors.js';
import type { Context } from './context.js';

export interface LongTextOptions {
  /** What -m (or --note) said; `-` is standard input. */
  text: string | undefined;
  /** -e: write it in the editor. */
  edit: boolean | undefined;
  /** The option's name, for messages. */
  field: string;
  /** Said in the editor above the text (as # lines): what the text is for. */
  purpose: string;
}

async function readStdin(ctx: Context): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.io.stdin()) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

/** $VISUAL, then $EDITOR, then vi, as git and crontab choose. */
export function editorCommand(env: NodeJS.ProcessEnv): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

/** The text without the # lines and the blank lines around it. */
export function withoutComments(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .trim();
}

/** Opens the editor on `initial` in a private temporary file; the text written, # lines left out. */
export function editText(ctx: Context, initial: string, purpose: string, field: string): string {
  if (!ctx.io.stdinIsTTY || !ctx.io.stdoutIsTTY) {
    throw new UsageError(`${field}: the editor needs a terminal`, 'give the text with the option itself, or `-` to read it from standard input');
  }
  const dir = mkdtempSync(join(tmpdir(), 'net-edit-'));
  const file = join(dir, 'NOTE.txt');
  try {
    const help = `\n# ${purpose}\n# Lines starting with # are left out; an empty text leaves it out.\n`;
    writeFileSync(file, `${initial}${initial.endsWith('\n') || initial === '' ? '' : '\n'}${help}`, { mode: 0o600 });
    const editor = editorCommand(ctx.env);
    // Through the shell, as git does: EDITOR may carry arguments ("code --wait").
    // Loaded here only: child_process costs every `net log` some milliseconds to load.
    const { spawnSync } = process.getBuiltinModule('node:child_process');
    const result = spawnSync('sh', ['-c', `${editor} "$1"`, 'editor', file], { stdio: 'inherit', env: ctx.env });
    if (result.error) throw new DataError(`could not start the editor (${editor}): ${result.error.message}`, 'set VISUAL or EDITOR');
    if (result.status !== 0) throw new DataError(`the editor (${editor}) exited with ${result.status ?? result.signal}; nothing was saved`);
    return withoutComments(readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a -m style option: as given, from standard input (`-`), or from the editor (-e). */
export async function longText(ctx: Context, options: LongTextOptions): Promise<string | undefined> {
  let text = options.text;
  if (text === '-') text = (await readStdin(ctx)).replace(/\r?\n$/, '');
  if (options.edit) text = editText(ctx, text ?? '', options.purpose, '-e');
  return text;
}
