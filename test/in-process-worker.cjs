// Runs net commands in process for the tests: the built bundle, loaded once
// in this worker, with a captured I/O instead of a terminal or a pipe. The
// test's thread blocks until each command is done (see in-process.ts), so a
// command costs its own work, not a Node.js start.
'use strict';
const { Readable } = require('node:stream');
const { parentPort, workerData } = require('node:worker_threads');
const bundle = require('../dist/cli/net.cjs');

async function runNet({ args, env, input, terminal }) {
  const out = [];
  const err = [];
  // The time zone is the process's, as in a spawned net. The environment is
  // shared with the test's thread (SHARE_ENV): this isolate sees the change.
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
}

parentPort.on('message', async ({ request, signal }) => {
  let reply;
  try {
    reply = { result: await runNet(request) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.stack : String(error) };
  }
  workerData.replies.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
