// `net sync status`: this device, the other devices and when each last
// synced, what is not pushed yet, and what the merges kept. Read from this
// database alone (what the last sync learned), so it answers offline.
import type BetterSqlite3 from 'better-sqlite3';
import { keptNotes, trashEntries, type KeptNote } from '../db/sync-kept.js';
import { deviceId } from '../db/write-path.js';
import type { DeviceState } from './engine.js';
import { unpushedOps } from './push.js';
import { deviceName, getMeta, readSpace } from './space.js';

export interface OtherDevice {
  id: string;
  host: string | null;
  /** When it last synced, by its own word (or its newest batch). */
  last_sync: string | null;
  /** Its newest batch applied here. */
  batches: number;
}

export interface SyncStatus {
  syncing: boolean;
  device: { id: string; host: string; transport: string | null; location: string | null; last_sync: string | null };
  devices: OtherDevice[];
  unpushed_operations: number;
  waiting_batches: number;
  conflicts: KeptNote[];
  trash: number;
  last_error: string | null;
}

export function syncStatus(sqlite: BetterSqlite3.Database): SyncStatus {
  const self = deviceId(sqlite);
  const space = readSpace(sqlite);
  const states = JSON.parse(getMeta(sqlite, 'sync.devices') ?? '{}') as Record<string, DeviceState>;
  const batches = sqlite.prepare('select device, max(idx) as idx, max(at) as at, max(host) as host from sync_batches where device <> ? group by device').all(self) as Array<{
    device: string;
    idx: number;
    at: string;
    host: string | null;
  }>;
  const ids = new Set([...batches.map((b) => b.device), ...Object.keys(states)]);
  const devices = [...ids].map((id): OtherDevice => {
    const b = batches.find((x) => x.device === id);
    const s = states[id];
    const last = [s?.at, b?.at].filter((x): x is string => Boolean(x)).sort().at(-1) ?? null;
    return { id, host: s?.host ?? b?.host ?? null, last_sync: last, batches: b?.idx ?? 0 };
  });
  devices.sort((a, b) => (b.last_sync ?? '').localeCompare(a.last_sync ?? ''));
  return {
    syncing: space !== undefined,
    device: { id: self, host: deviceName(), transport: space?.kind ?? null, location: space?.location ?? null, last_sync: getMeta(sqlite, 'sync.last') ?? null },
    devices,
    unpushed_operations: unpushedOps(sqlite, self),
    waiting_batches: Number(getMeta(sqlite, 'sync.waiting') ?? 0),
    conflicts: keptNotes(sqlite),
    trash: trashEntries(sqlite).length,
    last_error: getMeta(sqlite, 'sync.error') ?? null,
  };
}
