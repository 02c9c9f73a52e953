import { describe, expect, it } from 'vitest';
import { describeSqliteModuleFailure, packageOfAddon, sqliteModuleFailure } from '../../src/core/sqlite-module.js';

const ADDON = '/home/ada/.npm-global/lib/node_modules/net-journal/node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const PREBUILD = '/home/ada/src/net/node_modules/better-sqlite3/prebuilds/linux-x64.node';

function failure(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

describe('a SQLite module that cannot be loaded', () => {
  it.each([
    [
      'built for another NODE_MODULE_VERSION',
      failure(
        `The module '${ADDON}'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 137. Please try re-compiling or re-installing\nthe module (for instance, using \`npm rebuild\` or \`npm install\`).`,
        'ERR_DLOPEN_FAILED',
      ),
      { reason: 'other-node', file: ADDON },
    ],
    ['that did not self-register', failure(`Module did not self-register: '${ADDON}'.`, 'ERR_DLOPEN_FAILED'), { reason: 'other-node', file: ADDON }],
    ['that is not a library at all', failure(`${PREBUILD}: invalid ELF header`, 'ERR_DLOPEN_FAILED'), { reason: 'other-node', file: PREBUILD }],
    ['that is missing', failure(`Cannot find module '${PREBUILD}'\nRequire stack:\n- /x/dist/cli/net.cjs`, 'MODULE_NOT_FOUND'), { reason: 'missing', file: PREBUILD }],
    [
      'that `bindings` could not find (better-sqlite3 12)',
      failure('Could not locate the bindings file. Tried:\n → /x/node_modules/better-sqlite3/build/better_sqlite3.node'),
      { reason: 'missing', file: undefined },
    ],
  ])('is recognised when %s', (_, error, expected) => {
    expect(sqliteModuleFailure(error)).toEqual(expected);
  });

  it.each([
    ['a database error', Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })],
    ['another missing module', failure("Cannot find module 'ics'", 'MODULE_NOT_FOUND')],
    ['another addon', failure("Module did not self-register: '/x/node_modules/fsevents/fsevents.node'.", 'ERR_DLOPEN_FAILED')],
    ['no Error at all', 'better_sqlite3.node'],
  ])('is not confused with %s', (_, error) => {
    expect(sqliteModuleFailure(error)).toBeUndefined();
  });

  it('is said with the Node.js that runs net, and fixed by a reinstall where net is installed', () => {
    const global = describeSqliteModuleFailure({ reason: 'other-node', file: ADDON }, 'v24.22.3');
    expect(global.message).toBe(`net's SQLite module (better-sqlite3) was built for another Node.js and cannot be loaded by this one (v24.22.3): ${ADDON}`);
    expect(global.fix).toMatch(/npm install -g net-journal/);
    const checkout = describeSqliteModuleFailure({ reason: 'missing', file: PREBUILD }, 'v22.23.5');
    expect(checkout.message).toMatch(/^net's SQLite module \(better-sqlite3\) is missing/);
    expect(checkout.fix).toBe('reinstall its dependencies with the Node.js you run it with: cd /home/ada/src/net && npm ci');
    expect(describeSqliteModuleFailure({ reason: 'missing', file: undefined }, 'v26.1.0').fix).toMatch(/npm install -g net-journal/);
  });

  it('finds the package folder of the addon', () => {
    expect(packageOfAddon(ADDON)).toEqual({ root: '/home/ada/.npm-global/lib/node_modules/net-journal', global: true });
    expect(packageOfAddon(PREBUILD)).toEqual({ root: '/home/ada/src/net', global: false });
    expect(packageOfAddon(undefined)).toBeUndefined();
  });
});
