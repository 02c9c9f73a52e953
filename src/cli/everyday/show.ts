// `net show` alone: the entry of dist/cli/net.show.cjs, which bin/net runs for
// `net show`; it declares only this command, so the bundle holds no other's code.
import { declareShow } from '../register/journal.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['show'], register: declareShow, alone: true }], argv);
}
