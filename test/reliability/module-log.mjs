// Preloaded with `node --import`: appends the URL of every ES module and the
// request of every require() (and process.getBuiltinModule) the process
// makes to $NET_MODULE_LOG, one a line.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.NET_MODULE_LOG;
if (log) {
  // Module hooks run on their own thread: a data: URL module, so
  // that no file has to be found relative to this one.
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function load(url, context, next) {
        appendFileSync(${JSON.stringify(log)}, url + '\\n');
        return next(url, context);
      }`)}`,
  );
  const load = Module._load;
  Module._load = function (request, ...rest) {
    appendFileSync(log, `require:${request}\n`);
    return load.call(this, request, ...rest);
  };
  // Node's own modules taken where they are needed (process.getBuiltinModule) count as required.
  const builtin = process.getBuiltinModule;
  process.getBuiltinModule = function (id) {
    appendFileSync(log, `require:${id}\n`);
    return builtin.call(this, id);
  };
}
