// `net due` alone: the entry of dist/cli/net.due.cjs, which bin/net runs for
// `net due`; it declares only this command, so the bundle holds no other's code.
import { declareDue } from '../register/scheduling.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['due'], register: declareDue, alone: true }], argv);
}
