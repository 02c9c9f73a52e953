// The inbox's table (migration 014): captured messages and meetings, who
// their addresses are in the network now, and whether each was logged by
// hand already.
import type BetterSqlite3 from 'better-sqlite3';
import type { CaptureItem } from '../core/capture-rules.js';
import { localDay } from '../core/dates.js';
import { newUid } from '../core/ids.js';
import type { CapturesTable } from './schema.js';

export type CaptureRow = Omit<CapturesTable, 'id' | 'deleted_at'> & { id: number };

export interface InboxPerson {
  id: number;
  name: string;
}

/** A pending capture with someone of the network in it: a proposal. */
export interface Proposal {
  id: number;
  kind: 'mail' | 'meeting';
  occurred_at: string;
  date: string;
  direction: string;
  channel: string;
  subject: string | null;
  source: string;
  contacts: InboxPerson[];
  /** The addresses of the item that are nobody's in the network. */
  unknown: string[];
  /** An interaction logged by hand that this is (same person, channel and direction, within a day), or null. */
  logged: number | null;
}

/** Someone the captures name who is not in the network: how much was exchanged. */
export interface Stranger {
  address: string;
  name: string | null;
  messages: number;
  meetings: number;
  last: string;
}

/**
 * One proposal per message or meeting: two devices can each capture it
 * before they sync (migration 018). The first capture of a key stands for
 * it, and none does once one of them is accepted or rejected.
 */
const FIRST_OF_KEY = `not exists (select 1 from captures d where d.capture_key = c.capture_key and d.deleted_at is null and d.id <> c.id and (d.status <> 'pending' or d.id < c.id))`;

export class CaptureWriter {
  readonly #exists: BetterSqlite3.Statement;
  readonly #insert: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.#exists = sqlite.prepare('select 1 from captures where capture_key = ? and deleted_at is null').pluck();
    this.#insert = sqlite.prepare(
      `insert into captures (uid, capture_key, kind, source, occurred_at, direction, channel, subject, sender, addresses, names, status, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
  }

  /** Adds an item unless its key is there already; true when added. */
  add(item: CaptureItem, source: string, at: string): boolean {
    if (this.#exists.get(item.key) !== undefined) return false;
    this.#insert.run(newUid(), item.key, item.kind, source, item.occurredAt, item.direction, item.channel, item.subject, item.sender, JSON.stringify(item.addresses), JSON.stringify(item.names), at, at);
    return true;
  }
}

/** Every live person's addresses, lower case: who an address is. */
function addressBook(sqlite: BetterSqlite3.Database): Map<string, InboxPerson[]> {
  const rows = sqlite
    .prepare(`select lower(e.email) as email, c.id, c.name from contact_emails e join contacts c on c.id = e.contact_id where c.deleted_at is null order by c.id`)
    .all() as Array<{ email: string; id: number; name: string }>;
  const book = new Map<string, InboxPerson[]>();
  for (const r of rows) {
    const people = book.get(r.email) ?? [];
    if (!people.some((p) => p.id === r.id)) people.push({ id: r.id, name: r.name });
    book.set(r.email, people);
  }
  return book;
}

export interface InboxFilter {
  /** Only these captures. */
  ids?: readonly number[];
  /** Only what was read from this source (as given to capture), or this kind (mail, meeting). */
  from?: string;
  /** Nothing after this instant: a meeting later today is not a proposal yet. */
  until: string;
}

export interface Inbox {
  proposals: Proposal[];
  strangers: Stranger[];
}

/** The pending captures, as proposals (someone known is in them) and strangers (nobody is). */
export function readInbox(sqlite: BetterSqlite3.Database, filter: InboxFilter): Inbox {
  const book = addressBook(sqlite);
  const handLogged = sqlite
    .prepare(
      `select i.id from interaction_contacts ic join interactions i on i.id = ic.interaction_id
       where ic.contact_id = ? and i.channel = ? and i.direction = ? and i.deleted_at is null and ic.occurred_at between ? and ?
         and not exists (select 1 from captures k where k.interaction_id = i.id and k.deleted_at is null and k.status = 'accepted')
       order by abs(julianday(ic.occurred_at) - julianday(?)) limit 1`,
    )
    .pluck();
  const rows = sqlite
    .prepare(
      `select id, kind, source, occurred_at, direction, channel, subject, addresses, names from captures c
       where deleted_at is null and status = 'pending' and occurred_at <= ? and ${FIRST_OF_KEY} order by occurred_at desc, id desc`,
    )
    .all(filter.until) as Array<Pick<CaptureRow, 'id' | 'kind' | 'source' | 'occurred_at' | 'direction' | 'channel' | 'subject' | 'addresses' | 'names'>>;
  const wanted = filter.ids === undefined ? null : new Set(filter.ids);
  const proposals: Proposal[] = [];
  const strangers = new Map<string, Stranger>();
  for (const row of rows) {
    if (wanted !== null && !wanted.has(row.id)) continue;
    if (filter.from !== undefined && row.source !== filter.from && row.kind !== filter.from) continue;
    const addresses = JSON.parse(row.addresses) as string[];
    const contacts = new Map<number, InboxPerson>();
    const unknown: string[] = [];
    for (const address of addresses) {
      const people = book.get(address);
      if (people === undefined) unknown.push(address);
      else for (const p of people) contacts.set(p.id, p);
    }
    if (contacts.size === 0) {
      const names = JSON.parse(row.names) as Record<string, string>;
      for (const address of unknown) {
        const s = strangers.get(address) ?? { address, name: names[address] ?? null, messages: 0, meetings: 0, last: row.occurred_at };
        if (row.kind === 'mail') s.messages += 1;
        else s.meetings += 1;
        s.name ??= names[address] ?? null;
        strangers.set(address, s);
      }
      continue;
    }
    const instant = Date.parse(row.occurred_at);
    const window = [new Date(instant - 86_400_000).toISOString(), new Date(instant + 86_400_000).toISOString()];
    let logged: number | null = null;
    for (const person of contacts.values()) {
      logged = (handLogged.get(person.id, row.channel, row.direction, window[0], window[1], row.occurred_at) as number | undefined) ?? null;
      if (logged !== null) break;
    }
    proposals.push({
      id: row.id,
      kind: row.kind,
      occurred_at: row.occurred_at,
      date: localDay(new Date(instant)),
      direction: row.direction,
      channel: row.channel,
      subject: row.subject,
      source: row.source,
      contacts: [...contacts.values()],
      unknown,
      logged,
    });
  }
  return {
    proposals,
    strangers: [...strangers.values()].sort((a, b) => b.messages + b.meetings - (a.messages + a.meetings) || (a.last < b.last ? 1 : -1)),
  };
}

/** How many proposals and strangers the inbox holds, counted in SQL (a capture of 100,000 messages need not read them back). */
export function inboxCounts(sqlite: BetterSqlite3.Database, until: string): { proposals: number; strangers: number } {
  const known = `exists (select 1 from json_each(c.addresses) j join contact_emails e on lower(e.email) = j.value join contacts p on p.id = e.contact_id and p.deleted_at is null)`;
  const pending = `c.deleted_at is null and c.status = 'pending' and c.occurred_at <= ? and ${FIRST_OF_KEY}`;
  const proposals = sqlite.prepare(`select count(*) from captures c where ${pending} and ${known}`).pluck().get(until) as number;
  const strangers = sqlite.prepare(`select count(distinct j.value) from captures c, json_each(c.addresses) j where ${pending} and not ${known}`).pluck().get(until) as number;
  return { proposals, strangers };
}

/** A captured meeting of a day, with the people of the network in it. */
export interface DayMeeting {
  id: number;
  occurred_at: string;
  subject: string | null;
  contacts: InboxPerson[];
}

/** The captured meetings that start in [from, to), not rejected, in time order. */
export function meetingsBetween(sqlite: BetterSqlite3.Database, from: string, to: string): DayMeeting[] {
  const book = addressBook(sqlite);
  const rows = sqlite
    .prepare(
      `select id, occurred_at, subject, addresses from captures c
       where deleted_at is null and kind = 'meeting' and status <> 'rejected' and occurred_at >= ? and occurred_at < ?
         and not exists (select 1 from captures d where d.capture_key = c.capture_key and d.deleted_at is null and d.id < c.id)
       order by occurred_at, id`,
    )
    .all(from, to) as Array<{ id: number; occurred_at: string; subject: string | null; addresses: string }>;
  return rows.flatMap((row) => {
    const contacts = new Map<number, InboxPerson>();
    for (const address of JSON.parse(row.addresses) as string[]) for (const p of book.get(address) ?? []) contacts.set(p.id, p);
    return contacts.size === 0 ? [] : [{ id: row.id, occurred_at: row.occurred_at, subject: row.subject, contacts: [...contacts.values()] }];
  });
}

export function setCaptureStatus(sqlite: BetterSqlite3.Database, id: number, status: 'accepted' | 'rejected', interactionId: number | null, at: string): void {
  sqlite.prepare('update captures set status = ?, interaction_id = ?, updated_at = ? where id = ?').run(status, interactionId, at, id);
}
