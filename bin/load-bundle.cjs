// Loads the bundled CLI (dist/cli/net.cjs: the whole program in one CommonJS
// file, each command and library initialised only when used) with V8's code
// cache (dist/cli/net.cache, made by `npm run build` after running the
// everyday commands once), so that start-up skips parsing and compiling most
// of the code. The cache is used only when it was made for this very bundle
// (the build id on the bundle's first line starts the cache too) and V8
// accepts it (same Node.js and flags); otherwise the bundle compiles as usual.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { constants, Script } = require('node:vm');

/** The source as compiled: the bundle inside the function Node.js wraps every CommonJS module in. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The cache's first line: the bundle's build id, so that a cache never meets another bundle. */
function cacheHeader(source) {
  return Buffer.from(`${source.slice(0, source.indexOf('\n'))}\n`);
}

/** Compiles and runs the bundle at `file`; returns its `run(argv)` and the compiled script (for making the cache). */
function loadBundle(file) {
  const source = readFileSync(file, 'utf8');
  let cachedData;
  try {
    const cache = readFileSync(`${file.slice(0, -'.cjs'.length)}.cache`);
    const header = cacheHeader(source);
    if (cache.subarray(0, header.length).equals(header)) cachedData = cache.subarray(header.length);
  } catch {
    // No cache: compile as usual.
  }
  const script = new Script(wrap(source), {
    filename: file,
    cachedData,
    // The few dynamic imports left in the bundle (Node's own modules, better-sqlite3) load as in any module.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { run: module.exports.run, script };
}

module.exports = { cacheHeader, loadBundle };
