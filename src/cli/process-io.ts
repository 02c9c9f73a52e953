// The Io of the net process itself. Output to a pipe, a file or /dev/null is
// written with writeSync on its file descriptor: making process.stdout or
// process.stderr loads Node's net, stream and tty modules (some 5 ms of every
// command), and net writes each piece of output at once anyway. A terminal
// gets the streams, as prompts and the pager need.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { writeTextSync } from '../formats/text-sink.js';
import type { Io } from './context.js';

let devNullRdev: number | null | undefined;

function isDevNull(rdev: number): boolean {
  if (devNullRdev === undefined) {
    try {
      devNullRdev = statSync('/dev/null').rdev;
    } catch {
      devNullRdev = null;
    }
  }
  return rdev === devNullRdev;
}

/** Whether `fd` is a terminal; node:tty is loaded only for a character device other than /dev/null. */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice() || isDevNull(stat.rdev)) return false;
  } catch {
    // Closed: not a terminal.
    return false;
  }
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/** The streams output went through (a terminal's, or a full pipe's rest): the process may end early only once they are drained. */
const outputStreams = new Set<NodeJS.WriteStream>();

/** True when everything written so far has reached the operating system (no stream holds any of it). */
export function outputWritten(): boolean {
  for (const stream of outputStreams) if (stream.writableLength > 0) return false;
  return true;
}

/** A reader that went away (`net list | head`) ends the process quietly on stdout; on stderr the message is dropped. */
function readerGone(fd: 1 | 2): void {
  if (fd === 1) process.exit(process.exitCode ?? 0);
}

/** The stream of `fd` (a terminal's, or the rest of a full pipe's), made when first used and counted among those the process waits for. */
function outputStream(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!outputStreams.has(stream)) {
    outputStreams.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      readerGone(fd);
    });
  }
  return stream;
}

/**
 * Writes all of each text to `fd`, ending as readerGone says when the reader
 * went away; a non-blocking pipe that is full hands the rest to the stream,
 * which waits.
 */
function directWriter(fd: 1 | 2): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  return (text) => {
    if (stream) {
      stream.write(text);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = writeTextSync(fd, text);
    } catch {
      // The write is tried again below, where each failure has its answer.
      bytes = Buffer.from(text);
    }
    for (let at = 0; at < bytes.length; ) {
      try {
        at += writeSync(fd, bytes, at);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') return readerGone(fd);
        if (code !== 'EAGAIN') throw error;
        stream = outputStream(fd);
        stream.write(bytes.subarray(at));
        return;
      }
    }
  };
}

export function processIo(): Io {
  const stdoutIsTTY = isTerminal(1);
  const stderrIsTTY = isTerminal(2);
  // A terminal's stdout from the start (its width is read below); stderr's when first written.
  if (stdoutIsTTY) outputStream(1);
  return {
    write: stdoutIsTTY ? (text) => void outputStream(1).write(text) : directWriter(1),
    error: stderrIsTTY ? (text) => void outputStream(2).write(text) : directWriter(2),
    stdin: () => process.stdin,
    stdoutIsTTY,
    stdinIsTTY: isTerminal(0),
    stderrIsTTY,
    columns: stdoutIsTTY ? process.stdout.columns || 80 : 80,
  };
}
