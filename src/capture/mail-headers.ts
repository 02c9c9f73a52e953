// A message's header block read with postal-mime: RFC 2047 encoded words in
// any charset, folded lines, address lists with quoted names and groups, and
// dates in the forms mail clients write them. Only headers are given to it.
import PostalMime from 'postal-mime';
import type { MailAddress, MailHeaders } from '../core/capture-rules.js';

interface ParsedAddress {
  address?: string;
  name: string;
  group?: ParsedAddress[];
}

/** Addresses with groups opened ("team: a@x, b@y;") and entries without an address dropped. */
function flatten(list: readonly ParsedAddress[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  for (const entry of list ?? []) {
    if (entry.group) out.push(...flatten(entry.group));
    else if (entry.address) out.push({ address: entry.address, name: entry.name ?? '' });
  }
  return out;
}

const END = Buffer.from('\r\n\r\n');

export async function readHeaderBlock(block: Buffer): Promise<MailHeaders> {
  const email = await PostalMime.parse(Buffer.concat([block, END]));
  const header = (key: string): string | null => email.headers.find((h) => h.key === key)?.value ?? null;
  const from = flatten(email.from ? [email.from as ParsedAddress] : [])[0] ?? null;
  return {
    messageId: email.messageId ?? null,
    date: email.date ?? null,
    from,
    to: flatten(email.to as ParsedAddress[] | undefined),
    cc: flatten(email.cc as ParsedAddress[] | undefined),
    inReplyTo: email.inReplyTo ?? null,
    listId: header('list-id'),
    subject: email.subject ?? null,
    precedence: header('precedence'),
    autoSubmitted: header('auto-submitted'),
  };
}
