// What a batch file holds once opened: the device's commands with their
// operations, and what the device had seen. Commands travel whole (a batch
// never splits one), with their uid, clock and device, so that `net changes`
// shows them on every device and a command is never applied twice.
import { DataError } from '../core/errors.js';
import type { OpKind } from '../db/schema.js';
import { batchName } from './transport.js';
import { boundTo, seal, unseal } from './crypto.js';
import type { Vector } from './knowledge.js';

/** uid, kind, entity, record, field, old, new. */
export type WireOp = [string, OpKind, string, string, string | null, string | null, string | null];

export interface WireCommand {
  uid: string;
  hlc: string;
  at: string;
  name: string;
  summary: string;
  /** The uid of the command this one took back. */
  undoes: string | null;
  ops: WireOp[];
}

export interface BatchFile {
  space: string;
  device: string;
  idx: number;
  /** When the batch was made, and on which machine (for `net sync status`). */
  at: string;
  host: string;
  seen: Vector;
  commands: WireCommand[];
}

export interface SealedFile {
  name: string;
  bytes: Buffer;
}

export function sealBatch(key: Buffer, batch: BatchFile): SealedFile {
  const name = batchName(batch.device, batch.idx);
  return { name, bytes: seal(key, boundTo(batch.space, batch.device, name), Buffer.from(JSON.stringify(batch))) };
}

export function openBatch(key: Buffer, space: string, device: string, idx: number, bytes: Buffer): BatchFile {
  const name = batchName(device, idx);
  const batch = JSON.parse(unseal(key, boundTo(space, device, name), bytes, name).toString('utf8')) as BatchFile;
  // The additional data already binds these; a mismatch would be a bug of the writer.
  if (batch.device !== device || batch.idx !== idx || batch.space !== space) throw new DataError(`${name} names another place in its contents`);
  return batch;
}

/** Settings of this device alone: sync's own (sync.auto) never travel. */
export const isLocalSetting = (key: string): boolean => key.startsWith('sync.');
