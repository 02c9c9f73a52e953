// Writing an export to a file atomically: a temporary file in the same folder
// (mode 0600: personal data; named as in core/temporary-name.ts, so that a
// killed export's leftover can be found), flushed to disk, then renamed over
// the target, so a reader never sees half a file and a failure leaves the old
// one. What may be written over is checked before (db/output-guard.ts).
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DataError, systemErrorText } from '../core/errors.js';
import { temporaryName } from '../core/temporary-name.js';
import { writeTextSync, type TextSink } from './text-sink.js';

function cannotWrite(path: string, error: unknown): DataError {
  const why = systemErrorText(error) ?? (error as Error).message;
  return new DataError(`cannot write ${path}: ${why}`, (error as { code?: unknown }).code === 'ENOSPC' ? 'free some space; the file was not changed' : undefined);
}

export function atomicFile(path: string): TextSink {
  const temp = join(dirname(path), temporaryName(basename(path), process.pid, randomBytes(4).toString('hex')));
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? new DataError(`cannot write ${path}: the folder does not exist`) : cannotWrite(path, error);
  }
  let open = true;
  const remove = () => {
    if (open) closeSync(fd);
    open = false;
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
  };
  return {
    write(text) {
      try {
        let buffer = writeTextSync(fd, text);
        while (buffer.length > 0) buffer = buffer.subarray(writeSync(fd, buffer));
      } catch (error) {
        remove();
        throw cannotWrite(path, error);
      }
    },
    close() {
      try {
        fsyncSync(fd);
        closeSync(fd);
        open = false;
        renameSync(temp, path);
      } catch (error) {
        remove();
        throw cannotWrite(path, error);
      }
    },
    abort: remove,
  };
}
