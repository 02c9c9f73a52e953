// Loads the bundled CLI (dist/cli/net.cjs: the whole program in one CommonJS
// file, each command and library initialised only when used) as fast as the
// Node.js running it allows:
// - an everyday command (net due, log, show…) from a bundle of its own,
//   dist/cli/net.due.cjs…: the same program with that command only;
// - with V8's code cache made by `npm run build` after running the commands
//   once (net.cache for the whole program, net.due.cache… for each
//   everyday command's bundle), when it was made for this very bundle and
//   this V8: start-up then skips parsing and compiling most of the code;
// - otherwise (another Node.js than the build's, or no cache) with Node's own
//   compile cache (module.enableCompileCache: one per Node version, in Node's
//   cache folder, made on the first run), so no Node is left compiling
//   everything on every start. It holds less (the code compiled on loading,
//   not what the commands ran), so it comes second.
'use strict';
const { closeSync, openSync, readFileSync, readSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join, resolve } = require('node:path');
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

/**
 * The everyday commands, each with a bundle of its own (dist/cli/net.due.cjs…,
 * from src/cli/everyday/): about half the code of the whole program, so V8
 * reads and takes less at every start.
 */
const EVERYDAY_COMMANDS = ['due', 'list', 'show', 'log', 'history', 'search', 'review'];

/** The command `args` (net's arguments) run: the first word that is not a global option or its value (as commandWord in src/cli/program.ts). */
function commandWord(args) {
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--') return undefined;
    if (arg === '--db' || arg === '--color') k += 1;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** The program's own switches, which a plain `net` may carry (PROGRAM_SWITCHES in src/cli/program.ts). */
const PROGRAM_SWITCHES = ['--no-color', '--no-input', '--no-pager', '-q', '--quiet'];

/**
 * For a plain `net` (only the program's own options): the database it would
 * use, as resolveDbPath (src/db/path.ts) finds it; undefined for anything else.
 * A plain `net` is `net due` when that database exists (withDefaultCommand).
 */
function plainNetDatabase(args, env) {
  let db;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--db') db = args[++k];
    else if (arg.startsWith('--db=')) db = arg.slice('--db='.length);
    else if (arg === '--color') k += 1;
    else if (!PROGRAM_SWITCHES.includes(arg) && !arg.startsWith('--color=')) return undefined;
  }
  if (db) return resolve(db);
  if (env.NET_DB) return resolve(env.NET_DB);
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || require('node:os').homedir(), '.local', 'share');
  return join(dataHome, 'net', 'net.db');
}

/** The bundle that runs `args`: an everyday command's own next to `file` (the whole program) when there is one, else `file`. */
function bundleFor(file, args, env = process.env) {
  let word = commandWord(args);
  if (word === undefined) {
    const db = plainNetDatabase(args, env);
    if (db !== undefined && statSync(db, { throwIfNoEntry: false })) word = 'due';
  }
  if (!EVERYDAY_COMMANDS.includes(word)) return file;
  const own = `${file.slice(0, -'.cjs'.length)}.${word}.cjs`;
  return statSync(own, { throwIfNoEntry: false }) ? own : file;
}

/** The code cache of a bundle: NAME.cache beside NAME.cjs. */
function cacheFile(bundle) {
  return `${bundle.slice(0, -'.cjs'.length)}.cache`;
}

/** The code cache for `bundle` when it was made for this bundle and this V8, else undefined. */
function codeCacheFor(bundle) {
  try {
    const cache = readFileSync(cacheFile(bundle));
    const header = cacheHeader(buildLine(bundle));
    return cache.subarray(0, header.length).equals(header) ? cache.subarray(header.length) : undefined;
  } catch {
    // No cache (an older build, a copy without it): Node's compile cache.
    return undefined;
  }
}

/** Compiles and runs the bundle with `cachedData` (or none); returns its `run(argv)`, `finish(code)` (ends the process) and the compiled script (for making the cache). */
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
  return { run: module.exports.run, finish: module.exports.finishProcess, script };
}

/**
 * Loads the bundle that runs `args` (`file`, the whole program, or an
 * everyday command's own beside it); `bundle` is the file loaded, `script`
 * is set when it was compiled here with the build's code cache.
 */
function loadBundle(file, args = []) {
  const bundle = bundleFor(file, args);
  const cachedData = codeCacheFor(bundle);
  if (cachedData !== undefined) return { ...compileBundle(bundle, cachedData), bundle };
  // Fails quietly (a folder that cannot be written): the bundle then compiles as usual.
  require('node:module').enableCompileCache?.();
  const { run, finishProcess } = require(bundle);
  return { run, finish: finishProcess, script: undefined, bundle };
}

module.exports = { EVERYDAY_COMMANDS, buildLine, bundleFor, cacheFile, cacheHeader, compileBundle, loadBundle };
