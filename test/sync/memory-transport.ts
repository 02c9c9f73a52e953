// A space held in memory, and each device's view of it: what a folder synced
// by Dropbox or Syncthing looks like from one machine while files are still
// on their way (some there, some not, in any order).
import type { Transport } from '../../src/sync/transport.js';

export class MemorySpace {
  readonly files = new Map<string, Buffer>();
}

export class DeviceView implements Transport {
  readonly description = 'a space in memory';
  readonly #delivered = new Set<string>();

  constructor(readonly space: MemorySpace) {}

  /** Makes some of the files that are not here yet arrive (`pick` chooses among them), or all. */
  deliver(pick: (names: string[]) => string[] = (names) => names): void {
    const missing = [...this.space.files.keys()].filter((n) => !this.#delivered.has(n));
    for (const name of pick(missing)) this.#delivered.add(name);
  }

  async refresh(): Promise<void> {}

  async read(name: string): Promise<Buffer | null> {
    return this.#delivered.has(name) ? (this.space.files.get(name) ?? null) : null;
  }

  async list(folder: string): Promise<string[]> {
    const prefix = folder === '' ? '' : `${folder}/`;
    const names = new Set<string>();
    for (const name of this.#delivered) if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split('/')[0]);
    return [...names];
  }

  async create(name: string, bytes: Buffer): Promise<boolean> {
    if (this.space.files.has(name)) return false;
    this.space.files.set(name, bytes);
    this.#delivered.add(name);
    return true;
  }

  async replace(name: string, bytes: Buffer): Promise<void> {
    this.space.files.set(name, bytes);
    this.#delivered.add(name);
  }

  async publish(): Promise<void> {}
}
