// net snooze through the built binary (NET_NOW 2026-03-14, a Saturday).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

describe('net snooze', () => {
  let s: Sandbox;
  const snoozedUntil = () => s.query<{ snoozed_until: string | null }>("select snoozed_until from contacts where name = 'Anna Meyer'")[0].snoozed_until;
  const kinds = (day: string) => s.json<Array<{ kind: string }>>(['due'], { env: { NET_NOW: day } }).map((i) => i.kind);

  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Anna Meyer', '--circle', 'close', '--birthday', '--03-20'], { env: { NET_NOW: '2025-01-10' } }));
    ok(s.net(['log', 'anna', '--via', 'coffee'], { env: { NET_NOW: '2026-01-01' } }));
  });
  afterAll(() => s.cleanup());

  it('--for: no rhythm or birthday reminders until the snooze ends, then they are back', () => {
    expect(kinds('2026-03-18').sort()).toEqual(['birthday', 'cadence']);
    const result = s.net(['snooze', 'anna', '--for', '2 weeks']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'Snoozed Anna Meyer (#1) until 2026-03-28: no rhythm, new-contact or birthday reminders before then. Replies and follow-ups still show.\n',
    );
    expect(snoozedUntil()).toBe('2026-03-28');
    expect(kinds('2026-03-18')).toEqual([]);
    expect(kinds('2026-03-27')).toEqual([]);
    expect(kinds('2026-03-28')).toEqual(['cadence']);
  });

  it('replies owed and follow-ups are never hidden', () => {
    ok(s.net(['log', 'anna', '--via', 'email', '--in', '--follow-up', 'send the deck', '--by', '2026-03-14']));
    expect(kinds('2026-03-14').sort()).toEqual(['followup', 'reply']);
  });

  it('--until a day ahead; --clear ends it', () => {
    expect(ok(s.net(['snooze', 'anna', '--until', 'friday']))).toContain('until 2026-03-20');
    expect(snoozedUntil()).toBe('2026-03-20');
    expect(ok(s.net(['snooze', 'anna', '--clear']))).toBe('Anna Meyer (#1) is back in your reminders.\n');
    expect(snoozedUntil()).toBeNull();
    expect(ok(s.net(['snooze', 'anna', '--clear']))).toBe('Anna Meyer (#1) was not snoozed.\n');
  });

  it('needs exactly one of --until, --for, --clear, and a time ahead', () => {
    const cases: Array<[string[], number, RegExp]> = [
      [['snooze', 'anna'], 2, /say how long/],
      [['snooze', 'anna', '--for', '2 weeks', '--clear'], 2, /cannot be used together/],
      [['snooze', 'anna', '--until', '2026-03-14'], 2, /is not after today/],
      [['snooze', 'anna', '--for', 'none'], 2, /--for: "none" is not a length of time/],
      [['snooze', 'anna', '--for', 'a while'], 2, /--for: "a while" is not an interval/],
      [['snooze', 'nobody', '--for', '1 week'], 1, /no contact matches "nobody"/],
    ];
    for (const [args, code, message] of cases) {
      const result = s.net(args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
    }
    expect(snoozedUntil()).toBeNull();
  });
});
