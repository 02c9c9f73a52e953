// The real binary in a pseudo-terminal (tmux): the prompts of `add` and
// `init`, Ctrl-C, and tables at 80 columns. Skipped when tmux is missing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { closeAll, HAS_TMUX, netCommand, Terminal } from '../tty.js';

const TERM = { TERM: 'xterm-256color' };

describe.skipIf(!HAS_TMUX)('prompts on a terminal', () => {
  let s: Sandbox;
  const terminals: Terminal[] = [];
  const open = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const t = new Terminal(s.dir, netCommand(args), { env: { ...s.env, ...TERM, ...env } });
    terminals.push(t);
    return t;
  };
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(async () => {
    await closeAll(terminals);
    s.cleanup();
  });

  it('net add without a name asks for the person, then adds them', async () => {
    const t = open(['add']);
    await t.waitFor('? Name');
    t.type('Niccolò Ferri');
    t.keys('Enter');
    await t.waitFor('? Company');
    t.type('Studio Ferri');
    t.keys('Enter');
    await t.waitFor('? Role');
    t.keys('Enter');
    await t.waitFor('? How did you meet?');
    t.type('Erasmus in Lyon');
    t.keys('Enter');
    await t.waitFor('? Known since?');
    t.type('2012-09-01');
    t.keys('Enter');
    await t.waitFor('? Circle');
    t.keys('Up'); // from the default, network, to active
    t.keys('Up'); // then close
    t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain('Added Niccolò Ferri (#1) to close, every 30 days.');
    expect(s.query('select name, company, role, how_met, met_on, circle from contacts')).toEqual([
      { name: 'Niccolò Ferri', company: 'Studio Ferri', role: null, how_met: 'Erasmus in Lyon', met_on: '2012-09-01', circle: 'close' },
    ]);
  });

  it('net add on a terminal shows the rhythms as configured', async () => {
    ok(s.net(['config', 'set', 'cadence.close', '3 weeks']));
    const t = open(['add']);
    await t.waitFor('? Name');
    t.type('Bruna Neri');
    t.keys('Enter');
    for (const question of ['? Company', '? Role', '? How did you meet?', '? Known since?']) {
      await t.waitFor(question);
      t.keys('Enter');
    }
    await t.waitFor('? Circle');
    await t.waitFor('close — trusted, regular (every 3 weeks)');
    expect(t.screen()).toContain('acquaintance — met once, or know of them (no rhythm)');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
    ok(s.net(['config', 'unset', 'cadence.close']));
  });

  it('net log with several people asks whose an unnamed favour or promise is', async () => {
    ok(s.net(['add', 'Jürgen Schäfer']));
    ok(s.net(['add', 'Anna Meyer']));
    const t = open(['log', 'jurgen', 'anna', '--via', 'meeting', '--got', 'intro to Siemens', '--follow-up', 'anna: send the slides']);
    await t.waitFor('Who gave you "intro to Siemens"');
    t.keys('Enter'); // the first: Jürgen
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain('got from Jürgen Schäfer: intro to Siemens');
    expect(s.query("select c.name, f.text from favours f join contacts c on c.id = f.contact_id where f.text = 'intro to Siemens'")).toEqual([
      { name: 'Jürgen Schäfer', text: 'intro to Siemens' },
    ]);
    expect(s.query("select c.name from followups f join contacts c on c.id = f.contact_id where f.text = 'send the slides'")).toEqual([{ name: 'Anna Meyer' }]);
  });

  it('Ctrl-C in a prompt exits 130 and writes nothing', async () => {
    const fresh = join(s.dir, 'fresh.db');
    const t = open(['add'], { NET_DB: fresh });
    await t.waitFor('? Name');
    t.type('Half Typed');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(existsSync(fresh)).toBe(false);
  });

  it('--no-input on a terminal does not prompt: a missing name is exit 2', async () => {
    const t = open(['--no-input', 'add']);
    expect(await t.exitCode()).toBe(2);
    expect(t.screen()).toContain('net: missing NAME');
  });
});

describe.skipIf(!HAS_TMUX)('net init on a terminal', () => {
  let s: Sandbox;
  const terminals: Terminal[] = [];
  const open = (args: string[]) => {
    const t = new Terminal(s.dir, netCommand(args), { env: { ...s.env, ...TERM } });
    terminals.push(t);
    return t;
  };
  beforeAll(() => {
    s = sandbox();
  });
  afterAll(async () => {
    await closeAll(terminals);
    s.cleanup();
  });

  it('guides through the place, the rhythms and the first people', async () => {
    const t = open(['init']);
    await t.waitFor('? Keep your network there?');
    expect(t.screen()).toContain(s.db);
    expect(t.screen()).toContain('A new file, readable only by you');
    t.keys('Enter');
    await t.waitFor('? Keep these rhythms?');
    expect(t.screen()).toMatch(/close {8}30 days {3}the default/);
    t.type('n');
    t.keys('Enter');
    await t.waitFor('? Rhythm of inner');
    t.keys('Enter');
    await t.waitFor('? Rhythm of close');
    t.type('3 weeks');
    t.keys('Enter');
    await t.waitFor('? Rhythm of active');
    t.type('sometimes');
    t.keys('Enter');
    await t.waitFor('"sometimes" is not an interval');
    for (let i = 0; i < 'sometimes'.length; i++) t.keys('BSpace');
    t.keys('Enter');
    await t.waitFor('? Rhythm of network');
    t.keys('Enter');
    await t.waitFor('? Rhythm of acquaintance');
    t.keys('Enter');
    await t.waitFor('? Person 1');
    t.type('Giulia Rossi');
    t.keys('Enter');
    await t.waitFor('? How close is Giulia?');
    expect(t.screen()).toMatch(/❯ close {8}3 weeks/);
    t.keys('Enter');
    await t.waitFor('? Person 2');
    t.type('giulia rossi');
    t.keys('Enter');
    await t.waitFor('already in this list');
    t.keys('C-u');
    t.type('Niccolò Ferri');
    t.keys('Enter');
    await t.waitFor('? How close is Niccolò?');
    t.keys('Up');
    t.keys('Enter');
    await t.waitFor('? Person 3');
    t.keys('Enter');
    expect(await t.exitCode()).toBe(0);
    expect(t.screen()).toContain(`${s.db}: 2 people, 1 rhythm changed.`);
    expect(s.query('select name, circle from contacts order by id')).toEqual([
      { name: 'Giulia Rossi', circle: 'close' },
      { name: 'Niccolò Ferri', circle: 'inner' },
    ]);
    expect(s.query('select key, value from settings')).toEqual([{ key: 'cadence.close', value: '21' }]);
    expect(ok(s.net(['list', '--circle', 'close', '--json']))).toContain('"cadence_days": 21');
  });

  it('is safe to run again: shows what is there, refuses a duplicate, Ctrl-C keeps everything', async () => {
    const t = open(['init']);
    await t.waitFor('It exists and holds 2 people.');
    t.keys('Enter');
    await t.waitFor('? Keep these rhythms?');
    expect(t.screen()).toMatch(/close {8}3 weeks {3}default 30 days/);
    t.keys('Enter');
    await t.waitFor('? Person 1');
    t.type('Niccolo Ferri');
    t.keys('Enter');
    await t.waitFor('already in your network as #2 Niccolò Ferri');
    t.keys('C-c');
    expect(await t.exitCode()).toBe(130);
    expect(s.query('select count(*) as n from contacts')).toEqual([{ n: 2 }]);
  });

  it('without a terminal says what to do instead (exit 2)', () => {
    const result = s.net(['init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: net init asks questions, so it needs a terminal/);
    expect(result.stderr).toContain('net add "Full Name" --circle close');
  });
});

describe.skipIf(!HAS_TMUX)('listings at 80 columns', () => {
  let s: Sandbox;
  let demo: string;
  const terminals: Terminal[] = [];
  beforeAll(() => {
    s = sandbox();
    demo = join(s.dir, 'demo.db');
    ok(s.net(['demo', '--db', demo]));
  });
  afterAll(async () => {
    await closeAll(terminals);
    s.cleanup();
  });

  it.each([[['list']], [['history', '--since', '2 weeks ago']], [['show', 'edoardo']], [['show', 'lorenzo']], [['list', '--sort', 'last']]])(
    'net %j fits the terminal: long notes wrap in a profile and its timeline, and lists fit their columns',
    async (args) => {
      const t = new Terminal(s.dir, netCommand(['--db', demo, ...args]), { env: { ...s.env, ...TERM }, width: 80, height: 200 });
      terminals.push(t);
      expect(await t.exitCode()).toBe(0);
      const lines = t.screen().split('\n');
      for (const line of lines) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
      if (args[0] === 'history') expect(t.screen()).toMatch(/…/);
      // Lorenzo's timeline notes wrap under their text, not under the date.
      if (args[1] === 'lorenzo') expect(lines.some((l) => /^ {24}\S/.test(l))).toBe(true);
      // Edoardo's notes are a paragraph: all of it is there, over several lines.
      if (args[1] === 'edoardo') expect(t.screen().replace(/\s+/g, ' ')).toContain('so start with something small and measurable.');
    },
  );
});
