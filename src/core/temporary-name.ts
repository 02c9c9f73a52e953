// The names of the temporary files net writes before renaming them into place
// (exports, backups, the copies a restore makes): hidden, beside their target,
// and carrying the id of the process that writes them, so that `net doctor`
// can tell the leftovers of a killed process from work still under way.

const TEMPORARY = /^\.(.+)\.(\d+)-([0-9a-f]{8})\.tmp(-journal|-wal|-shm)?$/;

/** `.net.db.4242-1a2b3c4d.tmp` for `net.db`, written by process 4242; `token` is 8 hex digits. */
export function temporaryName(target: string, pid: number, token: string): string {
  return `.${target}.${pid}-${token}.tmp`;
}

export interface TemporaryName {
  /** The name of the file it was to become. */
  target: string;
  pid: number;
  /** SQLite's side file of a temporary database (`-journal`, `-wal`, `-shm`), or ''. */
  side: string;
}

/** The parts of a temporary file's name, or null when net did not make it. */
export function parseTemporaryName(name: string): TemporaryName | null {
  const m = TEMPORARY.exec(name);
  return m ? { target: m[1], pid: Number(m[2]), side: m[4] ?? '' } : null;
}
