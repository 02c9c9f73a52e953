// `net search` alone: the entry of dist/cli/net.search.cjs, which bin/net runs for
// `net search` (scripts/bundle.mjs leaves the other commands of its group out).
import { registerJournal } from '../register/journal.js';
import { runInProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['search'], register: registerJournal, alone: true }], argv);
}
