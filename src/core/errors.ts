// Typed errors, thrown anywhere and turned into a message and an exit code in
// one place (src/main.ts).

export abstract class NetError extends Error {
  abstract readonly exitCode: number;
  /** What to try instead, printed on a second line. */
  readonly hint: string | undefined;
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
  }
}

/** Bad usage: unknown option, invalid value, missing argument (exit 2). */
export class UsageError extends NetError {
  readonly exitCode = 2;
}

/** A value refused, named with its field: `--limit: "x" is not a number`. */
export function valueError(field: string, value: unknown, problem: string): UsageError {
  const shown = typeof value === 'string' ? `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"` : String(value);
  return new UsageError(`${field}: ${shown} ${problem}`);
}

/** A contact, follow-up or record that does not exist (exit 1). */
export class NotFoundError extends NetError {
  readonly exitCode = 1;
}

/** Several records match where one was meant (exit 1); a terminal can ask which one. */
export class AmbiguousError extends NetError {
  readonly exitCode = 1;
  constructor(
    message: string,
    hint?: string,
    /** The records that match, for a question on a terminal. */
    readonly candidates: ReadonlyArray<{ id: number; name: string }> = [],
  ) {
    super(message, hint);
  }
}

/** The change conflicts with what is stored: a duplicate, a forbidden move (exit 1). */
export class ConflictError extends NetError {
  readonly exitCode = 1;
}

/** The database or a file cannot be used as it is (exit 1). */
export class DataError extends NetError {
  readonly exitCode = 1;
}

/**
 * The person answered no to a confirmation (exit 1, as the thing asked about
 * was not done; Ctrl-C is 130).
 */
export class DeclinedError extends NetError {
  readonly exitCode = 1;
  constructor(what = 'nothing was changed') {
    super(`${what}: you answered no`);
  }
}

/** The person pressed Ctrl-C in a prompt (exit 130). */
export class CancelledError extends NetError {
  readonly exitCode = 130;
  constructor() {
    super('cancelled');
  }
}

// C0/C1 control characters other than tab and newline, and the bidirectional
// overrides: echoed raw, a hostile value could recolour or rewrite the terminal.
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text made safe to print in a message: unsafe characters shown as \u{1b}. */
export function showControls(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`);
}

// Net's own styling (SGR colours, bold) and, on stderr, its progress line
// (a carriage return, erase to the end of the line) pass; everything else
// that could move the cursor, set a title, write the clipboard or reorder
// text is shown escaped.
const STYLE_OR_UNSAFE = /\u001b\[[0-9;]*m|\u001b\[K|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal or a pipe read by people: controls escaped, net's colours kept (`progress`: also \r and erase-line). */
export function terminalSafe(text: string, progress = false): string {
  return text.replace(STYLE_OR_UNSAFE, (c) => {
    if (c.length > 1 && (c.endsWith('m') || progress)) return c;
    if (c === '\r' && progress) return c;
    return `\\u{${c.codePointAt(0)?.toString(16)}}`;
  });
}

// What the ordinary failures of a file operation mean, in words: a full disk
// or a missing folder is not an "unexpected error".
const SYSTEM_ERRORS: ReadonlyMap<string, string> = new Map([
  ['ENOSPC', 'the disk is full'],
  ['EDQUOT', 'the disk quota is used up'],
  ['EFBIG', 'the file is too large for the file system'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['EROFS', 'the file system is read-only'],
  ['ENOENT', 'no such file or folder'],
  ['ENOTDIR', 'a part of the path is not a folder'],
  ['EISDIR', 'it is a folder'],
  ['EEXIST', 'it already exists'],
  ['ENAMETOOLONG', 'the name is too long'],
  ['ELOOP', 'too many symbolic links'],
  ['EIO', 'an input/output error: check the disk'],
  ['EMFILE', 'too many open files'],
  ['ENFILE', 'too many open files'],
  ['ENOMEM', 'not enough memory'],
  ['EBUSY', 'the file is busy'],
  ['ETXTBSY', 'the file is busy'],
  ['EXDEV', 'it is on another file system'],
  ['ENXIO', 'no such device'],
  ['ENODEV', 'no such device'],
]);

/** The meaning of a Node.js system error (ENOSPC, EACCES …), or undefined for other errors. */
export function systemErrorText(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? SYSTEM_ERRORS.get(code) : undefined;
}
