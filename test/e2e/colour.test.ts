// Colours mean something, and the person decides: late items red and today's
// yellow on a terminal; --color always|never|auto, --no-color, NO_COLOR,
// FORCE_COLOR and CLICOLOR_FORCE, in that order of precedence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const ESC = '\u001b[';
const RED = `${ESC}31m`;
const YELLOW = `${ESC}33m`;

describe('colours', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Giulia Rossi', '--circle', 'close']));
    ok(s.net(['add', 'Marco Bianchi', '--circle', 'close']));
    ok(s.net(['followup', 'add', 'giulia', 'send the deck', '--by', '2026-03-10']));
    ok(s.net(['followup', 'add', 'marco', 'call back', '--by', '2026-03-14']));
  });
  afterAll(() => s.cleanup());

  it('on a terminal: late in red, today in yellow, in due and followup list', () => {
    const due = ok(s.net(['due'], { terminal: true }));
    expect(due).toContain(`${RED}4 days ago`);
    expect(due).toContain(`${YELLOW}today`);
    const followups = ok(s.net(['followup', 'list'], { terminal: true }));
    expect(followups).toContain(`${RED}2026-03-10 (4 days late)`);
    expect(followups).toContain(`${YELLOW}2026-03-14 (today)`);
  });

  it.each([
    ['--color never', ['--color', 'never'], {}],
    ['--color=never', ['--color=never'], {}],
    ['--no-color', ['--no-color'], {}],
    ['NO_COLOR', [], { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', [], { FORCE_COLOR: '0' }],
    ['TERM=dumb', [], { TERM: 'dumb' }],
    ['NO_COLOR over FORCE_COLOR', [], { NO_COLOR: '1', FORCE_COLOR: '1' }],
  ])('none on a terminal with %s', (_, args, env) => {
    expect(ok(s.net([...args, 'due'], { terminal: true, env }))).not.toContain(ESC);
  });

  it.each([
    ['--color always', ['--color', 'always'], {}],
    ['--color=always over NO_COLOR', ['--color=always'], { NO_COLOR: '1' }],
    ['FORCE_COLOR', [], { FORCE_COLOR: '1' }],
    ['CLICOLOR_FORCE', [], { CLICOLOR_FORCE: '1' }],
  ])('forced when piped with %s (a pipe still gets plain lines where net lays out a table)', (_, args, env) => {
    const doctor = s.net([...args, 'doctor'], { env });
    expect(doctor.stdout).toContain(`${ESC}32mok`);
    expect(ok(s.net([...args, 'due'], { env }))).not.toContain(ESC);
  });

  it('none when piped with --color auto or nothing said', () => {
    expect(s.net(['--color', 'auto', 'doctor']).stdout).not.toContain(ESC);
    expect(s.net(['doctor']).stdout).not.toContain(ESC);
  });

  it('--color takes always, never or auto only (exit 2)', () => {
    const result = s.net(['--color', 'sometimes', 'due']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: option '--color <when>' argument 'sometimes' is invalid\. Allowed choices are always, never, auto\./);
  });
});
