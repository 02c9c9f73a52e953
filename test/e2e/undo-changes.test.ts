// net undo and net changes, and the corrections they make possible: history
// edit and rm, followup edit and drop, favours, notes appended. Each command
// run piped and, where the output differs, as a terminal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--company', 'Acme']));
  ok(s.net(['add', 'Marco Bianchi']));
});
afterEach(() => s.cleanup());

interface Change {
  id: number;
  command: string;
  summary: string;
  undoes: number | null;
  undone_by: number | null;
  changes: string[];
}
const changes = (args: string[] = []) => s.json<Change[]>(['changes', ...args]);

describe('net changes', () => {
  it('lists each command that changed something, newest first, with its changes in words', () => {
    ok(s.net(['edit', 'giulia', '--company', 'Beta', '--tag', 'ai']));
    ok(s.net(['list'])); // reads nothing into the record
    const [edit, second, first] = changes();
    expect(first).toMatchObject({ id: 1, command: 'add', summary: 'added Giulia Rossi (#1)', undoes: null, undone_by: null });
    expect(second.summary).toBe('added Marco Bianchi (#2)');
    expect(edit).toMatchObject({ command: 'edit', summary: 'edited Giulia Rossi (#1)' });
    expect(edit.changes).toEqual(['company of Giulia Rossi (#1): Acme → Beta', 'Giulia Rossi (#1): + tag ai']);
  });

  it('--limit, --contact, and the same rows as CSV', () => {
    ok(s.net(['log', 'marco', '--via', 'call']));
    expect(changes(['--limit', '1']).map((c) => c.command)).toEqual(['log']);
    expect(changes(['--contact', 'giulia']).map((c) => c.summary)).toEqual(['added Giulia Rossi (#1)']);
    expect(changes(['--contact', 'marco']).map((c) => c.command)).toEqual(['log', 'add']);
    const csv = ok(s.net(['changes', '--csv', '--limit', '1'])).split('\n');
    expect(csv[0]).toBe('id,uid,at,command,summary,undoes,undone_by,changes');
    expect(csv[1]).toMatch(/^3,[0-9a-f-]{36},2026-03-14T11:00:00\.000Z,log,logged call with Marco Bianchi,,,/);
  });

  it('on a terminal: one block per command; an empty record says how it fills', () => {
    const empty = sandbox();
    try {
      expect(empty.net(['changes'])).toMatchObject({ code: 0, stdout: '' });
      expect(empty.net(['changes']).stderr).toContain('No changes yet');
    } finally {
      empty.cleanup();
    }
    const out = ok(s.net(['changes'], { terminal: true }));
    expect(out).toContain('#2');
    expect(out).toContain('add: added Marco Bianchi (#2)');
  });
});

describe('net undo', () => {
  it('takes back the last command; again, it redoes it', () => {
    ok(s.net(['edit', 'giulia', '--company', 'Beta']));
    expect(ok(s.net(['undo', '--yes']))).toBe(
      'Took back #3 edit (2026-03-14): edited Giulia Rossi (#1).\n  company of Giulia Rossi (#1): Acme → Beta\n  `net undo` again redoes it.\n',
    );
    expect(s.json<{ company: string }>(['show', 'giulia']).company).toBe('Acme');
    ok(s.net(['undo', '--yes']));
    expect(s.json<{ company: string }>(['show', 'giulia']).company).toBe('Beta');
    expect(changes().slice(0, 3).map((c) => [c.command, c.undoes, c.undone_by])).toEqual([
      ['undo', 4, null],
      ['undo', 3, 5],
      ['edit', null, 4],
    ]);
  });

  it('needs --yes without a terminal, and names the command; an unknown id is exit 1', () => {
    const refused = s.net(['undo']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe('net: taking back #2 add (2026-03-14): added Marco Bianchi (#2) needs --yes without a terminal\n  net undo 2 --yes\n');
    expect(s.net(['undo', '42', '--yes'])).toMatchObject({ code: 1, stderr: 'net: no command #42\n  see the commands with `net changes`\n' });
    expect(s.net(['undo', 'x', '--yes']).code).toBe(2);
  });

  it('refuses when a later command changed the same thing, naming it; --force takes it back anyway', () => {
    ok(s.net(['edit', 'giulia', '--company', 'Beta']));
    ok(s.net(['edit', 'giulia', '--company', 'Gamma']));
    const refused = s.net(['undo', '3', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('net: command #4 (edited Giulia Rossi (#1)) changed the same since #3\n  undo #4 first, or use --force to take back #3 anyway\n');
    ok(s.net(['undo', '3', '--yes', '--force']));
    expect(s.json<{ company: string }>(['show', 'giulia']).company).toBe('Acme');
  });

  it('takes back a deletion: the person, their interactions and promises come back', () => {
    ok(s.net(['log', 'giulia', '--via', 'coffee', '--follow-up', 'send the deck', '--gave', 'an intro']));
    ok(s.net(['rm', 'giulia', '--yes']));
    expect(s.json<unknown[]>(['followup', 'list'])).toEqual([]);
    expect(s.net(['show', 'giulia']).code).toBe(1);
    ok(s.net(['undo', '--yes']));
    expect(s.json<Array<{ text: string }>>(['followup', 'list']).map((f) => f.text)).toEqual(['send the deck']);
    expect(s.json<{ favours_given: number; interactions: unknown[] }>(['show', 'giulia'])).toMatchObject({ favours_given: 1, interactions: [expect.anything()] });
  });

  it('takes back a whole import as one command', () => {
    const csv = 'name,company\nAnna Meyer,Nexi\nLuca Verdi,Satispay\n';
    ok(s.net(['import', 'csv', '-'], { input: csv }));
    expect(s.json<unknown[]>(['list'])).toHaveLength(4);
    const [importCommand] = changes();
    expect(importCommand).toMatchObject({ command: 'import csv', summary: 'imported standard input: 2 added, 0 updated' });
    ok(s.net(['undo', '--yes']));
    expect(s.json<Array<{ name: string }>>(['list']).map((c) => c.name)).toEqual(['Giulia Rossi', 'Marco Bianchi']);
    // Importing the file again brings the people back, not duplicates of them.
    ok(s.net(['import', 'csv', '-'], { input: csv }));
    expect(s.json<unknown[]>(['list'])).toHaveLength(4);
  });
});

describe('corrections', () => {
  it('history edit: the day, channel, direction, note and people of an interaction; history rm', () => {
    ok(s.net(['log', 'giulia', '--via', 'call', '-m', 'wrong note']));
    const [{ id }] = s.json<Array<{ id: number }>>(['history']);
    expect(ok(s.net(['history'])).split('\n')[0]).toMatch(new RegExp(`^${id}\\t2026-03-14\\tcall`));
    ok(s.net(['history', 'edit', String(id), '--date', '2026-03-10', '--via', 'coffee', '-m', 'the real note', '--add', 'marco', '--remove', 'giulia']));
    expect(s.json<Array<Record<string, unknown>>>(['history'])[0]).toMatchObject({ id, date: '2026-03-10', via: 'coffee', note: 'the real note', contacts: ['Marco Bianchi'] });
    expect(s.net(['history', 'edit', String(id), '--remove', 'marco']).code).toBe(1);
    expect(s.net(['history', 'rm', String(id)]).code).toBe(2);
    ok(s.net(['history', 'rm', String(id), '--yes']));
    expect(s.json<unknown[]>(['history'])).toEqual([]);
    ok(s.net(['undo', '--yes']));
    expect(s.json<unknown[]>(['history'])).toHaveLength(1);
  });

  it('followup edit and drop: a dropped promise is closed without being kept', () => {
    ok(s.net(['followup', 'add', 'giulia', 'send the deck', '--by', '2026-03-16']));
    expect(s.json<{ due_on: string; name: string }>(['followup', 'edit', '1', '--by', '2026-03-20', '--contact', 'marco'])).toMatchObject({
      due_on: '2026-03-20',
      name: 'Marco Bianchi',
    });
    expect(ok(s.net(['followup', 'drop', '1']))).toBe('Dropped: send the deck (Marco Bianchi, #1): no longer needed, not counted as kept.\n');
    expect(s.json<unknown[]>(['followup', 'list'])).toEqual([]);
    expect(s.json<Array<{ done_on: string | null; dropped_on: string | null }>>(['followup', 'list', '--all'])).toEqual([
      expect.objectContaining({ done_on: null, dropped_on: '2026-03-14' }),
    ]);
    expect(ok(s.net(['followup', 'done', '1']))).toBe('Follow-up #1 was dropped on 2026-03-14.\n');
  });

  it('favour add, list and rm: a favour belongs to one person', () => {
    expect(ok(s.net(['favour', 'add', 'giulia', '--gave', 'intro to Sara', '--date', '2026-03-10']))).toBe(
      'Favour #1 given to Giulia Rossi on 2026-03-10: intro to Sara.\n',
    );
    ok(s.net(['favour', 'add', 'marco', '--got', 'a referral']));
    expect(s.json<Array<{ name: string; direction: string }>>(['favour', 'list']).map((f) => [f.name, f.direction])).toEqual([
      ['Marco Bianchi', 'received'],
      ['Giulia Rossi', 'given'],
    ]);
    expect(ok(s.net(['favour', 'list', '--csv', '--contact', 'giulia']))).toBe(
      'id,contact_id,name,direction,text,occurred_on,interaction_id\n1,1,Giulia Rossi,given,intro to Sara,2026-03-10,\n',
    );
    expect(s.net(['favour', 'add', 'giulia']).code).toBe(2);
    ok(s.net(['favour', 'rm', '1']));
    expect(s.json<unknown[]>(['favour', 'list', '--contact', 'giulia'])).toEqual([]);
    expect(s.net(['favour', 'rm', '1']).code).toBe(1);
  });

  it('edit --note replaces the note (undoable), --append-note adds a dated line', () => {
    ok(s.net(['edit', 'giulia', '--note', 'likes espresso']));
    ok(s.net(['edit', 'giulia', '--append-note', 'moved to Berlin'], { env: { NET_NOW: '2026-03-20' } }));
    expect(s.json<{ notes: string }>(['show', 'giulia']).notes).toBe('likes espresso\n2026-03-20: moved to Berlin');
    ok(s.net(['edit', 'giulia', '--note', 'replaced']));
    ok(s.net(['undo', '--yes']));
    expect(s.json<{ notes: string }>(['show', 'giulia']).notes).toBe('likes espresso\n2026-03-20: moved to Berlin');
  });

  it('edit --phone with a number already there makes it the first: listed, and undo gives the old first back', () => {
    ok(s.net(['edit', 'giulia', '--phone', '+39 02 555 0000']));
    ok(s.net(['edit', 'giulia', '--phone', '+39 340 000 0000']));
    const phones = () => s.json<{ phone: string; phones: string[] }>(['show', 'giulia']);
    expect(phones()).toMatchObject({ phone: '+39 340 000 0000', phones: ['+39 340 000 0000', '+39 02 555 0000'] });
    ok(s.net(['edit', 'giulia', '--phone', '+39 02 555 0000']));
    expect(phones()).toMatchObject({ phone: '+39 02 555 0000', phones: ['+39 02 555 0000', '+39 340 000 0000'] });
    expect(changes(['--limit', '1'])[0]).toMatchObject({ command: 'edit', changes: expect.arrayContaining(['Giulia Rossi (#1): + phone +39 02 555 0000']) });
    ok(s.net(['undo', '--yes']));
    expect(phones()).toMatchObject({ phone: '+39 340 000 0000', phones: ['+39 340 000 0000', '+39 02 555 0000'] });
  });
});
