// Loads the bundled CLI (dist/cli/net.cjs: the whole program in one CommonJS
// file, each command and library initialised only when used) as fast as the
// Node.js running it allows:
// - with V8's code cache made by `npm run build` after running the everyday
//   commands once (dist/cli/net.cache), when it was made for this very bundle
//   and this V8: start-up then skips parsing and compiling most of the code.
//   Each everyday command has a cache of its own (net.due.cache…, made by
//   running only it): a third smaller, so V8 reads less at every start;
// - otherwise (another Node.js than the build's, or no cache) with Node's own
//   compile cache (module.enableCompileCache: one per Node version, in Node's
//   cache folder, made on the first run), so no Node is left compiling
//   everything on every start. It holds less (the code compiled on loading,
//   not what the commands ran), so it comes second.
'use strict';
const { closeSync, openSync, readFileSync, readSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { constants, Script } = require('node:vm');

/** The source as compiled: the bundle inside the function Node.js wraps every CommonJS module in. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** The cache's first line: the bundle's build id and the V8 that made it; a cache never meets another. */
function cacheHeader(buildLine) {
  return Buffer.from(`${buildLine} v8:${process.versions.v8}\n`);
}

/** The bundle's first line, its build id, read without reading the megabyte after it. */
function buildLine(file) {
  const head = Buffer.alloc(128);
  const fd = openSync(file, 'r');
  try {
    const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString('latin1');
    return text.slice(0, text.indexOf('\n'));
  } finally {
    closeSync(fd);
  }
}

/** The commands with a code cache of their own: scripts/code-cache.mjs makes one for each. */
const COMMAND_CACHES = ['due', 'list', 'show', 'log', 'history', 'search', 'review'];

/** The command `args` (net's arguments) run: the first word that is not a global option or its value. */
function commandWord(args) {
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--db' || arg === '--color') k += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The code cache file for `file` (the bundle) run with `args`: the command's own, else the general one. */
function cacheFile(file, args) {
  const word = commandWord(args);
  const base = file.slice(0, -'.cjs'.length);
  return COMMAND_CACHES.includes(word) ? `${base}.${word}.cache` : `${base}.cache`;
}

/** The code cache for `file` run with `args` when it was made for this bundle and this V8, else undefined. */
function codeCacheFor(file, args = []) {
  const header = cacheHeader(buildLine(file));
  for (const path of new Set([cacheFile(file, args), cacheFile(file, [])])) {
    try {
      const cache = readFileSync(path);
      return cache.subarray(0, header.length).equals(header) ? cache.subarray(header.length) : undefined;
    } catch {
      // A command's cache missing (an older build): the general one.
    }
  }
  return undefined;
}

/** Compiles and runs the bundle with `cachedData` (or none); returns its `run(argv)` and the compiled script (for making the cache). */
function compileBundle(file, cachedData) {
  const source = readFileSync(file, 'utf8');
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

/** Loads the bundle at `file` to run `args`; `script` is set when it was compiled here with the build's code cache. */
function loadBundle(file, args = []) {
  const cachedData = codeCacheFor(file, args);
  if (cachedData !== undefined) return compileBundle(file, cachedData);
  // Fails quietly (a folder that cannot be written): the bundle then compiles as usual.
  require('node:module').enableCompileCache?.();
  return { run: require(file).run, script: undefined };
}

module.exports = { COMMAND_CACHES, buildLine, cacheFile, cacheHeader, compileBundle, loadBundle };
