// Outreach next steps in the morning list: `net due` shows them as kind
// `outreach`, and after two unanswered nudges suggests parking.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
});
afterEach(() => s.cleanup());

interface DueItem {
  kind: string;
  name: string;
  due_on: string;
  days_overdue: number;
  reason: string;
  channel: string | null;
}

it('lists outreach steps that have come as kind outreach, and suggests parking after two nudges', () => {
  const on = (day: string) => ({ env: { NET_NOW: day } });
  ok(s.net(['add', 'Giulia Rossi']));
  ok(s.net(['outreach', 'add', 'Marco Bianchi', '--via', 'giulia', '--channel', 'email', '--why', 'runs the Milan fintech group']));
  ok(s.net(['outreach', 'add', 'Sara Conti', '--channel', 'linkedin', '--next', '2026-03-20']));
  ok(s.net(['outreach', 'step', 'marco', 'contacted']));

  // Today: Marco was just contacted (a week to wait), Sara's first step is not yet.
  const outreachItems = (day: string) => s.json<DueItem[]>(['due'], on(day)).filter((i) => i.kind === 'outreach');
  expect(outreachItems('2026-03-14')).toEqual([]);
  // (The order among them is the scheduler's ranking, not checked here.)
  const byName = (items: DueItem[]) => [...items].sort((a, b) => a.name.localeCompare(b.name));
  expect(byName(outreachItems('2026-03-21')).map((i) => [i.name, i.due_on, i.days_overdue, i.channel])).toEqual([
    ['Marco Bianchi', '2026-03-21', 0, 'email'],
    ['Sara Conti', '2026-03-20', 1, 'linkedin'],
  ]);

  ok(s.net(['outreach', 'nudge', 'marco'], on('2026-03-21')));
  ok(s.net(['outreach', 'nudge', 'marco'], on('2026-03-28')));
  const marco = outreachItems('2026-04-04').find((i) => i.name === 'Marco Bianchi');
  expect(marco?.reason).toContain('park it');

  ok(s.net(['outreach', 'step', 'marco', 'parked'], on('2026-04-04')));
  expect(outreachItems('2026-04-04').map((i) => i.name)).toEqual(['Sara Conti']);
});
