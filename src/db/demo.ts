// The demo database: written whole into a new file, then moved into place,
// and marked so that `net demo` can tell it from a person's real network and
// never overwrite the latter.
import { newUid } from '../core/ids.js';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { DemoNetwork } from '../core/demo-network.js';
import { nameKey } from '../core/names.js';
import { APPLICATION_ID } from './migrate.js';
import { closeCommand, openCommand } from './write-path.js';
import { openDatabase } from './open.js';

/** The settings key that marks a database as made by `net demo` (value: the day it was made). */
export const DEMO_MARKER_KEY = 'demo.created_on';

export type DemoTarget =
  | { kind: 'missing' }
  /** An empty file, e.g. made by `touch`: nothing to lose. */
  | { kind: 'empty' }
  | { kind: 'demo'; createdOn: string }
  /** A real net database, or a file that is not net's: never overwritten. */
  | { kind: 'foreign'; why: string };

/** What is at `path` now, read without changing it (no migration, no WAL switch). */
export function inspectDemoTarget(path: string): DemoTarget {
  if (!existsSync(path)) return { kind: 'missing' };
  const stat = statSync(path);
  if (!stat.isFile()) return { kind: 'foreign', why: 'it is not a file' };
  if (stat.size === 0) return { kind: 'empty' };
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    if (sqlite.pragma('application_id', { simple: true }) !== APPLICATION_ID) return { kind: 'foreign', why: 'it is not a net database' };
    const marker = sqlite.prepare('select value from settings where key = ?').get(DEMO_MARKER_KEY) as { value: string } | undefined;
    return marker ? { kind: 'demo', createdOn: marker.value } : { kind: 'foreign', why: 'it holds a real network, not a demo' };
  } catch {
    return { kind: 'foreign', why: 'it is not a net database' };
  } finally {
    sqlite?.close();
  }
}

export interface DemoCounts {
  contacts: number;
  interactions: number;
  favours: number;
  followups: number;
  open_followups: number;
  outreach: number;
}

function removeSideFiles(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function removeDatabaseFiles(path: string): void {
  rmSync(path, { force: true });
  removeSideFiles(path);
}

/** A local day and time as an ISO instant, never later than `now`. */
function instant(day: string, time: string, now: Date): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const at = new Date(y, m - 1, d, hh, mm);
  return (at > now ? now : at).toISOString();
}

function insertNetwork(sqlite: BetterSqlite3.Database, network: DemoNetwork, now: Date): DemoCounts {
  const contact = sqlite.prepare(
    `insert into contacts (uid, name, name_key, company, role, linkedin, location, how_met, met_on, circle, cadence_days,
       rhythm_from, channel, notes, birthday, archived_at, snoozed_until, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const email = sqlite.prepare('insert into contact_emails (contact_id, email, position) values (?, ?, ?)');
  const phone = sqlite.prepare('insert into contact_phones (contact_id, phone, label, position) values (?, ?, null, 0)');
  const tag = sqlite.prepare('insert into contact_tags (contact_id, tag) values (?, ?)');
  const interest = sqlite.prepare('insert into contact_interests (contact_id, interest) values (?, ?)');
  const interaction = sqlite.prepare(
    `insert into interactions (uid, occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, null, ?, ?)`,
  );
  const participant = sqlite.prepare('insert into interaction_contacts (interaction_id, contact_id, occurred_at) values (?, ?, ?)');
  const favour = sqlite.prepare(
    `insert into favours (uid, contact_id, interaction_id, direction, text, occurred_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const followup = sqlite.prepare(
    `insert into followups (uid, contact_id, interaction_id, text, due_on, done_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const outreach = sqlite.prepare(
    `insert into outreach (uid, contact_id, why, via_contact_id, channel, stage, next_on, nudges, last_nudge_on, ended_on, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = sqlite.prepare(
    `insert into outreach_events (uid, outreach_id, kind, from_stage, to_stage, occurred_on, note, interaction_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setting = sqlite.prepare('insert into settings (key, value) values (?, ?)');

  const ids = new Map<string, number>();
  const id = (name: string): number => {
    const found = ids.get(name);
    if (found === undefined) throw new Error(`demo: unknown person ${name}`);
    return found;
  };
  let favours = 0;
  for (const c of network.contacts) {
    const created = instant(c.created_on, '09:00', now);
    const archived = c.archived_on === null ? null : instant(c.archived_on, '18:00', now);
    const row = contact.run(
      newUid(), c.name, nameKey(c.name), c.company, c.role, c.linkedin, c.location, c.how_met, c.met_on, c.circle,
      c.cadence_days, c.channel, c.notes, c.birthday, archived, c.snoozed_until, created, archived ?? created,
    );
    const contactId = Number(row.lastInsertRowid);
    ids.set(c.name, contactId);
    c.emails.forEach((address, position) => email.run(contactId, address, position));
    if (c.phone) phone.run(contactId, c.phone);
    for (const t of c.tags) tag.run(contactId, t);
    for (const i of c.interests) interest.run(contactId, i);
  }
  const interactionIds: number[] = [];
  for (const i of network.interactions) {
    const at = instant(i.on, i.time, now);
    const interactionId = Number(interaction.run(newUid(), at, i.on, i.channel, i.direction, i.note, at, at).lastInsertRowid);
    interactionIds.push(interactionId);
    for (const name of i.people) participant.run(interactionId, id(name), at);
    for (const f of i.favours) {
      favour.run(newUid(), id(f.person), interactionId, f.direction, f.text, i.on, at, at);
      favours += 1;
    }
  }
  const linked = (index: number | null) => (index === null ? null : interactionIds[index]);
  for (const f of network.followups) {
    const created = instant(f.created_on, '18:00', now);
    const updated = f.done_on === null ? created : instant(f.done_on, '18:00', now);
    followup.run(newUid(), id(f.person), linked(f.interaction), f.text, f.due_on, f.done_on, created, updated);
  }
  for (const o of network.outreach) {
    const created = instant(o.created_on, '09:00', now);
    const outreachId = Number(
      outreach.run(
        newUid(), id(o.person), o.why, o.via === null ? null : id(o.via), o.channel, o.stage, o.next_on, o.nudges, o.last_nudge_on,
        o.ended_on, created, instant(o.updated_on, '18:00', now),
      ).lastInsertRowid,
    );
    for (const e of o.events) {
      event.run(newUid(), outreachId, e.kind, e.from_stage, e.to_stage, e.on, e.note, linked(e.interaction), instant(e.on, '18:00', now));
    }
  }
  setting.run(DEMO_MARKER_KEY, network.today);
  return {
    contacts: network.contacts.length,
    interactions: network.interactions.length,
    favours,
    followups: network.followups.length,
    open_followups: network.followups.filter((f) => f.done_on === null).length,
    outreach: network.outreach.length,
  };
}

/**
 * Writes the network into a new database at `path`: built in a file beside it
 * and renamed over it at the end, so a failure leaves whatever was there. The
 * caller has checked with `inspectDemoTarget` that `path` may be replaced.
 */
export async function writeDemoDatabase(path: string, network: DemoNetwork, now: Date): Promise<DemoCounts> {
  const building = `${path}.${process.pid}.new`;
  removeDatabaseFiles(building);
  try {
    const opened = await openDatabase(building);
    let counts: DemoCounts;
    try {
      // One command, like any other write: the demo's history starts with it.
      counts = opened.sqlite
        .transaction(() => {
          const command = openCommand(opened.sqlite, { name: 'demo', now });
          const written = insertNetwork(opened.sqlite, network, now);
          closeCommand(opened.sqlite, command, `wrote the demo network: ${written.contacts} people, ${written.interactions} interactions`);
          return written;
        })
        .immediate();
    } finally {
      await opened.close();
    }
    // The old demo's side files belong to the old file: they must not meet the new one.
    removeSideFiles(path);
    renameSync(building, path);
    return counts;
  } catch (error) {
    removeDatabaseFiles(building);
    throw error;
  }
}
