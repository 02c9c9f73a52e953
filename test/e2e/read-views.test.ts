// The views for read-only tools (Datasette, the sqlite3 shell): live records
// only, lists joined with '; ', people named beside their ids; readable from
// a read-only connection.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

describe('the read-only views', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Giulia Rossi', '--company', 'Satispay', '--email', 'g@satispay.example', '--email', 'giulia@home.example', '--tag', 'fintech,mentor', '--interest', 'AI']));
    ok(s.net(['add', 'Marco Bianchi']));
    ok(s.net(['add', 'Gone Person']));
    ok(s.net(['log', 'giulia', 'marco', '--via', 'coffee', '--date', '2026-03-10', '-m', 'roadmap', '--gave', 'Giulia: intro to Sara', '--gave', 'Marco: intro to Sara', '--follow-up', 'Giulia: send the deck']));
    // A promise Marco made: theirs.
    ok(s.net(['followup', 'add', 'marco', 'send the term sheet', '--by', '2026-03-20', '--theirs']));
    ok(s.net(['log', 'gone', '--via', 'call', '--date', '2026-03-11']));
    ok(s.net(['rm', 'gone', '--yes']));
    // An address book's person: phones and emails with labels, a nickname, a title before the name.
    const card = join(s.dir, 'anna.vcf');
    writeFileSync(
      card,
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dott.ssa Anna Meyer\r\nN:Meyer;Anna;;Dott.ssa;\r\nNICKNAME:Annie\r\n' +
        'TEL;TYPE=WORK:+49 30 1234\r\nTEL;TYPE=CELL:+49 170 5678\r\nEMAIL;TYPE=WORK:anna@work.example\r\nEMAIL:anna@home.example\r\nEND:VCARD\r\n',
    );
    ok(s.net(['import', 'vcf', card]));
    // A second record of Marco, merged into the first: only the one who stays is a live contact.
    ok(s.net(['add', 'Marco Bianchi (old)', '--email', 'marco@old.example']));
    ok(s.net(['merge', 'Marco Bianchi', 'Marco Bianchi (old)', '--yes']));
    // A deleted interaction is no live record either.
    ok(s.net(['log', 'giulia', '--via', 'call', '--date', '2026-03-12', '-m', 'a mistake']));
    const mistake = s.json<Array<{ id: number; note: string }>>(['history']).find((i) => i.note === 'a mistake');
    ok(s.net(['history', 'rm', String(mistake?.id), '--yes']));
    // A message captured from someone not in the network waits in the inbox: no person, no interaction.
    const maildir = join(s.dir, 'Mail');
    for (const box of ['cur', 'new', 'tmp']) mkdirSync(join(maildir, box), { recursive: true });
    writeFileSync(
      join(maildir, 'cur', '1.eml'),
      'From: Luca Ferri <luca@ferri.example>\r\nTo: me@example.com\r\nSubject: Hello\r\nDate: Wed, 11 Mar 2026 09:00:00 +0000\r\nMessage-ID: <hello-1@ferri.example>\r\n\r\nHi\r\n',
    );
    ok(s.net(['config', 'set', 'me.emails', 'me@example.com']));
    ok(s.net(['capture', 'mail', maildir]));
  });
  afterAll(() => s.cleanup());

  function read<T>(sql: string): T[] {
    const db = new Database(s.db, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  }

  it('v_contacts: the people there are, with their lists and last contact', () => {
    expect(read('select name, company, emails, tags, interests, last_contact, interactions from v_contacts order by id')).toEqual([
      { name: 'Giulia Rossi', company: 'Satispay', emails: 'g@satispay.example; giulia@home.example', tags: 'fintech; mentor', interests: 'AI', last_contact: '2026-03-10', interactions: 1 },
      { name: 'Marco Bianchi', company: null, emails: 'marco@old.example', tags: null, interests: null, last_contact: '2026-03-10', interactions: 1 },
      { name: 'Anna Meyer', company: null, emails: 'anna@work.example; anna@home.example', tags: null, interests: null, last_contact: null, interactions: 0 },
    ]);
  });

  it('v_contacts: the address book beside the name (phones and emails with their labels, nicknames, titles)', () => {
    expect(read("select phone, phones, phone_labels, email_labels, nicknames, name_prefix, name_suffix from v_contacts where name = 'Anna Meyer'")).toEqual([
      // The mobile first, as net keeps an imported card's phones; a missing label is an empty item.
      { phone: '+49 170 5678', phones: '+49 170 5678; +49 30 1234', phone_labels: 'mobile; work', email_labels: 'work; ', nicknames: 'Annie', name_prefix: 'Dott.ssa', name_suffix: null },
    ]);
  });

  it('v_interactions, v_followups and v_favours: live records with the people named', () => {
    expect(read('select date, via, direction, note, contacts, contact_ids from v_interactions')).toEqual([
      { date: '2026-03-10', via: 'coffee', direction: 'mutual', note: 'roadmap', contacts: 'Giulia Rossi; Marco Bianchi', contact_ids: '1; 2' },
    ]);
    expect(read('select name, text, due_on, done_on, theirs from v_followups order by id')).toEqual([
      { name: 'Giulia Rossi', text: 'send the deck', due_on: '2026-03-17', done_on: null, theirs: 0 },
      { name: 'Marco Bianchi', text: 'send the term sheet', due_on: '2026-03-20', done_on: null, theirs: 1 },
    ]);
    expect(read("select name, direction, text from v_favours order by id")).toEqual([
      { name: 'Giulia Rossi', direction: 'given', text: 'intro to Sara' },
      { name: 'Marco Bianchi', direction: 'given', text: 'intro to Sara' },
    ]);
  });

  it('captures waiting in the inbox are neither people nor interactions', () => {
    expect(s.query("select count(*) as n from captures where status = 'pending'")).toEqual([{ n: 1 }]);
    expect(read("select count(*) as n from v_contacts where emails like '%ferri%' or name like 'Luca%'")).toEqual([{ n: 0 }]);
    expect(read("select count(*) as n from v_interactions where note = 'Hi' or date = '2026-03-11'")).toEqual([{ n: 0 }]);
  });

  it('are what the README documents', () => {
    const columns = (view: string) => read<{ name: string }>(`select name from pragma_table_info('${view}')`).map((c) => c.name);
    // The README's table of views, read as it is written.
    const readme = readFileSync(resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const documented = Object.fromEntries(
      [...readme.matchAll(/^\| `(v_\w+)` \| `([^`]+)` \|$/gm)].map((m) => [m[1], m[2].split(', ')]),
    );
    expect(Object.keys(documented)).toEqual(['v_contacts', 'v_interactions', 'v_followups', 'v_favours']);
    for (const [view, names] of Object.entries(documented)) expect(columns(view), view).toEqual(names);
    expect(columns('v_contacts')).toEqual([
      'id', 'uid', 'name', 'company', 'role', 'emails', 'phone', 'linkedin', 'location', 'circle', 'cadence_override', 'channel', 'tags', 'interests', 'how_met',
      'met_on', 'birthday', 'snoozed_until', 'archived_at', 'notes', 'last_contact', 'interactions', 'created_at', 'updated_at',
      'phones', 'phone_labels', 'email_labels', 'nicknames', 'name_prefix', 'name_suffix',
    ]);
    expect(columns('v_interactions')).toEqual(['id', 'uid', 'occurred_at', 'date', 'via', 'direction', 'note', 'contacts', 'contact_ids', 'created_at', 'updated_at']);
    expect(columns('v_followups')).toEqual(['id', 'uid', 'contact_id', 'name', 'text', 'due_on', 'done_on', 'dropped_on', 'interaction_id', 'created_at', 'updated_at', 'theirs']);
    expect(columns('v_favours')).toEqual(['id', 'uid', 'contact_id', 'name', 'direction', 'text', 'occurred_on', 'interaction_id', 'created_at', 'updated_at']);
  });
});
