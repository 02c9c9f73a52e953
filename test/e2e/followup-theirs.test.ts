// Promises both ways: `net followup add --theirs` records what the other
// person promised; listings say whose promise it is, exports and imports
// carry it, undo and `net changes` know it, and the review counts only the
// user's own (NET_NOW 2026-03-14, a Saturday).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

interface Followup {
  id: number;
  name: string;
  text: string;
  due_on: string;
  theirs: boolean;
}

describe('net followup add --theirs', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Anna Meyer', '--circle', 'close']));
    ok(s.net(['add', 'Marco Bianchi', '--circle', 'network']));
    ok(s.net(['followup', 'add', 'marco', 'send the pricing deck', '--by', '2026-03-18']));
  });
  afterAll(() => s.cleanup());

  it('records their promise, says so, and keeps it apart from the user\'s own', () => {
    expect(ok(s.net(['followup', 'add', 'anna', "she'll send the term sheet", '--theirs', '--by', 'friday']))).toBe(
      "Follow-up #2, promised by Anna Meyer: she'll send the term sheet (by 2026-03-20).\n",
    );
    expect(s.query('select id, theirs from followups order by id')).toEqual([
      { id: 1, theirs: 0 },
      { id: 2, theirs: 1 },
    ]);
    const added = s.json<Followup>(['followup', 'add', 'anna', 'intro to her CFO', '--theirs']);
    expect(added).toMatchObject({ id: 3, name: 'Anna Meyer', text: 'intro to her CFO', due_on: '2026-03-21', theirs: true });
  });

  it('list: a Whose column, and a `theirs` key in JSON and CSV', () => {
    expect(ok(s.net(['followup', 'list']))).toBe(
      [
        '1\tMarco Bianchi\tmine\tsend the pricing deck\t2026-03-18 (in 4 days)',
        "2\tAnna Meyer\ttheirs\tshe'll send the term sheet\t2026-03-20 (in 6 days)",
        '3\tAnna Meyer\ttheirs\tintro to her CFO\t2026-03-21 (in 7 days)',
        '',
      ].join('\n'),
    );
    expect(s.json<Followup[]>(['followup', 'list']).map((f) => [f.id, f.theirs])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    const csv = ok(s.net(['followup', 'list', '--csv'])).split('\n');
    expect(csv[0]).toBe('id,contact_id,name,text,due_on,done_on,dropped_on,theirs');
    expect(csv[2]).toBe("2,1,Anna Meyer,she'll send the term sheet,2026-03-20,,,true");
    const table = ok(s.net(['followup', 'list'], { terminal: true }));
    expect(table).toMatch(/Whose/);
    expect(table).toMatch(/Anna Meyer\s+theirs\s+she'll send the term sheet/);
  });

  it('show marks the promises they made', () => {
    const shown = ok(s.net(['show', 'anna']));
    expect(shown).toContain("[2] they promised: she'll send the term sheet — by 2026-03-20");
    expect(s.json<{ followups: Followup[] }>(['show', 'anna']).followups.map((f) => f.theirs)).toEqual([true, true]);
  });

  it('undo takes it back, and `net changes` names it', () => {
    ok(s.net(['followup', 'add', 'marco', 'call me back', '--theirs']));
    const changes = s.json<Array<{ summary: string; changes: string[] }>>(['changes', '--limit', '1']);
    expect(changes[0].summary).toBe('Marco Bianchi (#2) promised: call me back');
    expect(s.query("select theirs from followups where text = 'call me back'")).toEqual([{ theirs: 1 }]);
    ok(s.net(['undo', '--yes']));
    expect(s.json<Followup[]>(['followup', 'list']).map((f) => f.text)).not.toContain('call me back');
    ok(s.net(['undo', '--yes']));
    expect(s.json<Followup[]>(['followup', 'list']).find((f) => f.text === 'call me back')?.theirs).toBe(true);
  });

  it.each(['json', 'csv'])('export and import through %s carry whose promise it is', (format) => {
    const file = join(s.dir, `followups.${format}`);
    ok(s.net(['export', 'contacts', `--${format}`, '--out', join(s.dir, `contacts.${format}`)]));
    ok(s.net(['export', 'followups', `--${format}`, '--out', file]));
    const exported = s.json<Array<Record<string, unknown>>>(['export', 'followups']);
    expect(exported.map((f) => [f.text, f.theirs])).toEqual([
      ['send the pricing deck', false],
      ["she'll send the term sheet", true],
      ['intro to her CFO', true],
      ['call me back', true],
    ]);
    const other = ['--db', join(s.dir, `copy-${format}.db`)];
    ok(s.net([...other, 'import', format, join(s.dir, `contacts.${format}`)]));
    ok(s.net([...other, 'import', format, file]));
    const again = s.json<Array<Record<string, unknown>>>([...other, 'export', 'followups']);
    expect(again.map((f) => [f.uid, f.theirs])).toEqual(exported.map((f) => [f.uid, f.theirs]));
  });

  it('a hand-made sheet may say theirs as yes/no; anything else is refused with its row', () => {
    const sheet = join(s.dir, 'sheet.csv');
    const write = (value: string) => writeFileSync(sheet, `name,text,due_on,theirs\nAnna Meyer,the slides,2026-03-25,${value}\n`);
    write('yes');
    ok(s.net(['import', 'csv', sheet]));
    expect(s.json<Followup[]>(['followup', 'list']).find((f) => f.text === 'the slides')?.theirs).toBe(true);
    write('perhaps');
    const refused = s.net(['import', 'csv', sheet]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/theirs "perhaps" is not true or false/);
  });

  it('the review counts only the promises the user made', () => {
    const review = s.json<{ followups: { open: number; overdue_items: Array<{ text: string }> } }>(['review', '--week'], { env: { NET_NOW: '2026-03-30' } });
    expect(review.followups.open).toBe(1);
    expect(review.followups.overdue_items.map((f) => f.text)).toEqual(['send the pricing deck']);
  });
});

describe('their promises in net due', () => {
  let s: Sandbox;
  interface Item {
    kind: string;
    name: string;
    reason: string;
    score: number;
    followup_id: number | null;
    terms?: Record<string, number>;
  }
  const due = (day: string) => s.json<Item[]>(['due', '--explain'], { env: { NET_NOW: day } });
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Anna Meyer', '--circle', 'close']));
    ok(s.net(['log', 'anna', '--via', 'coffee', '--date', '2026-01-20', '-m', 'pricing']));
    ok(s.net(['followup', 'add', 'anna', 'send the deck', '--theirs', '--by', '2026-03-20']));
  });
  afterAll(() => s.cleanup());

  it('while it is open, reaching her ranks lower and says the ball is in her court', () => {
    const [item] = due('2026-03-14');
    expect(item).toMatchObject({ kind: 'cadence', name: 'Anna Meyer' });
    expect(item.terms).toMatchObject({ circle: 3, waiting: -4 });
    expect(item.reason).toContain('the ball is in their court (they promised: send the deck, by 2026-03-20)');
    expect(due('2026-03-20').map((i) => i.kind)).toEqual(['cadence']);
    const plain = ok(s.net(['due'], { env: { NET_NOW: '2026-03-14' } }));
    expect(plain).toContain('waiting on them');
  });

  it('once late, the list resurfaces it politely, until it is kept', () => {
    const items = due('2026-03-23');
    expect(items.map((i) => i.kind)).toEqual(['awaited', 'cadence']);
    expect(items[0]).toMatchObject({ followup_id: 1, reason: 'Anna Meyer promised: send the deck (due 3 days ago) — a gentle nudge?' });
    expect(items[1].terms).not.toHaveProperty('waiting');
    const table = ok(s.net(['due'], { env: { NET_NOW: '2026-03-23' }, terminal: true }));
    expect(table).toContain('they promised: send the deck — a gentle nudge?');
    ok(s.net(['followup', 'done', '1'], { env: { NET_NOW: '2026-03-23' } }));
    expect(due('2026-03-23').map((i) => i.kind)).toEqual(['cadence']);
  });

  it('weight.waiting is a setting like the others', () => {
    ok(s.net(['undo', '--yes']));
    ok(s.net(['config', 'set', 'weight.waiting', '0']));
    expect(due('2026-03-14')[0].terms).toMatchObject({ waiting: 0 });
    expect(ok(s.net(['config', 'get', 'weight.awaited']))).toBe('3\n');
  });
});
