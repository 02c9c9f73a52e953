// The habits people bring from git, gh and task, through the real binary in a
// pseudo-terminal (tmux): answering no, colours, a plain `net`. Skipped when
// tmux is missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { rawWrite } from '../raw-writes.js';
import { closeAll, HAS_TMUX, netCommand, Terminal } from '../tty.js';

describe.skipIf(!HAS_TMUX)('on a terminal', () => {
  let s: Sandbox;
  const terminals: Terminal[] = [];
  const open = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const t = new Terminal(s.dir, netCommand(args), { env: { ...s.env, TERM: 'xterm-256color', ...env } });
    terminals.push(t);
    return t;
  };
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Giulia Rossi', '--circle', 'close']));
    ok(s.net(['log', 'giulia', '--via', 'coffee', '-m', 'a coffee', '--date', '2026-01-10']));
  });
  afterAll(async () => {
    await closeAll(terminals);
    s.cleanup();
  });

  it('answering no to a confirmation exits 1, saying nothing was done', async () => {
    const t = open(['rm', 'giulia']);
    await t.waitFor('(y/N)');
    t.type('n');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(1);
    expect(t.screen()).toContain('net: nobody was removed: you answered no');
    expect(s.query('select count(*) as n from contacts where deleted_at is null')).toEqual([{ n: 1 }]);
  });

  it('answering no to merging exits 1 too, and merges nobody', async () => {
    ok(s.net(['add', 'Mara Twin', '--email', 'mara@one.example']));
    ok(s.net(['add', 'Mara Twin Two', '--email', 'mara@two.example']));
    const t = open(['merge', 'Mara Twin', 'Mara Twin Two']);
    await t.waitFor('(y/N)');
    t.type('n');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(1);
    expect(t.screen()).toContain('net: nobody was merged: you answered no');
    expect(s.query("select count(*) as n from contacts where name like 'Mara Twin%' and merged_into is null and deleted_at is null")).toEqual([{ n: 2 }]);
    ok(s.net(['rm', 'Mara Twin', '--yes']));
    ok(s.net(['rm', 'Mara Twin Two', '--yes']));
  });

  it('--no-color reaches the prompts; without it they are in colour', async () => {
    const plain = open(['--no-color', 'rm', 'giulia']);
    await plain.waitFor('(y/N)');
    expect(plain.coloured()).not.toContain('\u001b[');
    plain.keys('C-c');
    expect(await plain.exitCode()).toBe(130);
    const coloured = open(['rm', 'giulia']);
    await coloured.waitFor('(y/N)');
    expect(coloured.coloured()).toContain('\u001b[');
    coloured.keys('C-c');
    expect(await coloured.exitCode()).toBe(130);
  });

  it('a plain net on a terminal is the morning check, late in red', async () => {
    const t = open([]);
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toMatch(/^Who +Why +Due +Via/m);
    expect(t.coloured()).toMatch(/\u001b\[31m\d+ days ago/);
  });

  it('-e opens $VISUAL (or $EDITOR) on the note, starting from -m; # lines are left out', async () => {
    const editor = join(s.dir, 'editor.sh');
    const seen = join(s.dir, 'seen.txt');
    writeFileSync(editor, `#!/bin/sh\ncp "$1" '${seen}'\nprintf 'talked about the deck\\n# not a note\\n' > "$1"\n`, { mode: 0o755 });
    const t = open(['log', 'giulia', '--via', 'call', '-m', 'start', '-e'], { VISUAL: editor, EDITOR: 'false' });
    expect(await t.exitCode()).toBe(0);
    expect(readFileSync(seen, 'utf8')).toBe('start\n\n# What happened with giulia?\n# Lines starting with # are left out; an empty text leaves it out.\n');
    expect(s.query("select note from interactions where channel = 'call'")).toEqual([{ note: 'talked about the deck' }]);
  });

  it('an editor that fails saves nothing (exit 1)', async () => {
    const t = open(['log', 'giulia', '--via', 'video', '-e'], { EDITOR: 'false' });
    expect(await t.exitCode()).toBe(1);
    expect(t.screen()).toContain('net: the editor (false) exited with 1; nothing was saved');
    expect(s.query("select count(*) as n from interactions where channel = 'video'")).toEqual([{ n: 0 }]);
  });

  describe('long output goes through a pager', () => {
    const pager = (name: string) => {
      const script = join(s.dir, `${name}.sh`);
      writeFileSync(script, `#!/bin/sh\ncat > '${join(s.dir, `${name}.txt`)}'\necho "paged by ${name}"\n`, { mode: 0o755 });
      return script;
    };

    it('$PAGER gets what list, show, history and review print', async () => {
      for (const [args, shown] of [[['list'], 'Giulia Rossi'], [['show', 'giulia'], 'Timeline'], [['history'], 'Giulia Rossi'], [['review'], 'Review of']] as const) {
        const t = open([...args], { PAGER: pager('pager') });
        expect(await t.exitCode(), args.join(' ')).toBe(0);
        expect(t.screen()).toContain('paged by pager');
        expect(readFileSync(join(s.dir, 'pager.txt'), 'utf8')).toContain(shown);
      }
    });

    it('NET_PAGER comes first; --no-pager and NET_PAGER=cat write straight out', async () => {
      const first = open(['list'], { PAGER: pager('pager'), NET_PAGER: pager('netpager') });
      expect(await first.exitCode()).toBe(0);
      expect(first.screen()).toContain('paged by netpager');
      for (const [args, env] of [[['--no-pager', 'list'], { PAGER: pager('pager') }], [['list'], { PAGER: pager('pager'), NET_PAGER: 'cat' }]] as const) {
        const t = open([...args], env);
        expect(await t.exitCode()).toBe(0);
        expect(t.screen()).toMatch(/^ID +Name/m);
        expect(t.screen()).not.toContain('paged by');
      }
    });

    it('less by default: it waits on a long text, q quits (exit 0); a short one is shown at once', async () => {
      const rows = Array.from({ length: 60 }, (_, k) => `2025-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')},Giulia Rossi,email,in,note ${k}`);
      writeFileSync(join(s.dir, 'many.csv'), `date,contacts,via,direction,note\n${rows.join('\n')}\n`);
      ok(s.net(['import', 'csv', join(s.dir, 'many.csv'), '--interactions']));
      const long = open(['history']);
      await long.waitFor(/note \d+/);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(long.screen()).not.toContain('[exit');
      long.type('q');
      expect(await long.exitCode()).toBe(0);
      const short = open(['show', 'giulia', '--limit', '1']);
      expect(await short.exitCode()).toBe(0);
      expect(short.screen()).toContain('Giulia Rossi #1');
    });

    it('the pager gets text already made safe (net\'s colours kept), and --json as stored', async () => {
      ok(s.net(['add', 'Eve Hostile', '--note', 'to be replaced']));
      const stored = 'hi \u001b]0;pwned\u0007 \u009b2J \u202eX';
      const db = new Database(s.db);
      rawWrite(db, () => db.prepare("update contacts set notes = ? where name = 'Eve Hostile'").run(stored));
      db.close();
      const human = open(['show', 'eve'], { PAGER: pager('safe') });
      expect(await human.exitCode()).toBe(0);
      const paged = readFileSync(join(s.dir, 'safe.txt'), 'utf8');
      expect(paged).toContain('hi \\u{1b}]0;pwned\\u{7} \\u{9b}2J \\u{202e}X');
      expect(paged).toMatch(/\u001b\[\d+m/);
      expect(paged.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      const json = open(['show', 'eve', '--json'], { PAGER: pager('exact') });
      expect(await json.exitCode()).toBe(0);
      expect((JSON.parse(readFileSync(join(s.dir, 'exact.txt'), 'utf8')) as { notes: string }).notes).toBe(stored);
    });
  });

  it('net edit CONTACT alone opens the person in $EDITOR, and saves the changes as one command that undo takes back', async () => {
    ok(s.net(['add', 'Edith Piaf', '--company', 'Olympia', '--tag', 'music,paris', '--email', 'edith@example.com']));
    const editor = join(s.dir, 'edit-person.sh');
    writeFileSync(
      editor,
      `#!/bin/sh\ncp "$1" '${join(s.dir, 'form.txt')}'\nsed -i -e 's/^company: .*/company: Bobino/' -e 's/^tags: .*/tags: music, singer/' -e 's/^location:.*/location: Paris/' "$1"\n`,
      { mode: 0o755 },
    );
    const t = open(['edit', 'edith'], { EDITOR: editor });
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain('Updated Edith Piaf');
    expect(readFileSync(join(s.dir, 'form.txt'), 'utf8')).toMatch(/^name: Edith Piaf\nname prefix:\nname suffix:\nnicknames:\ncompany: Olympia\nrole:\nemails: edith@example\.com\n/);
    expect(s.query("select company, location from contacts where name = 'Edith Piaf'")).toEqual([{ company: 'Bobino', location: 'Paris' }]);
    expect(s.query("select tag from contact_tags t join contacts c on c.id = t.contact_id where c.name = 'Edith Piaf' order by tag")).toEqual([{ tag: 'music' }, { tag: 'singer' }]);
    ok(s.net(['undo', '--yes']));
    expect(s.query("select company, location from contacts where name = 'Edith Piaf'")).toEqual([{ company: 'Olympia', location: null }]);
  });

  it('net edit in $EDITOR edits the address book beside the name: nicknames, a title before and after it', async () => {
    ok(s.net(['add', 'Anna Meyer', '--nickname', 'Annie,Anni', '--name-prefix', 'Dott.ssa']));
    const editor = join(s.dir, 'edit-names.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i -e 's/^nicknames: .*/nicknames: Annie, AM/' -e 's/^name prefix:.*/name prefix:/' -e 's/^name suffix:.*/name suffix: PhD/' "$1"\n`, {
      mode: 0o755,
    });
    const t = open(['edit', 'anna'], { EDITOR: editor });
    expect(await t.exitCode()).toBe(0);
    expect(s.json<Record<string, unknown>>(['show', 'anna'])).toMatchObject({ nicknames: ['AM', 'Annie'], name_prefix: null, name_suffix: 'PhD' });
    // One command, which undo takes back whole.
    ok(s.net(['undo', '--yes']));
    expect(s.json<Record<string, unknown>>(['show', 'anna'])).toMatchObject({ nicknames: ['Anni', 'Annie'], name_prefix: 'Dott.ssa', name_suffix: null });
  });

  it('net edit in $EDITOR refuses a value that is not valid, and changes nothing (exit 2)', async () => {
    const editor = join(s.dir, 'bad-circle.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i 's/^circle: .*/circle: bestie/' "$1"\n`, { mode: 0o755 });
    const t = open(['edit', 'edith'], { EDITOR: editor });
    expect(await t.exitCode()).toBe(2);
    expect(t.screen()).toContain('net: --circle');
    expect(s.query("select circle from contacts where name = 'Edith Piaf'")).toEqual([{ circle: 'network' }]);
  });
});

