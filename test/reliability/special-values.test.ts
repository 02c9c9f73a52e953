// Values that are special to JavaScript or to the file system get the errors
// of ordinary bad input: `__proto__` as an interval, a FIFO or a folder as the
// database, a path through a file; and a command that fails on its arguments
// leaves no database behind.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';
import { queryFile, STACK_FRAME } from './support.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

const SPECIAL = ['__proto__', 'constructor'];

describe('__proto__ and friends', () => {
  it('as an interval or a setting: a usage error (exit 2), and nothing stored', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    const stored = () => ({
      settings: queryFile(s.db, 'select * from settings'),
      contacts: queryFile(s.db, 'select cadence_days, snoozed_until from contacts'),
    });
    const before = stored();
    for (const word of SPECIAL) {
      for (const args of [
        ['add', `Someone ${word}`, '--every', word],
        ['edit', 'giulia', '--every', word],
        ['snooze', 'giulia', '--for', word],
        ['snooze', 'giulia', '--for', `2 ${word}`],
        ['config', 'set', 'cadence.close', word],
        ['config', 'set', word, '5'],
        ['config', 'get', word],
        ['config', 'unset', word],
      ]) {
        const result = s.net(args);
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^net: /);
        expect(result.stderr).not.toMatch(/unexpected error|NaN|\[object Object\]/);
      }
    }
    expect(stored()).toEqual(before);
    expect(queryFile(s.db, 'select name from contacts')).toEqual([{ name: 'Giulia Rossi' }]);
  });
});

describe('a command that fails on its arguments', () => {
  it('does not create the database or its folder', () => {
    const people = join(s.dir, 'people.csv');
    writeFileSync(people, 'name\nAnna Meyer\n');
    const db = join(s.dir, 'none', 'net.db');
    for (const args of [
      ['log', 'giulia', '-m', 'x'],
      ['show', 'giulia'],
      ['rm', 'giulia', '--yes'],
      ['edit', 'giulia', '--company', 'Acme'],
      ['archive', 'giulia'],
      ['unarchive', 'giulia'],
      ['snooze', 'giulia', '--for', '2 weeks'],
      ['followup', 'add', 'giulia', 'send the deck'],
      ['followup', 'done', '99'],
      ['outreach', 'step', 'giulia', 'replied'],
      ['outreach', 'nudge', 'giulia'],
      ['outreach', 'draft', 'giulia'],
      ['history', 'giulia'],
      ['add', 'Giulia', '--every', '__proto__'],
    ]) {
      const result = s.net(args, { env: { NET_DB: db } });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBeGreaterThan(0);
      expect(existsSync(join(s.dir, 'none')), args.join(' ')).toBe(false);
    }
    // A dry run writes nothing either, and reports as on an empty network.
    const dry = s.net(['import', 'csv', people, '--dry-run'], { env: { NET_DB: db } });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('added 1');
    expect(existsSync(join(s.dir, 'none'))).toBe(false);
  });
});

describe('--db that is not a file', () => {
  it('a FIFO or a folder is refused with a message (exit 2), without waiting for ever', () => {
    const fifo = join(s.dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const folder = join(s.dir, 'folder');
    mkdirSync(folder);
    const kinds: [string, string][] = [
      [fifo, 'a named pipe'],
      [folder, 'a folder'],
    ];
    for (const [path, kind] of kinds) {
      for (const args of [['list'], ['add', 'Giulia Rossi'], ['due'], ['export', 'contacts'], ['backup'], ['doctor'], ['log', 'giulia']]) {
        const result = spawnSync(process.execPath, [BIN, '--db', path, ...args], { env: s.env, encoding: 'utf8', input: '', timeout: 15_000 });
        const label = `${kind}: ${args.join(' ')}`;
        expect(result.error, label).toBeUndefined();
        if (args[0] === 'doctor') {
          expect(result.status, label).toBe(1);
          expect(result.stdout, label).toContain(`${path} is ${kind}, not a database file`);
          continue;
        }
        expect(result.status, `${label}: ${result.stderr}`).toBe(2);
        expect(result.stderr, label).toBe(`net: the database ${path} is ${kind}, not a database file\n  point --db or NET_DB at a file (a new name creates one)\n`);
      }
    }
    // A FIFO as the backup to restore from is refused the same way.
    ok(s.net(['add', 'Giulia Rossi']));
    const restore = spawnSync(process.execPath, [BIN, 'restore', fifo, '--yes'], { env: s.env, encoding: 'utf8', input: '', timeout: 15_000 });
    expect(restore.error).toBeUndefined();
    expect(restore.status).toBe(2);
    expect(restore.stderr).toBe(`net: ${fifo} is a named pipe, not a backup file\n`);
  });
});

describe('ordinary failures of the file system', () => {
  it('are named, not "unexpected error"', () => {
    ok(s.net(['add', 'Giulia Rossi']));
    const file = join(s.dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const backup = s.net(['backup', join(file, 'copy.db')]);
    expect(backup).toMatchObject({ code: 1, stdout: '' });
    expect(backup.stderr).toBe(`net: cannot create the folder ${file}: it is a file, not a folder\n  check the path and its permissions\n`);
    const exported = s.net(['export', 'contacts', '--out', join(file, 'contacts.csv')]);
    expect(exported).toMatchObject({ code: 1, stdout: '' });
    expect(exported.stderr).toBe(`net: cannot write ${join(file, 'contacts.csv')}: a part of the path is not a folder\n`);
    const database = s.net(['add', 'Anna Meyer'], { env: { NET_DB: join(file, 'net.db') } });
    expect(database.code).toBe(1);
    // Node 22 and later find no file behind a file (stat without ENOTDIR): mkdir then meets it.
    expect(database.stderr).toBe(`net: cannot create the folder ${file}: it is a file, not a folder\n  check the path and its permissions\n`);
    for (const result of [backup, exported, database]) {
      expect(result.stderr).not.toMatch(/unexpected error/);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
