// `net log` alone: the entry of dist/cli/net.log.cjs, which bin/net runs for
// `net log` (scripts/bundle.mjs leaves the other commands of its group out).
import { registerJournal } from '../register/journal.js';
import { runInProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['log'], register: registerJournal, alone: true }], argv);
}
