// `net search` alone: the entry of dist/cli/net.search.cjs, which bin/net runs for
// `net search`; it declares only this command, so the bundle holds no other's code.
import { declareSearch } from '../register/journal.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['search'], register: declareSearch, alone: true }], argv);
}
