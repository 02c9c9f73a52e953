// A folder as the transport: any folder that something else keeps in step
// between machines (Syncthing, Dropbox, iCloud Drive, a network share, a USB
// stick). Files appear whole: each is written under a hidden temporary name,
// flushed, and then linked to its name, which fails if the name is taken.
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { DataError } from '../core/errors.js';
import type { Transport } from './transport.js';

function writeDurably(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export class FolderTransport implements Transport {
  readonly description: string;

  constructor(readonly root: string) {
    this.description = `the folder ${root}`;
  }

  #path(name: string): string {
    return join(this.root, ...name.split('/'));
  }

  #temporary(path: string): string {
    return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  }

  async refresh(): Promise<void> {
    if (!existsSync(this.root) || !statSync(this.root).isDirectory()) {
      throw new DataError(`the sync folder ${this.root} is not there`, 'mount or create it (a USB stick, a synced folder), or point sync elsewhere with `net sync init`');
    }
  }

  async read(name: string): Promise<Buffer | null> {
    try {
      return readFileSync(this.#path(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async list(folder: string): Promise<string[]> {
    const path = folder === '' ? this.root : this.#path(folder);
    if (!existsSync(path)) return [];
    return readdirSync(path).filter((name) => !name.startsWith('.'));
  }

  async create(name: string, bytes: Buffer): Promise<boolean> {
    const path = this.#path(name);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = this.#temporary(path);
    writeDurably(temporary, bytes);
    try {
      linkSync(temporary, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      unlinkSync(temporary);
    }
  }

  async replace(name: string, bytes: Buffer): Promise<void> {
    const path = this.#path(name);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = this.#temporary(path);
    writeDurably(temporary, bytes);
    renameSync(temporary, path);
  }

  async publish(): Promise<void> {
    // The folder's own syncing carries the files.
  }
}
