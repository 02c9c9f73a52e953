// A snapshot: a device's whole network at one moment, so that a new device
// starts from it plus the batches after it instead of replaying every batch
// ever written. It holds the user tables as they are, and the record of
// changes (commands with their batches, operations, the batches' seen
// vectors), so that a later conflict resolves exactly as it would have on
// the device that wrote it; records from before operations were recorded
// (migration 005) have none, and lose to any later change. Written in
// sealed parts of at most PART_ROWS rows, then a manifest naming them: a
// snapshot without its manifest is unfinished and ignored.
import type BetterSqlite3 from 'better-sqlite3';
import { DataError } from '../core/errors.js';
import { SCHEMA_VERSION } from '../db/migrate.js';
import { refreshSummaries } from '../db/summaries.js';
import { boundTo, seal, unseal } from './crypto.js';
import { inTransaction } from './apply.js';
import type { Vector } from './knowledge.js';
import { snapshotName, type Transport } from './transport.js';

/** In the order they are loaded: what a row points to is there first. */
export const SNAPSHOT_TABLES = [
  'contacts',
  'contact_emails',
  'contact_tags',
  'contact_interests',
  'contact_phones',
  'contact_nicknames',
  'interactions',
  'interaction_contacts',
  'interaction_contacts_parked',
  'captures',
  'favours',
  'followups',
  'outreach',
  'outreach_events',
  'distinct_pairs',
  'dismissals',
  'settings',
  'commands',
  'ops',
  'sync_batches',
  'sync_conflicts',
  'sync_trash',
] as const;

/** Emptied along with the snapshot's tables when a device joins with --replace. */
const DERIVED_TABLES = ['contact_activity'];

export const PART_ROWS = 50_000;

export interface Manifest {
  space: string;
  device: string;
  idx: number;
  at: string;
  host: string;
  schema: number;
  vector: Vector;
  parts: number;
  rows: Record<string, number>;
}

interface Part {
  table: string;
  columns: string[];
  rows: unknown[][];
}

const aad = (space: string, device: string, name: string) => boundTo(space, device, name);
const selectOf = (table: string): string => (table === 'settings' ? "select * from settings where key not like 'sync.%'" : `select * from ${table}`);

/** Writes a snapshot of this device's network as of `vector` (its batches all published). */
export async function writeSnapshot(
  sqlite: BetterSqlite3.Database,
  transport: Transport,
  key: Buffer,
  head: Omit<Manifest, 'parts' | 'rows' | 'schema'>,
  options: { inTransaction?: boolean } = {},
): Promise<Manifest> {
  const rows: Record<string, number> = {};
  let parts = 0;
  const flush = async (part: Part) => {
    const name = snapshotName(head.device, head.idx, parts);
    await transport.replace(name, seal(key, aad(head.space, head.device, name), Buffer.from(JSON.stringify(part))));
    parts += 1;
  };
  // One read transaction: every table as of the same moment.
  if (!options.inTransaction) sqlite.exec('begin');
  try {
    for (const table of SNAPSHOT_TABLES) {
      const statement = sqlite.prepare(selectOf(table)).raw();
      const columns = statement.columns().map((c) => c.name);
      let part: Part = { table, columns, rows: [] };
      rows[table] = 0;
      for (const row of statement.iterate() as Iterable<unknown[]>) {
        part.rows.push(row);
        rows[table] += 1;
        if (part.rows.length >= PART_ROWS) {
          await flush(part);
          part = { table, columns, rows: [] };
        }
      }
      if (part.rows.length > 0) await flush(part);
    }
  } finally {
    if (!options.inTransaction) sqlite.exec('commit');
  }
  const manifest: Manifest = { ...head, schema: SCHEMA_VERSION, parts, rows };
  const name = snapshotName(head.device, head.idx);
  await transport.replace(name, seal(key, aad(head.space, head.device, name), Buffer.from(JSON.stringify(manifest))));
  return manifest;
}

export async function readManifest(transport: Transport, key: Buffer, space: string, device: string, idx: number): Promise<Manifest | undefined> {
  const name = snapshotName(device, idx);
  const bytes = await transport.read(name);
  if (!bytes) return undefined;
  return JSON.parse(unseal(key, aad(space, device, name), bytes, name).toString('utf8')) as Manifest;
}

/**
 * The triggers of the tables a snapshot fills: set aside while it loads (its
 * rows and operations are whole already, the summaries are written once at
 * the end). The full-text index's stay: it is kept by them alone, so the
 * rows that go and come go and come in the index too.
 */
function triggersOf(sqlite: BetterSqlite3.Database): Array<{ name: string; sql: string }> {
  const tables = [...SNAPSHOT_TABLES, ...DERIVED_TABLES].map((t) => `'${t}'`).join(', ');
  return sqlite
    .prepare(`select name, sql from sqlite_schema where type = 'trigger' and tbl_name in (${tables}) and name not like 'search\\_%' escape '\\'`)
    .all() as Array<{ name: string; sql: string }>;
}

/**
 * Replaces this database's network with the snapshot's, in one transaction:
 * every table emptied, the parts loaded one at a time (memory stays at one
 * part), the summaries written once at the end.
 */
export async function loadSnapshot(
  sqlite: BetterSqlite3.Database,
  transport: Transport,
  key: Buffer,
  manifest: Manifest,
  options: { progress?: (done: number, of: number) => void; then?: () => void } = {},
): Promise<void> {
  if (manifest.schema > SCHEMA_VERSION) {
    throw new DataError(`the newest snapshot was written by a newer net (schema ${manifest.schema}; this one has ${SCHEMA_VERSION})`, 'upgrade net on this device, then join again');
  }
  await inTransaction(sqlite, async () => {
    const triggers = triggersOf(sqlite);
    for (const { name } of triggers) sqlite.exec(`drop trigger main."${name}"`);
    for (const table of [...SNAPSHOT_TABLES].reverse()) sqlite.exec(`delete from ${table}`);
    for (const table of DERIVED_TABLES) sqlite.exec(`delete from ${table}`);
    for (let index = 0; index < manifest.parts; index += 1) {
      const name = snapshotName(manifest.device, manifest.idx, index);
      const bytes = await transport.read(name);
      if (!bytes) throw new DataError(`${name} is missing: the snapshot is not complete here yet`, 'wait for the folder or repository to finish syncing, then join again');
      const part = JSON.parse(unseal(key, aad(manifest.space, manifest.device, name), bytes, name).toString('utf8')) as Part;
      if (!(SNAPSHOT_TABLES as readonly string[]).includes(part.table)) throw new DataError(`${name} holds a table this net does not know (${part.table})`);
      const insert = sqlite.prepare(`insert into ${part.table} (${part.columns.map((c) => `"${c}"`).join(', ')}) values (${part.columns.map(() => '?').join(', ')})`);
      for (const row of part.rows) insert.run(...(row as unknown[]));
      options.progress?.(index + 1, manifest.parts);
    }
    for (const { sql } of triggers) sqlite.exec(sql);
    refreshSummaries(sqlite);
    options.then?.();
  });
}
