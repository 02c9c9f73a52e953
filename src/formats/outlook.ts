// Outlook's and Microsoft 365's contact CSV export ("Outlook CSV"): fixed
// English column names (First Name, E-mail Address, E-mail 2 Address,
// Mobile Phone, Company, Job Title, Business City, Categories …), several
// categories in one cell joined by ";", and "0/0/00" for a date not set.
import type { Readable } from 'node:stream';
import type { DateOrder } from '../core/date-order.js';
import type { AddressCard } from '../core/import-types.js';
import { cell, readCsvTable, type CsvTableRow } from './csv-read.js';

const EMAILS = ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'];
const PHONES: ReadonlyArray<readonly [column: string, type: string]> = [
  ['Mobile Phone', 'cell'],
  ['Primary Phone', 'pref'],
  ['Business Phone', 'work'],
  ['Business Phone 2', 'work'],
  ['Home Phone', 'home'],
  ['Home Phone 2', 'home'],
  ['Other Phone', 'other'],
];
const WEB = ['Web Page', 'Personal Web Page', 'Business Web Page'];

function isOutlookHeader(cells: readonly string[]): boolean {
  return cells.includes('first name') && cells.includes('e-mail address') && (cells.includes('job title') || cells.includes('business phone') || cells.includes('mobile phone'));
}

/**
 * A date as Outlook writes it, in the exporting machine's order: day first
 * when the order is dmy, else month first (M/D/YYYY, Outlook in English).
 * ISO kept; "0/0/00" is no date.
 */
function birthdayOf(text: string | null, order: DateOrder | null): string | null {
  if (text === null || /^0?0\/0?0\/0{2,4}$/.test(text)) return null;
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!numeric) return text;
  const [month, day] = order === 'dmy' ? [numeric[2], numeric[1]] : [numeric[1], numeric[2]];
  if (Number(month) > 12) return text;
  return `${numeric[3]}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function cardFromOutlookRow(row: CsvTableRow, order: DateOrder | null = null): AddressCard {
  const text = (name: string): string | null => {
    const value = cell(row, name);
    return value === undefined || value === '' ? null : value;
  };
  const list = (names: readonly string[]): string[] => names.map(text).filter((v): v is string => v !== null);
  return {
    at: `row ${row.row}`,
    uid: null,
    formattedName: null,
    prefix: text('Title'),
    given: text('First Name'),
    middle: text('Middle Name'),
    family: text('Last Name'),
    suffix: text('Suffix'),
    nickname: text('Nickname'),
    organization: text('Company'),
    title: text('Job Title'),
    emails: list(EMAILS),
    phones: PHONES.flatMap(([column, type]) => {
      const value = text(column);
      return value === null ? [] : [{ value, types: [type] }];
    }),
    urls: list(WEB),
    note: text('Notes')?.replace(/\r\n/g, '\n') ?? null,
    categories: (text('Categories') ?? '').split(';').map((c) => c.trim()).filter((c) => c !== ''),
    birthday: birthdayOf(text('Birthday'), order),
    city: text('Business City') ?? text('Home City') ?? text('Other City'),
  };
}

export async function* readOutlookContacts(input: Readable, file: string, order: DateOrder | null = null): AsyncGenerator<AddressCard[]> {
  const rows = readCsvTable(input, file, {
    isHeader: isOutlookHeader,
    expected: 'First Name, E-mail Address and Job Title or a phone column (an Outlook or Microsoft 365 contacts CSV export)',
    preamble: 0,
  });
  for await (const batch of rows) yield batch.map((row) => cardFromOutlookRow(row, order));
}
