// Runs net commands in process for the tests: the built bundle, loaded once
// in this worker, with a captured I/O instead of a terminal or a pipe. The
// test's thread waits for each command as it would for a spawned binary
// (synckit), so a command costs its own work, not a Node.js start.
'use strict';
const { Readable } = require('node:stream');
const { runAsWorker } = require('synckit');
const bundle = require('../dist/cli/net.cjs');

runAsWorker(async (args, env, input, terminal) => {
  const out = [];
  const err = [];
  // The time zone is the process's, as in a spawned net (Node.js follows a change of TZ at once).
  process.env.TZ = env.TZ ?? 'UTC';
  const io = {
    write: (text) => void out.push(text),
    error: (text) => void err.push(text),
    stdin: () => Readable.from(input === '' ? [] : [Buffer.from(input)]),
    stdoutIsTTY: terminal,
    stdinIsTTY: false,
    stderrIsTTY: terminal,
    columns: 80,
  };
  const code = await bundle.runWith(io, env, ['node', 'net', ...args]);
  return { code, stdout: out.join(''), stderr: err.join('') };
});
