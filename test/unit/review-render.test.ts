// The report as text: every line within the width however long the names and
// numbers, colours only when asked for, and the weekly chart.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderReview, weeklyChart } from '../../src/cli/commands/review.js';
import { touchStatsOf } from '../../src/core/review/gaps.js';
import { periodEnding, previousPeriod } from '../../src/core/review/period.js';
import { buildReview, type Review } from '../../src/core/review/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { person } from './review-fixtures.js';

const today = '2026-03-14';
const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 1 });
// eslint-disable-next-line no-control-regex
const ansi = /\u001b\[[0-9;]*m/g;

/** A busy review: long names, large counts, every section full. */
function busyReview(): Review {
  const period = periodEnding(today, 'quarter');
  const long = (id: number) => `Maria Margherita Annunziata Dell'Acqua-Bianchi von Habsburg ${id}`;
  const contacts = Array.from({ length: 40 }, (_, i) =>
    person(i + 1, {
      name: long(i + 1),
      circle: i < 8 ? 'inner' : i < 30 ? 'close' : 'network',
      last: { on: '2025-11-01', direction: i % 3 === 0 ? 'in' : 'mutual', channel: i % 3 === 0 ? 'linkedin' : 'coffee' },
      channel: 'coffee',
    }),
  );
  const touchDays = new Map(contacts.map((c) => [c.id, [20000, 20003, 20006, 20009]]));
  const { review } = buildReview({
    period,
    previous: previousPeriod(period),
    today,
    settings: DEFAULT_SETTINGS,
    activity: {
      interactions: 123_456,
      people: 19_999,
      new_contacts: 1234,
      by_channel: ['email', 'linkedin', 'message', 'social', 'call', 'video', 'coffee', 'meal', 'meeting', 'event', 'other'].map((channel, i) => ({ channel, interactions: 10_000 + i })),
    },
    previousActivity: { interactions: 99_999, people: 20_000, new_contacts: 0, by_channel: [] },
    weeks: [{ week_start: '2026-03-09', interactions: 12_345 }],
    contacts,
    inOutreach: new Set(),
    touchStats: touchStatsOf(touchDays),
    favours: {
      period: { given: 1000, received: 2000 },
      overall: { given: 100_000, received: 200_000 },
      perContact: contacts.map((c) => ({ contact_id: c.id, name: c.name, given: 0, received: c.id })),
    },
    answeredReplies: [],
    keptFollowups: [],
    openFollowups: contacts.map((c) => ({ id: c.id, contact_id: c.id, name: c.name, text: `send the very long report about everything we said at the conference ${c.id}`, due_on: '2026-01-01' })),
    outreach: {
      stages: [
        { stage: 'target', count: 12_345 },
        { stage: 'contacted', count: 23_456 },
        { stage: 'parked', count: 34_567 },
      ],
      moves: [
        { from_stage: 'target', to_stage: 'contacted', count: 1000 },
        { from_stage: 'contacted', to_stage: 'replied', count: 2000 },
        { from_stage: 'replied', to_stage: 'met', count: 3000 },
        { from_stage: 'met', to_stage: 'connected', count: 4000 },
        { from_stage: 'contacted', to_stage: 'parked', count: 5000 },
      ],
      added: 999,
      nudges: 888,
    },
  });
  return review;
}

describe('the report', () => {
  it.each([80, 60])('keeps every line within %d columns', (width) => {
    const review = busyReview();
    for (const text of [renderReview(review, plain, width), renderReview(review, colour, width).replace(ansi, '')]) {
      const long = text.split('\n').filter((line) => Array.from(line).length > width);
      expect(long.join('\n')).toBe('');
    }
  });

  it('has colour only from a colour chalk, and no no-break spaces', () => {
    const review = busyReview();
    expect(renderReview(review, plain, 80)).not.toMatch(ansi);
    expect(renderReview(review, colour, 80)).toMatch(ansi);
    expect(renderReview(review, plain, 80)).not.toContain('\u00a0');
    expect(renderReview(review, colour, 80).split('\n')[0]).toBe(colour.bold('Review of 2025-12-14 → 2026-03-14 (91 days)'));
  });

  it('shows five of a long list and says how to see the rest', () => {
    const text = renderReview(busyReview(), plain, 80);
    expect(text).toContain('  … and 35 more (net review --json lists them all)');
  });
});

describe('the weekly chart', () => {
  it('draws a bar per week, scaled to the busiest, with the counts under them', () => {
    const weeks = [0, 1, 2, 4, 8, 0, 0, 0, 0, 0, 0, 8].map((interactions, i) => ({ week_start: `2026-01-${String(i + 1).padStart(2, '0')}`, interactions }));
    const [bars, counts, dates] = weeklyChart(plain, weeks, 80);
    expect(bars).toBe(`  ${['  ', '▁▁', '▂▂', '▄▄', '██', '  ', '  ', '  ', '  ', '  ', '  ', '██'].join(' ')}`);
    expect(counts).toBe('   0  1  2  4  8  0  0  0  0  0  0  8');
    expect(dates).toBe('  01-01                         01-12   weeks from Monday; 1.9 a week');
  });

  it('leaves an empty series blank', () => {
    const weeks = Array.from({ length: 12 }, (_, i) => ({ week_start: `2026-01-${String(i + 1).padStart(2, '0')}`, interactions: 0 }));
    expect(weeklyChart(plain, weeks, 80)[0].trim()).toBe('');
  });
});
