// `net list` alone: the entry of dist/cli/net.list.cjs, which bin/net runs for
// `net list` (scripts/bundle.mjs leaves the other commands of its group out).
import { registerJournal } from '../register/journal.js';
import { runInProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['list'], register: registerJournal, alone: true }], argv);
}
