// The morning list a person can trust, end to end: old relationships entered
// by hand bring no flood of second touches, a long silence is said in words,
// a birthday acted on closes, and a late reply outranks one not yet due.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

interface DueItem {
  kind: string;
  name: string;
  due_on: string;
  days_overdue: number;
  score: number;
  reason: string;
}

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

const at = (day: string) => ({ env: { NET_NOW: day } });
const due = (day?: string) => s.json<DueItem[]>(['due'], day ? at(day) : undefined);

describe('new and old relationships', () => {
  it('people entered with --known-since, a past --met-on or a past interaction are not new', () => {
    const entered = at('2026-03-06');
    ok(s.net(['add', 'Paolo Neri', '--circle', 'inner', '--known-since', '2012-09-01'], entered));
    ok(s.net(['add', 'Sara Conti', '--met-on', '2019-05-04'], entered));
    ok(s.net(['add', 'Elena Galli', '--circle', 'close'], entered));
    ok(s.net(['log', 'elena', '--via', 'call', '--date', '2025-12-01'], entered));
    ok(s.net(['add', 'Nuovo Contatto'], entered));
    // A week later: only the person met this month needs a second touch.
    const nurture = due('2026-03-14').filter((i) => i.kind === 'nurture');
    expect(nurture.map((i) => i.name)).toEqual(['Nuovo Contatto']);
    expect(s.query('select met_on from contacts where name = ?', 'Paolo Neri')).toEqual([{ met_on: '2012-09-01' }]);
  });

  it('--known-since and --met-on cannot say two different days (exit 2)', () => {
    const r = s.net(['add', 'Paolo Neri', '--known-since', '2012-09-01', '--met-on', '2013-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--met-on and --known-since say two different days');
  });

  it('add --help says how to enter an existing network without a flood of second touches', () => {
    const help = ok(s.net(['add', '--help']));
    expect(help).toContain('--known-since <date>');
    expect(help).toContain('no flood of second touches');
  });

  it('a long silence is said in words and ranks as a long-overdue first touch', () => {
    ok(s.net(['add', 'Old Colleague', '--known-since', '2010-09-15'], at('2026-03-01')));
    ok(s.net(['add', 'Inner Friend', '--circle', 'inner'], at('2025-01-01')));
    ok(s.net(['log', 'inner', '--via', 'call'], at('2026-02-21')));
    const items = due();
    expect(items.map((i) => i.name)).toEqual(['Inner Friend', 'Old Colleague']);
    const old = items[1];
    expect(old.reason).toBe('time for a first touch with Old Colleague (met in September 2010, nothing logged since, you meet every 120 days)');
    expect(old.score).toBe(4);
    const plain = ok(s.net(['due']));
    expect(plain).toContain('first touch: met in September 2010, nothing logged since');
    expect(plain).toContain('over 15 years ago');
    expect(plain).not.toMatch(/\d{4,} days/);
  });
});

describe('items that close', () => {
  it('a birthday closes when an interaction is logged in its window', () => {
    ok(s.net(['add', 'Anna Meyer', '--birthday', '--03-16', '--circle', 'acquaintance'], at('2025-01-01')));
    expect(due().map((i) => i.kind)).toEqual(['birthday']);
    ok(s.net(['log', 'anna', '--via', 'message', '-m', 'happy birthday!']));
    expect(due()).toEqual([]);
    expect(due('2026-03-16')).toEqual([]);
    // Next year it comes back.
    expect(due('2027-03-14').map((i) => i.kind)).toEqual(['birthday']);
  });
});

describe('replies', () => {
  it('a reply two days late ranks above one due tomorrow, whatever the circles', () => {
    ok(s.net(['add', 'Inner Ida', '--circle', 'inner'], at('2025-01-01')));
    ok(s.net(['add', 'Network Nick', '--circle', 'network'], at('2025-01-01')));
    ok(s.net(['log', 'ida', '--via', 'email', '--in'], at('2026-03-08')));
    ok(s.net(['log', 'nick', '--via', 'email', '--in'], at('2026-03-05')));
    expect(due().map((i) => [i.name, i.days_overdue, i.score])).toEqual([
      ['Network Nick', 2, 19.86],
      ['Inner Ida', -1, 16],
    ]);
  });
});

describe('advice needs history', () => {
  interface Review {
    fading: Array<{ name: string }>;
    rhythms: Array<{ name: string }>;
    next: Array<{ kind: string; name: string | null }>;
  }
  const review = () => s.json<Review>(['review']);

  it('three touches in one week give no fading and no rhythm advice; four spanning three usual gaps do', () => {
    ok(s.net(['add', 'Week Friend', '--circle', 'close'], at('2025-01-01')));
    for (const day of ['2026-01-05', '2026-01-07', '2026-01-09']) ok(s.net(['log', 'week', '--via', 'call', '--date', day]));
    let r = review();
    expect(r.fading).toEqual([]);
    expect(r.rhythms).toEqual([]);
    expect(r.next.filter((n) => n.kind === 'fading' || n.kind === 'rhythm')).toEqual([]);
    // A fourth touch a week later: 4 days spanning 11 days, usual gap 2 (11 < 3 × 2 is false): advice now.
    ok(s.net(['log', 'week', '--via', 'call', '--date', '2026-01-16']));
    r = review();
    expect(r.fading.map((f) => f.name)).toEqual(['Week Friend']);
    expect(r.rhythms.map((f) => f.name)).toEqual(['Week Friend']);
  });

  it('review --help states the rule', () => {
    const help = ok(s.net(['review', '--help'])).replace(/\s+/g, ' ');
    expect(help).toContain('at least 4 days in touch spanning at least 3 usual gaps');
  });
});

describe('net dismiss', () => {
  beforeEach(() => {
    ok(s.net(['add', 'Marco Bianchi', '--circle', 'close'], at('2025-01-01')));
    ok(s.net(['log', 'marco', '--via', 'email', '--in', '-m', 'Thanks!'], at('2026-03-10')));
    ok(s.net(['add', 'Anna Meyer', '--circle', 'close', '--birthday', '--03-16'], at('2025-01-01')));
    ok(s.net(['log', 'anna', '--via', 'coffee'], at('2026-01-20')));
  });

  it('closes the one item of a person, is listed in net changes, and undo brings it back', () => {
    expect(due().filter((i) => i.name === 'Marco Bianchi').map((i) => i.kind)).toEqual(['reply']);
    expect(ok(s.net(['dismiss', 'marco']))).toBe(
      'Dismissed the reply owed to Marco Bianchi (#1): it comes back when they write again.\n  `net undo` brings it back.\n',
    );
    expect(due().filter((i) => i.name === 'Marco Bianchi')).toEqual([]);
    const [change] = s.json<Array<{ command: string; summary: string; changes: string[] }>>(['changes', '--limit', '1']);
    expect(change).toMatchObject({ command: 'dismiss', summary: 'dismissed the reply item of Marco Bianchi (#1)' });
    expect(change.changes).toEqual(['new dismissal of the reply item of Marco Bianchi (2026-03-14)']);
    expect(ok(s.net(['undo', '--yes']))).toContain('Took back');
    expect(due().filter((i) => i.name === 'Marco Bianchi').map((i) => i.kind)).toEqual(['reply']);
    // Their next message owes a reply again.
    ok(s.net(['dismiss', 'marco']));
    ok(s.net(['log', 'marco', '--via', 'email', '--in', '-m', 'one more question'], at('2026-03-15')));
    expect(due('2026-03-15').filter((i) => i.name === 'Marco Bianchi').map((i) => i.kind)).toEqual(['reply']);
  });

  it('asks which item when a person has two (exit 2), and takes --kind', () => {
    const r = s.net(['dismiss', 'anna']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Anna Meyer has 2 items today (birthday, cadence): say which to dismiss');
    expect(ok(s.net(['dismiss', 'anna', '--kind', 'birthday']))).toContain('Dismissed the birthday of Anna Meyer (#2) (2026-03-16) for this year.');
    expect(due().filter((i) => i.name === 'Anna Meyer').map((i) => i.kind)).toEqual(['cadence']);
  });

  it('a dismissed rhythm comes back a rhythm later, like a touch', () => {
    expect(ok(s.net(['dismiss', 'anna', '--kind', 'cadence']))).toContain('back on 2026-04-13, a rhythm from today, as after a touch');
    expect(due('2026-04-12').filter((i) => i.name === 'Anna Meyer')).toEqual([]);
    expect(due('2026-04-13').filter((i) => i.name === 'Anna Meyer').map((i) => [i.kind, i.reason])).toEqual([
      ['cadence', 'time to reach out to Anna Meyer (dismissed 30 days ago, you meet every 30 days)'],
    ]);
  });

  it('refuses a kind the person has no item of (exit 1), an unknown kind (exit 2), and a person with nothing due (exit 1)', () => {
    const none = s.net(['dismiss', 'anna', '--kind', 'reply']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Anna Meyer has no reply item today (only birthday and cadence)');
    expect(s.net(['dismiss', 'anna', '--kind', 'promise']).code).toBe(2);
    ok(s.net(['add', 'Calm Person', '--circle', 'acquaintance']));
    const calm = s.net(['dismiss', 'calm']);
    expect(calm.code).toBe(1);
    expect(calm.stderr).toContain('nothing is due for Calm Person today');
    expect(s.query('select id from dismissals')).toEqual([]);
  });
});

describe('circles past their natural size', () => {
  it('add and edit say so when they take a circle past it, on stderr', () => {
    for (const name of ['Ada', 'Bea', 'Cai', 'Dan', 'Eva']) {
      const r = s.net(['add', `${name} Inner`, '--circle', 'inner']);
      expect(r.stderr, name).toBe('');
    }
    const sixth = s.net(['add', 'Fay Inner', '--circle', 'inner']);
    expect(sixth.code).toBe(0);
    expect(sixth.stdout).toBe('Added Fay Inner (#6) to inner, every 2 weeks.\n');
    expect(sixth.stderr).toBe(
      'net: note: the inner circle now holds 6 people, over its natural 5: consider moving someone to close (net edit NAME --circle close); `net review` shows every circle.\n',
    );
    ok(s.net(['edit', 'fay', '--circle', 'close']));
    ok(s.net(['add', 'Gil Network']));
    const moved = s.net(['edit', 'gil', '--circle', 'inner']);
    expect(moved.stderr).toContain('the inner circle now holds 6 people, over its natural 5');
    // An edit that does not move anyone into the circle says nothing.
    expect(s.net(['edit', 'gil', '--role', 'CTO']).stderr).toBe('');
    // Machine output stays clean: the note is on stderr.
    const json = s.net(['add', 'Hal Inner', '--circle', 'inner', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ name: 'Hal Inner' });
    expect(json.stderr).toContain('now holds 7 people');
  });
});
