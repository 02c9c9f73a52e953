// The help topics: every example in them works, and every line fits 80 columns.
import { describe, expect, it } from 'vitest';
import { findTopic, FUTURE_DATE_EXAMPLES, HELP_TOPICS, INTERVAL_EXAMPLES, PAST_DATE_EXAMPLES, topicList, wrap } from '../../src/core/help-topics.js';
import { parseInterval } from '../../src/core/intervals.js';
import { wrapLines } from '../../src/core/text.js';
import { parseDate } from '../../src/core/natural-dates.js';

// A Saturday, at noon, in the tests' time zone.
const NOW = new Date(2026, 2, 14, 12);

describe('help topics', () => {
  it.each(HELP_TOPICS.map((t) => [t.name, t] as const))('%s fits 80 columns and starts with a title', (_, topic) => {
    for (const line of topic.text.split('\n')) expect(Array.from(line).length, line).toBeLessThanOrEqual(80);
    expect(topic.text.split('\n')[1]).toBe('');
  });

  it.each([
    ['circles', 'circles'],
    ['Rhythm', 'rhythms'],
    ['cadence', 'rhythms'],
    ['date', 'dates'],
    ['json', 'formats'],
    ['exit', 'exit-codes'],
    ['names', 'contacts'],
  ])('"%s" finds %s', (word, name) => {
    expect(findTopic(word)?.name).toBe(name);
  });

  it('finds nothing for an unknown word', () => {
    expect(findTopic('circels')).toBeUndefined();
  });

  it.each(PAST_DATE_EXAMPLES.map(([text]) => [text]))('past date example "%s" parses, and is not after today', (text) => {
    expect(parseDate(text, NOW, { field: 'x', direction: 'past', order: 'dmy' }).day <= '2026-03-14').toBe(true);
  });

  it.each(FUTURE_DATE_EXAMPLES.map(([text]) => [text]))('future date example "%s" parses to a later day', (text) => {
    expect(parseDate(text, NOW, { field: 'x', direction: 'future', order: 'dmy' }).day > '2026-03-14').toBe(true);
  });

  it('means what it says about weekdays and Italian', () => {
    const past = (text: string) => parseDate(text, NOW, { field: 'x', direction: 'past', order: 'dmy' }).day;
    const future = (text: string) => parseDate(text, NOW, { field: 'x', direction: 'future', order: 'dmy' }).day;
    expect(past('last tuesday')).toBe('2026-03-10');
    expect(past('martedì scorso')).toBe('2026-03-10');
    expect(past('ieri')).toBe('2026-03-13');
    expect(future('friday')).toBe('2026-03-20');
    expect(future('venerdì')).toBe('2026-03-20');
    expect(future('in 2 weeks')).toBe('2026-03-28');
  });

  it.each(INTERVAL_EXAMPLES.map((i) => [i]))('interval example "%s" parses', (text) => {
    expect(parseInterval(text)).not.toBeUndefined();
  });

  it('lists every topic once, aligned', () => {
    const lines = topicList().split('\n');
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual(HELP_TOPICS.map((t) => t.name));
    expect(new Set(lines.map((l) => /^\s+\S+\s+/.exec(l)?.[0].length)).size).toBe(1);
  });
});

describe('wrap and wrapLines', () => {
  it('flows words into lines of the width, indenting the rest', () => {
    expect(wrap('aa bb cc dd', 7, '  ')).toBe('aa bb\n  cc dd');
    expect(wrap('short', 80)).toBe('short');
  });

  it.each<[string, number, string[]]>([
    ['one two three', 7, ['one two', 'three']],
    ['one two three', 80, ['one two three']],
    ['first\nsecond line', 80, ['first', 'second line']],
    ['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
    ['a abcdefgh b', 4, ['a', 'abcd', 'efgh', 'b']],
    ['Niccolò è là', 8, ['Niccolò', 'è là']],
    ['', 10, ['']],
  ])('%j at %i', (text, width, lines) => {
    expect(wrapLines(text, width)).toEqual(lines);
  });
});
