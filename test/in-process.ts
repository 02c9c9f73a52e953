// A synchronous call into the worker that runs net commands in process
// (in-process-worker.cjs): the test's thread waits on a shared flag, then
// takes the reply from its port, so tests keep the plain `s.net(args)` of a
// spawned binary.
import { resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, SHARE_ENV, Worker, type MessagePort } from 'node:worker_threads';

export interface InProcessRequest {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  input: string;
  terminal: boolean;
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

let runner: { worker: Worker; replies: MessagePort } | undefined;

function start(): { worker: Worker; replies: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(resolve(import.meta.dirname, 'in-process-worker.cjs'), {
    env: SHARE_ENV,
    workerData: { replies: port2 },
    transferList: [port2],
  });
  worker.unref();
  return { worker, replies: port1 };
}

export function runInWorker(request: InProcessRequest, timeoutMs = 60_000): InProcessResult {
  runner ??= start();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  runner.worker.postMessage({ request, signal });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    Atomics.wait(signal, 0, 0, 50);
    const message = receiveMessageOnPort(runner.replies);
    if (message) {
      const reply = message.message as { result?: InProcessResult; error?: string };
      if (reply.error !== undefined) throw new Error(`net ${request.args.join(' ')} crashed in process:\n${reply.error}`);
      return reply.result as InProcessResult;
    }
    if (Date.now() > deadline) throw new Error(`net ${request.args.join(' ')} did not finish in ${timeoutMs} ms`);
  }
}
