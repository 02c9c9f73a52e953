// The entry point of the tsc build (dist/src); bin/net runs the bundle (dist/cli) when it is as new.
import { finishProcess, run } from './cli/net.js';

finishProcess(await run(process.argv));
