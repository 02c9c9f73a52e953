// Identities of records and commands: UUIDv7 (RFC 9562), time-ordered, so
// that uids sort by creation and index well.
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * 4 KB from the system's random source. /dev/urandom is what node:crypto
 * reads too, but loading node:crypto costs some 10 ms of every command that
 * imports this module (`net due` among them); it is the fallback elsewhere.
 */
function randomBytes4k(): Buffer {
  const bytes = Buffer.alloc(4096);
  try {
    const fd = openSync('/dev/urandom', 'r');
    try {
      if (readSync(fd, bytes, 0, bytes.length, null) === bytes.length) return bytes;
    } finally {
      closeSync(fd);
    }
  } catch {
    // No /dev/urandom (Windows): node:crypto below.
  }
  return process.getBuiltinModule('node:crypto').randomBytes(4096);
}

/** Random bytes drawn 4 KB at a time: one call to the system per 256 uids, not one per uid (bulk imports and captures make thousands). */
let pool: Buffer = Buffer.alloc(0);
let poolAt = 0;
function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes4k();
    poolAt = 0;
  }
  poolAt += 16;
  return Buffer.from(pool.subarray(poolAt - 16, poolAt));
}

/** A UUIDv7 whose time part is `ms` (milliseconds since 1970). */
export function uuidv7(ms: number): string {
  const bytes = random16();
  let time = Math.max(0, Math.floor(ms));
  for (let k = 5; k >= 0; k -= 1) {
    bytes[k] = time % 256;
    time = Math.floor(time / 256);
  }
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new record's uid. */
export function newUid(): string {
  return uuidv7(Date.now());
}

/**
 * A hybrid logical clock reading: the physical milliseconds and a counter,
 * fixed-width so that the text sorts as the clock does. A command's reading
 * is later than every reading this database has seen, local or from another
 * device, even when the machine's clock is behind.
 */
export function nextHlc(last: string | null | undefined, physicalMs: number): string {
  const previous = last ? parseHlc(last) : { ms: 0, count: 0 };
  const ms = Math.max(0, Math.floor(physicalMs));
  return ms > previous.ms ? formatHlc(ms, 0) : formatHlc(previous.ms, previous.count + 1);
}

export function formatHlc(ms: number, count: number): string {
  return `${String(ms).padStart(15, '0')}.${String(count).padStart(6, '0')}`;
}

export function parseHlc(text: string): { ms: number; count: number } {
  const match = /^(\d{15})\.(\d{6})$/.exec(text);
  if (!match) throw new Error(`not a clock reading: ${text}`);
  return { ms: Number(match[1]), count: Number(match[2]) };
}
