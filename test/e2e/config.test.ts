// net config list | get | set | unset through the built binary.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

describe('net config', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(() => s.cleanup());

  it('get and list show the defaults without creating a database', () => {
    expect(ok(s.net(['config', 'get', 'cadence.close']))).toBe('30 days\n');
    expect(ok(s.net(['config', 'get', 'cadence.acquaintance']))).toBe('none\n');
    expect(ok(s.net(['config', 'get', 'reply_window']))).toBe('7 days\n');
    expect(ok(s.net(['config', 'get', 'due.limit']))).toBe('7\n');
    const list = s.json<Array<{ key: string; value: string; default: string; changed: boolean; description: string }>>(['config', 'list']);
    expect(list.map((r) => r.key)).toEqual([
      'cadence.inner',
      'cadence.close',
      'cadence.active',
      'cadence.network',
      'cadence.acquaintance',
      'reply_window',
      'due.limit',
      'weight.overshoot',
      'weight.circle',
      'weight.reply',
      'weight.promise',
      'weight.new_contact',
      'weight.upcoming',
      'weight.outreach',
      'weight.waiting',
      'weight.awaited',
      'dates.order',
      'me.name',
      'draft.signature',
      'me.emails',
      'capture.max_recipients',
      'capture.max_attendees',
      'sync.auto',
      'team.share_notes',
    ]);
    expect(list.find((r) => r.key === 'cadence.inner')).toMatchObject({ value: '14 days', default: '14 days', changed: false });
    expect(existsSync(s.db)).toBe(false);
  });

  it('set stores a checked value that get, list and due then use', () => {
    expect(ok(s.net(['config', 'set', 'cadence.close', '3 weeks']))).toBe('cadence.close = 21 days\n');
    expect(ok(s.net(['config', 'set', 'cadence.acquaintance', 'quarterly']))).toBe('cadence.acquaintance = 91 days\n');
    expect(ok(s.net(['config', 'set', 'cadence.network', 'none']))).toBe('cadence.network = none\n');
    expect(ok(s.net(['config', 'set', 'reply_window', '5']))).toBe('reply_window = 5 days\n');
    expect(ok(s.net(['config', 'set', 'weight.circle', '2.5']))).toBe('weight.circle = 2.5\n');
    expect(ok(s.net(['config', 'get', 'cadence.close']))).toBe('21 days\n');
    expect(s.query('select key, value from settings order by key')).toEqual([
      { key: 'cadence.acquaintance', value: '91' },
      { key: 'cadence.close', value: '21' },
      { key: 'cadence.network', value: 'none' },
      { key: 'reply_window', value: '5' },
      { key: 'weight.circle', value: '2.5' },
    ]);
    const list = s.json<Array<{ key: string; value: string; changed: boolean }>>(['config', 'list']);
    expect(list.filter((r) => r.changed).map((r) => r.key)).toEqual(['cadence.close', 'cadence.network', 'cadence.acquaintance', 'reply_window', 'weight.circle']);

    ok(s.net(['add', 'Anna Meyer', '--circle', 'close'], { env: { NET_NOW: '2025-01-01' } }));
    ok(s.net(['log', 'anna', '--via', 'email', '--in'], { env: { NET_NOW: '2026-02-20' } }));
    ok(s.net(['log', 'anna', '--via', 'call'], { env: { NET_NOW: '2026-02-21' } }));
    // 21 days after the call: due today under the new rhythm (it would be 9 days off under the default 30).
    const [item] = s.json<Array<{ kind: string; due_on: string; reason: string }>>(['due']);
    expect(item).toMatchObject({ kind: 'cadence', due_on: '2026-03-14' });
    expect(item.reason).toContain('you meet every 3 weeks');
  });

  it('unset brings the default back', () => {
    expect(ok(s.net(['config', 'unset', 'cadence.close']))).toBe('cadence.close = 30 days (the default)\n');
    expect(ok(s.net(['config', 'get', 'cadence.close']))).toBe('30 days\n');
    expect(s.json(['due'])).toEqual([]);
  });

  it('an unknown key or an invalid value is exit 2 and changes nothing', () => {
    const before = s.query('select key, value from settings order by key');
    const cases: Array<[string[], RegExp]> = [
      [['config', 'set', 'cadence.closer', '30'], /"cadence.closer" is not a setting\n  did you mean cadence.close\?/],
      [['config', 'get', 'colour'], /"colour" is not a setting/],
      [['config', 'set', 'cadence.inner', 'banana'], /cadence.inner: "banana" is not an interval/],
      [['config', 'set', 'due.limit', '0'], /due.limit: "0" is not a whole number from 1 to 1000/],
      [['config', 'set', 'reply_window', '-3'], /reply_window: "-3" is not a whole number/],
      [['config', 'set', 'weight.reply', 'lots'], /weight.reply: "lots" is not a number from 0 to 1000/],
      [['config', 'set', 'due.limit'], /missing required argument/],
    ];
    for (const [args, message] of cases) {
      const result = s.net(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    expect(s.query('select key, value from settings order by key')).toEqual(before);
  });
});
