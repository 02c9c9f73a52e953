// `net review --interactive` on a real pseudo-terminal (tmux): the built
// binary with its inquirer prompts, keys typed as a person would, Ctrl-C
// halfway, and what was chosen before it kept.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ok, sandbox, type Sandbox } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `net-review-${process.pid}`;
let s: Sandbox;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** Waits until the screen shows `text`, and returns the screen. */
async function screenWith(text: string, timeoutMs = 20_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let screen = '';
  while (Date.now() < end) {
    screen = tmux('capture-pane', '-p', '-t', session, '-S', '-100');
    if (screen.includes(text)) return screen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`"${text}" did not appear; the screen:\n${screen}`);
}

beforeAll(() => {
  if (!hasTmux) return;
  s = sandbox();
  const early = { env: { NET_NOW: '2025-12-01' } };
  ok(s.net(['add', 'Elena Inner', '--circle', 'inner'], early));
  ok(s.net(['add', 'Bruno Inner', '--circle', 'inner'], early));
  ok(s.net(['log', 'elena', '--via', 'call', '--date', '2026-01-21']));
  ok(s.net(['log', 'bruno', '--via', 'call', '--date', '2026-02-20']));
}, 60_000);

afterAll(() => {
  if (!hasTmux) return;
  spawnSync('tmux', ['kill-session', '-t', session]);
  s.cleanup();
});

describe.skipIf(!hasTmux)('net review --interactive on a terminal', () => {
  it('logs a touch through the prompts, and keeps it when Ctrl-C ends the session', async () => {
    const env = Object.entries(s.env).map(([k, v]) => `${k}='${v}'`).join(' ');
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '40', `env -i ${env} ${process.execPath} ${BIN} review --interactive; echo "EXIT=$?"; sleep 60`);

    let screen = await screenWith('Elena Inner: what now?');
    expect(screen).toContain('2 people to go through: due for a touch, then fading.');
    expect(screen).toContain('[1/2] Elena Inner #1 — inner, every 2 weeks; last contact 2026-01-21 (52 days ago); due 2026-02-04');
    tmux('send-keys', '-t', session, 'Enter'); // Log a touch now
    await screenWith('How?');
    tmux('send-keys', '-t', session, 'Down', 'Enter'); // call is offered first; one down is video
    await screenWith('A note (optional)');
    tmux('send-keys', '-t', session, 'caught up on her move', 'Enter');
    screen = await screenWith('Bruno Inner: what now?');
    expect(screen).toContain('Logged video with Elena Inner today.');
    tmux('send-keys', '-t', session, 'C-c');
    await screenWith('EXIT=130');

    const rows = s.query<{ channel: string; note: string; occurred_on: string }>(
      "select i.channel, i.note, i.occurred_on from interactions i join interaction_contacts ic on ic.interaction_id = i.id join contacts c on c.id = ic.contact_id where c.name = 'Elena Inner' order by i.occurred_at desc limit 1",
    );
    expect(rows).toEqual([{ channel: 'video', note: 'caught up on her move', occurred_on: '2026-03-14' }]);
  });
});
