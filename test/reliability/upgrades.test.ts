// Upgrades: databases made by the migrations themselves at every earlier
// schema version, filled with data written in that version's SQL, upgrade
// through the built binary with every record intact; up → down → up works;
// a database from a newer net is refused and left byte-identical, -wal included.
import { chmodSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { NetSqliteDialect } from '../../src/db/dialect.js';
import { APPLICATION_ID, SCHEMA_VERSION, migrateTo } from '../../src/db/migrate.js';
import type { Database as Schema } from '../../src/db/schema.js';
import { ok, sandbox, type Sandbox } from '../helpers.js';
import { integrity, queryFile, sha1, STACK_FRAME } from './support.js';

/**
 * Data for the tables each migration creates, in the SQL of that version: a
 * fixture at version N runs the data of migrations 1..N. Hostile text on
 * purpose (quotes, accents, emoji, formulas, a NUL-free control of newlines).
 */
const DATA: Record<string, string> = {
  '001-initial': `
    insert into contacts (id, uid, name, name_key, company, role, phone, linkedin, location, how_met, met_on, circle,
      cadence_days, rhythm_from, channel, notes, birthday, archived_at, snoozed_until, created_at, updated_at) values
      (1, 'c-1', 'Giulia Rossi', 'giulia rossi', 'Satispay', 'CTO', '+39 333 123 4567', 'https://www.linkedin.com/in/giulia',
       'Milano', 'PyCon Italia', '2025-05-30', 'close', 30, null, 'coffee', 'likes espresso;
two lines, "quotes" and 🎉', '--04-12', null, null, '2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z'),
      (2, 'c-2', 'Niccolò Bianchi', 'niccolo bianchi', '=HYPERLINK("x")', null, null, null, null, null, null, 'network',
       null, '2026-01-10', null, null, '1985-04-12', null, '2026-04-01', '2025-07-01T10:00:00.000Z', '2025-07-02T10:00:00.000Z'),
      (3, 'c-3', 'Françoise O''Neil', 'francoise o''neil', null, null, null, null, null, null, null, 'acquaintance',
       0, null, null, null, null, '2026-02-01T09:00:00.000Z', null, '2025-08-01T10:00:00.000Z', '2026-02-01T09:00:00.000Z');
    insert into contact_emails (contact_id, email, position) values (1, 'giulia@example.com', 0), (1, 'g.rossi@satispay.example', 1);
    insert into contact_tags (contact_id, tag) values (1, 'fintech'), (1, 'mentor'), (2, 'milan');
    insert into contact_interests (contact_id, interest) values (1, 'AI'), (2, 'jazz');
    insert into interactions (id, uid, occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at) values
      (1, 'i-1', '2026-03-01T09:30:00.000Z', '2026-03-01', 'coffee', 'mutual', 'talked about the AI meetup', null, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'),
      (2, 'i-2', '2026-03-05T17:00:00.000Z', '2026-03-05', 'email', 'in', 'asked for an intro; ''; drop table contacts; --', 'linkedin:abc', '2026-03-05T17:00:00.000Z', '2026-03-05T17:00:00.000Z');
    insert into interaction_contacts (interaction_id, contact_id, occurred_at) values
      (1, 1, '2026-03-01T09:30:00.000Z'), (1, 2, '2026-03-01T09:30:00.000Z'), (2, 2, '2026-03-05T17:00:00.000Z');
    insert into favours (id, uid, contact_id, interaction_id, direction, text, occurred_on, created_at, updated_at) values
      (1, 'f-1', 1, 1, 'given', 'intro to Sara', '2026-03-01', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'),
      (2, 'f-2', 2, null, 'received', 'a referral', '2026-02-20', '2026-02-20T10:00:00.000Z', '2026-02-20T10:00:00.000Z');
    insert into followups (id, uid, contact_id, interaction_id, text, due_on, done_on, created_at, updated_at) values
      (1, 'p-1', 1, 1, 'send the deck', '2026-03-08', null, '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'),
      (2, 'p-2', 2, 2, 'reply about the intro', '2026-03-12', '2026-03-10', '2026-03-05T17:00:00.000Z', '2026-03-10T08:00:00.000Z');
    insert into settings (key, value) values ('cadence.close', '21'), ('reply_window', '5');`,
  '002-outreach': `
    insert into contacts (id, uid, name, name_key, circle, created_at, updated_at) values
      (4, 'c-4', 'Marco Verdi', 'marco verdi', 'network', '2026-03-02T10:00:00.000Z', '2026-03-02T10:00:00.000Z');
    insert into outreach (id, uid, contact_id, why, via_contact_id, channel, stage, next_on, nudges, last_nudge_on, ended_on, created_at, updated_at) values
      (1, 'o-1', 4, 'runs the Milan fintech group', 1, 'linkedin', 'contacted', '2026-03-16', 1, '2026-03-09', null, '2026-03-02T10:00:00.000Z', '2026-03-09T10:00:00.000Z');
    insert into outreach_events (id, uid, outreach_id, kind, from_stage, to_stage, occurred_on, note, interaction_id, created_at) values
      (1, 'e-1', 1, 'add', null, 'target', '2026-03-02', null, null, '2026-03-02T10:00:00.000Z'),
      (2, 'e-2', 1, 'step', 'target', 'contacted', '2026-03-03', 'wrote on LinkedIn', null, '2026-03-03T10:00:00.000Z');`,
  // A derived table: written by its triggers as interactions come and go.
  '003-contact-activity': `
    insert into interactions (id, uid, occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at) values
      (3, 'i-3', '2026-03-10T08:00:00.000Z', '2026-03-10', 'message', 'in', 'the deck?', null, '2026-03-10T08:00:00.000Z', '2026-03-10T08:00:00.000Z');
    insert into interaction_contacts (interaction_id, contact_id, occurred_at) values (3, 4, '2026-03-10T08:00:00.000Z');`,
  // Derived columns again (the rhythm), written by the triggers.
  '004-contact-rhythm': `
    insert into interactions (id, uid, occurred_at, occurred_on, channel, direction, note, source_key, created_at, updated_at) values
      (4, 'i-4', '2026-03-12T08:00:00.000Z', '2026-03-12', 'call', 'out', null, null, '2026-03-12T08:00:00.000Z', '2026-03-12T08:00:00.000Z');
    insert into interaction_contacts (interaction_id, contact_id, occurred_at) values (4, 4, '2026-03-12T08:00:00.000Z');`,
  // A command, as net's write path opens one: its changes are recorded as operations by the triggers.
  '005-operations': `
    insert into commands (id, uid, hlc, device, at, name, summary, undoes, first_op, last_op) values
      (1, '019cec37-b600-7000-8000-000000000001', '001773489600000.000000', 'fixture', '2026-03-14T11:00:00.000Z', 'add', 'added Anna Meyer (#5)', null, 1, 0);
    insert into current_command (id, ms, recording) values (1, 1773489600000, 1);
    insert into contacts (id, uid, name, name_key, circle, created_at, updated_at) values
      (5, 'c-5', 'Anna Meyer', 'anna meyer', 'close', '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z');
    insert into contact_tags (contact_id, tag) values (5, 'leadership');
    delete from current_command where id = 1;
    update commands set last_op = (select max(id) from ops) where id = 1;`,
  '006-distinct-pairs': `
    insert into distinct_pairs (id, uid, contact_a, contact_b, created_at, updated_at) values
      (1, 'd-1', 1, 5, '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z');`,
  '010-search': `
    update interactions set note = 'asked about the città alta meetup' where id = 4;`,
  '009-address-book': `
    insert into contact_phones (contact_id, phone, label, position) values (1, '+39 02 555 0199', 'work', 1);
    insert into contact_nicknames (contact_id, nickname) values (2, 'Nico');
    update contacts set name_prefix = 'Dott.ssa' where id = 1;
    update contact_emails set label = 'work' where contact_id = 1 and position = 0;`,
  // Name keys that fold ø, æ, œ, ß, đ, þ (written again by the migration for older rows).
  // And an item of the morning list dismissed for now.
  '011-trust': `
    insert into contacts (id, uid, name, name_key, circle, created_at, updated_at) values
      (6, 'c-6', 'Søren Straße', 'soren strasse', 'network', '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z');
    insert into dismissals (id, uid, contact_id, kind, dismissed_on, created_at, updated_at) values
      (1, 'd-1', 2, 'reply', '2026-03-06', '2026-03-06T08:00:00.000Z', '2026-03-06T08:00:00.000Z');`,
  // Views only: no data of their own.
  '012-read-views': '',
  // A captured message waiting in the inbox.
  '014-capture': `
    insert into captures (id, uid, capture_key, kind, source, occurred_at, direction, channel, subject, sender, addresses, names, status, created_at, updated_at) values
      (1, 'k-1', 'mail:deck-1@satispay.com', 'mail', '/home/me/Mail', '2026-03-10T08:15:00.000Z', 'in', 'email', 'Il deck', 'giulia@satispay.com', '["giulia@satispay.com"]', '{}', 'pending', '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z');`,
  // A promise the other person made; the older promises stay the user's own (theirs = 0).
  '015-theirs': `
    insert into followups (id, uid, contact_id, interaction_id, text, due_on, done_on, created_at, updated_at, theirs) values
      (3, 'p-3', 5, null, 'she''ll send the term sheet', '2026-03-20', null, '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z', 1);`,
  // A view made again with a column more: no data of its own.
  '016-read-views-theirs': '',
  // Sync's own bookkeeping: a batch of another device, a note kept from a conflict, a record in the trash.
  '017-sync': `
    insert into sync_batches (device, idx, seen, at, host, applied_cmd, published) values
      ('0190f1c2-0000-7000-8000-00000000beef', 1, '{"fixture":0}', '2026-03-14T11:00:00.000Z', null, 1, 1);
    insert into sync_conflicts (id, entity, record, field, value, op_uid, device, at) values
      (1, 'contact', 'c-1', 'notes', 'likes espresso; the longer note from the laptop', 'op-1', '0190f1c2-0000-7000-8000-00000000beef', '2026-03-14T11:00:00.000Z');
    insert into sync_trash (id, entity, record, deleted_by, edited_by, at) values
      (1, 'contact', 'c-3', 'cmd-1', 'cmd-2', '2026-03-14T11:00:00.000Z');`,
  // Another captured message (down() makes the key unique again: the fixture keeps to that).
  '018-capture-key': `
    insert into captures (id, uid, capture_key, kind, source, occurred_at, direction, channel, subject, sender, addresses, names, status, created_at, updated_at) values
      (2, 'k-2', 'mail:deck-2@satispay.com', 'mail', '/home/me/Mail', '2026-03-10T08:15:00.000Z', 'in', 'email', 'Il deck', 'giulia@satispay.com', '["giulia@satispay.com"]', '{}', 'pending', '2026-03-14T12:00:00.000Z', '2026-03-14T12:00:00.000Z');`,
  // A teammate's person and touch pulled from the hub, and a member.
  '019-team': `
    insert into team_people (uid, member, seq, name, name_key, company, company_key, emails) values
      ('t-1', 'marta', 1, 'Federico Sala', 'federico sala', 'Satispay', 'satispay', '["federico@satispay.com"]');
    insert into team_topics (topic, person) values ('fintech', 't-1');
    insert into team_keys (key, person) values ('e:federico@satispay.com', 't-1');
    insert into team_holders (person, member) values ('t-1', 'marta');
    insert into team_touches (uid, member, seq, occurred_at, occurred_on, channel, direction) values
      ('tt-1', 'marta', 2, '2026-03-12T10:00:00.000Z', '2026-03-12', 'meeting', 'both');
    insert into team_touch_people (touch, person) values ('tt-1', 't-1');
    insert into team_members (member, access, added_at) values ('marta', 'editor', '2026-03-01T09:00:00.000Z');`,
};

/** Schema 5 on refuses writes outside a command: fixture data is written with recording off, as derived data is. */
function allowFixtureWrites(sqlite: Database.Database): void {
  const hasCommands = sqlite.prepare("select 1 from sqlite_schema where name = 'current_command'").get() !== undefined;
  if (hasCommands) sqlite.prepare('insert or ignore into current_command (id, ms, recording) values (0, 0, 0)').run();
}

function endFixtureWrites(sqlite: Database.Database): void {
  const hasCommands = sqlite.prepare("select 1 from sqlite_schema where name = 'current_command'").get() !== undefined;
  if (hasCommands) sqlite.prepare('delete from current_command').run();
}

/** Tables a migration fills from the others: they come back with the same rows when it runs again. */
const DERIVED = new Set(['contact_activity', 'contact_recent', 'search_index', 'search_index_data', 'search_index_idx', 'search_index_content', 'search_index_docsize', 'search_index_config']);
/** Tables a migration fills anew each time it runs (005: this device's random id). */
const REGENERATED = new Set(['meta']);
/** New tables a migration fills from older ones (009: each person's phone): those rows come back, rows added later do not. */
const BACKFILLED = new Set(['contact_phones']);
/** Derived tables a later migration folded into another (004: contact_recent into contact_activity's rhythm). */
const FOLDED = new Set(['contact_recent']);

function connect(path: string): { sqlite: Database.Database; db: Kysely<Schema> } {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  return { sqlite, db: new Kysely<Schema>({ dialect: new NetSqliteDialect({ database: sqlite }) }) };
}

/** A database at `version` (1..), made by the migrations, with the data of each migration applied. */
async function fixtureAt(path: string, version: number): Promise<void> {
  const { sqlite, db } = connect(path);
  try {
    await migrateTo(db, sqlite, migrations[version - 1][0]);
    allowFixtureWrites(sqlite);
    for (const [name] of migrations.slice(0, version)) {
      if (DATA[name] === undefined) throw new Error(`no fixture data for migration ${name}: add it to DATA`);
      sqlite.exec(DATA[name]);
    }
    endFixtureWrites(sqlite);
  } finally {
    await db.destroy();
  }
  // As net itself creates it (the test process's umask is not net's).
  chmodSync(path, 0o600);
}

/** Every row of every table (but the migrator's own), as stored. */
function snapshot(path: string): Record<string, unknown[]> {
  const tables = queryFile<{ name: string }>(
    path,
    // The full-text index (a virtual table and its own tables) is derived, rebuilt by the migration: left out.
    "select name from sqlite_schema where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%' and name not like 'search_index%' order by name",
  );
  return Object.fromEntries(tables.map(({ name }) => [name, queryFile(path, `select * from "${name}" order by rowid`)]));
}

/** The rows of `before`, read back from `after` with only the columns they had. */
function sameRecords(before: Record<string, unknown[]>, after: Record<string, unknown[]>): void {
  for (const [table, rows] of Object.entries(before)) {
    if (FOLDED.has(table) && after[table] === undefined) continue;
    expect(after[table], table).toBeDefined();
    const narrowed = after[table].map((row) =>
      Object.fromEntries(Object.keys((rows[0] ?? {}) as object).map((k) => [k, (row as Record<string, unknown>)[k]])),
    );
    expect(narrowed, table).toEqual(rows);
  }
}

let s: Sandbox;
beforeEach(() => {
  s = sandbox();
  mkdirSync(join(s.dir, 'data'), { mode: 0o700 });
});
afterEach(() => s.cleanup());

describe('every earlier schema version upgrades with its records intact', () => {
  const earlier = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);
  it('has earlier versions to test (the registry has more than one migration)', () => {
    expect(earlier.length).toBeGreaterThan(0);
  });

  it.each(earlier)('version %i', async (version) => {
    await fixtureAt(s.db, version);
    expect(queryFile(s.db, 'pragma user_version')).toEqual([{ user_version: version }]);
    const before = snapshot(s.db);
    expect(Object.keys(before).length).toBeGreaterThan(0);

    // net doctor reads it as it is, without upgrading it.
    const checks = s.json<Array<{ check: string; status: string; detail: string }>>(['doctor']);
    expect(checks.find((c) => c.check === 'schema')?.detail).toBe(`version ${version}; the next net command upgrades it to ${SCHEMA_VERSION}`);
    expect(checks.find((c) => c.check === 'summaries')?.detail).toBe(
      version === 3
        ? 'in the form of an older version: checked once the next net command has upgraded the file'
        : version >= 4
          ? "each person's latest interactions agree with the record"
          : undefined,
    );
    expect(queryFile(s.db, 'pragma user_version')).toEqual([{ user_version: version }]);
    // Any command upgrades it; a read-only one is enough.
    const people = s.json<{ name: string; emails: string[]; tags: string[] }[]>(['list']);
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Giulia Rossi', 'Niccolò Bianchi']));
    expect(people.find((p) => p.name === 'Giulia Rossi')).toMatchObject({
      emails: ['giulia@example.com', 'g.rossi@satispay.example'],
      tags: ['fintech', 'mentor'],
    });

    expect(queryFile(s.db, 'pragma user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
    expect(queryFile(s.db, 'pragma application_id')).toEqual([{ application_id: APPLICATION_ID }]);
    expect(queryFile<{ name: string }>(s.db, 'select name from kysely_migration order by name').map((r) => r.name)).toEqual(
      migrations.map(([name]) => name),
    );
    sameRecords(before, snapshot(s.db));
    // The summary of each person's interactions is built from the records.
    const summary = 'select contact_id, interactions, last_on, last_direction, last_channel, touches, usual_gap, last_touch_on, window_from from contact_activity';
    expect(queryFile(s.db, `${summary} where contact_id in (1, 2) order by contact_id`)).toEqual([
      { contact_id: 1, interactions: 1, last_on: '2026-03-01', last_direction: 'mutual', last_channel: 'coffee', touches: 1, usual_gap: null, last_touch_on: '2026-03-01', window_from: null },
      { contact_id: 2, interactions: 2, last_on: '2026-03-05', last_direction: 'in', last_channel: 'email', touches: 2, usual_gap: 4, last_touch_on: '2026-03-05', window_from: null },
    ]);
    expect(queryFile(s.db, "select name from sqlite_schema where name = 'contact_recent'")).toEqual([]);
    expect(integrity(s.db)).toBe('ok');
    expect(queryFile(s.db, 'pragma foreign_key_check')).toEqual([]);
    // And the upgraded database works for writing.
    ok(s.net(['log', 'giulia', '-m', 'after the upgrade']));
    ok(s.net(['doctor']));
  });
});

/**
 * A database as a net made it before two lines of work met: every migration
 * but `left`, in order, with their data. Its user_version counts what it ran.
 */
async function fixtureWithout(path: string, left: readonly string[]): Promise<void> {
  const made = migrations.filter(([name]) => !left.includes(name));
  const { sqlite, db } = connect(path);
  try {
    const { error } = await new Migrator({ db, provider: { getMigrations: async () => Object.fromEntries(made) } }).migrateToLatest();
    if (error) throw error;
    sqlite.pragma(`user_version = ${made.length}`);
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    allowFixtureWrites(sqlite);
    for (const [name] of made) sqlite.exec(DATA[name]);
    endFixtureWrites(sqlite);
  } finally {
    await db.destroy();
  }
  chmodSync(path, 0o600);
}

/** Tables, indexes, triggers and views as SQLite keeps them. */
function schemaOf(path: string): unknown[] {
  return queryFile(path, "select type, name, tbl_name, sql from sqlite_schema where tbl_name not like 'kysely_%' and name not like 'sqlite_%' order by name");
}

describe('a database made while migrations landed in parallel', () => {
  it.each([
    // main before the read-only views: 014 and 015 ran, 012 did not.
    ['011, 014 and 015 without 012', ['012-read-views', '016-read-views-theirs', '017-sync', '018-capture-key', '019-team']],
    // the read-only views before main's trust, capture and promises: 012 ran, 011 did not.
    ['012 without 011, 014 and 015', ['011-trust', '014-capture', '015-theirs', '016-read-views-theirs', '017-sync', '018-capture-key', '019-team']],
  ])('%s: upgrades to the schema of a new database, records intact', async (_, left) => {
    const fresh = join(s.dir, 'data', 'fresh.db');
    await fixtureAt(fresh, SCHEMA_VERSION);
    await fixtureWithout(s.db, left);
    const before = snapshot(s.db);
    const people = s.json<{ name: string }[]>(['list']);
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Giulia Rossi', 'Niccolò Bianchi']));
    expect(queryFile(s.db, 'pragma user_version')).toEqual([{ user_version: SCHEMA_VERSION }]);
    expect(queryFile<{ name: string }>(s.db, 'select name from kysely_migration order by name').map((r) => r.name)).toEqual(
      migrations.map(([name]) => name),
    );
    expect(schemaOf(s.db)).toEqual(schemaOf(fresh));
    sameRecords(before, snapshot(s.db));
    // The views read the upgraded tables: whose promise each follow-up is, last.
    expect(queryFile(s.db, 'select id, theirs from v_followups order by id')).toEqual(
      queryFile(fresh, 'select id, theirs from v_followups order by id').filter((row) => before.followups.some((f) => (f as { id: number }).id === (row as { id: number }).id)),
    );
    expect(integrity(s.db)).toBe('ok');
    ok(s.net(['log', 'giulia', '-m', 'after the upgrade']));
    ok(s.net(['doctor']));
  });
});

describe('011 writes the name keys of older rows again', () => {
  it('a Søren stored before is found as "soren", and down() gives the old key back', async () => {
    const path = join(s.dir, 'data', 'names.db');
    const { sqlite, db } = connect(path);
    try {
      await migrateTo(db, sqlite, '005-operations');
      allowFixtureWrites(sqlite);
      sqlite.exec(`insert into contacts (id, uid, name, name_key, circle, created_at, updated_at) values
        (1, 'c-1', 'Søren Kierkegaard', 'søren kierkegaard', 'network', '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z'),
        (2, 'c-2', 'Anna Straße', 'anna straße', 'network', '2026-03-14T11:00:00.000Z', '2026-03-14T11:00:00.000Z')`);
      endFixtureWrites(sqlite);
      await migrateTo(db, sqlite, '011-trust');
      expect(sqlite.prepare('select name_key from contacts order by id').pluck().all()).toEqual(['soren kierkegaard', 'anna strasse']);
      // Derived data: nothing recorded, and no command left open.
      expect(sqlite.prepare('select count(*) from ops').pluck().get()).toBe(0);
      expect(sqlite.prepare('select count(*) from current_command').pluck().get()).toBe(0);
      await migrateTo(db, sqlite, '005-operations');
      expect(sqlite.prepare('select name_key from contacts order by id').pluck().all()).toEqual(['søren kierkegaard', 'anna straße']);
    } finally {
      await db.destroy();
    }
  });
});

describe('015 records whose promise it is', () => {
  it('older promises become the user\'s own; a change of theirs is recorded; down() records as 005 did', async () => {
    const path = join(s.dir, 'data', 'theirs.db');
    const { sqlite, db } = connect(path);
    const command = (id: number) => {
      sqlite.prepare(`insert into commands (id, uid, hlc, device, at, name, summary, undoes, first_op, last_op) values (?, ?, '0', 'fixture', '2026-03-14T11:00:00.000Z', 'test', '', null, 1, 0)`).run(id, `cmd-${id}`);
      sqlite.prepare('insert into current_command (id, ms, recording) values (?, 1773489600000, 1)').run(id);
    };
    const ops = (id: number) => sqlite.prepare('select kind, field, old, new from ops where command_id = ? order by id').all(id);
    try {
      await migrateTo(db, sqlite, '011-trust');
      allowFixtureWrites(sqlite);
      sqlite.exec(DATA['001-initial']);
      endFixtureWrites(sqlite);
      await migrateTo(db, sqlite, '015-theirs');
      expect(sqlite.prepare('select id, theirs from followups order by id').all()).toEqual([{ id: 1, theirs: 0 }, { id: 2, theirs: 0 }]);
      command(1);
      sqlite.exec('update followups set theirs = 1 where id = 1');
      expect(ops(1)).toEqual([{ kind: 'set', field: 'theirs', old: '0', new: '1' }]);
      sqlite.exec(`insert into followups (uid, contact_id, interaction_id, text, due_on, created_at, updated_at, theirs) values ('p-9', 1, null, 'the deck', '2026-03-20', 'x', 'x', 1)`);
      expect(JSON.parse((ops(1)[1] as { new: string }).new)).toMatchObject({ text: 'the deck', theirs: 1, contact_id: 'c-1' });
      expect(() => sqlite.exec('update followups set theirs = 2 where id = 1')).toThrow(/CHECK constraint/);
      sqlite.exec('delete from current_command');
      await migrateTo(db, sqlite, '011-trust');
      command(2);
      sqlite.exec(`update followups set text = 'the new deck' where uid = 'p-9'`);
      expect(ops(2)).toEqual([{ kind: 'set', field: 'text', old: '"the deck"', new: '"the new deck"' }]);
      sqlite.exec('delete from current_command');
    } finally {
      await db.destroy();
    }
  });
});

describe('migrations go down and up again', () => {
  it('up → down → up leaves the same schema, one step at a time and all the way', async () => {
    const path = join(s.dir, 'data', 'cycle.db');
    const { sqlite, db } = connect(path);
    const schema = (): unknown[] =>
      sqlite
        .prepare("select type, name, tbl_name, sql from sqlite_schema where tbl_name not like 'kysely_%' and name not like 'sqlite_%' order by name")
        .all();
    try {
      const latest = migrations[migrations.length - 1][0];
      await migrateTo(db, sqlite, latest);
      const full = schema();
      // Each migration down and back up, from the newest.
      for (let i = migrations.length - 1; i >= 0; i -= 1) {
        await migrateTo(db, sqlite, i === 0 ? NO_MIGRATIONS : migrations[i - 1][0]);
        expect(sqlite.pragma('user_version', { simple: true })).toBe(i);
        await migrateTo(db, sqlite, latest);
        expect(schema()).toEqual(full);
      }
      // All the way down: nothing of net's is left; then all the way up.
      await migrateTo(db, sqlite, NO_MIGRATIONS);
      expect(schema()).toEqual([]);
      await migrateTo(db, sqlite, latest);
      expect(schema()).toEqual(full);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      allowFixtureWrites(sqlite);
      for (const [name] of migrations) sqlite.exec(DATA[name]);
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('the newest migration goes down and up again with the older tables’ data intact', async () => {
    const older = join(s.dir, 'data', 'older.db');
    await fixtureAt(older, SCHEMA_VERSION - 1);
    const olderSnapshot = snapshot(older);
    const olderTables = Object.keys(olderSnapshot);
    const path = join(s.dir, 'data', 'data.db');
    await fixtureAt(path, SCHEMA_VERSION);
    const before = snapshot(path);
    const { sqlite, db } = connect(path);
    try {
      await migrateTo(db, sqlite, SCHEMA_VERSION > 1 ? migrations[SCHEMA_VERSION - 2][0] : NO_MIGRATIONS);
      expect(Object.keys(snapshot(path)).sort()).toEqual([...olderTables].sort());
      await migrateTo(db, sqlite, migrations[SCHEMA_VERSION - 1][0]);
    } finally {
      await db.destroy();
    }
    const after = snapshot(path);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) {
      // Tables of the newest migration come back empty (or rebuilt, when derived); the older ones keep every row.
      // A column the newest migration added to an older table goes with it: compare the columns the table had before.
      const olderColumns = Object.keys((olderSnapshot[table]?.[0] ?? {}) as object);
      const narrow = (rows: unknown[]) =>
        olderColumns.length === 0 ? rows : rows.map((row) => Object.fromEntries(olderColumns.map((k) => [k, (row as Record<string, unknown>)[k]])));
      if (REGENERATED.has(table)) expect(after[table].length, table).toBe(before[table].length);
      else if (BACKFILLED.has(table)) {
        const key = (row: unknown) => JSON.stringify([(row as { contact_id: number }).contact_id, (row as { phone: string }).phone]);
        for (const row of after[table]) expect(before[table].map(key), table).toContain(key(row));
      }
      else if (olderTables.includes(table)) expect(narrow(after[table]), table).toEqual(narrow(before[table]));
      else expect(after[table], table).toEqual(DERIVED.has(table) ? before[table] : []);
    }
  });
});

describe('a database from a newer net', () => {
  /**
   * A database one version ahead, with committed changes still in its -wal
   * (copied from under a live connection, as after a crash): the hardest case,
   * since a careless open replays the -wal into the file and deletes it.
   */
  async function newerWithWal(path: string): Promise<void> {
    const live = join(s.dir, 'live.db');
    await fixtureAt(live, SCHEMA_VERSION);
    const writer = new Database(live);
    writer.pragma('wal_autocheckpoint = 0');
    writer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    writer.exec("create table from_the_future (x text); insert into from_the_future values ('kept')");
    copyFileSync(live, path);
    copyFileSync(`${live}-wal`, `${path}-wal`);
    writer.close();
  }

  it('is refused by every command with exit 1, and is byte-identical afterwards, -wal included', async () => {
    await newerWithWal(s.db);
    const files = [s.db, `${s.db}-wal`];
    const before = files.map(sha1);
    expect(before[1]).not.toBeNull();
    for (const args of [['list'], ['add', 'Anna Meyer'], ['log', 'giulia', '-m', 'x'], ['show', 'giulia'], ['history'], ['backup']]) {
      const result = s.net(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toBe(
        `net: ${s.db} has schema version ${SCHEMA_VERSION + 1}, newer than this net understands (${SCHEMA_VERSION})\n  upgrade net; the database was not changed\n`,
      );
      expect(result.stdout).toBe('');
      expect(files.map(sha1), args.join(' ')).toEqual(before);
    }
    const doctor = s.net(['doctor']);
    expect(doctor.code).toBe(1);
    expect(doctor.stderr).not.toMatch(STACK_FRAME);
    expect(files.map(sha1)).toEqual(before);
    // Nothing but SQLite's shared-memory index was added next to it.
    expect(readdirSync(join(s.dir, 'data')).sort()).toEqual(['net.db', 'net.db-shm', 'net.db-wal']);
    // The -wal still holds the newer net's last commit.
    expect(queryFile(s.db, 'select x from from_the_future')).toEqual([{ x: 'kept' }]);
  });
});
