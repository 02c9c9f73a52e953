// The native SQLite module (better-sqlite3's addon) that cannot be loaded:
// compiled for another Node.js (by hand, or left from an older install), or
// missing. Recognised from the loader's own error, so that net says what
// happened and how to fix it instead of blaming the database.

export interface SqliteModuleFailure {
  /** Built for another Node.js (it is there but will not load), or not there at all. */
  reason: 'other-node' | 'missing';
  /** The addon file the loader named, when it named one. */
  file: string | undefined;
}

/** What dlopen and Node.js say of an addon built for another Node.js, platform or C library. */
const WILL_NOT_LOAD = /NODE_MODULE_VERSION|did not self-register|compiled against a different Node\.js|invalid ELF header|file too short|wrong ELF class|undefined symbol|GLIBC_/;
const ADDON_FILE = /[^\s'"]*(?:better_sqlite3|better-sqlite3[\\/]prebuilds[\\/][^\s'"]*)\.node/;

export function sqliteModuleFailure(error: unknown): SqliteModuleFailure | undefined {
  if (!(error instanceof Error)) return undefined;
  const text = error.message;
  if (!/better[-_]sqlite3/.test(text)) return undefined;
  const file = ADDON_FILE.exec(text)?.[0];
  // better-sqlite3 12 and older looked for the addon through `bindings`.
  if (/Could not locate the bindings file/.test(text)) return { reason: 'missing', file: undefined };
  const code = (error as { code?: unknown }).code;
  if (file !== undefined && (code === 'ERR_DLOPEN_FAILED' || WILL_NOT_LOAD.test(text))) return { reason: 'other-node', file };
  if (file !== undefined && code === 'MODULE_NOT_FOUND') return { reason: 'missing', file };
  return undefined;
}

/**
 * The folder of the net package that holds the addon, and whether it is a
 * global install (…/lib/node_modules/net-journal) rather than a checkout.
 */
export function packageOfAddon(file: string | undefined): { root: string; global: boolean } | undefined {
  const at = file?.search(/[\\/]node_modules[\\/]better-sqlite3[\\/]/) ?? -1;
  if (file === undefined || at < 0) return undefined;
  const root = file.slice(0, at);
  return { root, global: /[\\/]node_modules[\\/][^\\/]+$/.test(root) };
}

/**
 * The message and the fix. better-sqlite3 ships its addon prebuilt for
 * Node-API and has no install script, so `npm rebuild` changes nothing:
 * a reinstall is what replaces a module built for another Node.js.
 */
export function describeSqliteModuleFailure(failure: SqliteModuleFailure, nodeVersion: string): { message: string; fix: string } {
  const what =
    failure.reason === 'other-node'
      ? `net's SQLite module (better-sqlite3) was built for another Node.js and cannot be loaded by this one (${nodeVersion})`
      : `net's SQLite module (better-sqlite3) is missing, so net cannot open its database`;
  const message = failure.file ? `${what}: ${failure.file}` : what;
  const where = packageOfAddon(failure.file);
  const quoted = (path: string): string => (/^[\w./@+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);
  const fix =
    where === undefined || where.global
      ? 'reinstall net with the Node.js you run it with: npm install -g net-journal (in a checkout: npm ci)'
      : `reinstall its dependencies with the Node.js you run it with: cd ${quoted(where.root)} && npm ci`;
  return { message, fix };
}
