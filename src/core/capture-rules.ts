// What a captured message or meeting becomes: a proposal for the inbox, or
// the reason it is left out. Pure: headers and events in, decisions out.
// The rules are the ones that kept other tools' automatic capture from
// flooding people's lists: mailing lists, automated senders, broadcasts and
// large events are left out, and nothing here decides who a person is.
import { createHash } from 'node:crypto';

export interface MailAddress {
  address: string;
  name: string;
}

/** The headers capture reads; never a body. */
export interface MailHeaders {
  messageId: string | null;
  /** ISO instant when the Date header could be read, else the header as written, else null. */
  date: string | null;
  from: MailAddress | null;
  to: readonly MailAddress[];
  cc: readonly MailAddress[];
  inReplyTo: string | null;
  listId: string | null;
  subject: string | null;
  /** Precedence and Auto-Submitted: bulk mail and automatic replies say so. */
  precedence: string | null;
  autoSubmitted: string | null;
}

export interface MeetingOccurrence {
  uid: string;
  /** The occurrence's start, an ISO instant. */
  start: string;
  /** Which occurrence of a series (its original start, an ISO instant); null for a single event. A moved meeting keeps it. */
  occurrence: string | null;
  summary: string | null;
  organizer: MailAddress | null;
  attendees: ReadonlyArray<MailAddress & { partstat: string | null }>;
  /** CONFIRMED, TENTATIVE, CANCELLED or null. */
  status: string | null;
  /** Where: a video link makes it a video call. */
  location: string | null;
}

export interface CaptureItem {
  key: string;
  kind: 'mail' | 'meeting';
  occurredAt: string;
  direction: 'in' | 'out' | 'mutual';
  channel: 'email' | 'meeting' | 'video';
  subject: string | null;
  sender: string | null;
  /** The other people of the item, lower case: the sender of a message I received, the recipients of one I sent, the others at a meeting. */
  addresses: string[];
  names: Record<string, string>;
}

export type IgnoreReason =
  | 'mailing list'
  | 'automated sender'
  | 'too many recipients'
  | 'no readable date'
  | 'nobody else'
  | 'cancelled'
  | 'declined'
  | 'too many attendees';

export type CaptureVerdict = { item: CaptureItem } | { ignored: IgnoreReason };

export interface CaptureRules {
  /** My own addresses, lower case. */
  me: ReadonlySet<string>;
  maxRecipients: number;
  maxAttendees: number;
}

/** Senders no person answers: no-reply addresses, bounces, notification robots. */
const AUTOMATED_LOCAL = /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|alerts?|automated|newsletter|news|marketing|info|support|billing|receipts?)([-+_.].*)?$/i;

export function isAutomatedAddress(address: string): boolean {
  return AUTOMATED_LOCAL.test(address.split('@')[0] ?? '');
}

const lower = (a: MailAddress): MailAddress => ({ address: a.address.trim().toLowerCase(), name: a.name.trim() });

function namesOf(addresses: readonly MailAddress[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const a of addresses) if (a.name !== '' && a.name.toLowerCase() !== a.address && names[a.address] === undefined) names[a.address] = a.name;
  return names;
}

/** A message without a Message-ID is known by what it says of itself. */
function mailKey(h: MailHeaders, date: string): string {
  const id = h.messageId?.trim().replace(/^<|>$/g, '');
  if (id) return `mail:${id}`;
  const digest = createHash('sha256').update(JSON.stringify([h.from?.address ?? '', date, h.subject ?? '', h.to.map((a) => a.address)])).digest('hex');
  return `mail:sha256:${digest.slice(0, 32)}`;
}

export function judgeMail(headers: MailHeaders, rules: CaptureRules): CaptureVerdict {
  if (headers.listId !== null && headers.listId.trim() !== '') return { ignored: 'mailing list' };
  const precedence = headers.precedence?.trim().toLowerCase() ?? '';
  const auto = headers.autoSubmitted?.trim().toLowerCase() ?? 'no';
  if (precedence === 'bulk' || precedence === 'list' || precedence === 'junk' || (auto !== '' && auto !== 'no')) return { ignored: 'automated sender' };
  const from = headers.from === null ? null : lower(headers.from);
  if (from !== null && isAutomatedAddress(from.address)) return { ignored: 'automated sender' };
  const date = headers.date === null ? NaN : Date.parse(headers.date);
  if (Number.isNaN(date)) return { ignored: 'no readable date' };
  const recipients = [...headers.to, ...headers.cc].map(lower).filter((a) => a.address.includes('@'));
  const others = recipients.filter((a) => !rules.me.has(a.address));
  if (others.length > rules.maxRecipients) return { ignored: 'too many recipients' };
  const mine = from !== null && rules.me.has(from.address);
  // A message I received is with its sender; one I sent is with its recipients.
  const people = mine ? others : from === null ? [] : [from];
  const addresses = [...new Set(people.map((a) => a.address))].filter((a) => !rules.me.has(a));
  if (addresses.length === 0) return { ignored: 'nobody else' };
  const occurredAt = new Date(date).toISOString();
  return {
    item: {
      key: mailKey(headers, occurredAt),
      kind: 'mail',
      occurredAt,
      direction: mine ? 'out' : 'in',
      channel: 'email',
      subject: headers.subject?.trim() || null,
      sender: from?.address ?? null,
      addresses,
      names: namesOf([...(from ? [from] : []), ...recipients]),
    },
  };
}

const VIDEO = /\b(meet\.google\.com|zoom\.us|teams\.microsoft\.com|teams\.live\.com|whereby\.com|meet\.jit\.si|webex\.com|gotomeeting\.com)\b/i;

export function judgeMeeting(event: MeetingOccurrence, rules: CaptureRules): CaptureVerdict {
  if (event.status?.toUpperCase() === 'CANCELLED') return { ignored: 'cancelled' };
  const attendees = event.attendees.map((a) => ({ ...lower(a), partstat: a.partstat?.toUpperCase() ?? null }));
  if (attendees.some((a) => rules.me.has(a.address) && a.partstat === 'DECLINED')) return { ignored: 'declined' };
  const organizer = event.organizer === null ? null : lower(event.organizer);
  const everyone = [...(organizer ? [organizer] : []), ...attendees.filter((a) => a.partstat !== 'DECLINED')];
  const addresses = [...new Set(everyone.map((a) => a.address))].filter((a) => a.includes('@') && !rules.me.has(a));
  if (addresses.length === 0) return { ignored: 'nobody else' };
  if (addresses.length > rules.maxAttendees) return { ignored: 'too many attendees' };
  const start = new Date(Date.parse(event.start)).toISOString();
  return {
    item: {
      key: event.occurrence === null ? `meeting:${event.uid}` : `meeting:${event.uid}/${event.occurrence}`,
      kind: 'meeting',
      occurredAt: start,
      direction: 'mutual',
      channel: event.location !== null && VIDEO.test(event.location) ? 'video' : 'meeting',
      subject: event.summary?.trim() || null,
      sender: organizer?.address ?? null,
      addresses,
      names: namesOf([...(organizer ? [organizer] : []), ...attendees]),
    },
  };
}

/** Counts of what was left out, by reason, for the summary of a capture. */
export type IgnoredCounts = Partial<Record<IgnoreReason, number>>;
