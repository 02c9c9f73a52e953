// net search and history --grep: what was written in words, found again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

interface Hit {
  kind: string;
  id: number;
  date: string;
  contacts: string[];
  contact_ids: number[];
  text: string;
  rank: number;
}

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Niccolò Bianchi', '--company', 'Satispay', '--note', 'Met at the fintech meetup; cares about pricing']));
  ok(s.net(['add', 'Giulia Rossi', '--company', 'Prima']));
  ok(s.net(['log', 'nicolo', '--date', '2026-03-01', '--note', 'Walked through the pricing deck; he wants the Q3 numbers']));
  ok(s.net(['log', 'giulia', '--date', '2026-03-05', '--note', 'Coffee: she is hiring a data engineer']));
  ok(s.net(['followup', 'add', 'nicolo', 'Send the revised pricing deck', '--by', '2026-03-20']));
});
afterEach(() => s.cleanup());

describe('net search', () => {
  it('finds notes, the person’s note and promises by word prefix, accents and case aside, with the people named', () => {
    const hits = s.json<Hit[]>(['search', 'PRICING']);
    expect(hits.map((h) => h.kind).sort()).toEqual(['contact', 'followup', 'interaction']);
    for (const hit of hits) expect(hit.contacts).toEqual(['Niccolò Bianchi']);
    const interaction = hits.find((h) => h.kind === 'interaction');
    expect(interaction?.date).toBe('2026-03-01');
    expect(s.json<Hit[]>(['search', 'engin']).map((h) => h.text)).toEqual(['Coffee: she is hiring a data engineer']);
    // Every word is needed; a hyphen or a colon is a character, not FTS syntax.
    expect(s.json<Hit[]>(['search', 'pricing hiring'])).toEqual([]);
    expect(s.json<Hit[]>(['search', 'coffee:']).length).toBe(1);
    // A hyphenated pair is read as the two words side by side.
    expect(s.json<Hit[]>(['search', 'Q3-numbers']).map((h) => h.id)).toEqual([1]);
    expect(s.json<Hit[]>(['search', 'numbers-Q3'])).toEqual([]);
  });

  it('narrows to a person and to a period', () => {
    expect(s.json<Hit[]>(['search', 'pricing', '--contact', 'giulia'])).toEqual([]);
    // The person was added on the 14th, the promise is due on the 20th.
    expect(s.json<Hit[]>(['search', 'pricing', '--since', '2026-03-10']).map((h) => h.kind).sort()).toEqual(['contact', 'followup']);
    expect(s.json<Hit[]>(['search', 'pricing', '--limit', '1']).length).toBe(1);
  });

  it('follows edits, deletions and undo', () => {
    ok(s.net(['history', 'edit', '1', '--note', 'Talked about the budget']));
    expect(s.json<Hit[]>(['search', 'deck']).map((h) => h.kind)).toEqual(['followup']);
    expect(s.json<Hit[]>(['search', 'budget']).map((h) => h.contacts)).toEqual([['Niccolò Bianchi']]);
    expect(s.json<Hit[]>(['search', 'budget']).map((h) => h.id)).toEqual([1]);
    ok(s.net(['undo', '--yes']));
    expect(s.json<Hit[]>(['search', 'budget'])).toEqual([]);
    ok(s.net(['rm', 'giulia', '--yes']));
    expect(s.json<Hit[]>(['search', 'engineer'])).toEqual([]);
    ok(s.net(['undo', '--yes']));
    expect(s.json<Hit[]>(['search', 'engineer']).length).toBe(1);
  });

  it('prints one tab-separated line per hit when piped, and marks the words on a terminal', () => {
    const piped = ok(s.net(['search', 'engineer']));
    expect(piped).toBe('2026-03-05\tinteraction\t2\tGiulia Rossi\tCoffee: she is hiring a data engineer\n');
    const terminal = s.net(['search', 'engineer'], { terminal: true });
    expect(terminal.stdout).toContain('Giulia Rossi');
    expect(terminal.stdout).toContain('(note #2)');
    expect(terminal.stdout).toMatch(/\u001b\[[0-9;]*mengineer/);
  });

  it('says so when nothing matches, and refuses text with no word (exit 2)', () => {
    const none = s.net(['search', 'zebra']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('Nothing written matches "zebra"');
    expect(s.net(['search', '--', '-- ""']).code).toBe(2);
  });
});

describe('imports', () => {
  it('index what they write in one pass, and undo takes it out again', () => {
    const file = join(s.dir, 'touches.csv');
    writeFileSync(file, 'date,contacts,via,note\n2026-03-02,Giulia Rossi,call,talked about the quarterly roadmap\n2026-03-03,Niccolò Bianchi,email,roadmap deck sent\n');
    ok(s.net(['import', 'csv', '--interactions', file]));
    expect(s.json<Hit[]>(['search', 'roadmap']).map((h) => h.contacts[0]).sort()).toEqual(['Giulia Rossi', 'Niccolò Bianchi']);
    // Rows written before the import are still found; the index triggers are back for what comes next.
    expect(s.json<Hit[]>(['search', 'engineer'])).toHaveLength(1);
    ok(s.net(['log', 'giulia', '-m', 'roadmap again']));
    expect(s.json<Hit[]>(['search', 'roadmap'])).toHaveLength(3);
    ok(s.net(['undo', '--yes']));
    const imported = s.query<{ id: number }>("select id from commands where name like 'import%'")[0].id;
    ok(s.net(['undo', String(imported), '--yes']));
    expect(s.json<Hit[]>(['search', 'roadmap'])).toEqual([]);
    expect(s.query("select count(*) as n from sqlite_schema where type = 'trigger' and name like 'search_%'")[0]).toEqual({ n: 15 });
  });

  it('a failed import leaves the index and its triggers as they were', () => {
    const file = join(s.dir, 'bad.csv');
    writeFileSync(file, 'date,contacts,via,note\n2026-03-02,Giulia Rossi,call,first roadmap\nnot a date,Giulia Rossi,call,second\n');
    expect(s.net(['import', 'csv', '--interactions', file]).code).not.toBe(0);
    expect(s.json<Hit[]>(['search', 'roadmap'])).toEqual([]);
    expect(s.query("select count(*) as n from sqlite_schema where type = 'trigger' and name like 'search_%'")[0]).toEqual({ n: 15 });
  });
});

describe('net history --grep', () => {
  it('keeps the interactions whose note matches', () => {
    const rows = s.json<Array<{ id: number }>>(['history', '--grep', 'pricing']);
    expect(rows.map((r) => r.id)).toEqual([1]);
    expect(s.json<unknown[]>(['history', 'giulia', '--grep', 'pricing'])).toEqual([]);
  });
});
