// Dates as the person writes them, end to end: the dates.order setting and
// its default from the locale, dates without a year, weekdays, the common
// phrases, and imported files whose order must be known.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi']));
});
afterEach(() => s.cleanup());

const lastDay = () => s.json<Array<{ date: string }>>(['history'])[0].date;

describe('numeric dates follow the person', () => {
  it.each([
    ['it_IT.UTF-8', '03/12/2025', '2025-12-03'],
    ['en_GB.UTF-8', '03/12/2025', '2025-12-03'],
    ['de_DE.UTF-8', '03/12/2025', '2025-12-03'],
    ['en_US.UTF-8', '03/12/2025', '2025-03-12'],
    ['C.UTF-8', '03/12/2025', '2025-12-03'],
    ['en_US.UTF-8', '3.12.2025', '2025-12-03'],
    ['en_US.UTF-8', '2025-03-12', '2025-03-12'],
  ])('with LANG=%s, --date %s is %s', (lang, text, day) => {
    ok(s.net(['log', 'giulia', '--date', text], { env: { LANG: lang } }));
    expect(lastDay()).toBe(day);
  });

  it('the dates.order setting wins over the locale, and config shows it', () => {
    expect(ok(s.net(['config', 'get', 'dates.order']))).toBe('from the locale\n');
    expect(ok(s.net(['config', 'set', 'dates.order', 'dmy']))).toBe('dates.order = dmy\n');
    ok(s.net(['log', 'giulia', '--date', '03/12/2025'], { env: { LANG: 'en_US.UTF-8' } }));
    expect(lastDay()).toBe('2025-12-03');
    const bad = s.net(['config', 'set', 'dates.order', 'dym']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"dym" is not an order of dates (dmy, mdy, ymd)');
  });

  it('3/12 without a year is the last such day, not refused as in the future', () => {
    // Day first: 3 December, which has not come yet this year, so last year's.
    ok(s.net(['log', 'giulia', '--date', '3/12'], { env: { LANG: 'it_IT.UTF-8' } }));
    expect(lastDay()).toBe('2025-12-03');
    ok(s.net(['log', 'giulia', '--date', '3/12'], { env: { LANG: 'en_US.UTF-8' } }));
    expect(lastDay()).toBe('2026-03-12');
  });

  it('a day that does not exist in the order is an error that says the order', () => {
    const r = s.net(['log', 'giulia', '--date', '12/25/2025'], { env: { LANG: 'it_IT.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('net: --date: "12/25/2025" is not a date (no such day in day/month/year order)');
  });

  it('a due date without a year is the next such day', () => {
    const f = s.json<{ due_on: string }>(['followup', 'add', 'giulia', 'send the deck', '--by', '3/12'], { env: { LANG: 'en_US.UTF-8' } });
    expect(f.due_on).toBe('2027-03-12');
  });
});

describe('weekdays and phrases', () => {
  it('on a Sunday, "monday" is six days ago for a log and tomorrow for a promise', () => {
    const sunday = { NET_NOW: '2026-03-15' };
    ok(s.net(['log', 'giulia', '--date', 'monday'], { env: sunday }));
    expect(lastDay()).toBe('2026-03-09');
    const f = s.json<{ due_on: string }>(['followup', 'add', 'giulia', 'call back', '--by', 'monday'], { env: sunday });
    expect(f.due_on).toBe('2026-03-16');
  });

  it.each([
    ["l'altro ieri", '2026-03-12'],
    ['altro ieri', '2026-03-12'],
    ['avantieri', '2026-03-12'],
    ['day before yesterday', '2026-03-12'],
    ['stamattina', '2026-03-14'],
    ['stasera', '2026-03-14'],
    ['this morning', '2026-03-14'],
  ])('--date "%s" is %s', (text, day) => {
    ok(s.net(['log', 'giulia', '--date', text]));
    expect(lastDay()).toBe(day);
  });
});

describe('imported dates', () => {
  const sheet = (rows: string) => {
    const file = join(s.dir, 'calls.csv');
    writeFileSync(file, `date,contacts,via\n${rows}`);
    return file;
  };

  it('stops on an ambiguous date when the order cannot be known, naming it, and writes nothing', () => {
    const file = sheet('25/12/2025,Giulia Rossi,call\n03/12/2025,Giulia Rossi,coffee\n');
    const r = s.net(['import', 'csv', file, '--interactions']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('row 3: date: "03/12/2025" is ambiguous: 3 December 2025 or 12 March 2025?');
    expect(r.stderr).toContain('--date-order');
    expect(s.query('select id from interactions')).toHaveLength(0);
  });

  it('follows --date-order, else the setting, else the locale', () => {
    const file = sheet('03/12/2025,Giulia Rossi,coffee\n');
    ok(s.net(['import', 'csv', file, '--interactions', '--date-order', 'mdy']));
    expect(lastDay()).toBe('2025-03-12');
    ok(s.net(['undo', '--yes']));
    ok(s.net(['import', 'csv', file, '--interactions'], { env: { LANG: 'it_IT.UTF-8' } }));
    expect(lastDay()).toBe('2025-12-03');
    ok(s.net(['undo', '--yes']));
    ok(s.net(['config', 'set', 'dates.order', 'mdy']));
    ok(s.net(['import', 'csv', file, '--interactions'], { env: { LANG: 'it_IT.UTF-8' } }));
    expect(lastDay()).toBe('2025-03-12');
  });

  it('refuses an --date-order that is not one (exit 2)', () => {
    const r = s.net(['import', 'csv', sheet('2025-12-03,Giulia Rossi,call\n'), '--interactions', '--date-order', 'european']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date-order: "european" is not an order of dates');
  });
});
