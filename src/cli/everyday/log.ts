// `net log` alone: the entry of dist/cli/net.log.cjs, which bin/net runs for
// `net log`; it declares only this command, so the bundle holds no other's code.
import { declareLog } from '../register/journal.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['log'], register: declareLog, alone: true }], argv);
}
