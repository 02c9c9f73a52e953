// Bundles the CLI into dist/cli with esbuild, after `tsc` has type-checked
// and compiled it to dist/src. Start-up is mostly module loading: kysely alone
// is ~260 files, zod ~95, chrono-node ~270. Bundled, `net` loads one file for
// the program and one chunk per command and library it actually uses (code
// splitting keeps the lazy `import()` of each command lazy). better-sqlite3
// stays outside: it loads a native addon from its own folder.
// dist/cli/meta.json maps each chunk to the modules inside it, so that tests
// can check which libraries a command loads.
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const outdir = resolve(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });

const { metafile } = await build({
  entryPoints: [resolve(root, 'src', 'main.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
  banner: { js: "import { createRequire as __netRequire } from 'node:module'; const require = __netRequire(import.meta.url);" },
  metafile: true,
  minify: true,
  logLevel: 'warning',
});
writeFileSync(resolve(outdir, 'meta.json'), JSON.stringify(metafile));
