// Where an export's text goes: the standard output, or a file written
// atomically (atomic-file.ts), in blocks rather than record by record.

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
