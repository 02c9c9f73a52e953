// A sync space: its id, where it lives (a folder or a git remote), and its
// key. This device's side of it is kept in the meta table, which is local
// (never recorded, never synced): the key sits in the database file itself,
// which already holds everything the key protects in plain text, is 0600 and
// is copied whole by `net backup`, so a restored backup keeps syncing; a
// separate key file would only be one more thing to lose.
//
// The space's descriptor, `net-sync.json`, holds no personal data: a format,
// the space id and a key check (a constant sealed with the key), so that a
// wrong recovery phrase is refused before anything is read or applied.
import { hostname } from 'node:os';
import type BetterSqlite3 from 'better-sqlite3';
import { DataError } from '../core/errors.js';
import { boundTo, FORMAT, seal, unseal, SealError } from './crypto.js';

export type TransportKind = 'folder' | 'git' | 'postgres';

export interface SpaceConfig {
  space: string;
  kind: TransportKind;
  /** The folder's path, or the git remote. */
  location: string;
  key: Buffer;
}

const meta = (sqlite: BetterSqlite3.Database, key: string): string | undefined =>
  sqlite.prepare('select value from meta where key = ?').pluck().get(key) as string | undefined;

export function setMeta(sqlite: BetterSqlite3.Database, key: string, value: string | null): void {
  if (value === null) sqlite.prepare('delete from meta where key = ?').run(key);
  else sqlite.prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value').run(key, value);
}

export function getMeta(sqlite: BetterSqlite3.Database, key: string): string | undefined {
  return meta(sqlite, key);
}

export function readSpace(sqlite: BetterSqlite3.Database): SpaceConfig | undefined {
  const space = meta(sqlite, 'sync.space');
  const kind = meta(sqlite, 'sync.kind');
  const location = meta(sqlite, 'sync.location');
  const key = meta(sqlite, 'sync.key');
  if (!space || !location || !key || (kind !== 'folder' && kind !== 'git' && kind !== 'postgres')) return undefined;
  return { space, kind, location, key: Buffer.from(key, 'base64') };
}

export function writeSpace(sqlite: BetterSqlite3.Database, config: SpaceConfig): void {
  setMeta(sqlite, 'sync.space', config.space);
  setMeta(sqlite, 'sync.kind', config.kind);
  setMeta(sqlite, 'sync.location', config.location);
  setMeta(sqlite, 'sync.key', config.key.toString('base64'));
}

export function deviceName(): string {
  return hostname();
}

const CHECK = Buffer.from('net sync key check');
const checkAad = (space: string) => boundTo(space, '-', 'key-check');

interface Descriptor {
  format: 'net-sync';
  version: number;
  space: string;
  cipher: 'chacha20-poly1305';
  check: string;
}

export function descriptorFor(space: string, key: Buffer): Buffer {
  const descriptor: Descriptor = { format: 'net-sync', version: FORMAT, space, cipher: 'chacha20-poly1305', check: seal(key, checkAad(space), CHECK).toString('base64') };
  return Buffer.from(`${JSON.stringify(descriptor, null, 2)}\n`);
}

/** The space a descriptor names, once the key has opened its check; a wrong key is refused here, before anything is read. */
export function openDescriptor(bytes: Buffer, key: Buffer | undefined, where: string): { space: string; check: () => void } {
  let descriptor: Descriptor;
  try {
    descriptor = JSON.parse(bytes.toString('utf8')) as Descriptor;
  } catch {
    throw new DataError(`${where} holds a net-sync.json that is not valid JSON`, 'it was changed by hand: restore it from another copy of the space');
  }
  if (descriptor.format !== 'net-sync' || typeof descriptor.space !== 'string') throw new DataError(`${where} is not a space of net sync`);
  if (descriptor.version !== FORMAT) throw new DataError(`${where} is a space of net sync format ${descriptor.version}; this net reads format ${FORMAT}`, 'upgrade net on this device');
  return {
    space: descriptor.space,
    check: () => {
      if (!key) return;
      try {
        unseal(key, checkAad(descriptor.space), Buffer.from(descriptor.check, 'base64'), 'net-sync.json');
      } catch (error) {
        if (error instanceof SealError) {
          throw new DataError(`the key does not open the space in ${where}: the recovery phrase is not this space's`, 'nothing was read or applied; check the phrase with `net sync key` on a device that syncs');
        }
        throw error;
      }
    },
  };
}
