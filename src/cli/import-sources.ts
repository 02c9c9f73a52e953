// The pipelines of `net import`, one per source: read the file through its
// format module, turn each row into a draft (src/core/import-*), and hand
// the drafts to the writers (src/db/import-*), all inside the import's one
// transaction. Each pipeline counts into the summary.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isNumericDate, readNumericDate, type DateOrder } from '../core/date-order.js';
import { isIsoDay, localDay } from '../core/dates.js';
import { DataError, UsageError } from '../core/errors.js';
import { cardToDraft } from '../core/import-cards.js';
import { rowError } from '../core/import-fields.js';
import { inferMe, messageToDraft, partyFromMe, type MessageFields, type Party } from '../core/import-linkedin.js';
import { connectionToDraft } from '../core/import-linkedin.js';
import { ownOutreachDraft } from '../core/import-outreach.js';
import { detectEntity, ownContactDraft, ownFavourDraft, ownFollowupDraft, ownInteractionDraft, type Entity, type LooseDateParser } from '../core/import-own.js';
import { OwnRecord } from '../core/import-record.js';
import type { AddressCard, ImportSummary, PlacementOptions } from '../core/import-types.js';
import type { ContactImporter } from '../db/import-contacts.js';
import type { CsvTableRow } from '../formats/csv-read.js';
import type { InteractionImporter } from '../db/import-interactions.js';
import { encodingNotes, Utf8Converter } from '../formats/text-encoding.js';
import type { RecordImporter } from '../db/import-records.js';
import { KeyCounts } from '../core/key-counts.js';

export interface PipelineContext {
  file: string;
  /** The file as a stream of UTF-8 (CSV sources), or its bytes as they are (vCard, JSON). */
  input: () => Readable;
  bytes: () => Promise<Buffer>;
  /** Turns the file into UTF-8 and remembers the encoding it found, for the summary. */
  converter: Utf8Converter;
  summary: ImportSummary;
  placement: PlacementOptions;
  contacts: ContactImporter;
  interactions: () => InteractionImporter;
  records: () => RecordImporter;
  now: Date;
  /** Called once per row read, for progress. */
  tick: () => void;
  me: string | undefined;
  /** How the file writes numeric dates (--date-order, else the setting or the locale); null = unknown: an ambiguous one stops the import. */
  dateOrder: DateOrder | null;
  forceInteractions: boolean;
  raw: boolean;
}

export async function importLinkedin(p: PipelineContext): Promise<void> {
  const { readConnections } = await import('../formats/linkedin.js');
  p.summary.entity = 'contacts';
  for await (const batch of readConnections(p.input(), p.file)) {
    for (const row of batch) {
      p.tick();
      const result = connectionToDraft(row, p.placement, p.summary.warnings);
      if ('skip' in result) p.summary.skipped.push({ at: row.at, message: result.skip });
      else p.contacts.accept(result.draft);
    }
  }
}

async function importCards(p: PipelineContext, batches: AsyncIterable<AddressCard[]> | Iterable<AddressCard[]>): Promise<void> {
  p.summary.entity = 'contacts';
  for await (const cards of batches) {
    for (const card of cards) {
      p.tick();
      const result = cardToDraft(card, p.placement, p.summary.warnings);
      if ('skip' in result) p.summary.skipped.push({ at: card.at, message: result.skip });
      else p.contacts.accept(result.draft);
    }
  }
}

export async function importGoogle(p: PipelineContext): Promise<void> {
  const { readGoogleContacts } = await import('../formats/google.js');
  await importCards(p, readGoogleContacts(p.input(), p.file));
}

export async function importOutlook(p: PipelineContext): Promise<void> {
  const { readOutlookContacts } = await import('../formats/outlook.js');
  await importCards(p, readOutlookContacts(p.input(), p.file, p.dateOrder));
}

export async function importVcf(p: PipelineContext): Promise<void> {
  const { readVcards } = await import('../formats/vcard.js');
  await importCards(p, [readVcards(await p.bytes(), p.file, p.converter)]);
}

/** A vdir: one card per .vcf file (khard, vdirsyncer), read in name order; each card is named by its file. */
export async function importVdir(p: PipelineContext): Promise<void> {
  const { readVcards } = await import('../formats/vcard.js');
  const names = (await readdir(p.file)).filter((name) => name.toLowerCase().endsWith('.vcf')).sort();
  const batches: AddressCard[][] = [];
  for (const name of names) {
    const path = join(p.file, name);
    // Each file is read in its own encoding: a folder may hold cards written by different programs.
    const converter = new Utf8Converter(path);
    batches.push(readVcards(await readBytes(path), path, converter).map((card) => ({ ...card, at: `${name}: ${card.at}` })));
    p.summary.notes.push(...encodingNotes(converter).map((note) => `${name}: ${note}`));
  }
  await importCards(p, batches);
}

export async function importLinkedinMessages(p: PipelineContext): Promise<void> {
  const { readMessages } = await import('../formats/linkedin.js');
  p.summary.entity = 'messages';
  const rows: MessageFields[] = [];
  for await (const batch of readMessages(p.input(), p.file)) rows.push(...batch);
  let me: Party | undefined;
  if (p.me !== undefined) me = partyFromMe(p.me);
  else if (!rows.every((r) => /^(incoming|outgoing)$/i.test(r.direction))) {
    me = inferMe(rows);
    if (!me) throw new UsageError(`cannot tell which profile in ${p.file} is yours`, 'pass --me with your LinkedIn profile URL');
    p.summary.notes.push(`Took ${me.name || 'the profile'}${me.url ? ` (${me.url})` : ''} as you, the person in most conversations; pass --me to say otherwise.`);
  }
  const writer = p.interactions();
  const index = writer.ctx.index;
  for (const row of rows) {
    p.tick();
    const result = messageToDraft(row, me, p.summary.warnings);
    if ('skip' in result) {
      p.summary.skipped.push({ at: row.at, message: result.skip });
      continue;
    }
    const { draft } = result;
    const ids: number[] = [];
    for (const other of draft.others) {
      const named = other.url === null ? index.byName(other.name) : [];
      const id = other.url !== null ? index.byProfile(other.url) : named.length === 1 ? named[0] : undefined;
      if (id !== undefined && !ids.includes(id)) ids.push(id);
    }
    if (ids.length === 0) {
      const who = draft.others.map((o) => o.url ?? `"${o.name}"`).join(', ') || 'nobody else';
      p.summary.skipped.push({ at: row.at, message: `no contact matches ${who} (import Connections.csv first)` });
      continue;
    }
    writer.writeRow(
      { ...draft, uid: null, channel: 'linkedin', participants: [], created_at: null, updated_at: null },
      ids,
      draft.others.map((o) => o.name || o.url || '').join(', '),
    );
  }
}

/**
 * Dates of a hand-made interactions file: ISO fast (and once per day),
 * numeric ones in the file's order, anything else through chrono (loaded on
 * first need).
 */
class LooseDates {
  #natural: typeof import('../core/natural-dates.js') | undefined;
  readonly #days = new Map<string, { day: string; instant: Date }>();
  readonly #today: string;
  constructor(
    readonly now: Date,
    readonly order: DateOrder | null,
  ) {
    this.#today = localDay(now);
  }

  get naturalLoaded(): boolean {
    return this.#natural !== undefined;
  }

  /** True when this text needs chrono-node and it is not loaded yet. */
  needsNatural(text: string | null | undefined): boolean {
    return this.#natural === undefined && !!text && !/^\s*\d{4}-\d{2}-\d{2}(T|\s*$)/.test(text) && !isNumericDate(text);
  }

  async loadNatural(): Promise<void> {
    this.#natural = await import('../core/natural-dates.js');
  }

  parse: LooseDateParser = (text, field) => {
    const t = text.trim();
    const known = this.#days.get(t);
    if (known) return known;
    const day = isIsoDay(t) ? t : readNumericDate(t, { field, order: this.order, today: this.#today, direction: 'past' });
    if (day !== undefined) {
      const [y, m, d] = day.split('-').map(Number);
      const parsed = { day, instant: new Date(y, m - 1, d, 12) };
      this.#days.set(t, parsed);
      return parsed;
    }
    if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(Date.parse(t))) {
      const instant = new Date(t);
      return { day: localDay(instant), instant };
    }
    if (!this.#natural) throw new Error('natural dates not loaded');
    return this.#natural.parseDate(t, this.now, { field, direction: 'past', order: this.order });
  };
}

/**
 * Rows become records one at a time (not a batch at once): short-lived
 * objects then die young, which keeps a 500,000-row import's heap small.
 */
async function importOwnRecords<T>(
  p: PipelineContext,
  entity: Entity,
  batches: AsyncIterable<T[]> | Iterable<T[]>,
  toRecord: (item: T) => OwnRecord,
): Promise<void> {
  p.summary.entity = entity;
  const dates = new LooseDates(p.now, p.dateOrder);
  const seen = new KeyCounts();
  for await (const items of batches) {
    if (entity === 'interactions' && !dates.naturalLoaded) {
      if (items.some((item) => dates.needsNatural(dateOf(toRecord(item))))) await dates.loadNatural();
    }
    for (const item of items) importOwnRecord(p, entity, toRecord(item), dates, seen);
  }
  if (entity === 'interactions') p.interactions().finish();
}

function importOwnRecord(p: PipelineContext, entity: Entity, record: OwnRecord, dates: LooseDates, seen: KeyCounts): void {
  p.tick();
  switch (entity) {
    case 'contacts': {
      const draft = ownContactDraft(record, p.placement, p.summary.warnings);
      if ('skip' in draft) p.summary.skipped.push({ at: record.at, message: draft.skip });
      else p.contacts.accept(draft);
      break;
    }
    case 'interactions': {
      let draft;
      try {
        draft = ownInteractionDraft(record, dates.parse, seen);
      } catch (error) {
        // A date chrono cannot read is a usage error there; here it is a row of the file.
        if (error instanceof UsageError) throw rowError(record.at, error.message, error.message.includes('ambiguous') ? error.hint : undefined);
        throw error;
      }
      p.interactions().accept(draft);
      break;
    }
    case 'followups':
      p.records().followup(ownFollowupDraft(record));
      break;
    case 'favours':
      p.records().favour(ownFavourDraft(record));
      break;
    case 'outreach':
      p.records().outreach(ownOutreachDraft(record));
      break;
  }
}

function dateOf(record: OwnRecord): string | null | undefined {
  return record.text('date') ?? record.text('occurred_on');
}

/** Header names as record keys: "E-mail" stays, "How Met" -> "how_met". */
function keyOf(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, '_');
}

export async function importCsv(p: PipelineContext): Promise<void> {
  const { readCsvTable } = await import('../formats/csv-read.js');
  const { unprotectCell } = await import('../formats/csv.js');
  const rows = readCsvTable(p.input(), p.file, { isHeader: () => true, expected: 'column names', preamble: 1 });
  const first = await rows.next();
  if (first.done) throw new DataError(`${p.file} has a header but no rows`, 'nothing was imported');
  const keys = first.value[0].table.header.map(keyOf);
  const entity = p.forceInteractions ? 'interactions' : detectEntity(keys);
  if (!entity) {
    throw new DataError(`${p.file}: the header has no "name" column (nor the columns of an interactions, follow-ups, favours or outreach export)`, 'for interactions, add --interactions');
  }
  if (entity === 'interactions' && !keys.includes('contacts')) {
    throw new DataError(`${p.file}: an interactions file needs the columns date, contacts (and optionally via, direction, note)`);
  }
  const raw = p.raw;
  const toRecord = (row: CsvTableRow) => {
    const values: Record<string, string> = {};
    for (let i = 0; i < keys.length; i++) values[keys[i]] = raw ? (row.cells[i] ?? '') : unprotectCell(row.cells[i] ?? '');
    return new OwnRecord(`row ${row.row}`, values, true);
  };
  async function* batches(): AsyncGenerator<CsvTableRow[]> {
    yield first.value as CsvTableRow[];
    yield* rows;
  }
  await importOwnRecords(p, entity, batches(), toRecord);
}

export async function importJson(p: PipelineContext): Promise<void> {
  const text = p.converter.all(await p.bytes()).toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${p.file} is not valid JSON: ${(error as Error).message}`, 'import the output of `net export ENTITY --json`');
  }
  const list = Array.isArray(data) ? data : [data];
  if (list.length === 0) return;
  list.forEach((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new DataError(`${p.file}: record ${i + 1} is not an object`);
  });
  const objects = list as Array<Record<string, unknown>>;
  const keys = Object.keys(objects[0]);
  const entity = detectEntity(keys);
  if (!entity) {
    const due = keys.includes('kind') && keys.includes('score');
    throw new DataError(
      due ? `${p.file} holds due items: they are computed from the network, not imported` : `${p.file}: record 1 is not a contact, interaction, follow-up, favour or outreach of net's export`,
      'import the output of `net export contacts|interactions|followups|favours|outreach --json`',
    );
  }
  await importOwnRecords(p, entity, [objects.map((values, i) => ({ values, i }))], ({ values, i }) => new OwnRecord(`record ${i + 1}`, values, false));
}

/** The bytes of a whole file (or of standard input, for "-"). */
export async function readBytes(path: string, stdin: () => Readable = () => process.stdin): Promise<Buffer> {
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of stdin()) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    }
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a folder, not a file`);
    throw new DataError(`${path}: cannot be read: ${(error as Error).message}`);
  }
}
