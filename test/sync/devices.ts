// Devices for the sync tests: in-memory databases run through the use cases,
// syncing through a real folder (or any transport) with the engine itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/app/store.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { runSync, type SyncReport } from '../../src/sync/engine.js';
import { initSpace, joinSpace, placeOf, type Place } from '../../src/sync/setup.js';
import { readSpace } from '../../src/sync/space.js';
import { keyOfPhrase } from '../../src/sync/crypto.js';
import { FolderTransport } from '../../src/sync/folder.js';
import type { Transport } from '../../src/sync/transport.js';
import { EXPORTERS } from '../../src/db/export-records.js';

export interface Device {
  name: string;
  store: OpenDatabase;
  clock: Clock;
  /** The file the lock and a git clone are named after (the database is in memory). */
  dbPath: string;
}

export function tempDir(prefix = 'net-sync-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const at = (iso: string): Clock => ({ now: new Date(iso), today: iso.slice(0, 10) });

export async function device(name: string, dir: string, clock: Clock = at('2026-03-14T11:00:00.000Z')): Promise<Device> {
  return { name, store: await openDatabase(':memory:'), clock, dbPath: join(dir, `${name}.db`) };
}

export async function initSpaceOn(d: Device, place: Place, through?: Transport): Promise<string> {
  return (await initSpace(d.store, place, d.dbPath, d.clock.now, through)).phrase;
}

export async function joinSpaceAs(d: Device, place: Place, phrase: string, options: { snapshotEvery?: number; through?: Transport } = {}): Promise<void> {
  await joinSpace(d.store, place, keyOfPhrase(phrase), d.dbPath, { now: d.clock.now, ...options });
}

/** One `net sync` of a device, through its own transport or the one given (a partial view of the space). */
export async function sync(d: Device, transport?: Transport, options: { snapshotEvery?: number } = {}): Promise<SyncReport> {
  const config = readSpace(d.store.sqlite);
  if (!config) throw new Error(`${d.name} does not sync`);
  return runSync(d.store, transport ?? new FolderTransport(config.location), config, { now: d.clock.now, ...options });
}

export const folder = (path: string): Place => placeOf('folder', path);

const hasUid = (v: unknown): v is { uid: string } => typeof v === 'object' && v !== null && typeof (v as { uid?: unknown }).uid === 'string';

/** The user data, without what is local to a database (ids) or to its clock of writing (created_at/updated_at). */
export function syncedData(d: Device): unknown {
  const strip = (value: unknown): unknown => {
    // Records listed in local id order (an outreach's events on one day) are compared by uid.
    if (Array.isArray(value)) return value.map(strip).sort((a, b) => (hasUid(a) && hasUid(b) ? a.uid.localeCompare(b.uid) : 0));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'id' || k.endsWith('_id') || k.endsWith('_ids') || k === 'created_at' || k === 'updated_at') continue;
      // Namesakes are listed by local id: the order of people in an interaction is not synced data.
      out[k] = (k === 'contact_uids' || k === 'contacts') && Array.isArray(v) ? [...(v as string[])].sort() : strip(v);
    }
    return out;
  };
  const byUid = (a: unknown, b: unknown) => String((a as { uid?: string }).uid).localeCompare(String((b as { uid?: string }).uid));
  const data: Record<string, unknown> = {};
  for (const [entity, exporter] of Object.entries(EXPORTERS)) {
    data[entity] = ([...exporter(d.store.sqlite)] as unknown[]).map(strip).sort(byUid);
  }
  data.settings = d.store.sqlite.prepare("select key, value from settings where key not like 'sync.%' order by key").all();
  // Records no export carries: dismissals and the pairs said to be different people (by the people's uids: ids are local).
  data.dismissals = d.store.sqlite
    .prepare('select d.uid, c.uid as contact, d.kind, d.dismissed_on, d.deleted_at is not null as deleted from dismissals d join contacts c on c.id = d.contact_id order by d.uid')
    .all();
  // Captures, with the interaction an accepted one became (by its uid).
  data.captures = d.store.sqlite
    .prepare(
      `select k.uid, k.capture_key, k.kind, k.source, k.occurred_at, k.direction, k.channel, k.subject, k.sender, k.addresses, k.names, k.status,
         i.uid as interaction, k.deleted_at is not null as deleted
       from captures k left join interactions i on i.id = k.interaction_id order by k.uid`,
    )
    .all();
  data.distinct = d.store.sqlite
    .prepare(
      `select p.uid, min(a.uid, b.uid) as one, max(a.uid, b.uid) as other, p.deleted_at is not null as deleted
       from distinct_pairs p join contacts a on a.id = p.contact_a join contacts b on b.id = p.contact_b order by p.uid`,
    )
    .all();
  data.tombstones = d.store.sqlite
    .prepare(
      `select uid, 'contact' as e, merged_into is not null as merged from contacts where deleted_at is not null
       union all select uid, 'interaction', 0 from interactions where deleted_at is not null
       union all select uid, 'favour', 0 from favours where deleted_at is not null
       union all select uid, 'followup', 0 from followups where deleted_at is not null
       union all select uid, 'outreach', 0 from outreach where deleted_at is not null order by 1`,
    )
    .all();
  return data;
}
