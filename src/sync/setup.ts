// Starting a space (`net sync init`), joining one (`net sync join`), and the
// transport and lock every sync command uses.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictError, DataError, UsageError } from '../core/errors.js';
import { uuidv7 } from '../core/ids.js';
import { backupNextTo } from '../db/backup.js';
import { deviceId } from '../db/write-path.js';
import { inTransaction, type ApplyStore } from './apply.js';
import { newKey, phraseOf } from './crypto.js';
import { runSync, newestSnapshot, type SyncOptions, type SyncReport } from './engine.js';
import { FolderTransport } from './folder.js';
import { GitTransport } from './git.js';
import { PostgresTransport } from './postgres.js';
import { loadSnapshot, readManifest, writeSnapshot } from './snapshot.js';
import { deviceName, openDescriptor, readSpace, setMeta, writeSpace, descriptorFor, type SpaceConfig, type TransportKind } from './space.js';
import { DESCRIPTOR, type Transport } from './transport.js';

export interface Place {
  kind: TransportKind;
  /** A folder's path (made absolute), or a git remote as given. */
  location: string;
}

export function placeOf(kind: string, location: string): Place {
  if (kind !== 'folder' && kind !== 'git' && kind !== 'postgres') throw new UsageError(`"${kind}" is not a way to sync`, 'use `folder PATH`, `git REMOTE` or `postgres URL`');
  if (location.trim() === '') throw new UsageError(`sync through ${kind} needs a ${kind === 'folder' ? 'path' : kind === 'git' ? 'remote' : 'URL'}`);
  return { kind, location: kind === 'folder' ? resolve(location) : location };
}

/** The git clone of a database's space: next to the database, private like it. */
export const cloneOf = (dbPath: string): string => `${dbPath}.sync-git`;

export function transportFor(place: Place, dbPath: string, device: string, env: NodeJS.ProcessEnv = process.env): Transport {
  if (place.kind === 'postgres') return new PostgresTransport(place.location, env);
  return place.kind === 'folder' ? new FolderTransport(place.location) : new GitTransport(place.location, cloneOf(dbPath), device);
}

/** Runs work with a transport, closing it after (a hub's connections). */
async function using<T>(transport: Transport, work: (t: Transport) => Promise<T>): Promise<T> {
  try {
    return await work(transport);
  } finally {
    await transport.close?.();
  }
}

/**
 * One `net sync` at a time per database: a lock file with the process id. A
 * lock whose process is gone (killed) is taken over.
 */
export function takeLock(dbPath: string): (() => void) | undefined {
  const path = `${dbPath}.sync-lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8'));
      try {
        if (pid > 0) process.kill(pid, 0);
        return undefined;
      } catch {
        unlinkSync(path);
      }
    }
  }
  return undefined;
}

export async function withLock<T>(dbPath: string, work: () => Promise<T>): Promise<T> {
  const release = takeLock(dbPath);
  if (!release) throw new ConflictError('another `net sync` is running on this database', 'wait for it to finish');
  try {
    return await work();
  } finally {
    release();
  }
}

function isEmptyNetwork(store: ApplyStore): boolean {
  return (store.sqlite.prepare('select (select count(*) from commands) + (select count(*) from contacts) + (select count(*) from interactions)').pluck().get() as number) === 0;
}

function alreadySyncing(store: ApplyStore): void {
  const current = readSpace(store.sqlite);
  if (current) throw new ConflictError(`this database already syncs through ${current.kind} ${current.location}`, 'run `net sync` to sync it');
}

export interface InitResult {
  space: string;
  phrase: string;
  transport: string;
}

/** A new space: its key, this network as the first snapshot, the descriptor last (a space half made is not a space). */
export async function initSpace(store: ApplyStore, place: Place, dbPath: string, now: Date, through?: Transport): Promise<InitResult> {
  alreadySyncing(store);
  const self = deviceId(store.sqlite);
  return using(through ?? transportFor(place, dbPath, self), (transport) => initThrough(store, place, dbPath, now, self, transport));
}

async function initThrough(store: ApplyStore, place: Place, dbPath: string, now: Date, self: string, transport: Transport): Promise<InitResult> {
  if (place.kind === 'git') rmSync(cloneOf(dbPath), { recursive: true, force: true });
  else if (place.kind === 'folder' && !existsSync(place.location)) throw new DataError(`no folder ${place.location}`, 'create it (or the folder your sync tool keeps), then run this again');
  await transport.refresh();
  if (await transport.read(DESCRIPTOR)) throw new ConflictError(`${transport.description} already holds a space of net sync`, 'join it with `net sync join` and its recovery phrase');
  const config: SpaceConfig = { space: uuidv7(now.getTime()), kind: place.kind, location: place.location, key: newKey() };
  await inTransaction(store.sqlite, async () => {
    // Every command so far travels in the first snapshot, as batch 0.
    store.sqlite.prepare('update commands set batch = 0 where batch is null').run();
    const last = (store.sqlite.prepare('select max(id) from commands').pluck().get() as number | null) ?? 0;
    store.sqlite.prepare("insert into sync_batches (device, idx, seen, at, host, applied_cmd, published) values (?, 0, '{}', ?, ?, ?, 1)").run(self, now.toISOString(), deviceName(), last);
    writeSpace(store.sqlite, config);
    await writeSnapshot(store.sqlite, transport, config.key, { space: config.space, device: self, idx: 0, at: now.toISOString(), host: deviceName(), vector: { [self]: 0 } }, { inTransaction: true });
    await transport.replace(DESCRIPTOR, descriptorFor(config.space, config.key));
    await transport.publish();
  });
  setMeta(store.sqlite, 'sync.last', now.toISOString());
  return { space: config.space, phrase: phraseOf(config.key), transport: transport.description };
}

export interface JoinResult {
  space: string;
  transport: string;
  /** The copy kept of the network --replace replaced. */
  backup: string | undefined;
  snapshot: { device: string; host: string; at: string };
  sync: SyncReport;
  /** The people in the network once joined. */
  people: number;
}

/** Joins a space: the newest snapshot, then the batches after it. Needs an empty network, or --replace (after a backup). */
export async function joinSpace(
  store: ApplyStore,
  place: Place,
  key: Buffer,
  dbPath: string,
  options: SyncOptions & { replace?: boolean; through?: Transport },
): Promise<JoinResult> {
  alreadySyncing(store);
  if (!isEmptyNetwork(store) && !options.replace) {
    throw new ConflictError(
      'joining replaces the network on this device, and it is not empty',
      'join with --replace to replace it (a backup is made first), or join from a new database (--db PATH)',
    );
  }
  if (place.kind === 'git') rmSync(cloneOf(dbPath), { recursive: true, force: true });
  return using(options.through ?? transportFor(place, dbPath, deviceId(store.sqlite)), (transport) => joinThrough(store, place, key, dbPath, options, transport));
}

async function joinThrough(
  store: ApplyStore,
  place: Place,
  key: Buffer,
  dbPath: string,
  options: SyncOptions & { replace?: boolean; through?: Transport },
  transport: Transport,
): Promise<JoinResult> {
  await transport.refresh();
  const bytes = await transport.read(DESCRIPTOR);
  if (!bytes) throw new DataError(`${transport.description} holds no space of net sync (no ${DESCRIPTOR})`, 'check the path or remote; the first device starts one with `net sync init`');
  const descriptor = openDescriptor(bytes, key, transport.description);
  descriptor.check();
  const newest = await newestSnapshot(transport);
  if (!newest) throw new DataError(`${transport.description} holds no snapshot yet`, 'wait for the folder or repository to finish syncing, then join again');
  const manifest = await readManifest(transport, key, descriptor.space, newest.device, newest.idx);
  if (!manifest) throw new DataError(`the snapshot ${newest.device}/${newest.idx} disappeared while joining`, 'join again');
  const backup = options.replace && !isEmptyNetwork(store) && dbPath !== ':memory:' ? (await backupNextTo(store.sqlite, dbPath, options.now, '-before-join')).path : undefined;
  const config: SpaceConfig = { space: descriptor.space, kind: place.kind, location: place.location, key };
  await loadSnapshot(store.sqlite, transport, key, manifest, {
    progress: (done, of) => options.progress?.(`loaded ${done} of ${of} parts of the snapshot`),
    // A device of its own: never the id of a database it was copied from.
    then: () => {
      setMeta(store.sqlite, 'device', randomUUID());
      writeSpace(store.sqlite, config);
    },
  });
  // git: the clone was made under the database's first device id; a new one now.
  const sync = place.kind === 'git' && !options.through ? await using(transportFor(place, dbPath, deviceId(store.sqlite)), (t) => runSync(store, t, config, options)) : await runSync(store, transport, config, options);
  const people = store.sqlite.prepare('select count(*) from contacts where deleted_at is null').pluck().get() as number;
  return { space: config.space, transport: transport.description, backup, snapshot: { device: manifest.device, host: manifest.host, at: manifest.at }, sync, people };
}

/** The recovery phrase of the space this device syncs with. */
export function recoveryPhrase(store: ApplyStore): string {
  const config = readSpace(store.sqlite);
  if (!config) throw new DataError('this device does not sync', 'start with `net sync init folder PATH` or `net sync join …`');
  return phraseOf(config.key);
}

/** `net sync`: under the lock, with this device's space. */
export async function syncNow(store: ApplyStore, dbPath: string, options: SyncOptions): Promise<SyncReport> {
  const config = readSpace(store.sqlite);
  if (!config) throw new DataError('this device does not sync yet', 'start with `net sync init folder PATH` (or git REMOTE), or `net sync join …` on a second device');
  return withLock(dbPath, () => using(transportFor(config, dbPath, deviceId(store.sqlite)), (transport) => runSync(store, transport, config, options)));
}
