// The entry point of the tsc build (dist/src); bin/net runs the bundle (dist/cli) when it is as new.
import { run } from './cli/net.js';

process.exitCode = await run(process.argv);
