// net due through the built binary, on a hand-built network with NET_NOW fixed
// (2026-03-14, a Saturday): every kind, the ranking rules, the formats.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { closeAll, HAS_TMUX, netCommand, Terminal } from '../tty.js';

interface DueItem {
  kind: string;
  contact_id: number;
  name: string;
  due_on: string;
  days_overdue: number;
  score: number;
  reason: string;
  followup_id: number | null;
  channel: string | null;
}

const DUE_KEYS = ['kind', 'contact_id', 'name', 'due_on', 'days_overdue', 'score', 'reason', 'followup_id', 'channel'];

describe('net due on an empty or missing network', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it('says so in a friendly line, exit 0, and creates no database', () => {
    const result = s.net(['due']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Nothing due/);
    expect(s.json(['due'])).toEqual([]);
  });
});

describe('a plain `net`', () => {
  it('shows the help before there is a database, creating none, and is net due once there is one', () => {
    const s = sandbox();
    try {
      const help = s.net([]);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(/^Usage: net \[options\] \[command\]/);
      expect(existsSync(s.db)).toBe(false);
      ok(s.net(['add', 'Giulia Rossi', '--circle', 'close', '--met-on', '2026-01-02']));
      for (const args of [[], ['--no-color'], ['--db', s.db], [`--db=${s.db}`, '--no-input']]) {
        expect(s.net(args), args.join(' ')).toEqual(s.net(['due']));
      }
      expect(s.net([]).stdout).toMatch(/^Giulia Rossi\t/);
      // Anything else is left to commander: an unknown option is still a usage error.
      expect(s.net(['--bogus']).code).toBe(2);
    } finally {
      s.cleanup();
    }
  });
});

describe('net due', () => {
  let s: Sandbox;
  const at = (day: string) => ({ env: { NET_NOW: day } });
  const items = (args: string[] = [], day?: string) => s.json<DueItem[]>(['due', ...args], day ? at(day) : undefined);
  const kindsOf = (list: DueItem[], name: string) => list.filter((i) => i.name === name).map((i) => i.kind);

  beforeAll(() => {
    s = sandbox();
    const old = at('2025-06-01');
    ok(s.net(['add', 'Anna Meyer', '--circle', 'close', '--interest', 'AI,fintech', '--channel', 'coffee'], old));
    ok(s.net(['log', 'anna', '--via', 'coffee', '-m', 'talked about the AI meetup'], at('2026-01-30')));
    ok(s.net(['add', 'Marco Bianchi', '--circle', 'inner'], old));
    ok(s.net(['log', 'marco', '--via', 'email', '--in', '-m', 'asked for an intro to Sara'], at('2026-03-09')));
    // One meeting with two people: it is the last contact of both.
    ok(s.net(['add', 'Luca Verdi', '--circle', 'inner'], old));
    ok(s.net(['add', 'Sara Conti', '--circle', 'inner'], old));
    ok(s.net(['log', 'luca', 'sara', '--via', 'meeting'], at('2026-02-01')));
    // An inbound email, then a call: nothing owed.
    ok(s.net(['add', 'Paolo Ricci', '--circle', 'close'], old));
    ok(s.net(['log', 'paolo', '--via', 'email', '--in'], at('2026-03-08')));
    ok(s.net(['log', 'paolo', '--via', 'call'], at('2026-03-09')));
    ok(s.net(['add', 'Giulia Rossi', '--circle', 'active'], old));
    ok(s.net(['log', 'giulia', '--via', 'video', '--follow-up', 'send the deck', '--by', '2026-03-12'], at('2026-03-05')));
    ok(s.net(['add', 'Elena Fontana'], at('2026-03-01')));
    ok(s.net(['add', 'Chiara Moretti', '--circle', 'acquaintance', '--birthday', '--03-16'], old));
    ok(s.net(['add', 'Zoe Archived', '--circle', 'inner'], old));
    ok(s.net(['log', 'zoe', '--via', 'email', '--in'], at('2026-03-01')));
    ok(s.net(['archive', 'zoe']));
  });
  afterAll(() => s.cleanup());

  it('lists every kind for the right people, with the contract keys', () => {
    const list = items();
    for (const item of list) expect(Object.keys(item)).toEqual(DUE_KEYS);
    expect(kindsOf(list, 'Anna Meyer')).toEqual(['cadence']);
    expect(kindsOf(list, 'Marco Bianchi')).toEqual(['reply']);
    expect(kindsOf(list, 'Luca Verdi')).toEqual(['cadence']);
    expect(kindsOf(list, 'Sara Conti')).toEqual(['cadence']);
    expect(kindsOf(list, 'Paolo Ricci')).toEqual([]);
    expect(kindsOf(list, 'Giulia Rossi')).toEqual(['followup']);
    expect(kindsOf(list, 'Elena Fontana')).toEqual(['nurture']);
    expect(kindsOf(list, 'Chiara Moretti')).toEqual(['birthday']);
    expect(kindsOf(list, 'Zoe Archived')).toEqual([]);
    expect(list).toHaveLength(7);
  });

  it('gives the due day, the days over, the follow-up id and the channel', () => {
    const byName = new Map(items().map((i) => [i.name, i]));
    expect(byName.get('Anna Meyer')).toMatchObject({ due_on: '2026-03-01', days_overdue: 13, followup_id: null, channel: 'coffee' });
    expect(byName.get('Marco Bianchi')).toMatchObject({ due_on: '2026-03-16', days_overdue: -2, channel: 'email' });
    expect(byName.get('Luca Verdi')).toMatchObject({ due_on: '2026-02-15', days_overdue: 27, channel: 'meeting' });
    expect(byName.get('Sara Conti')).toMatchObject({ due_on: '2026-02-15', days_overdue: 27 });
    expect(byName.get('Giulia Rossi')).toMatchObject({ due_on: '2026-03-12', days_overdue: 2, followup_id: 1 });
    expect(byName.get('Elena Fontana')).toMatchObject({ due_on: '2026-03-08', days_overdue: 6 });
    expect(byName.get('Chiara Moretti')).toMatchObject({ due_on: '2026-03-16', days_overdue: -2 });
    expect(byName.get('Anna Meyer')?.reason).toBe('time to reach out to Anna Meyer (last coffee 43 days ago, you meet every 30 days)');
  });

  it('ranks a reply due within 2 days and an overdue follow-up above every cadence item', () => {
    const list = items();
    const firstCadence = list.findIndex((i) => i.kind === 'cadence');
    expect(list.findIndex((i) => i.kind === 'reply')).toBeLessThan(firstCadence);
    expect(list.findIndex((i) => i.kind === 'followup')).toBeLessThan(firstCadence);
    const scores = list.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Luca and Sara: the same score (same circle, same meeting), then by name.
    const cadence = list.filter((i) => i.kind === 'cadence').map((i) => i.name);
    expect(cadence).toEqual(['Luca Verdi', 'Sara Conti', 'Anna Meyer']);
  });

  it('shows a short ranked table when piped, at most due.limit rows, then how to see the rest', () => {
    const all = items();
    const plain = s.net(['due']);
    expect(plain.code).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(all.map((i) => i.name));
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(lines[all.findIndex((i) => i.name === 'Anna Meyer')]).toContain('last time: talked about the AI meetup; ask about AI, fintech');
    // Who, why, due, via, hint: the columns scripts read; --explain adds the score.
    // (Split without trimming: a person with no channel and no hint ends in empty cells.)
    const cells = (stdout: string) => stdout.replace(/\n$/, '').split('\n').map((l) => l.split('\t').length);
    expect(cells(plain.stdout)).toEqual(all.map(() => 5));
    expect(cells(ok(s.net(['due', '--explain'])))).toEqual(all.map(() => 6));

    ok(s.net(['config', 'set', 'due.limit', '3']));
    try {
      const short = s.net(['due']);
      expect(short.stdout.trimEnd().split('\n')).toHaveLength(3);
      expect(short.stderr).toContain('…and 4 more today: `net due --all` lists them all.');
      expect(s.net(['due', '--all']).stdout.trimEnd().split('\n')).toHaveLength(7);
      expect(s.net(['due', '--limit', '2']).stdout.trimEnd().split('\n')).toHaveLength(2);
      // Machine output lists every item unless --limit is given.
      expect(items()).toHaveLength(7);
      expect(items(['--limit', '2']).map((i) => i.name)).toEqual(all.slice(0, 2).map((i) => i.name));
    } finally {
      ok(s.net(['config', 'unset', 'due.limit']));
    }
  });

  it('--on DATE: what will be due that day', () => {
    const later = items(['--on', '2026-03-17']);
    expect(later.find((i) => i.name === 'Marco Bianchi')).toMatchObject({ kind: 'reply', days_overdue: 1 });
    expect(kindsOf(later, 'Chiara Moretti')).toEqual([]);
    // "friday" looks ahead: 2026-03-20.
    expect(items(['--on', 'friday']).find((i) => i.name === 'Marco Bianchi')?.days_overdue).toBe(4);
    const past = s.net(['due', '--on', '2026-03-01']);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--on: "2026-03-01" is in the past');
    expect(s.net(['due', '--on', 'banana']).code).toBe(2);
  });

  it('--csv: the same rows and keys', () => {
    const csv = ok(s.net(['due', '--csv']));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(DUE_KEYS.join(','));
    expect(lines).toHaveLength(8);
  });

  it('--explain: the terms that make each score', () => {
    const explained = s.json<Array<DueItem & { terms: Record<string, number> }>>(['due', '--explain']);
    const anna = explained.find((i) => i.name === 'Anna Meyer');
    expect(Object.keys(anna?.terms ?? {})).toEqual(['overshoot', 'circle']);
    expect((anna?.terms.overshoot ?? 0) + (anna?.terms.circle ?? 0)).toBeCloseTo(anna?.score ?? -1, 1);
    const human = ok(s.net(['due', '--explain']));
    expect(human).toMatch(/\d+(\.\d+)? = promise [\d.]+ \+ circle 2/);
  });

  it('--ics: one all-day event per item, dated from the day itself in any time zone', () => {
    const count = items().length;
    for (const TZ of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Rome']) {
      const ics = ok(s.net(['due', '--ics'], { env: { TZ } }));
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(count);
      expect(ics).toContain('DTSTART;VALUE=DATE:20260316');
      expect(ics).toContain('SUMMARY:Chiara Moretti\'s birthday');
      // A late item goes on today, where it can still be done.
      expect(ics).toMatch(/SUMMARY:Promise to Giulia Rossi: send the deck\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART;VALUE=DATE:20260314\r\n/);
    }
    expect(ok(s.net(['due', '--ics', '--limit', '1'])).match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('a snoozed person drops out until the snooze ends; replies stay', () => {
    ok(s.net(['snooze', 'anna', '--for', '2 weeks']));
    ok(s.net(['snooze', 'marco', '--for', '2 weeks']));
    try {
      const list = items();
      expect(kindsOf(list, 'Anna Meyer')).toEqual([]);
      expect(kindsOf(list, 'Marco Bianchi')).toEqual(['reply']);
      expect(kindsOf(items([], '2026-03-28'), 'Anna Meyer')).toEqual(['cadence']);
    } finally {
      ok(s.net(['snooze', 'anna', '--clear']));
      ok(s.net(['snooze', 'marco', '--clear']));
    }
  });

  it('rejects bad combinations and values with exit 2', () => {
    for (const args of [
      ['due', '--json', '--csv'],
      ['due', '--ics', '--json'],
      ['due', '--limit', '0'],
      ['due', '--limit', 'ten'],
      ['due', '--limit', '2', '--all'],
    ]) {
      const result = s.net(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^net: /);
      expect(result.stdout).toBe('');
    }
  });
});

/** A row of the morning list as a terminal shows it, read back by the header's columns. */
interface ShownItem {
  who: string;
  why: string;
  due: string;
  via: string;
  hint: string;
  /** The indented lines under the row: the score (--explain), then the hint. */
  below: string[];
}

function readList(rows: readonly string[]): ShownItem[] {
  const top = rows.findIndex((r) => /^Who +Why +Due +Via/.test(r));
  expect(top, rows.join('\n')).toBeGreaterThanOrEqual(0);
  const header = rows[top];
  const [why, due, via, hint] = ['Why', 'Due', 'Via', 'Hint'].map((h) => header.indexOf(h));
  const items: ShownItem[] = [];
  for (const row of rows.slice(top + 1)) {
    if (row.trim() === '' || row.startsWith('…') || row.startsWith('[exit')) break;
    const chars = Array.from(row);
    const cell = (from: number, to?: number) => chars.slice(from, to).join('').trim();
    const item = items.at(-1);
    if (!row.startsWith(' ')) {
      const end = hint >= 0 ? hint : undefined;
      items.push({ who: cell(0, why), why: cell(why, due), due: cell(due, via), via: cell(via, end), hint: end ? cell(end) : '', below: [] });
    } else if (item && row.startsWith(' '.repeat(why))) item.why += ` ${cell(why)}`;
    else if (item) item.below.push(row.trim());
  }
  return items;
}

describe.skipIf(!HAS_TMUX)('net due on a terminal', () => {
  let s: Sandbox;
  let demo: string;
  const terminals: Terminal[] = [];
  const show = async (args: string[], width: number) => {
    const t = new Terminal(s.dir, netCommand(['--db', demo, 'due', ...args]), { env: { ...s.env, TERM: 'xterm-256color' }, width, height: 80 });
    terminals.push(t);
    expect(await t.exitCode()).toBe(0);
    return t;
  };
  /** The piped form, the reference: who, why, due, via, hint. */
  const piped = (args: string[] = []) => ok(s.net(['--db', demo, 'due', ...args])).replace(/\n$/, '').split('\n').map((l) => l.split('\t'));

  beforeAll(() => {
    s = sandbox();
    demo = join(s.dir, 'demo.db');
    ok(s.net(['demo', '--db', demo]));
  });
  afterAll(async () => {
    await closeAll(terminals);
    s.cleanup();
  });

  it('at 80 columns: every reason in full, the hint on a line of its own under its row', async () => {
    const t = await show([], 80);
    // Nothing runs past the edge (the screen joins lines the terminal wrapped).
    for (const line of t.screen().split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
    const shown = readList(t.rows());
    const expected = piped();
    expect(shown).toHaveLength(7);
    expect(shown.map((i) => [i.who, i.why, i.due, i.via])).toEqual(expected.map((r) => r.slice(0, 4)));
    // A reason longer than its column wraps inside it rather than being cut.
    expect(t.rows().some((r) => /^ {10,}ago\)$/.test(r))).toBe(true);
    shown.forEach((item, n) => {
      expect(item.below).toHaveLength(1);
      const [line] = item.below;
      const hint = expected[n][4];
      expect(hint.startsWith(line.replace(/…$/, '')), line).toBe(true);
      expect(line.endsWith('…')).toBe(Array.from(hint).length > 78);
    });
    expect(t.screen()).toContain('…and 10 more today: `net due --all` lists them all.');
  });

  it('--explain at 80 columns: each score with all its terms, on a line under its row', async () => {
    const t = await show(['--explain'], 80);
    for (const line of t.screen().split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
    const shown = readList(t.rows());
    const explained = s.json<Array<DueItem & { terms: Record<string, number> }>>(['--db', demo, 'due', '--explain', '--limit', '7']);
    expect(shown.map((i) => i.who)).toEqual(explained.map((i) => i.name));
    shown.forEach((item, n) => {
      const { score, terms } = explained[n];
      expect(item.below[0]).toBe(`score ${score} = ${Object.entries(terms).map(([name, points]) => `${name} ${points}`).join(' + ')}`);
      expect(item.below).toHaveLength(2);
    });
    // A reply two days late comes first: the reply term grows with lateness.
    expect(shown[0].below[0]).toBe('score 20.86 = reply 18.86 + circle 2');
  });

  it('on a terminal wide enough for every hint, the hint is a column', async () => {
    const t = await show(['--limit', '4'], 250);
    const shown = readList(t.rows());
    expect(shown.map((i) => [i.who, i.why, i.due, i.via, i.hint])).toEqual(piped(['--limit', '4']));
    for (const item of shown) expect(item.below).toEqual([]);
  });
});
