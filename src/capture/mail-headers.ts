// A message's header block, read with postal-mime's own header tools: RFC
// 2047 encoded words in any charset (decodeWords) and address lists with
// quoted names, comments and groups (addressParser). Only the headers
// capture needs are looked at; postal-mime's full parser would also build
// a body part for every message, which cost a third of a large capture.
import { addressParser, decodeWords } from 'postal-mime';
import type { MailAddress, MailHeaders } from '../core/capture-rules.js';

const WANTED = new Set(['from', 'to', 'cc', 'date', 'message-id', 'in-reply-to', 'list-id', 'subject', 'precedence', 'auto-submitted']);

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/** Header bytes as text: UTF-8 where it is valid (raw UTF-8 headers are common), else Latin-1. */
function text(block: Uint8Array): string {
  try {
    return utf8.decode(block);
  } catch {
    return latin1.decode(block);
  }
}

/** The wanted headers, unfolded (RFC 5322 2.2.3: a line starting with a space or tab continues the one before). */
export function headerFields(block: Uint8Array): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let current: { key: string; value: string } | null = null;
  const flush = () => {
    if (current !== null && WANTED.has(current.key)) {
      const values = fields.get(current.key) ?? [];
      values.push(current.value.trim());
      fields.set(current.key, values);
    }
  };
  for (const line of text(block).split(/\r?\n/)) {
    if (line === '') break;
    if ((line[0] === ' ' || line[0] === '\t') && current !== null) {
      current.value += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    current = colon > 0 ? { key: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1) } : null;
  }
  flush();
  return fields;
}

function addresses(values: readonly string[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const value of values ?? []) {
    for (const a of addressParser(value, { flatten: true })) if (a.address) out.push({ address: a.address, name: a.name ?? '' });
  }
  return out;
}

export async function readHeaderBlock(block: Uint8Array): Promise<MailHeaders> {
  const fields = headerFields(block);
  const first = (key: string): string | null => fields.get(key)?.[0] ?? null;
  const date = first('date');
  const instant = date === null ? NaN : Date.parse(date);
  const subject = first('subject');
  return {
    messageId: first('message-id'),
    date: Number.isNaN(instant) ? date : new Date(instant).toISOString(),
    from: addresses(fields.get('from'))[0] ?? null,
    to: addresses(fields.get('to')),
    cc: addresses(fields.get('cc')),
    inReplyTo: first('in-reply-to'),
    listId: first('list-id'),
    subject: subject === null ? null : decodeWords(subject),
    precedence: first('precedence'),
    autoSubmitted: first('auto-submitted'),
  };
}
