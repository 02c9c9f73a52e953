// A process's own peak resident memory, in KB. getrusage's maxRSS is not it
// on Linux: a child keeps the maxRSS of the parent it was forked from (the
// count survives execve), so a benchmark that holds a large network in
// memory made every command it started look as large. /proc's VmHWM belongs
// to the process's own memory, made anew by execve.
import { readFileSync } from 'node:fs';

export function ownPeakKb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage is the best there is.
  }
  return process.resourceUsage().maxRSS;
}
