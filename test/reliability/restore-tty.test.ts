// net restore on a terminal: it asks before replacing the database; "no"
// (exit 1) or Ctrl-C (130) changes nothing, "yes" restores and keeps the replaced one.
// Skipped when tmux is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { closeAll, HAS_TMUX, netCommand, Terminal } from '../tty.js';
import { queryFile, sha1 } from './support.js';

describe.skipIf(!HAS_TMUX)('net restore on a terminal', () => {
  let s: Sandbox;
  let backup: string;
  const terminals: Terminal[] = [];
  const open = (args: string[]): Terminal => {
    const t = new Terminal(s.dir, netCommand(args), { env: { ...s.env, TERM: 'xterm-256color' } });
    terminals.push(t);
    return t;
  };
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Giulia Rossi']));
    backup = join(s.dir, 'saved.db');
    ok(s.net(['backup', backup]));
    ok(s.net(['add', 'Marco Bianchi']));
  });
  afterAll(async () => {
    await closeAll(terminals);
    s.cleanup();
  });

  it('asks first; no changes nothing (exit 1)', async () => {
    const before = sha1(s.db);
    const t = open(['restore', backup]);
    // The prompt wraps the question at the terminal's width.
    const screen = (await t.waitFor('(y/N)')).replace(/\s+/g, ' ');
    expect(screen).toContain(`Replace ${s.db} with ${backup} (1 contact(s) and 0 interaction(s))? The current database is kept as a backup.`);
    t.type('n');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(1);
    expect(t.screen()).toContain('net: nothing was restored: you answered no');
    expect(sha1(s.db)).toBe(before);
    expect(existsSync(join(s.dir, 'data', 'net-backup-2026-03-14-120000-before-restore.db'))).toBe(false);
  });

  it('yes restores, and keeps the database it replaced', async () => {
    const t = open(['restore', backup]);
    await t.waitFor('(y/N)');
    t.type('y');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(`Restored ${s.db} from ${backup}: 1 contact(s) and 0 interaction(s).`);
    expect(queryFile(s.db, 'select name from contacts')).toEqual([{ name: 'Giulia Rossi' }]);
    const kept = join(s.dir, 'data', 'net-backup-2026-03-14-120000-before-restore.db');
    expect(queryFile(kept, 'select name from contacts order by id')).toEqual([{ name: 'Giulia Rossi' }, { name: 'Marco Bianchi' }]);
  });
});
