// Where an export's text goes: the standard output, or a file written
// atomically (atomic-file.ts), in blocks rather than record by record.
import { writeSync } from 'node:fs';

export interface TextSink {
  write(text: string): void;
  /** Makes the output final (for a file: flush and rename). */
  close(): void;
  /** Gives up: the temporary file goes, the target is untouched. */
  abort(): void;
}

/**
 * `sink` written in blocks of about `bytes`: an export writes a record at a
 * time, and a system call for each of 500,000 small records took 5 of the
 * 6 seconds of `net export interactions --json`. close() writes what is left.
 */
export function inBlocks(sink: TextSink, bytes = 64 * 1024): TextSink {
  let held: string[] = [];
  let size = 0;
  const flush = () => {
    if (held.length === 0) return;
    const text = held.join('');
    held = [];
    size = 0;
    sink.write(text);
  };
  return {
    write(text) {
      held.push(text);
      size += text.length;
      if (size >= bytes) flush();
    },
    close() {
      flush();
      sink.close();
    },
    abort() {
      // What was made before the failure goes out as it did record by record (a file's temporary copy is removed anyway).
      try {
        flush();
      } catch {
        // The failure may be the writing itself.
      }
      sink.abort();
    },
  };
}

/**
 * Writes `text` to `fd` as the text itself, with one system call where the
 * descriptor takes it all: Node encodes it in memory of its own, freed on
 * return, where a Buffer made for each large text lived until a collection
 * (an export of 250 MB grew by 100 MB of them). Returns what a short write
 * left, as bytes, for the caller to write on (empty when all went out).
 */
export function writeTextSync(fd: number, text: string): Buffer {
  const written = writeSync(fd, text);
  return written === Buffer.byteLength(text) ? NOTHING_LEFT : Buffer.from(text).subarray(written);
}

const NOTHING_LEFT = Buffer.alloc(0);
