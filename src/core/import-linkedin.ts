// LinkedIn's export as contacts (Connections.csv) and interactions (messages.csv).
import { createHash } from 'node:crypto';
import { isIsoDay, localDay } from './dates.js';
import { FieldReader, rowError } from './import-fields.js';
import { profileKey } from './import-match.js';
import type { ContactDraft, PlacementOptions, RowNote } from './import-types.js';
import { emailSchema, lineSchema, nameSchema, textSchema, urlSchema } from './validate.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  // Italian, for exports made with the interface in Italian.
  gen: 1, mag: 5, giu: 6, lug: 7, ago: 8, set: 9, ott: 10, dic: 12,
};

/** "15 Mar 2024" (and "15 March 2024", "2024-03-15") -> "2024-03-15"; undefined when not a date. */
export function linkedinDay(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDay(t)) return t;
  const m = /^(\d{1,2})[\s-]+([a-zà-ü]+)\.?[\s-]+(\d{4})$/i.exec(t);
  if (!m) return undefined;
  const month = MONTHS[m[2].toLowerCase().slice(0, 3)];
  if (!month) return undefined;
  const day = `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDay(day) ? day : undefined;
}

export interface ConnectionFields {
  at: string;
  firstName: string;
  lastName: string;
  url: string | undefined;
  email: string;
  company: string;
  position: string;
  connectedOn: string;
}

export type ConnectionResult = { draft: ContactDraft } | { skip: string };

/**
 * A connection as a contact: how met "LinkedIn", met on the day of the
 * connection, the profile URL kept. LinkedIn knows a person's current job
 * better than an old note does, so a re-import refreshes company and role.
 */
export function connectionToDraft(row: ConnectionFields, placement: PlacementOptions, warnings: RowNote[]): ConnectionResult {
  const name = `${row.firstName} ${row.lastName}`.replace(/\s+/g, ' ').trim();
  if (name === '') return { skip: 'no name (LinkedIn leaves out the names of closed accounts)' };
  const read = new FieldReader(row.at, false, warnings);
  const metOn = row.connectedOn === '' ? undefined : linkedinDay(row.connectedOn);
  if (row.connectedOn !== '' && metOn === undefined) read.warn(`Connected On "${row.connectedOn}" is not a date like "15 Mar 2024"; left out`);
  const email = read.optional(emailSchema, row.email, 'Email Address');
  const tags = placement.tags.length ? [...placement.tags] : undefined;
  return {
    draft: {
      at: row.at,
      uid: null,
      name: read.required(nameSchema, name, 'name'),
      values: {
        company: read.line(lineSchema, row.company, 'Company'),
        role: read.line(lineSchema, row.position, 'Position'),
        linkedin: row.url === undefined ? undefined : read.optional(urlSchema, row.url, 'URL'),
        how_met: 'LinkedIn',
        met_on: metOn,
        circle: placement.circle ?? 'acquaintance',
      },
      emails: email ? [email] : [],
      tags,
      interests: undefined,
      mode: 'fill',
      refresh: ['company', 'role', 'linkedin'],
      created_at: null,
      updated_at: null,
    },
  };
}

/** "2024-03-15 14:22:10 UTC" (and ISO forms) -> the instant; undefined when not a date-time. */
export function linkedinInstant(text: string): Date | undefined {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(UTC|GMT|Z)?$/i.exec(t);
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
    const date = m[7] ? new Date(Date.UTC(y, mo - 1, d, h, mi, s)) : new Date(y, mo - 1, d, h, mi, s);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const date = new Date(t);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

export interface MessageFields {
  at: string;
  conversationId: string;
  from: string;
  senderUrl: string;
  to: string;
  recipientUrls: string;
  date: string;
  subject: string;
  content: string;
  folder: string;
  /** INCOMING/OUTGOING in the oldest exports; empty otherwise. */
  direction: string;
  isDraft: boolean;
}

/** A person in a message: a profile key when the export has URLs, else the name. */
export interface Party {
  key: string;
  url: string | null;
  name: string;
}

function party(name: string, url: string): Party {
  const key = profileKey(url);
  return { key: key ?? `name:${name.trim().toLowerCase()}`, url: key === null ? null : url.trim(), name: name.trim() };
}

/** `--me` as typed: a profile URL, or a name when the export has no URLs. */
export function partyFromMe(text: string): Party {
  const t = text.trim();
  return /linkedin\.com\//i.test(t) || /^https?:\/\//i.test(t) ? party('', t) : party(t, '');
}

/** The same person: same profile, or the same name when one side has no URL. */
export function samePerson(a: Party, b: Party): boolean {
  if (a.key === b.key) return true;
  return (a.url === null || b.url === null) && a.name !== '' && a.name.toLowerCase() === b.name.toLowerCase();
}

export function sender(row: MessageFields): Party {
  return party(row.from, row.senderUrl);
}

export function recipients(row: MessageFields): Party[] {
  const urls = row.recipientUrls.split(/[\s,]+/).filter((u) => u !== '');
  const names = row.to.split(/\s*,\s*/).filter((n) => n !== '');
  if (urls.length > 0) return urls.map((url, i) => party(urls.length === names.length ? names[i] : '', url));
  return names.map((name) => party(name, ''));
}

/**
 * Who "you" are in a messages export without --me: the person in the most
 * conversations. Undefined when two people tie (a single conversation).
 */
export function inferMe(rows: readonly MessageFields[]): Party | undefined {
  const conversations = new Map<string, Set<string>>();
  const byKey = new Map<string, Party>();
  for (const row of rows) {
    for (const p of [sender(row), ...recipients(row)]) {
      if (p.key === 'name:') continue;
      if (!byKey.has(p.key) || (p.name && !byKey.get(p.key)?.name)) byKey.set(p.key, p);
      const set = conversations.get(p.key) ?? new Set<string>();
      set.add(row.conversationId || row.at);
      conversations.set(p.key, set);
    }
  }
  const ranked = [...conversations.entries()].sort((a, b) => b[1].size - a[1].size);
  if (ranked.length === 0) return undefined;
  if (ranked.length > 1 && ranked[0][1].size === ranked[1][1].size) return undefined;
  return byKey.get(ranked[0][0]);
}

export interface MessageDraft {
  at: string;
  occurred_at: string;
  occurred_on: string;
  direction: 'in' | 'out';
  note: string | null;
  source_key: string;
  /** The other people: the sender of an inbound message, the recipients of an outbound one. */
  others: Party[];
}

export type MessageResult = { draft: MessageDraft } | { skip: string };

export function messageToDraft(row: MessageFields, me: Party | undefined, warnings: RowNote[]): MessageResult {
  if (row.isDraft) return { skip: 'a draft, never sent' };
  if (/^spam$/i.test(row.folder)) return { skip: 'in the spam folder' };
  const instant = linkedinInstant(row.date);
  if (!instant) throw rowError(row.at, `DATE "${row.date}" is not a date-time like "2024-03-15 14:22:10 UTC"`);
  const from = sender(row);
  const to = recipients(row);
  let outbound: boolean;
  if (me) outbound = samePerson(from, me);
  else if (/^(outgoing|incoming)$/i.test(row.direction)) outbound = /^outgoing$/i.test(row.direction);
  else throw rowError(row.at, 'cannot tell who sent this message; pass --me with your profile URL');
  if (me && !outbound && to.length > 0 && !to.some((p) => samePerson(p, me))) return { skip: 'neither from you nor to you' };
  const others = outbound ? to.filter((p) => !me || !samePerson(p, me)) : [from];
  const read = new FieldReader(row.at, false, warnings);
  const body = [row.subject, row.content].map((s) => s.trim()).filter((s) => s !== '').join('\n');
  const note = body === '' ? null : (read.optional(textSchema, body.length > 100_000 ? body.slice(0, 100_000) : body, 'CONTENT') ?? null);
  const hash = createHash('sha256')
    .update([row.conversationId, row.date.trim(), from.key, row.content].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
  return {
    draft: {
      at: row.at,
      occurred_at: instant.toISOString(),
      occurred_on: localDay(instant),
      direction: outbound ? 'out' : 'in',
      note,
      source_key: `linkedin-message:${hash}`,
      others,
    },
  };
}
