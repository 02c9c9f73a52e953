// Where captured mail comes from: a Maildir (the folders mbsync, offlineimap
// and notmuch keep, nested or Maildir++), an mbox file (Gmail Takeout,
// Thunderbird; .gz read as it is), or one message on stdin. Only the header
// block of each message is read: capture never looks at a body.
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { UsageError } from '../core/errors.js';
import type { MailHeaders } from '../core/capture-rules.js';
import { readHeaderBlock } from './mail-headers.js';

/** Enough for any header block a person's mail has; a longer one is cut (the headers capture reads come first). */
const HEADER_LIMIT = 256 * 1024;
const CHUNK = 16 * 1024;

/** Where a header block ends: the first empty line. */
function headerEnd(buffer: Buffer, length: number): number {
  const head = buffer.subarray(0, length);
  const ends = [head.indexOf('\n\n'), head.indexOf('\r\n\r\n')].filter((i) => i >= 0);
  return ends.length === 0 ? -1 : Math.min(...ends);
}

const scratch = Buffer.alloc(HEADER_LIMIT);

/** The header block of one message file, read in chunks until its empty line. */
export function readMessageHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      const read = readSync(fd, scratch, length, Math.min(CHUNK, HEADER_LIMIT - length), length);
      length += read;
      const end = headerEnd(scratch, length);
      if (end >= 0) return Buffer.from(scratch.subarray(0, end));
      if (read === 0 || length >= HEADER_LIMIT) return Buffer.from(scratch.subarray(0, length));
    }
  } finally {
    closeSync(fd);
  }
}

/** The message files of a Maildir and of the Maildirs under it (cur and new; tmp holds mail still being written). */
export function* maildirFiles(root: string): Generator<string> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      if (entry.name === 'cur' || entry.name === 'new') {
        const folder = join(dir, entry.name);
        for (const file of readdirSync(folder, { withFileTypes: true })) if (file.isFile() && !file.name.startsWith('.')) yield join(folder, file.name);
      } else if (entry.name !== 'tmp') {
        stack.push(join(dir, entry.name));
      }
    }
  }
}

export type MailSourceKind = 'maildir' | 'mbox' | 'stdin';

export function mailSourceKind(source: string): MailSourceKind {
  if (source === '-') return 'stdin';
  let stat;
  try {
    stat = statSync(source);
  } catch {
    throw new UsageError(`${source}: no such file or folder`, 'give a Maildir folder, an mbox file, or - for one message on stdin');
  }
  if (stat.isDirectory()) {
    const looksLikeMaildir = readdirSync(source).some((name) => name === 'cur' || name === 'new') || maildirFiles(source).next().done === false;
    if (!looksLikeMaildir) throw new UsageError(`${source}: a folder without Maildir folders (cur, new) in it`, 'give the Maildir (e.g. ~/Mail/work) or an mbox file');
    return 'maildir';
  }
  return 'mbox';
}

/** One message read: its headers, or why it could not be read. */
export type ReadMessage = { headers: MailHeaders } | { unreadable: string };

async function parsed(block: Buffer, where: string): Promise<ReadMessage> {
  try {
    return { headers: await readHeaderBlock(block) };
  } catch (error) {
    return { unreadable: `${where}: ${(error as Error).message}` };
  }
}

/** Every message of a source, as headers; `stdin` is read only for "-". */
export async function* readMail(source: string, stdin: () => Readable): AsyncGenerator<ReadMessage> {
  const kind = mailSourceKind(source);
  if (kind === 'maildir') {
    for (const file of maildirFiles(source)) {
      let block: Buffer;
      try {
        block = readMessageHead(file);
      } catch (error) {
        yield { unreadable: `${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
        continue;
      }
      yield await parsed(block, file);
    }
    return;
  }
  if (kind === 'stdin') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stdin()) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (headerEnd(Buffer.concat(chunks), size) >= 0 || size >= HEADER_LIMIT) break;
    }
    const all = Buffer.concat(chunks);
    const end = headerEnd(all, all.length);
    yield await parsed(end >= 0 ? all.subarray(0, end) : all, 'stdin');
    return;
  }
  // mbox-reader handles From-munging and gzip; it is loaded only here.
  const { mboxReader } = await import('mbox-reader');
  let n = 0;
  for await (const message of mboxReader(createReadStream(source), { gz: source.endsWith('.gz') })) {
    n += 1;
    const end = headerEnd(message.content, message.content.length);
    yield await parsed(end >= 0 ? message.content.subarray(0, end) : message.content, `${source}, message ${n}`);
  }
}
