// Outreach says where it stands: an introduction asked moves the next step,
// next-on reschedules without a move, and an interaction logged by hand with
// someone on the list counts for the step it stands for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--circle', 'close'], { env: { NET_NOW: '2025-06-01' } }));
  ok(s.net(['log', 'giulia', '--via', 'coffee'], { env: { NET_NOW: '2026-03-10' } }));
  ok(s.net(['outreach', 'add', 'Marco Bianchi', '--why', 'runs the Milan fintech group', '--via', 'giulia', '--channel', 'email']));
});
afterEach(() => s.cleanup());

const on = (day: string) => ({ env: { NET_NOW: day } });
const outreach = () => s.query<{ stage: string; next_on: string | null; nudges: number; channel: string | null }>('select stage, next_on, nudges, channel from outreach')[0];
const events = () => s.query<{ kind: string; from_stage: string; to_stage: string; occurred_on: string; interaction_id: number | null }>(
  'select kind, from_stage, to_stage, occurred_on, interaction_id from outreach_events where deleted_at is null order by id',
);
const dueFor = (name: string, day?: string) =>
  s.json<Array<{ kind: string; name: string; reason: string }>>(['due'], day ? on(day) : undefined).filter((i) => i.name === name);

describe('net outreach ask', () => {
  it('records the introduction asked: the next step moves a week on, and due stops asking to ask', () => {
    expect(dueFor('Marco Bianchi').map((i) => i.reason)).toEqual(['ask Giulia Rossi to introduce you to Marco Bianchi (runs the Milan fintech group)']);
    expect(ok(s.net(['outreach', 'ask', 'marco']))).toBe(
      'Asked Giulia Rossi to introduce you to Marco Bianchi on 2026-03-14.\n' +
        '  Next step on 2026-03-21: if no introduction has come, ask again or write yourself mentioning them (net outreach draft "Marco Bianchi").\n',
    );
    expect(outreach()).toMatchObject({ stage: 'target', next_on: '2026-03-21' });
    expect(events().map((e) => e.kind)).toEqual(['add', 'ask']);
    expect(dueFor('Marco Bianchi')).toEqual([]);
    expect(dueFor('Marco Bianchi', '2026-03-21').map((i) => i.reason)).toEqual([
      'no introduction to Marco Bianchi yet (you asked Giulia Rossi on 2026-03-14): ask again, or write yourself mentioning them (runs the Milan fintech group)',
    ]);
    const next = s.json<Array<{ action: string }>>(['outreach', 'next'], on('2026-03-21'));
    expect(next.map((n) => n.action)).toEqual(['intro_asked']);
    // One command: undo takes the ask back.
    ok(s.net(['undo', '--yes']));
    expect(outreach()).toMatchObject({ stage: 'target', next_on: '2026-03-14' });
  });

  it('names the introducer with --via when the outreach has none, and refuses after the first message', () => {
    ok(s.net(['outreach', 'add', 'Sara Conti', '--channel', 'linkedin']));
    const none = s.net(['outreach', 'ask', 'sara']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no introducer is named');
    ok(s.net(['outreach', 'ask', 'sara', '--via', 'giulia', '--next', 'in 2 weeks']));
    expect(s.query('select o.next_on, v.name as via from outreach o join contacts v on v.id = o.via_contact_id join contacts c on c.id = o.contact_id where c.name = ?', 'Sara Conti')).toEqual([
      { next_on: '2026-03-28', via: 'Giulia Rossi' },
    ]);
    ok(s.net(['outreach', 'step', 'marco', 'contacted']));
    expect(s.net(['outreach', 'ask', 'marco']).code).toBe(1);
  });
});

describe('net outreach next-on', () => {
  it('moves the next step, the stage as it is; not into the past, nor before the last step', () => {
    expect(ok(s.net(['outreach', 'next-on', 'marco', 'in 2 weeks']))).toBe('Next step with Marco Bianchi on 2026-03-28 (was 2026-03-14); still at target.\n');
    expect(outreach()).toMatchObject({ stage: 'target', next_on: '2026-03-28' });
    expect(dueFor('Marco Bianchi')).toEqual([]);
    expect(s.net(['outreach', 'next-on', 'marco', '2026-03-01']).code).toBe(2);
    expect(s.net(['outreach', 'next-on', 'nobody', 'friday']).code).toBe(1);
    expect(s.net(['outreach', 'next-on', 'giulia', 'friday']).code).toBe(1);
  });
});

describe('an interaction logged by hand counts for its step', () => {
  it('a message to a target is the first message; theirs is the reply; a meeting is met', () => {
    expect(ok(s.net(['log', 'marco', '--via', 'email', '-m', 'hello from Giulia']))).toContain(
      '  outreach: moved Marco Bianchi from target to contacted; next step on 2026-03-21',
    );
    expect(outreach()).toMatchObject({ stage: 'contacted', next_on: '2026-03-21' });
    const history = s.json<Array<{ id: number }>>(['history', 'marco']);
    expect(events().at(-1)).toEqual({ kind: 'step', from_stage: 'target', to_stage: 'contacted', occurred_on: '2026-03-14', interaction_id: history[0].id });

    expect(ok(s.net(['log', 'marco', '--via', 'email', '--out', '-m', 'a gentle nudge'], on('2026-03-22')))).toContain('outreach: a nudge to Marco Bianchi (still contacted); next step on 2026-03-29');
    expect(outreach()).toMatchObject({ stage: 'contacted', nudges: 1 });
    expect(ok(s.net(['log', 'marco', '--via', 'email', '--in'], on('2026-03-23')))).toContain('outreach: moved Marco Bianchi from contacted to replied; next step on 2026-03-25');
    expect(ok(s.net(['log', 'marco', '--via', 'email', '--out'], on('2026-03-24')))).toContain('outreach: your answer to Marco Bianchi (still replied); next step on 2026-03-31');
    expect(ok(s.net(['log', 'marco', '--via', 'coffee'], on('2026-03-30')))).toContain('outreach: moved Marco Bianchi from replied to met; next step on 2026-04-06');
    expect(s.query('select met_on from contacts where name = ?', 'Marco Bianchi')).toEqual([{ met_on: '2026-03-30' }]);
    // After meeting, a touch is the relationship going on: nothing moves.
    expect(ok(s.net(['log', 'marco', '--via', 'call'], on('2026-04-02')))).not.toContain('outreach:');
    expect(outreach()).toMatchObject({ stage: 'met', next_on: '2026-04-06' });
  });

  it('undo of the log takes the move back with it', () => {
    ok(s.net(['log', 'marco', '--via', 'email']));
    ok(s.net(['undo', '--yes']));
    expect(outreach()).toMatchObject({ stage: 'target', next_on: '2026-03-14' });
    expect(events().map((e) => e.kind)).toEqual(['add']);
  });

  it('an interaction dated before the person was put on the list moves nothing', () => {
    expect(ok(s.net(['log', 'marco', '--via', 'email', '--date', '2026-03-01']))).not.toContain('outreach:');
    expect(outreach()).toMatchObject({ stage: 'target' });
  });
});
