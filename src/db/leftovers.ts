// Temporary files that a killed net left beside the database: a backup, a
// restore or an export writes under a temporary name (core/temporary-name.ts)
// and renames it at the end, so a process killed half-way leaves a copy that
// can be as large as the database. `net doctor` lists those whose process is
// gone, and `net doctor --repair` removes them.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseTemporaryName } from '../core/temporary-name.js';

export interface Leftover {
  path: string;
  bytes: number;
}

/** Whether a process with this id runs (on this machine); one of another user counts. */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** net's temporary files in the database's folder whose process has ended, with SQLite's side files of them. */
export function findLeftovers(dbPath: string): Leftover[] {
  const folder = dirname(dbPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: Leftover[] = [];
  for (const name of names.sort()) {
    const parsed = parseTemporaryName(name);
    if (!parsed || running(parsed.pid)) continue;
    const path = join(folder, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isFile()) found.push({ path, bytes: stat.size });
  }
  return found;
}

/** Removes the leftovers found now (a process that is running keeps its files); returns what was removed. */
export function removeLeftovers(dbPath: string): Leftover[] {
  const found = findLeftovers(dbPath);
  for (const leftover of found) rmSync(leftover.path, { force: true });
  return found;
}
