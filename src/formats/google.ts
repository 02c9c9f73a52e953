// Google Contacts' CSV export ("Google CSV"), in its current form (First
// Name, Labels, E-mail 1 - Label …) and the older one (Given Name, Group
// Membership, E-mail 1 - Type …). The number of columns grows with the data:
// E-mail 1, E-mail 2, … and several values in one cell joined by " ::: ".
import type { Readable } from 'node:stream';
import type { AddressCard } from '../core/import-types.js';
import { cell, readCsvTable, type CsvTable, type CsvTableRow } from './csv-read.js';

const MULTI = /\s*:::\s*/;

function split(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(MULTI).map((s) => s.trim()).filter((s) => s !== '');
}

interface Numbered {
  /** "e-mail", "phone", "website", "address", "organization" */
  kind: string;
  /** Sub-field (lower case: "value", "label", "type", "city", "name", "title") -> column. */
  columns: Map<string, number>;
}

const numberedCache = new WeakMap<CsvTable, Numbered[]>();

/** The numbered column groups of the header ("E-mail 2 - Value" -> group e-mail #2). */
function numberedGroups(table: CsvTable): Numbered[] {
  const cached = numberedCache.get(table);
  if (cached) return cached;
  const groups = new Map<string, Numbered>();
  table.header.forEach((name, i) => {
    const m = /^(e-mail|phone|website|address|organization|relation|event|custom field|im)\s+(\d+)\s+-\s+(.+)$/i.exec(name);
    if (!m) return;
    const key = `${m[1].toLowerCase()} ${m[2]}`;
    const group = groups.get(key) ?? { kind: m[1].toLowerCase(), columns: new Map<string, number>() };
    group.columns.set(m[3].toLowerCase(), i);
    groups.set(key, group);
  });
  const list = [...groups.values()];
  numberedCache.set(table, list);
  return list;
}

function groupCell(row: CsvTableRow, group: Numbered, field: string): string {
  const i = group.columns.get(field);
  return i === undefined ? '' : (row.cells[i] ?? '').trim();
}

function isGoogleHeader(cells: readonly string[]): boolean {
  const named = cells.includes('first name') || cells.includes('given name') || cells.includes('name');
  const google = cells.some((c) => /^(e-mail|phone) 1 - value$/.test(c)) || cells.includes('labels') || cells.includes('group membership');
  return named && google;
}

export function cardFromGoogleRow(row: CsvTableRow): AddressCard {
  const text = (name: string) => {
    const value = cell(row, name);
    return value === undefined || value === '' ? null : value;
  };
  const groups = numberedGroups(row.table);
  const emails: string[] = [];
  const emailTypes: string[][] = [];
  const phones: AddressCard['phones'] = [];
  const urls: string[] = [];
  let city: string | null = null;
  let organization = text('Organization Name');
  let title = text('Organization Title');
  for (const group of groups) {
    const label = groupCell(row, group, 'label') || groupCell(row, group, 'type');
    const types = split(label).map((t) => t.replace(/^\*\s*/, '').toLowerCase());
    if (group.kind === 'e-mail') {
      for (const value of split(groupCell(row, group, 'value'))) {
        emails.push(value);
        emailTypes.push(types);
      }
    }
    else if (group.kind === 'phone') for (const value of split(groupCell(row, group, 'value'))) phones.push({ value, types });
    else if (group.kind === 'website') urls.push(...split(groupCell(row, group, 'value')));
    else if (group.kind === 'address') city ??= split(groupCell(row, group, 'city'))[0] ?? null;
    else if (group.kind === 'organization') {
      organization ??= split(groupCell(row, group, 'name'))[0] ?? null;
      title ??= split(groupCell(row, group, 'title'))[0] ?? null;
    }
  }
  const labels = split(text('Labels') ?? text('Group Membership') ?? undefined).map((l) => l.replace(/^\*\s*/, ''));
  return {
    at: `row ${row.row}`,
    uid: null,
    formattedName: text('Name'),
    prefix: text('Name Prefix'),
    given: text('First Name') ?? text('Given Name'),
    middle: text('Middle Name') ?? text('Additional Name'),
    family: text('Last Name') ?? text('Family Name'),
    suffix: text('Name Suffix'),
    nickname: text('Nickname'),
    organization,
    title,
    emails,
    emailTypes,
    phones,
    urls,
    note: row.cells[row.table.index.get('notes') ?? -1]?.replace(/\r\n/g, '\n').trim() || null,
    categories: labels,
    birthday: text('Birthday'),
    city,
  };
}

export async function* readGoogleContacts(input: Readable, file: string): AsyncGenerator<AddressCard[]> {
  const rows = readCsvTable(input, file, {
    isHeader: isGoogleHeader,
    expected: 'First Name (or Name) and E-mail 1 - Value or Labels (a Google Contacts CSV export)',
    preamble: 0,
  });
  for await (const batch of rows) yield batch.map(cardFromGoogleRow);
}
