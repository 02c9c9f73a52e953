// net followup add | list | done through the built binary (NET_NOW 2026-03-14, a Saturday).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

interface Followup {
  id: number;
  contact_id: number;
  name: string;
  text: string;
  due_on: string;
  done_on: string | null;
  theirs: boolean;
}

describe('net followup', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Anna Meyer', '--circle', 'acquaintance']));
    ok(s.net(['add', 'Niccolò Bianchi', '--circle', 'acquaintance']));
  });
  afterAll(() => s.cleanup());

  it('add: due a week later by default, or --by a day ahead ("friday" is the next one)', () => {
    expect(ok(s.net(['followup', 'add', 'anna', 'send the deck']))).toBe('Follow-up #1 for Anna Meyer: send the deck (by 2026-03-21).\n');
    const added = s.json<Followup>(['followup', 'add', 'nicolo', 'introduce to Sara', '--by', 'friday']);
    expect(added).toEqual({ id: 2, contact_id: 2, name: 'Niccolò Bianchi', text: 'introduce to Sara', due_on: '2026-03-20', done_on: null, dropped_on: null, theirs: false });
    expect(s.query('select contact_id, text, due_on, done_on, interaction_id from followups order by id')).toEqual([
      { contact_id: 1, text: 'send the deck', due_on: '2026-03-21', done_on: null, interaction_id: null },
      { contact_id: 2, text: 'introduce to Sara', due_on: '2026-03-20', done_on: null, interaction_id: null },
    ]);
  });

  it('list: open ones by due day, with the contract keys in JSON and CSV', () => {
    const list = s.json<Followup[]>(['followup', 'list']);
    expect(list.map((f) => Object.keys(f))).toEqual([
      ['id', 'contact_id', 'name', 'text', 'due_on', 'done_on', 'dropped_on', 'theirs'],
      ['id', 'contact_id', 'name', 'text', 'due_on', 'done_on', 'dropped_on', 'theirs'],
    ]);
    expect(list.map((f) => f.id)).toEqual([2, 1]);
    expect(ok(s.net(['followup', 'list', '--csv']))).toBe(
      'id,contact_id,name,text,due_on,done_on,dropped_on,theirs\n2,2,Niccolò Bianchi,introduce to Sara,2026-03-20,,,false\n1,1,Anna Meyer,send the deck,2026-03-21,,,false\n',
    );
    expect(ok(s.net(['followup', 'list']))).toBe('2\tNiccolò Bianchi\tmine\tintroduce to Sara\t2026-03-20 (in 6 days)\n1\tAnna Meyer\tmine\tsend the deck\t2026-03-21 (in 7 days)\n');
  });

  it('shows in net due once its day has come, and leaves it when done', () => {
    const due = (day: string) => s.json<Array<{ kind: string; followup_id: number | null }>>(['due'], { env: { NET_NOW: day } });
    expect(due('2026-03-19')).toEqual([]);
    expect(due('2026-03-20').map((i) => [i.kind, i.followup_id])).toEqual([['followup', 2]]);

    expect(ok(s.net(['followup', 'done', '#2'], { env: { NET_NOW: '2026-03-20' } }))).toBe('Kept: introduce to Sara (Niccolò Bianchi, #2).\n');
    expect(due('2026-03-20')).toEqual([]);
    expect(s.query('select done_on from followups where id = 2')).toEqual([{ done_on: '2026-03-20' }]);
    // Again: nothing changes, and it says so.
    const again = s.net(['followup', 'done', '2']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Follow-up #2 was already kept on 2026-03-20.\n');
    expect(s.json<Followup[]>(['followup', 'list']).map((f) => f.id)).toEqual([1]);
    expect(s.json<Followup[]>(['followup', 'list', '--all']).map((f) => [f.id, f.done_on])).toEqual([
      [2, '2026-03-20'],
      [1, null],
    ]);
  });

  it('refuses what it cannot do, and changes nothing', () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['followup', 'done', '99'], 1, /no follow-up #99/],
      [['followup', 'done', 'abc'], 2, /ID: "abc"/],
      [['followup', 'add', 'nobody here', 'call'], 1, /no contact matches "nobody here"/],
      [['followup', 'add', 'anna', '  '], 2, /TEXT: the promise is empty/],
      [['followup', 'add', 'anna', 'call', '--by', 'someday maybe'], 2, /--by: "someday maybe" is not a date/],
    ];
    for (const [args, code, message] of cases) {
      const result = s.net(args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
    }
    expect(s.query('select count(*) as n from followups')).toEqual([{ n: 2 }]);
  });
  it('done takes several ids, all or nothing', () => {
    ok(s.net(['followup', 'add', 'anna', 'first']));
    ok(s.net(['followup', 'add', 'anna', 'second']));
    const open = () => s.json<Followup[]>(['followup', 'list']).map((f) => f.text);
    expect(open()).toEqual(expect.arrayContaining(['first', 'second']));
    const failed = s.net(['followup', 'done', '3', '999']);
    expect(failed.code).toBe(1);
    expect(open()).toEqual(expect.arrayContaining(['first', 'second']));
    expect(ok(s.net(['followup', 'done', '3', '#4']))).toBe('Kept: first (Anna Meyer, #3).\nKept: second (Anna Meyer, #4).\n');
    expect(open()).not.toContain('first');
    expect(open()).not.toContain('second');
  });
});
