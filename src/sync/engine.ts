// `net sync`: push this device's new commands, pull the others' batches and
// apply them, and now and then write a snapshot for devices that join later.
// Pushing comes first, so a batch's seen vector is what its commands knew.
import type BetterSqlite3 from 'better-sqlite3';
import { DataError } from '../core/errors.js';
import { deviceId } from '../db/write-path.js';
import { applyBatch, knownVector, readiness, type ApplyStore } from './apply.js';
import { boundTo, seal, unseal } from './crypto.js';
import { assignBatches, buildBatch, markPublished, unpublished } from './push.js';
import { writeSnapshot } from './snapshot.js';
import { deviceName, getMeta, openDescriptor, setMeta, type SpaceConfig } from './space.js';
import { batchIndex, batchName, DESCRIPTOR, isDeviceFolder, snapshotIndex, stateName, type Transport } from './transport.js';
import { openBatch, sealBatch, type BatchFile } from './wire.js';
import type { Vector } from './knowledge.js';

/** A device writes a snapshot when this many batches were made since the newest one. */
export const SNAPSHOT_EVERY = 500;

export interface SyncOptions {
  now: Date;
  snapshotEvery?: number;
  /** Progress on stderr for long pulls. */
  progress?: (text: string) => void;
}

export interface SyncReport {
  pushed: { batches: number; commands: number };
  applied: { batches: number; commands: number };
  /** Batches seen on the transport that wait for one they depend on (still being copied there). */
  waiting: number;
  snapshot: number | undefined;
}

/** What a device says about itself in its state file (sealed): when it last synced, and what it had seen. */
export interface DeviceState {
  host: string;
  at: string;
  seen: Vector;
}

/** Checks the space and the key before anything is read or written. */
export async function checkSpace(transport: Transport, config: SpaceConfig): Promise<void> {
  const bytes = await transport.read(DESCRIPTOR);
  if (!bytes) throw new DataError(`${transport.description} holds no space of net sync (no ${DESCRIPTOR})`, 'check the path or remote, or start one with `net sync init`');
  const descriptor = openDescriptor(bytes, config.key, transport.description);
  if (descriptor.space !== config.space) {
    throw new DataError(`${transport.description} holds another space (${descriptor.space}) than this device syncs with (${config.space})`, 'join that space with `net sync join`, or point sync back at the right place');
  }
  descriptor.check();
}

async function push(
  store: ApplyStore,
  transport: Transport,
  config: SpaceConfig,
  self: string,
  now: Date,
  done: readonly number[] = [],
): Promise<{ batches: number[]; commands: number }> {
  assignBatches(store.sqlite, self, now.toISOString(), deviceName());
  const written: number[] = [];
  let commands = 0;
  for (const idx of unpublished(store.sqlite, self)) {
    if (done.includes(idx)) continue;
    const batch = buildBatch(store.sqlite, config.space, self, idx);
    const file = sealBatch(config.key, batch);
    if (!(await transport.create(file.name, file.bytes))) {
      // Written before a sync was cut short, or another database writes as this device.
      const existing = openBatch(config.key, config.space, self, idx, (await transport.read(file.name)) ?? Buffer.alloc(0));
      if (existing.commands.map((c) => c.uid).join() !== batch.commands.map((c) => c.uid).join()) {
        throw new DataError(
          `${file.name} already holds other changes: two databases sync as the same device (a copied database file?)`,
          'on the copy, join the space again with `net sync join --replace`; nothing was pushed',
        );
      }
    }
    written.push(idx);
    commands += batch.commands.length;
  }
  return { batches: written, commands };
}

/** The other devices' batches after what is known here, applied in causal order; one open batch per device at a time. */
async function pull(store: ApplyStore, transport: Transport, config: SpaceConfig, self: string, options: SyncOptions): Promise<{ batches: number; commands: number; waiting: number }> {
  const devices = (await transport.list('')).filter((d) => isDeviceFolder(d) && d !== self);
  const queues = new Map<string, number[]>();
  const vector = knownVector(store.sqlite);
  for (const device of devices) {
    const after = vector[device] ?? 0;
    const indexes = (await transport.list(device))
      .map(batchIndex)
      .filter((i): i is number => i !== undefined && i > after)
      .sort((a, b) => a - b);
    if (indexes.length > 0) queues.set(device, indexes);
  }
  const total = [...queues.values()].reduce((n, q) => n + q.length, 0);
  const heads = new Map<string, BatchFile>();
  let batches = 0;
  let commands = 0;
  for (let progress = true; progress; ) {
    progress = false;
    for (const [device, queue] of queues) {
      while (queue.length > 0) {
        let batch = heads.get(device);
        if (!batch) {
          const bytes = await transport.read(batchName(device, queue[0]));
          if (!bytes) break;
          batch = openBatch(config.key, config.space, device, queue[0], bytes);
          heads.set(device, batch);
        }
        const state = readiness(knownVector(store.sqlite), batch);
        if (state === 'waiting') break;
        if (state === 'ready' && (await applyBatch(store, self, batch, options.now)) === 'applied') {
          batches += 1;
          commands += batch.commands.length;
          if (total > 20) options.progress?.(`applied ${batches} of ${total} batches`);
        }
        heads.delete(device);
        queue.shift();
        progress = true;
      }
    }
  }
  const waiting = [...queues.values()].reduce((n, q) => n + q.length, 0);
  return { batches, commands, waiting };
}

/** The number a snapshot goes by: how many batches it covers (the sum of its vector), the newest first when joining. */
export const vectorSum = (vector: Vector): number => Object.values(vector).reduce((n, i) => n + i, 0);

/** The newest snapshot in the space: its device and number (names only, nothing opened). */
export async function newestSnapshot(transport: Transport): Promise<{ device: string; idx: number } | undefined> {
  let best: { device: string; idx: number } | undefined;
  for (const device of (await transport.list('')).filter(isDeviceFolder)) {
    for (const file of await transport.list(device)) {
      const idx = snapshotIndex(file);
      if (idx !== undefined && (!best || idx > best.idx)) best = { device, idx };
    }
  }
  return best;
}

async function maybeSnapshot(sqlite: BetterSqlite3.Database, transport: Transport, config: SpaceConfig, self: string, now: Date, every: number): Promise<number | undefined> {
  if (unpublished(sqlite, self).length > 0) return undefined;
  if ((sqlite.prepare('select count(*) from commands where device = ? and batch is null').pluck().get(self) as number) > 0) return undefined;
  const vector = knownVector(sqlite);
  const number = vectorSum(vector);
  const newest = await newestSnapshot(transport);
  if (newest && number - newest.idx < every) return undefined;
  await writeSnapshot(sqlite, transport, config.key, { space: config.space, device: self, idx: number, at: now.toISOString(), host: deviceName(), vector });
  return number;
}

/** Writes this device's state file when what it says changed, and reads the others' (kept for `net sync status`). */
async function exchangeStates(sqlite: BetterSqlite3.Database, transport: Transport, config: SpaceConfig, self: string, now: Date): Promise<boolean> {
  const seen = knownVector(sqlite);
  const previous = getMeta(sqlite, 'sync.state');
  const mine: DeviceState = { host: deviceName(), at: now.toISOString(), seen };
  let wrote = false;
  if (previous !== JSON.stringify(seen)) {
    const name = stateName(self);
    await transport.replace(name, seal(config.key, boundTo(config.space, self, name), Buffer.from(JSON.stringify(mine))));
    setMeta(sqlite, 'sync.state', JSON.stringify(seen));
    wrote = true;
  }
  const devices: Record<string, DeviceState> = {};
  for (const device of (await transport.list('')).filter((d) => isDeviceFolder(d) && d !== self)) {
    const name = stateName(device);
    const bytes = await transport.read(name);
    if (!bytes) continue;
    try {
      devices[device] = JSON.parse(unseal(config.key, boundTo(config.space, device, name), bytes, name).toString('utf8')) as DeviceState;
    } catch {
      // A damaged state file only costs the status its line; batches are checked on their own.
    }
  }
  setMeta(sqlite, 'sync.devices', JSON.stringify(devices));
  return wrote;
}

/** One full sync; the caller holds the sync lock. */
export async function runSync(store: ApplyStore, transport: Transport, config: SpaceConfig, options: SyncOptions): Promise<SyncReport> {
  const self = deviceId(store.sqlite);
  await transport.refresh();
  await checkSpace(transport, config);
  const first = await push(store, transport, config, self, options.now);
  const applied = await pull(store, transport, config, self, options);
  // What settling the merge wrote here goes out at once.
  const second = applied.batches > 0 ? await push(store, transport, config, self, options.now, first.batches) : { batches: [], commands: 0 };
  await transport.publish();
  markPublished(store.sqlite, self, [...first.batches, ...second.batches]);
  const snapshot = await maybeSnapshot(store.sqlite, transport, config, self, options.now, options.snapshotEvery ?? SNAPSHOT_EVERY);
  const stated = await exchangeStates(store.sqlite, transport, config, self, options.now);
  if (snapshot !== undefined || stated) await transport.publish();
  setMeta(store.sqlite, 'sync.last', options.now.toISOString());
  setMeta(store.sqlite, 'sync.waiting', String(applied.waiting));
  return {
    pushed: { batches: first.batches.length + second.batches.length, commands: first.commands + second.commands },
    applied: { batches: applied.batches, commands: applied.commands },
    waiting: applied.waiting,
    snapshot,
  };
}
