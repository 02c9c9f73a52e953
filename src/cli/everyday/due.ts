// `net due` alone: the entry of dist/cli/net.due.cjs, which bin/net runs for
// `net due` (scripts/bundle.mjs leaves the other commands of its group out).
import { registerScheduling } from '../register/scheduling.js';
import { runInProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['due'], register: registerScheduling, alone: true }], argv);
}
