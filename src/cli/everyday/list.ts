// `net list` alone: the entry of dist/cli/net.list.cjs, which bin/net runs for
// `net list`; it declares only this command, so the bundle holds no other's code.
import { declareList } from '../register/journal.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['list'], register: declareList, alone: true }], argv);
}
