// Where the sealed files of a space live. The core of sync speaks to a
// transport in named files only, so a folder, a git repository or (later) a
// PostgreSQL hub can carry them. Every file but a device's `state` is written
// once by the one device whose folder holds it, and never changed: two
// devices never write the same name, so no transport ever has to merge.
//
// Names: `net-sync.json` (the space: its id and a key check, nothing else),
// `DEVICE/batch-000000000012` (operations), `DEVICE/snapshot-…` (a whole
// network at one moment) and `DEVICE/state` (when it last synced, what it
// had seen).

export interface Transport {
  /** For messages: "the folder /media/usb/net", "the git repository git@host:net.git". */
  readonly description: string;
  /** Brings in what the other devices published (git fetch and rebase); a folder has nothing to do. */
  refresh(): Promise<void>;
  /** A file's bytes, or null when it is not there (yet). */
  read(name: string): Promise<Buffer | null>;
  /** The names of the files in a folder of the space ('' for the top), without the folder. */
  list(folder: string): Promise<string[]>;
  /** Writes a new file; false, writing nothing, when the name is taken. */
  create(name: string, bytes: Buffer): Promise<boolean>;
  /** Writes or replaces a file that this device alone writes (its state). */
  replace(name: string, bytes: Buffer): Promise<void>;
  /** Makes what was written visible to the others (git: commit and push). */
  publish(): Promise<void>;
  /** Lets go of a connection (the PostgreSQL hub); nothing for files. */
  close?(): Promise<void>;
}

export const DESCRIPTOR = 'net-sync.json';
export const batchName = (device: string, idx: number): string => `${device}/batch-${String(idx).padStart(12, '0')}`;
export const snapshotName = (device: string, idx: number, part?: number): string =>
  `${device}/snapshot-${String(idx).padStart(12, '0')}${part === undefined ? '' : `-part-${String(part).padStart(5, '0')}`}`;
export const stateName = (device: string): string => `${device}/state`;

/** The batch index in a file name, or undefined for other files. */
export function batchIndex(file: string): number | undefined {
  const m = /^batch-(\d{12})$/.exec(file);
  return m ? Number(m[1]) : undefined;
}

/** The index of a snapshot's manifest, or undefined for other files (its parts included). */
export function snapshotIndex(file: string): number | undefined {
  const m = /^snapshot-(\d{12})$/.exec(file);
  return m ? Number(m[1]) : undefined;
}

/** A device folder's name is the device's id: a UUID. */
export const isDeviceFolder = (name: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(name);
