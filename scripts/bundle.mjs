// Bundles the CLI into dist/cli with esbuild, after `tsc` has type-checked
// and compiled it to dist/src. Start-up is mostly module loading: kysely alone
// is ~260 files, zod ~95, chrono-node ~270, and even as ES module chunks each
// file costs a resolve, a read and a link. So the whole program is one
// CommonJS file, dist/cli/net.cjs, where each command and library is only
// initialised when first used (esbuild keeps every `import()` lazy), loaded by
// bin/load-bundle.cjs with V8's code cache (dist/cli/net.cache, made here by
// running the everyday commands once: scripts/code-cache.mjs). Each everyday
// command also has a bundle of its own, net.due.cjs… (src/cli/everyday/),
// with a cache made by running it: some 40% of the size, read at every start. Only
// better-sqlite3's native addon stays outside, loaded from its own folder,
// and mbox-reader (with the character sets of libmime: a third of the
// bundle), which only `net capture` of an mbox runs, pg (node-postgres),
// which only the team commands run, and the calendar, CSV writer and
// date-in-words libraries, in dist/cli/vendor (VENDOR below).
// The bundle is ASCII only: V8 then holds it as one-byte text, which reads
// in half the time.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { EVERYDAY_COMMANDS } from '../bin/load-bundle.cjs';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'dist', 'cli');
const outfile = resolve(outdir, 'net.cjs');
rmSync(outdir, { recursive: true, force: true });

/**
 * zod's messages in English only: net writes its own messages, and the other
 * forty locales (z.locales, which `import { z }` brings along) were a fifth
 * of the bundle that every start-up read.
 */
const zodInEnglish = {
  name: 'zod-in-english',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * Replaces every `before` with its `after` (pairs of [before, after]) in the
 * module whose path matches `filter`; fails the build when a text is not
 * there (the library changed).
 */
function patch(name, filter, replacements) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const [before, after] of replacements) {
          if (!source.includes(before)) throw new Error(`${name}: ${args.path} no longer contains ${before}`);
          source = source.replaceAll(before, after);
        }
        return { contents: source, loader: 'js' };
      });
    },
  };
}

/**
 * commander's command.js, at every start: child_process (5 ms) is loaded for
 * executable subcommands, which net has none of, so only if ever used; and
 * path, fs and process, taken as default imports of Node's modules, would
 * each be copied property by property into a module object of their own
 * (some 0.8 ms): required as they are instead.
 */
const commanderAtStart = patch('commander-at-start', /[\\/]commander[\\/]lib[\\/]command\.js$/, [
  ["import childProcess from 'node:child_process';", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"],
  ["import path from 'node:path';", "const path = require('node:path');"],
  ["import fs from 'node:fs';", "const fs = require('node:fs');"],
  ["import process from 'node:process';", "const process = require('node:process');"],
]);

/**
 * better-sqlite3's JavaScript is bundled (its fifteen files cost a resolve
 * and a read each); its native addon (a Node-API build for every platform,
 * in prebuilds/, or one compiled into build/) is still loaded from the
 * package's folder, found once: where an installed net has it
 * (node_modules/better-sqlite3 next to dist/), else through require.resolve,
 * which costs some 4 ms on its first call.
 */
const addonFromPackage = {
  name: 'better-sqlite3-addon',
  setup(b) {
    b.onLoad({ filter: /[\\/]better-sqlite3[\\/]lib[\\/]binding\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('__dirname')) throw new Error(`better-sqlite3-addon: ${args.path} no longer contains __dirname`);
      const lib = `(() => {
        const { dirname, join } = require('node:path');
        const near = join(__dirname, '..', '..', 'node_modules', 'better-sqlite3', 'lib');
        return require('node:fs').existsSync(near) ? near : join(dirname(require.resolve('better-sqlite3/package.json')), 'lib');
      })()`;
      return { contents: `const addonLib = ${lib};\n${source.replaceAll('__dirname', 'addonLib')}`, loader: 'js' };
    });
  },
};

/**
 * Libraries only some commands load, kept out of the bundles that every
 * start-up reads: each bundled on its own into dist/cli/vendor/FILE.cjs and
 * required from there when first used. None of them runs in the commands the
 * code caches are made with (a date in words, a CSV, a calendar, a mailbox,
 * the team's server), so they lose no cache by it; out of `net due`'s bundle
 * they spare a fifth of what it reads at every start.
 * `modules`: the imports FILE stands for, each with the part of FILE's
 * default export it is ('' for the whole of FILE, a CommonJS package);
 * `source`: FILE's entry, which takes from an ES module package only what
 * net imports (an import of a part of the bundle takes the part as an import
 * of CommonJS code: its default is the whole part).
 */
const VENDOR = [
  { file: 'mbox-reader', modules: { 'mbox-reader': '' } },
  { file: 'pg', modules: { pg: '' } },
  { file: 'ical', modules: { 'ical.js': 'ical' }, source: "import ICAL from 'ical.js'; export default { ical: ICAL };" },
  { file: 'csv-stringify', modules: { 'csv-stringify/sync': 'sync' }, source: "import { stringify } from 'csv-stringify/sync'; export default { sync: { stringify } };" },
  // chrono's English and Italian parsers share most of their code: one file for both, with the one
  // export src/core/natural-dates.ts uses (`casual`), which keeps out the rest (three times the size).
  {
    file: 'chrono',
    modules: { 'chrono-node': 'en', 'chrono-node/it': 'it' },
    source: "import { casual as en } from 'chrono-node'; import { casual as it } from 'chrono-node/it'; export default { en: { casual: en }, it: { casual: it } };",
  },
];
const vendored = new Map(VENDOR.flatMap(({ file, modules }) => Object.entries(modules).map(([module, part]) => [module, { file, part }])));
const vendorOutside = {
  name: 'vendor-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (vendored.has(args.path) ? { path: args.path, namespace: 'vendor' } : undefined));
    // A path computed at run time: esbuild leaves the require alone (no import() in the bundle).
    b.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => {
      const { file, part } = vendored.get(args.path);
      const required = `require(require('node:path').join(__dirname, 'vendor', ${JSON.stringify(`${file}.cjs`)}))`;
      return { contents: `module.exports = ${required}${part ? `.default.${part}` : ''};`, loader: 'js' };
    });
  },
};

/** Escapes what esbuild leaves non-ASCII (characters in regular expressions): \uXXXX means the same in strings and regular expressions. */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

const common = { bundle: true, format: 'cjs', platform: 'node', target: 'node22', minify: true, charset: 'ascii', logLevel: 'warning' };
for (const { file: name, modules, source } of VENDOR) {
  const file = resolve(outdir, 'vendor', `${name}.cjs`);
  const entry = source ? { stdin: { contents: source, resolveDir: root, loader: 'js' } } : { entryPoints: [createRequire(import.meta.url).resolve(Object.keys(modules)[0])] };
  // pg-native: pg's optional libpq binding, which net does not use.
  await build({ ...common, ...entry, outfile: file, external: ['pg-native'] });
  asciiOnly(file);
}

/** Bundles `entry` into `file` with a build id of its own; resolves to esbuild's metafile. */
async function bundle(entry, file) {
  const { metafile } = await build({
    entryPoints: [entry],
    outfile: file,
    ...common,
    // better-sqlite3/package.json: read at run time, to find the folder of the native addon.
    // pg-native: pg's optional libpq binding, which net does not use.
    external: ['better-sqlite3/package.json', 'pg-native'],
    // The build id: the code cache is only ever used with the bundle it was made for.
    banner: { js: `//net-build:${randomUUID()}` },
    plugins: [zodInEnglish, commanderAtStart, addonFromPackage, vendorOutside],
    metafile: true,
  });
  asciiOnly(file);
  return metafile;
}

// meta.json and meta.WORD.json map each bundle to its modules (esbuild's metafile: https://esbuild.github.io/analyze/).
await Promise.all([
  bundle(resolve(root, 'src', 'cli', 'net.ts'), outfile).then((meta) => writeFileSync(resolve(outdir, 'meta.json'), JSON.stringify(meta))),
  ...EVERYDAY_COMMANDS.map((word) =>
    bundle(resolve(root, 'src', 'cli', 'everyday', `${word}.ts`), resolve(outdir, `net.${word}.cjs`)).then((meta) =>
      writeFileSync(resolve(outdir, `meta.${word}.json`), JSON.stringify(meta)),
    ),
  ),
]);

const cache = spawnSync(process.execPath, [resolve(root, 'scripts', 'code-cache.mjs'), outfile], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
// Without the cache net still runs, only slower to start: say so, do not fail the build.
if (cache.status !== 0) process.stderr.write(`bundle: no code cache (exit ${cache.status}); net will start slower\n${cache.stderr}`);
