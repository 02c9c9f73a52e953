// `net review` alone: the entry of dist/cli/net.review.cjs, which bin/net runs for
// `net review`; it declares only this command, so the bundle holds no other's code.
import { registerReview } from '../register/review.js';
import { runInProcess } from '../run.js';

export { finishProcess } from '../run.js';

export function run(argv: string[]): Promise<number> {
  return runInProcess([{ names: ['review'], register: registerReview, alone: true }], argv);
}
