// Listings at 80 columns, measured as a terminal shows them: the free text
// gets the room, names stay whole, a CJK company counts double, and notes are
// whole when piped, wrapped on a terminal, every line with --full.
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const LONG_NOTE =
  'talked about the Lanterna rebrand: she wants the full proposal with the budget split by quarter, two options for the logo, ' +
  'and a note on the timeline of the launch in Milan and Turin; follow up after Easter with the numbers';

let s: Sandbox;
beforeAll(() => {
  s = sandbox();
  ok(s.net(['add', 'Li Wei', '--company', '阿里巴巴集团控股有限公司', '--circle', 'close']));
  ok(s.net(['add', 'Martina Greco', '--company', 'Studio Greco', '--note', LONG_NOTE]));
  ok(s.net(['add', 'Giulia Rossi']));
  ok(s.net(['log', 'martina', '--via', 'coffee', '-m', LONG_NOTE]));
  ok(s.net(['followup', 'add', 'martina', 'send Martina the full proposal for the Lanterna rebrand, with the budget', '--by', 'friday']));
  ok(s.net(['outreach', 'add', 'Martina Greco', '--why', 'runs the design week and knows everyone in the Milan fintech scene', '--via', 'giulia', '--channel', 'email']));
});
afterAll(() => s.cleanup());

const terminal = (args: string[]) => ok(s.net(args, { terminal: true, env: { NO_COLOR: '1' } }));
const within80 = (out: string) => {
  for (const line of out.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
};
/** The words of a text, as a table shows them over several lines. */
const words = (out: string) => out.replace(/\s+/g, ' ');
/** The text of one column of a table, read down its rows: from its header to the next one. */
const column = (out: string, header: string, next: string) => {
  const lines = out.split('\n');
  const head = lines.find((l) => l.includes(header) && l.includes(next)) ?? '';
  const [from, to] = [head.indexOf(header), head.indexOf(next)];
  return words(lines.slice(lines.indexOf(head) + 1).map((l) => l.slice(from, to)).join(' ')).trim();
};

describe('listings at 80 columns', () => {
  it('net list with a CJK company name fits 80 columns', () => {
    const out = terminal(['list']);
    within80(out);
    expect(out).toContain('阿里巴巴');
    expect(out).toContain('Martina Greco');
  });

  it('followup list gives the promise the room, and wraps it whole', () => {
    const out = terminal(['followup', 'list']);
    within80(out);
    // Wrapped in its column: nothing cut.
    expect(column(out, 'Promise', 'Due')).toBe('send Martina the full proposal for the Lanterna rebrand, with the budget');
    expect(out).not.toContain('…');
  });

  it('outreach list keeps the names whole and the reason whole', () => {
    const out = terminal(['outreach', 'list']);
    within80(out);
    expect(out).toContain('Martina Greco ');
    expect(out).toContain('Giulia Rossi');
    expect(column(out, 'Why', 'Via')).toBe('runs the design week and knows everyone in the Milan fintech scene');
    expect(out).not.toContain('…');
  });
});

describe('net show', () => {
  it('prints notes in full when piped', () => {
    const out = ok(s.net(['show', 'martina']));
    expect(out).toContain(`  notes      ${LONG_NOTE}\n`);
    expect(out).toContain(`↔ coffee   ${LONG_NOTE}\n`);
  });

  it('wraps them on a terminal, the first lines of a long one, and every line with --full', () => {
    const short = terminal(['show', 'martina']);
    within80(short);
    const timelineOf = (out: string) => out.slice(out.indexOf('Timeline'));
    // The timeline's note: three lines, the last cut.
    expect(timelineOf(short).trimEnd().split('\n')).toHaveLength(4);
    expect(timelineOf(short).trimEnd().endsWith('…')).toBe(true);
    expect(words(timelineOf(short))).not.toContain('with the numbers');
    const full = terminal(['show', 'martina', '--full']);
    within80(full);
    expect(words(full)).toContain(words(LONG_NOTE));
    // The timeline's lines go on under the text, not under the date.
    const timeline = full.slice(full.indexOf('Timeline'));
    expect(timeline.split('\n').slice(2, 4).every((l) => l.startsWith(' '.repeat(24)))).toBe(true);
  });
});
