// Numeric dates in the person's order, the locale's order, weekdays and the
// phrases people say: table-driven, on a fixed day (Saturday 14 March 2026,
// and Sunday 15 March for the weekdays).
import { describe, expect, it } from 'vitest';
import { environmentOrder, localeOrder, nearestWeekday, parseNumericDate, type DateOrder } from '../../src/core/date-order.js';
import { parseDate } from '../../src/core/natural-dates.js';

const TODAY = '2026-03-14';
const SATURDAY_NOON = new Date(2026, 2, 14, 12);
const SUNDAY_NOON = new Date(2026, 2, 15, 12);

describe('the order of a locale', () => {
  it.each<[string, DateOrder | null]>([
    ['en_US.UTF-8', 'mdy'],
    ['en_US', 'mdy'],
    ['en_US@euro', 'mdy'],
    ['es_US.UTF-8', 'mdy'],
    ['en_PH.UTF-8', 'mdy'],
    ['fil_PH', 'mdy'],
    ['en_GB.UTF-8', 'dmy'],
    ['en_IE.UTF-8', 'dmy'],
    ['en_AU.UTF-8', 'dmy'],
    ['en_IN', 'dmy'],
    ['it_IT.UTF-8', 'dmy'],
    ['it_CH.UTF-8', 'dmy'],
    ['fr_FR.UTF-8', 'dmy'],
    ['fr_CA.UTF-8', 'dmy'],
    ['de_DE.UTF-8', 'dmy'],
    ['de_AT', 'dmy'],
    ['es_ES.UTF-8', 'dmy'],
    ['es_MX', 'dmy'],
    ['pt_BR.UTF-8', 'dmy'],
    ['nl_NL', 'dmy'],
    ['ru_RU.UTF-8', 'dmy'],
    ['it', 'dmy'],
    ['ja_JP.UTF-8', 'ymd'],
    ['zh_CN.UTF-8', 'ymd'],
    ['zh_TW', 'ymd'],
    ['ko_KR.UTF-8', 'ymd'],
    ['hu_HU', 'ymd'],
    ['lt_LT', 'ymd'],
    ['en', null],
    ['C', null],
    ['C.UTF-8', null],
    ['POSIX', null],
    ['', null],
  ])('%s writes %s', (locale, order) => {
    expect(localeOrder(locale)).toBe(order);
  });

  it.each<[Record<string, string>, DateOrder | null]>([
    [{ LANG: 'it_IT.UTF-8' }, 'dmy'],
    [{ LANG: 'en_US.UTF-8' }, 'mdy'],
    [{ LC_TIME: 'en_GB.UTF-8', LANG: 'en_US.UTF-8' }, 'dmy'],
    [{ LC_ALL: 'en_US.UTF-8', LC_TIME: 'it_IT.UTF-8', LANG: 'it_IT.UTF-8' }, 'mdy'],
    [{ LC_ALL: '', LC_TIME: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' }, 'dmy'],
    [{ LC_ALL: 'C', LANG: 'it_IT.UTF-8' }, null],
    [{ LANG: 'C.UTF-8' }, null],
    [{}, null],
  ])('%j: %s', (env, order) => {
    expect(environmentOrder(env)).toBe(order);
  });
});

describe('numeric dates', () => {
  const read = (text: string, order: DateOrder | null, direction: 'past' | 'future' = 'past') => parseNumericDate(text, { order, today: TODAY, direction });
  const day = (text: string, order: DateOrder | null, direction: 'past' | 'future' = 'past') => {
    const result = read(text, order, direction);
    return result?.kind === 'day' ? result.day : result?.kind;
  };

  it.each<[string, DateOrder | null, string | undefined]>([
    // Slashes follow the order.
    ['03/12/2026', 'dmy', '2026-12-03'],
    ['03/12/2026', 'mdy', '2026-03-12'],
    ['3/12/2026', 'dmy', '2026-12-03'],
    ['3/12/2026', 'mdy', '2026-03-12'],
    ['25/12/2025', 'dmy', '2025-12-25'],
    ['12/25/2025', 'mdy', '2025-12-25'],
    ['3-12-2026', 'dmy', '2026-12-03'],
    ['3/12/26', 'dmy', '2026-12-03'],
    ['3/12/85', 'dmy', '1985-12-03'],
    ['1/1/2000', 'mdy', '2000-01-01'],
    // Dots are day-first whatever the order.
    ['3.12.2026', 'dmy', '2026-12-03'],
    ['3.12.2026', 'mdy', '2026-12-03'],
    ['3.12.2026', 'ymd', '2026-12-03'],
    ['3.12.2026', null, '2026-12-03'],
    ['14.3.', 'mdy', '2026-03-14'],
    ['14.03.26', 'mdy', '2026-03-14'],
    // The year first is the year first.
    ['2026-03-12', 'mdy', '2026-03-12'],
    ['2026/3/12', 'dmy', '2026-03-12'],
    ['2026.03.12', 'mdy', '2026-03-12'],
    // Without a year, in the past: this year's day when it has come, else last year's.
    ['3/12', 'mdy', '2026-03-12'],
    ['3/12', 'dmy', '2025-12-03'],
    ['14/3', 'dmy', '2026-03-14'],
    ['15/3', 'dmy', '2025-03-15'],
    ['3/15', 'mdy', '2025-03-15'],
    ['1/1', 'dmy', '2026-01-01'],
    ['31/12', 'dmy', '2025-12-31'],
    // Where years come first, month/day.
    ['3/12', 'ymd', '2026-03-12'],
    // No order known: only an unambiguous date is one.
    ['25/12/2025', null, '2025-12-25'],
    ['12/25/2025', null, '2025-12-25'],
    ['5/5/2025', null, '2025-05-05'],
    ['03/12/2026', null, 'ambiguous'],
    ['3/12', null, 'ambiguous'],
    ['03/12/2026', 'ymd', 'ambiguous'],
    ['25/12/2025', 'ymd', '2025-12-25'],
    // Days that do not exist.
    ['31/02/2026', 'dmy', 'invalid'],
    ['12/25/2025', 'dmy', 'invalid'],
    ['25/12/2025', 'mdy', 'invalid'],
    ['2026-02-30', 'dmy', 'invalid'],
    ['32.1.2026', 'dmy', 'invalid'],
    ['0/1/2026', 'dmy', 'invalid'],
    // Not numeric dates at all.
    ['yesterday', 'dmy', undefined],
    ['3 giorni fa', 'dmy', undefined],
    ['3/12/2026/1', 'dmy', undefined],
    ['3/12-2026', 'dmy', undefined],
    ['12', 'dmy', undefined],
  ])('%s in %s order is %s', (text, order, expected) => {
    expect(day(text, order)).toBe(expected);
  });

  it.each<[string, DateOrder, string]>([
    // Without a year, looking ahead: this year's day when it has not passed, else next year's.
    ['3/12', 'mdy', '2027-03-12'],
    ['3/12', 'dmy', '2026-12-03'],
    ['14/3', 'dmy', '2026-03-14'],
    ['13/3', 'dmy', '2027-03-13'],
  ])('due %s in %s order is %s', (text, order, expected) => {
    expect(day(text, order, 'future')).toBe(expected);
  });

  it('29 February without a year is the last (or next) one that existed', () => {
    expect(day('29/2', 'dmy')).toBe('2024-02-29');
    expect(day('29/2', 'dmy', 'future')).toBe('2028-02-29');
  });

  it('an ambiguous date gives both readings, day first first', () => {
    expect(read('03/12/2026', null)).toEqual({ kind: 'ambiguous', readings: ['2026-12-03', '2026-03-12'] });
  });
});

describe('weekdays alone', () => {
  // 0 = Sunday … 6 = Saturday; 2026-03-15 is a Sunday.
  it.each<[number, string, string, string]>([
    [1, '2026-03-15', '2026-03-09', '2026-03-16'],
    [0, '2026-03-15', '2026-03-15', '2026-03-15'],
    [6, '2026-03-15', '2026-03-14', '2026-03-21'],
    [5, '2026-03-14', '2026-03-13', '2026-03-20'],
    [6, '2026-03-14', '2026-03-14', '2026-03-14'],
    [0, '2026-03-14', '2026-03-08', '2026-03-15'],
    [3, '2026-01-01', '2025-12-31', '2026-01-07'],
  ])('weekday %i from %s: last %s, next %s', (weekday, today, last, next) => {
    expect(nearestWeekday(weekday, today, 'past')).toBe(last);
    expect(nearestWeekday(weekday, today, 'future')).toBe(next);
  });
});

describe('dates as people type them', () => {
  const past = (text: string, now = SATURDAY_NOON, order: DateOrder | null = 'dmy') => parseDate(text, now, { field: '--date', direction: 'past', order }).day;
  const future = (text: string, now = SATURDAY_NOON, order: DateOrder | null = 'dmy') => parseDate(text, now, { field: '--by', direction: 'future', order }).day;

  it.each<[string, string]>([
    // On a Sunday, monday is six days ago: the last one, never tomorrow.
    ['monday', '2026-03-09'],
    ['Monday', '2026-03-09'],
    ['mon', '2026-03-09'],
    ['on monday', '2026-03-09'],
    ['lunedì', '2026-03-09'],
    ['lunedi', '2026-03-09'],
    ['friday', '2026-03-13'],
    ['venerdì', '2026-03-13'],
    ['saturday', '2026-03-14'],
    ['sunday', '2026-03-15'],
    ['domenica', '2026-03-15'],
    ['last friday', '2026-03-13'],
    ['martedì scorso', '2026-03-10'],
  ])('on Sunday 15 March, "%s" that happened is %s', (text, day) => {
    expect(past(text, SUNDAY_NOON)).toBe(day);
  });

  it.each<[string, string]>([
    ['monday', '2026-03-16'],
    ['lunedì', '2026-03-16'],
    ['friday', '2026-03-20'],
    ['venerdì', '2026-03-20'],
    ['sunday', '2026-03-15'],
    ['tomorrow', '2026-03-16'],
    ['domani', '2026-03-16'],
  ])('on Sunday 15 March, "%s" that is due is %s', (text, day) => {
    expect(future(text, SUNDAY_NOON)).toBe(day);
  });

  it.each<[string, string, number]>([
    ["l'altro ieri", '2026-03-12', 12],
    ['l’altro ieri', '2026-03-12', 12],
    ["L'altro ieri", '2026-03-12', 12],
    ['altro ieri', '2026-03-12', 12],
    ['altroieri', '2026-03-12', 12],
    ['avantieri', '2026-03-12', 12],
    ['day before yesterday', '2026-03-12', 12],
    ['the day before yesterday', '2026-03-12', 12],
    ['stamattina', '2026-03-14', 9],
    ['stamani', '2026-03-14', 9],
    ['this morning', '2026-03-14', 9],
    ['This morning.', '2026-03-14', 9],
    ['stasera', '2026-03-14', 20],
    ['this evening', '2026-03-14', 20],
    ['tonight', '2026-03-14', 20],
    ['ieri sera', '2026-03-13', 21],
    ['last night', '2026-03-13', 21],
    ['ieri', '2026-03-13', 12],
    ['yesterday', '2026-03-13', 12],
  ])('"%s" is %s at %i', (text, day, hour) => {
    const parsed = parseDate(text, SATURDAY_NOON, { field: '--date', direction: 'past', order: 'dmy' });
    expect(parsed.day).toBe(day);
    expect(parsed.instant.getHours()).toBe(hour);
  });

  it('"this morning" looking ahead is still today (chrono moves it to tomorrow)', () => {
    expect(future('this morning')).toBe('2026-03-14');
  });

  it.each<[string, DateOrder, string]>([
    ['03/12/2025', 'dmy', '2025-12-03'],
    ['03/12/2025', 'mdy', '2025-03-12'],
    ['3.12.2025', 'mdy', '2025-12-03'],
    ['3/12', 'dmy', '2025-12-03'],
    ['3/12', 'mdy', '2026-03-12'],
    ['2026-03-10', 'mdy', '2026-03-10'],
  ])('"%s" in %s order is %s', (text, order, day) => {
    expect(past(text, SATURDAY_NOON, order)).toBe(day);
  });

  it('an ambiguous date, when the order is unknown, is an error that names it and both readings', () => {
    expect(() => past('03/12/2025', SATURDAY_NOON, null)).toThrow(/"03\/12\/2025" is ambiguous: 3 December 2025 or 12 March 2025\?/);
  });

  it('a numeric date that is no day is an error that says the order', () => {
    expect(() => past('12/25/2025', SATURDAY_NOON, 'dmy')).toThrow(/not a date \(no such day in day\/month\/year order\)/);
  });
});
