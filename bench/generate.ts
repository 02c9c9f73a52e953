// Synthetic networks for benchmarks, seeded so every run builds the same one:
// a few close people with many interactions and a long tail of acquaintances,
// written straight into a database through the project's own schema (the
// migrations create it; the rows go in through prepared statements in one
// transaction, so the large network builds in seconds).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { addDays } from '../src/core/dates.js';
import { nameKey } from '../src/core/names.js';
import { openDatabase } from '../src/db/open.js';
import { withSummariesDeferred } from '../src/db/summaries.js';
import { closeCommand, openCommand } from '../src/db/write-path.js';
export { seededRandom } from '../src/core/random.js';
import { seededRandom } from '../src/core/random.js';

export interface NetworkSize {
  name: string;
  contacts: number;
  interactions: number;
}

export const SIZES: Readonly<Record<string, NetworkSize>> = {
  small: { name: 'small', contacts: 200, interactions: 2_000 },
  medium: { name: 'medium', contacts: 2_000, interactions: 50_000 },
  large: { name: 'large', contacts: 20_000, interactions: 500_000 },
};

export interface GenerateOptions {
  contacts: number;
  interactions: number;
  seed?: number;
  /** The last day of the history (the day NET_NOW should be when measuring). */
  today?: string;
  /** Years of history before today. */
  years?: number;
}

export interface GeneratedNetwork {
  path: string;
  contacts: number;
  interactions: number;
  participants: number;
  followups: number;
  outreach: number;
  today: string;
  ms: number;
}

/** Bump when the shape of generated networks changes, so old files are rebuilt. */
export const GENERATOR_VERSION = 5;
export const BENCH_TODAY = '2026-03-14';


const FIRST = ['Anna', 'Marco', 'Giulia', 'Luca', 'Sara', 'Niccolò', 'Françoise', 'Matteo', 'Chiara', 'Paolo', 'Elena', 'Davide', 'Martina', 'Alessandro', 'Zoë', 'Jürgen', 'Aisha', 'Wei', 'Olga', 'Tomás', 'Ingrid', 'Kofi', 'Priya', 'Hiro'];
const LAST = ['Rossi', 'Bianchi', 'Meyer', 'Verdi', 'Conti', 'Esposito', 'Dubois', 'Müller', 'García', 'Nowak', 'Kowalski', 'Smith', 'Johansson', 'Okafor', 'Sato', 'Chen', 'Ricci', 'Lombardi', 'Moretti', 'Fontana'];
const COMPANIES = ['Satispay', 'Nexi', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', null, null];
const INTERESTS = ['AI', 'fintech', 'open banking', 'climbing', 'jazz', 'startups', 'design', 'Rust', 'product', 'hiring', 'cycling', 'open source'];
const NOTES = ['talked about the AI meetup', 'catch-up on the new role', 'asked for an intro', 'shared the deck', 'coffee near the office', 'planning the conference talk', 'feedback on the roadmap'];
const CHANNELS: Array<[string, number]> = [['email', 30], ['message', 20], ['linkedin', 10], ['call', 12], ['video', 8], ['coffee', 8], ['meeting', 8], ['meal', 2], ['event', 1], ['social', 1]];
const WRITTEN = new Set(['email', 'linkedin', 'message', 'social']);

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function weighted(random: () => number, table: ReadonlyArray<[string, number]>): string {
  const sum = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * sum;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table[table.length - 1][0];
}

function uid(random: () => number): string {
  const hex = (n: number) => Math.floor(random() * 16 ** n).toString(16).padStart(n, '0');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
}

/** Circle sizes near Dunbar's layers; everyone else is an acquaintance. */
function circleOf(index: number, total: number): string {
  const scale = Math.min(1, total / 220);
  const bounds: Array<[string, number]> = [['inner', 5], ['close', 20], ['active', 20 + 50 * scale], ['network', 20 + 200 * scale]];
  for (const [circle, bound] of bounds) if (index < Math.round(bound)) return circle;
  return 'acquaintance';
}

/**
 * Builds a network in a new database at `path` (an existing file is replaced).
 * Interactions follow a Zipf-like skew over people: the closest have hundreds,
 * the tail one or none; about 1 in 8 is a group interaction.
 */
export async function generateNetwork(path: string, options: GenerateOptions): Promise<GeneratedNetwork> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 42);
  const today = options.today ?? BENCH_TODAY;
  const historyDays = Math.round((options.years ?? 3) * 365);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  mkdirSync(dirname(path), { recursive: true });
  const opened = await openDatabase(path);
  const { sqlite } = opened;
  // A throwaway file: speed over durability while it is built, and a page
  // cache large enough that index inserts in random order stay in memory.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -524288');
  sqlite.pragma('temp_store = MEMORY');

  const insertContact = sqlite.prepare(
    `insert into contacts (uid, name, name_key, company, circle, cadence_days, met_on, channel, birthday, archived_at, snoozed_until, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInterest = sqlite.prepare('insert or ignore into contact_interests (contact_id, interest) values (?, ?)');
  const insertInteraction = sqlite.prepare(
    'insert into interactions (uid, occurred_at, occurred_on, channel, direction, note, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertParticipant = sqlite.prepare('insert or ignore into interaction_contacts (interaction_id, contact_id, occurred_at) values (?, ?, ?)');
  const insertFollowup = sqlite.prepare(
    'insert into followups (uid, contact_id, interaction_id, text, due_on, done_on, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOutreach = sqlite.prepare(
    'insert into outreach (uid, contact_id, why, channel, stage, next_on, nudges, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  let participants = 0;
  let followups = 0;
  let outreach = 0;
  // As an import does: the per-person summaries are written once at the end, not row by row.
  sqlite.exec('begin immediate');
  try {
    // One command, as an import is: its operations are recorded like any other write.
    const command = openCommand(sqlite, { name: 'import csv', now: new Date(`${today}T08:00:00.000Z`) });
    await withSummariesDeferred(sqlite, async () => {
      const stamp = `${today}T08:00:00.000Z`;
      for (let i = 0; i < options.contacts; i++) {
        const name = `${pick(random, FIRST)} ${pick(random, LAST)} ${i + 1}`;
        const circle = circleOf(i, options.contacts);
        const addedOn = addDays(today, -Math.floor(random() ** 2 * historyDays));
        const metOn = random() < 0.3 ? addDays(addedOn, -Math.floor(random() * 60)) : null;
        const birthday = random() < 0.2 ? `--${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` : null;
        const archived = random() < 0.02 ? stamp : null;
        const snoozed = random() < 0.01 ? addDays(today, 1 + Math.floor(random() * 30)) : null;
        const own = random() < 0.05 ? 7 * (1 + Math.floor(random() * 12)) : null;
        const channel = random() < 0.4 ? weighted(random, CHANNELS) : null;
        insertContact.run(uid(random), name, nameKey(name), pick(random, COMPANIES), circle, own, metOn, channel, birthday, archived, snoozed, `${addedOn}T09:00:00.000Z`, stamp);
        if (random() < 0.3) for (let k = 0; k < 1 + Math.floor(random() * 3); k++) insertInterest.run(i + 1, pick(random, INTERESTS));
      }

      // Zipf-like weights by closeness (contact ids are in circle order), as a cumulative table.
      const cumulative = new Float64Array(options.contacts);
      let sum = 0;
      for (let i = 0; i < options.contacts; i++) cumulative[i] = sum += 1 / (i + 3) ** 1.1;
      const person = (): number => {
        const r = random() * sum;
        let lo = 0;
        let hi = options.contacts - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] < r) lo = mid + 1;
          else hi = mid;
        }
        return lo + 1;
      };

      // Days back, oldest first, as a journal fills up; more of it is recent (people log more once they use the tool).
      const back = new Uint16Array(options.interactions);
      for (let n = 0; n < options.interactions; n++) back[n] = Math.floor(random() ** 1.5 * historyDays);
      back.sort().reverse();
      const days = new Map<number, string>();
      for (let n = 0; n < options.interactions; n++) {
        let day = days.get(back[n]);
        if (day === undefined) days.set(back[n], (day = addDays(today, -back[n])));
        const at = `${day}T${String(7 + Math.floor(random() * 13)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
        const channel = weighted(random, CHANNELS);
        const direction = WRITTEN.has(channel) ? (random() < 0.45 ? 'in' : 'out') : 'mutual';
        const note = random() < 0.3 ? pick(random, NOTES) : null;
        const people = new Set<number>();
        const size = random() < 0.12 ? 2 + Math.floor(random() * 3) : 1;
        while (people.size < size) people.add(person());
        const insert = (when: string, on: string, dir: string, text: string | null): number => {
          const id = Number(insertInteraction.run(uid(random), when, on, channel, dir, text, when, when).lastInsertRowid);
          for (const contactId of people) participants += insertParticipant.run(id, contactId, when).changes;
          return id;
        };
        const id = insert(at, day, direction, note);
        // Most messages get an answer within a day or two: few replies stay owed, as in a real journal.
        if (direction === 'in' && random() < 0.85 && n + 1 < options.interactions) {
          const answeredOn = addDays(day, Math.floor(random() * 3));
          if (answeredOn <= today) {
            n++;
            // Generated times are 07:00-19:59, so 20:30 on the same day comes after the message.
            const time = answeredOn === day ? '20:30' : '09:15';
            insert(`${answeredOn}T${time}:00.000Z`, answeredOn, 'out', null);
          }
        }
        if (random() < 0.01) {
          const due = addDays(day, 7);
          // Old promises are mostly kept; recent ones are still open more often.
          const kept = due < addDays(today, -14) ? random() < 0.97 : due < today && random() < 0.6;
          insertFollowup.run(uid(random), [...people][0], id, pick(random, ['send the deck', 'introduce to Sara', 'share the article']), due, kept ? due : null, at, at);
          followups++;
        }
      }

      // A small outreach pipeline among the acquaintances.
      const stages = ['target', 'contacted', 'contacted', 'replied', 'met'];
      for (let k = 0; k < Math.min(60, Math.floor(options.contacts / 20)); k++) {
        const contactId = options.contacts - k;
        const stage = pick(random, stages);
        insertOutreach.run(uid(random), contactId, 'works on open banking', 'email', stage, addDays(today, Math.floor(random() * 20) - 10), stage === 'contacted' ? Math.floor(random() * 3) : 0, stamp, stamp);
        outreach++;
      }
    });
    closeCommand(sqlite, command, 'imported the benchmark network');
    sqlite.exec('commit');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    throw error;
  }
  sqlite.exec('analyze');
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  await opened.close();
  return {
    path,
    contacts: options.contacts,
    interactions: options.interactions,
    participants,
    followups,
    outreach,
    today,
    ms: Math.round(performance.now() - started),
  };
}

/** The database of a named size under `dir`, built when missing (or when `fresh`). */
export async function benchDatabase(dir: string, size: NetworkSize, fresh = false): Promise<{ path: string; built?: GeneratedNetwork }> {
  const path = `${dir}/net-${size.name}-v${GENERATOR_VERSION}.db`;
  if (!fresh && existsSync(path)) return { path };
  const built = await generateNetwork(path, { contacts: size.contacts, interactions: size.interactions });
  return { path, built };
}
