// LinkedIn's data export: Connections.csv (a few lines of notes before the
// header; no URL column before 2023) and messages.csv (several column sets
// over the years). This module finds the header and hands over the cells by
// column name; src/core/import-linkedin.ts makes contacts and interactions of them.
import type { Readable } from 'node:stream';
import { cell, hasColumn, readCsvTable, type CsvTableRow } from './csv-read.js';
import type { MessageFields } from '../core/import-linkedin.js';

export interface ConnectionRow {
  at: string;
  firstName: string;
  lastName: string;
  /** undefined when the export has no URL column (before 2023). */
  url: string | undefined;
  email: string;
  company: string;
  position: string;
  connectedOn: string;
}

export async function* readConnections(input: Readable, file: string): AsyncGenerator<ConnectionRow[]> {
  const rows = readCsvTable(input, file, {
    isHeader: (cells) => cells.includes('first name') && cells.includes('last name') && cells.includes('connected on'),
    expected: 'First Name, Last Name, Connected On (LinkedIn Connections.csv)',
    preamble: 10,
  });
  for await (const batch of rows) {
    yield batch.map((row) => ({
      at: `row ${row.row}`,
      firstName: cell(row, 'First Name') ?? '',
      lastName: cell(row, 'Last Name') ?? '',
      url: hasColumn(row.table, 'URL') ? (cell(row, 'URL') ?? '') : undefined,
      email: cell(row, 'Email Address') ?? '',
      company: cell(row, 'Company') ?? '',
      position: cell(row, 'Position') ?? '',
      connectedOn: cell(row, 'Connected On') ?? '',
    }));
  }
}

/** One row of messages.csv: the fields the import reads, and the conversation's title. */
export type MessageRow = MessageFields & { conversationTitle: string };

export async function* readMessages(input: Readable, file: string): AsyncGenerator<MessageRow[]> {
  const rows = readCsvTable(input, file, {
    isHeader: (cells) => cells.includes('from') && cells.includes('date') && cells.includes('content'),
    expected: 'FROM, DATE, CONTENT (LinkedIn messages.csv)',
    preamble: 10,
  });
  for await (const batch of rows) yield batch.map((row) => messageRow(row));
}

function messageRow(row: CsvTableRow): MessageRow {
  const text = (name: string) => cell(row, name) ?? '';
  return {
    at: `row ${row.row}`,
    conversationId: text('CONVERSATION ID'),
    conversationTitle: text('CONVERSATION TITLE'),
    from: text('FROM'),
    senderUrl: text('SENDER PROFILE URL'),
    to: text('TO'),
    recipientUrls: text('RECIPIENT PROFILE URLS'),
    date: text('DATE'),
    subject: text('SUBJECT'),
    content: (row.cells[row.table.index.get('content') ?? -1] ?? '').replace(/\r\n/g, '\n').trim(),
    folder: text('FOLDER'),
    direction: text('DIRECTION'),
    isDraft: /^(yes|true)$/i.test(text('IS MESSAGE DRAFT')),
  };
}
