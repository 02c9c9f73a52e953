// `net history` alone: the entry of dist/cli/net.history.cjs, which bin/net runs for
// `net history`; it declares only this command, so the bundle holds no other's code.
import { declareHistory } from '../register/journal.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['history'], register: declareHistory, alone: true }], argv);
}
