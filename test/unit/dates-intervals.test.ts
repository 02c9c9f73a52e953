import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDay, localDay, nextBirthday, weekStart } from '../../src/core/dates.js';
import { formatInterval, parseInterval } from '../../src/core/intervals.js';

describe('days', () => {
  it('adds days across months, years and DST changes', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('counts whole days', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2025-10-25', '2025-10-27')).toBe(2);
  });
  it('checks ISO days exactly', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('26-01-01')).toBe(false);
  });
  it('finds the Monday of a week', () => {
    expect(weekStart('2026-03-14')).toBe('2026-03-09');
    expect(weekStart('2026-03-09')).toBe('2026-03-09');
    expect(weekStart('2026-03-15')).toBe('2026-03-09');
  });
  it('gives the local day of an instant', () => {
    expect(localDay(new Date(2026, 2, 14, 23, 59))).toBe('2026-03-14');
  });
  it.each([
    ['1985-04-12', '2026-03-14', '2026-04-12'],
    ['--03-14', '2026-03-14', '2026-03-14'],
    ['--03-13', '2026-03-14', '2027-03-13'],
    ['2000-02-29', '2026-02-01', '2026-02-28'],
    ['2000-02-29', '2028-02-01', '2028-02-29'],
    ['nonsense', '2026-03-14', null],
  ])('next birthday of %s after %s is %s', (birthday, today, next) => {
    expect(nextBirthday(birthday, today)).toBe(next);
  });
});

describe('intervals', () => {
  it.each([
    ['2 weeks', 14],
    ['45 days', 45],
    ['monthly', 30],
    ['quarterly', 91],
    ['weekly', 7],
    ['every 3 weeks', 21],
    ['1y', 365],
    ['10d', 10],
    ['2 mesi', 60],
    ['ogni 2 settimane', 14],
    ['none', null],
    ['never', null],
  ])('%s = %s days', (text, days) => expect(parseInterval(text)).toBe(days));

  it.each(['sometimes', '0 days', '-3 days', '2 fortnights', '', '100 years', '1.5 weeks'])('rejects %j', (text) => {
    expect(parseInterval(text)).toBeUndefined();
  });

  it.each([
    [14, '2 weeks'],
    [30, '30 days'],
    [365, '1 year'],
    [7, '1 week'],
    [1, '1 day'],
    [null, 'no rhythm'],
  ])('formats %s as %s', (days, text) => expect(formatInterval(days)).toBe(text));
});
