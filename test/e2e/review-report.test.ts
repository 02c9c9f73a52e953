// `net review` end to end: a hand-built network, NET_NOW fixed on Saturday
// 2026-03-14, and every figure of the review known in advance.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
const EARLY = { env: { NET_NOW: '2025-12-01' } };

/**
 * The network (the default period is 2026-03-08 → 2026-03-14, the previous one 03-01 → 03-07):
 * inner   Anna (coffee 03-10, promise "send the deck" due 03-12, still open), Bruno (call 02-20: due 03-06),
 *         Carla (snoozed), Dario (no rhythm), Elena (12-12, 01-01, 01-11, 01-21: fading and due), Fabio (wrote 03-08)
 * close   Giulia (wrote 03-02, coffee 03-09: answered on the last day), Hugo (wrote 02-25, answered 03-10: late),
 *         Nora (12-10, then weekly: 02-21, 02-28, 03-07 — far from her 30-day rhythm)
 * network Irene (wrote 03-05, not answered: late since 03-12), Marco (meeting 03-12, gave an introduction)
 * acquaintance Luca (call 03-11, three favours received), Olga and Pia (outreach targets added today; Olga contacted)
 */
beforeAll(() => {
  s = sandbox();
  const run = (args: string[], options?: { env?: NodeJS.ProcessEnv }) => ok(s.net(args, options));
  for (const name of ['Anna', 'Bruno', 'Carla', 'Elena', 'Fabio']) run(['add', `${name} Inner`, '--circle', 'inner'], EARLY);
  run(['add', 'Dario Inner', '--circle', 'inner', '--every', 'none'], EARLY);
  for (const name of ['Giulia', 'Hugo', 'Nora']) run(['add', `${name} Close`, '--circle', 'close'], EARLY);
  for (const name of ['Irene', 'Marco']) run(['add', `${name} Network`, '--circle', 'network'], EARLY);
  run(['add', 'Luca Acquaintance', '--circle', 'acquaintance'], EARLY);

  // A first touch each before the twelve weeks: advice needs 4 days in touch spanning 3 usual gaps.
  for (const day of ['2025-12-12', '2026-01-01', '2026-01-11', '2026-01-21']) run(['log', 'elena', '--via', 'call', '--date', day]);
  run(['log', 'bruno', '--via', 'call', '--date', '2026-02-20']);
  for (const day of ['2025-12-10', '2026-02-21', '2026-02-28', '2026-03-07']) run(['log', 'nora', '--via', 'video', '--date', day]);
  run(['log', 'hugo', '--via', 'linkedin', '--in', '--date', '2026-02-25']);
  run(['log', 'giulia', '--via', 'email', '--in', '--date', '2026-03-02']);
  run(['log', 'irene', '--via', 'email', '--in', '--date', '2026-03-05']);
  run(['log', 'fabio', '--via', 'email', '--in', '--date', '2026-03-08']);
  run(['log', 'giulia', '--via', 'coffee', '--date', '2026-03-09']);
  run(['log', 'anna', '--via', 'coffee', '--date', '2026-03-10', '--follow-up', 'send the deck', '--by', '2026-03-12']);
  run(['log', 'hugo', '--via', 'message', '--out', '--date', '2026-03-10']);
  run(['log', 'luca', '--via', 'call', '--date', '2026-03-11', '--got', 'an introduction', '--got', 'a referral', '--got', 'advice']);
  run(['log', 'marco', '--via', 'meeting', '--date', '2026-03-12', '--gave', 'an introduction', '--follow-up', 'send the article', '--by', '2026-03-13']);

  // Promises: Marco's kept on its day; Bruno's kept late.
  const marco = s.query<{ id: number }>("select f.id from followups f join contacts c on c.id = f.contact_id where c.name = 'Marco Network'")[0].id;
  run(['followup', 'done', String(marco)], { env: { NET_NOW: '2026-03-13' } });
  run(['followup', 'add', 'bruno', 'share the report', '--by', '2026-03-01'], { env: { NET_NOW: '2026-02-25' } });
  const bruno = s.query<{ id: number }>("select f.id from followups f join contacts c on c.id = f.contact_id where c.name = 'Bruno Inner'")[0].id;
  run(['followup', 'done', String(bruno)], { env: { NET_NOW: '2026-03-11' } });

  run(['snooze', 'carla', '--for', '2 weeks']);
  run(['outreach', 'add', 'Olga Target', '--why', 'runs the Milan fintech group', '--channel', 'email']);
  run(['outreach', 'add', 'Pia Target', '--why', 'writes about networks', '--channel', 'linkedin']);
  run(['outreach', 'step', 'olga', 'contacted', '-m', 'asked about the next meetup']);
}, 180_000);

afterAll(() => s.cleanup());

interface Review {
  period: { from: string; to: string; days: number };
  activity: Record<string, unknown>;
  weekly: Array<{ week_start: string; interactions: number }>;
  circles: Array<Record<string, unknown>>;
  fading: Array<Record<string, unknown>>;
  balance: Record<string, unknown>;
  replies: Record<string, unknown>;
  followups: Record<string, unknown>;
  outreach: Record<string, unknown>;
  rhythms: Array<Record<string, unknown>>;
  next: Array<{ kind: string; contact_id: number | null; name: string | null; text: string }>;
}

const id = (name: string) => s.query<{ id: number }>('select id from contacts where name = ?', name)[0].id;

describe('net review --json', () => {
  let review: Review;
  beforeAll(() => {
    review = s.json<Review>(['review']);
  });

  it('has the sections of the contract, in order, for the last 7 days', () => {
    expect(Object.keys(review)).toEqual(['period', 'activity', 'weekly', 'circles', 'fading', 'balance', 'replies', 'followups', 'outreach', 'rhythms', 'next']);
    expect(review.period).toEqual({ from: '2026-03-08', to: '2026-03-14', days: 7 });
  });

  it('counts the activity and compares it with the week before', () => {
    expect(review.activity).toEqual({
      interactions: 7,
      people: 7,
      new_contacts: 2,
      by_channel: [
        { channel: 'coffee', interactions: 2 },
        { channel: 'email', interactions: 2 },
        { channel: 'call', interactions: 1 },
        { channel: 'meeting', interactions: 1 },
        { channel: 'message', interactions: 1 },
      ],
      previous: { from: '2026-03-01', to: '2026-03-07', interactions: 3, people: 3, new_contacts: 0 },
      change: { interactions: 4, people: 4, new_contacts: 2 },
    });
  });

  it('draws twelve Monday weeks', () => {
    expect(review.weekly.map((w) => [w.week_start, w.interactions])).toEqual([
      ['2025-12-22', 0],
      ['2025-12-29', 1],
      ['2026-01-05', 1],
      ['2026-01-12', 0],
      ['2026-01-19', 1],
      ['2026-01-26', 0],
      ['2026-02-02', 0],
      ['2026-02-09', 0],
      ['2026-02-16', 2],
      ['2026-02-23', 2],
      ['2026-03-02', 4],
      ['2026-03-09', 6],
    ]);
  });

  it('sizes the circles, flags the inner one, and counts who is due like net due', () => {
    expect(review.circles.map((c) => [c.circle, c.size, c.natural_size, c.on_rhythm, c.overdue, c.snoozed, c.no_rhythm, c.over_by])).toEqual([
      ['inner', 6, 5, 2, 2, 1, 1, 1],
      ['close', 3, 15, 3, 0, 0, 0, 0],
      ['active', 0, 50, 0, 0, 0, 0, 0],
      ['network', 2, 150, 2, 0, 0, 0, 0],
      ['acquaintance', 3, null, 0, 0, 0, 3, 0],
    ]);
    expect(review.circles[0].advice).toBe('6 people for a natural 5: move 1 person to close (net edit NAME --circle close)');
    const due = s.json<Array<{ kind: string; name: string }>>(['due', '--all']).filter((i) => i.kind === 'cadence');
    expect(due.map((i) => i.name).sort()).toEqual(['Bruno Inner', 'Elena Inner']);
  });

  it('finds the relationship that is fading', () => {
    expect(review.fading).toEqual([
      { contact_id: id('Elena Inner'), name: 'Elena Inner', circle: 'inner', usual_gap_days: 10, current_gap_days: 52, last_contact: '2026-01-21' },
    ]);
  });

  it('weighs give and take', () => {
    expect(review.balance).toEqual({
      period: { given: 1, received: 3 },
      overall: { given: 1, received: 3 },
      one_sided: [
        { contact_id: id('Luca Acquaintance'), name: 'Luca Acquaintance', given: 0, received: 3 },
        { contact_id: id('Marco Network'), name: 'Marco Network', given: 1, received: 0 },
      ],
    });
  });

  it('counts replies answered in time (on the last day of the window), late, and owed', () => {
    expect(review.replies).toEqual({
      answered_on_time: 1,
      answered_late: 1,
      still_owed: 2,
      overdue: 1,
      owed: [
        { contact_id: id('Irene Network'), name: 'Irene Network', since: '2026-03-05', due_on: '2026-03-12', days_overdue: 2, channel: 'email' },
        { contact_id: id('Fabio Inner'), name: 'Fabio Inner', since: '2026-03-08', due_on: '2026-03-15', days_overdue: -1, channel: 'email' },
      ],
    });
    const dueReplies = s.json<Array<{ kind: string; name: string }>>(['due', '--all']).filter((i) => i.kind === 'reply');
    expect(dueReplies.map((i) => i.name).sort()).toEqual(['Fabio Inner', 'Irene Network']);
  });

  it('counts promises kept on their day, kept late, and still open', () => {
    expect(review.followups).toMatchObject({ kept_on_time: 1, kept_late: 1, open: 1, overdue: 1 });
    expect(review.followups.overdue_items).toEqual([
      { id: expect.any(Number), contact_id: id('Anna Inner'), name: 'Anna Inner', text: 'send the deck', due_on: '2026-03-12', days_overdue: 2 },
    ]);
  });

  it('shows the outreach pipeline and its moves', () => {
    expect(review.outreach).toEqual({
      stages: [
        { stage: 'target', count: 1 },
        { stage: 'contacted', count: 1 },
        { stage: 'replied', count: 0 },
        { stage: 'met', count: 0 },
        { stage: 'connected', count: 0 },
        { stage: 'declined', count: 0 },
        { stage: 'parked', count: 0 },
      ],
      moves: [{ from_stage: 'target', to_stage: 'contacted', count: 1 }],
      added: 2,
      nudges: 0,
    });
  });

  it('suggests a rhythm that fits, without changing it', () => {
    expect(review.rhythms).toEqual([
      { contact_id: id('Nora Close'), name: 'Nora Close', circle: 'close', rhythm_days: 30, usual_gap_days: 7, suggested_days: 7 },
    ]);
    expect(s.query('select cadence_days from contacts where name = ?', 'Nora Close')).toEqual([{ cadence_days: null }]);
  });

  it('proposes five next steps drawn from the sections', () => {
    expect(review.next.map((n) => [n.kind, n.name])).toEqual([
      ['reply', 'Irene Network'],
      ['followup', 'Anna Inner'],
      ['reach_out', 'Elena Inner'],
      ['give_back', 'Luca Acquaintance'],
      ['prune', null],
    ]);
    expect(review.next[1].text).toBe('Keep your promise to Anna Inner: "send the deck" (due 2026-03-12, 2 days ago).');
  });
});

describe('net review periods', () => {
  it('--month and --quarter look further back', () => {
    expect(s.json<Review>(['review', '--month']).period).toEqual({ from: '2026-02-13', to: '2026-03-14', days: 30 });
    const quarter = s.json<Review>(['review', '--quarter']);
    expect(quarter.period).toEqual({ from: '2025-12-14', to: '2026-03-14', days: 91 });
    // Every interaction logged falls in the quarter.
    expect(quarter.activity.interactions).toBe(17);
    expect(quarter.activity.new_contacts).toBe(2);
  });

  it('--since and --until take natural dates', () => {
    const review = s.json<Review>(['review', '--since', '2026-03-01', '--until', 'last saturday']);
    expect(review.period).toEqual({ from: '2026-03-01', to: '2026-03-07', days: 7 });
    expect(review.activity).toMatchObject({ interactions: 3, people: 3 });
    expect(review.weekly[11]).toEqual({ week_start: '2026-03-02', interactions: 3 });
    // Answered replies follow the period: Hugo's late answer is in the next week.
    expect(review.replies).toMatchObject({ answered_on_time: 0, answered_late: 0 });
  });

  it.each([
    [['--week', '--month'], /choose one period/],
    [['--quarter', '--since', '2026-01-01'], /choose one period/],
    [['--since', '2026-03-10', '--until', '2026-03-09'], /--since 2026-03-10 is after the end of the period \(2026-03-09\)/],
    [['--until', '2026-03-20'], /--until: "2026-03-20" is in the future/],
    [['--since', 'blue moon'], /--since: "blue moon" is not a date/],
    [['--interactive', '--json'], /cannot be used together/],
  ])('refuses %j with exit 2', (args, message) => {
    const result = s.net(['review', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: /);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('the report', () => {
  it('is plain text when piped, within 80 columns, with every section', () => {
    const out = ok(s.net(['review']));
    expect(out).not.toMatch(/\u001b\[/);
    for (const line of out.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(80);
    const titles = ['Activity', 'Last 12 weeks', 'Circles', 'Fading', 'Give and take', 'Replies', 'Follow-ups', 'Outreach', 'Rhythms', 'Next week'];
    expect(out.split('\n').filter((l) => titles.includes(l))).toEqual(titles);
    expect(out).toContain('Review of 2026-03-08 → 2026-03-14 (7 days)');
    expect(out).toContain('  7 interactions with 7 people, 2 new contacts');
    expect(out).toContain('  +4 interactions, +4 people against 2026-03-01 → 2026-03-07');
    expect(out).toContain('   0  1  1  0  1  0  0  0  2  2  4  6');
    expect(out).toContain('  ! inner: 6 people for a natural 5: move 1 person to close (net edit NAME');
    expect(out).toMatch(/ {2}Elena Inner #\d+ +inner +10 days +52 days +2026-01-21/);
    expect(out).toContain('  answered in time 1 · answered late 1 · still owed 2 (1 past due)');
    expect(out).toContain('  kept on time 1 · kept late 1 · open 1 (1 past due)');
    expect(out).toMatch(/ {2}target 1 → contacted 1 → replied 0 → met 0 → connected 0 · declined 0 ·\n {2}parked 0\n/);
    expect(out).toContain('  this period: 2 added, 0 nudges, moves target → contacted 1');
    expect(out).toMatch(/Nora Close #\d+ +30 days +7 days +--every "1 week"/);
    expect(out).toContain('  1. Reply to Irene Network: their email of 2026-03-05 waits for an answer');
  });

  it('accepts --no-color and NO_COLOR', () => {
    expect(ok(s.net(['review', '--no-color']))).not.toMatch(/\u001b\[/);
    expect(ok(s.net(['review'], { env: { NO_COLOR: '1' } }))).not.toMatch(/\u001b\[/);
  });

  it('reviews an empty network without creating a database', () => {
    const empty = sandbox();
    try {
      const out = ok(empty.net(['review']));
      expect(out).toContain('0 interactions with 0 people, 0 new contacts');
      expect(out).toContain('  1. Add the people who matter to you: net add "NAME" --circle close.');
      const review = empty.json<Review>(['review']);
      expect(review.weekly).toHaveLength(12);
      expect(review.circles.every((c) => c.size === 0)).toBe(true);
      expect(existsSync(empty.db)).toBe(false);
    } finally {
      empty.cleanup();
    }
  });
});

describe('net review --interactive without a terminal', () => {
  it('exits 2 with a message and changes nothing', () => {
    const before = s.query('select count(*) as n from interactions');
    const result = s.net(['review', '--interactive']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^net: net review --interactive needs a terminal/);
    expect(result.stdout).toBe('');
    expect(s.query('select count(*) as n from interactions')).toEqual(before);
  });
});

describe('net review --help', () => {
  it('has a summary, the options and examples', () => {
    const out = ok(s.net(['review', '--help']));
    for (const text of ['--week', '--month', '--quarter', '--since <date>', '--until <date>', '--json', '--interactive', 'Examples:', '$ net review --quarter --json']) {
      expect(out).toContain(text);
    }
  });
});
