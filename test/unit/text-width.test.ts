// Text measured as a terminal shows it: wide characters take two columns,
// combining marks none; the free text of a table gets the room.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { layoutDueList } from '../../src/cli/commands/due.js';
import { fitWidths, type TableColumn } from '../../src/cli/render.js';
import { codePoints, cutTo, isNarrow, padTo, wrapLines } from '../../src/core/text.js';

describe('narrow text', () => {
  it.each<[string, boolean]>([
    ['Giulia Rossi', true],
    ['Niccolò Françoise Zoë Ångström Søren Straße', true],
    ['Łukasz Żółw, Đorđe, Þór', true],
    ['Αθηνά Παπαδοπούλου', true],
    ['Дмитрий Иванов', true],
    ['reply to their email (6 days ago) — €5 · → ↔ …', true],
    ['阿里巴巴', false],
    ['東京', false],
    ['김민준', false],
    ['🎉 party', false],
    ['Zoe\u0308 (a combining diaeresis)', false],
    ['\u200b zero width', false],
  ])('%j narrow: %s', (text, narrow) => {
    expect(isNarrow(text)).toBe(narrow);
    // Narrow text is measured right by counting: that is why string-width need not load for it.
    if (narrow) expect(codePoints(text)).toBe(stringWidth(text));
  });
});

describe('measured cutting, padding and wrapping', () => {
  it.each<[string, number, string]>([
    ['Giulia Rossi', 20, 'Giulia Rossi'],
    ['Giulia Rossi', 8, 'Giulia …'],
    ['阿里巴巴集团控股有限公司', 10, '阿里巴巴…'],
    ['阿里巴巴集团', 12, '阿里巴巴集团'],
    ['阿里巴巴集团', 11, '阿里巴巴集…'],
    ['🎉🎉🎉 party', 5, '🎉🎉…'],
    ['multi\nline  text', 40, 'multi line text'],
  ])('cut %j to %i columns: %j', (text, width, expected) => {
    const cut = cutTo(text, width, stringWidth);
    expect(cut).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(width);
  });

  it('pads to a width in columns', () => {
    expect(padTo('東京', 6, stringWidth)).toBe('東京  ');
    expect(padTo('7', 3, stringWidth, 'right')).toBe('  7');
  });

  it.each<[string, number, string[]]>([
    ['阿里巴巴集团控股有限公司 in Hangzhou', 10, ['阿里巴巴集', '团控股有限', '公司 in', 'Hangzhou']],
    ['one two three', 7, ['one two', 'three']],
    ['Niccolò è là', 8, ['Niccolò', 'è là']],
  ])('wraps %j at %i columns', (text, width, lines) => {
    const wrapped = wrapLines(text, width, stringWidth);
    expect(wrapped).toEqual(lines);
    for (const line of wrapped) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });
});

describe('fitWidths: the free text gets the room', () => {
  const widths = (terminal: number, columns: TableColumn[], rows: string[][]) => fitWidths(terminal, columns, rows, stringWidth);
  const total = (w: number[]) => w.reduce((a, b) => a + b, 0) + 2 * (w.length - 1);

  it('a promise keeps all the room the name and the date leave', () => {
    const w = widths(80, [{ header: 'ID', align: 'right' }, { header: 'Who', max: 24, keep: true }, { header: 'Promise', flex: true }, { header: 'Due', keep: true }], [
      ['4', 'Davide De Luca', 'introduce Davide to Sofia Ricci, and send him the deck of the Lanterna pitch', '2026-03-11 (3 days late)'],
    ]);
    expect(w).toEqual([2, 14, 33, 24]);
    expect(total(w)).toBe(79);
  });

  it('names stay whole; the other columns give way before them', () => {
    const w = widths(80, [{ header: 'ID' }, { header: 'Name', keep: true }, { header: 'Company', max: 18 }, { header: 'Why', flex: true }, { header: 'Via', max: 18 }, { header: 'Next', keep: true }], [
      ['12', 'Martina Greco', 'Studio Greco Associati', 'runs the design week and the Milan fintech group', 'Giulia Rossi', '2026-03-21'],
    ]);
    expect(w[1]).toBe('Martina Greco'.length);
    expect(w[5]).toBe(10);
    expect(total(w)).toBeLessThanOrEqual(79);
  });

  it('a CJK company counts double, and the row fits 80 columns', () => {
    const w = widths(80, [{ header: 'ID' }, { header: 'Name', keep: true }, { header: 'Circle' }, { header: 'Company', flex: true }, { header: 'Last contact', keep: true }, { header: 'Rhythm' }], [
      ['1', 'Li Wei', 'network', '阿里巴巴集团控股有限公司', '2026-03-13 (1d)', '120 days'],
      ['2', 'Giulia Rossi', 'close', 'Satispay', 'never', '30 days'],
    ]);
    expect(total(w)).toBeLessThanOrEqual(79);
    expect(w[3]).toBeGreaterThanOrEqual(16);
  });

  it('never cuts a header', () => {
    const w = widths(40, [{ header: 'Last contact' }, { header: 'Name', keep: true }, { header: 'Note', flex: true }], [['2026-03-13 (1d)', 'A very long name indeed here', 'x'.repeat(100)]]);
    expect(w[0]).toBeGreaterThanOrEqual('Last contact'.length);
    expect(w[2]).toBeGreaterThanOrEqual('Note'.length);
    expect(total(w)).toBeLessThanOrEqual(39);
  });
});

describe('the morning list with wide characters', () => {
  it('stays within the terminal, measured as the terminal shows it', () => {
    const rows = [
      { who: '王小明', why: 'reply to their WeChat message about 阿里巴巴 (3 days ago)', due: 'in 4 days', late: -4, via: 'message', hint: 'last time: 我们在杭州见过面，聊了很多关于人工智能和金融科技的事情，非常有意思', score: null },
      { who: 'Giulia Rossi', why: 'promised: send Giulia the pricing deck 🎉', due: 'today', late: 0, via: 'coffee', hint: null, score: null },
    ];
    const plain = { head: (t: string) => t, hint: (t: string) => t, due: (t: string) => t };
    for (const width of [60, 80, 100]) {
      for (const line of layoutDueList(rows, width, plain, stringWidth)) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
    }
  });
});
