// net export and net import of net's own CSV and JSON: the round trip
// contract, idempotent re-imports, hand-made interaction sheets, and errors
// that name their row and write nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const ENTITIES = ['contacts', 'interactions', 'followups', 'favours', 'outreach'] as const;
const IDS = new Set(['id', 'contact_id', 'contact_ids', 'interaction_id', 'via_contact_id']);
const withoutIds = (records: Array<Record<string, unknown>>) =>
  records.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !IDS.has(k))));

describe('round trip of net export and net import', () => {
  let s: Sandbox;
  let demo: string[];
  const exported: Record<string, Array<Record<string, unknown>>> = {};

  beforeAll(() => {
    s = sandbox();
    ok(s.net(['demo', '--db', join(s.dir, 'demo.db')]));
    demo = ['--db', join(s.dir, 'demo.db')];
    for (const entity of ENTITIES) {
      for (const format of ['json', 'csv']) ok(s.net([...demo, 'export', entity, `--${format}`, '--out', join(s.dir, `${entity}.${format}`)]));
      exported[entity] = JSON.parse(readFileSync(join(s.dir, `${entity}.json`), 'utf8')) as Array<Record<string, unknown>>;
    }
  });
  afterAll(() => s.cleanup());

  it.each(['json', 'csv'])('gives the same records back through %s, ids aside', (format) => {
    const db = ['--db', join(s.dir, `from-${format}.db`)];
    for (const entity of ENTITIES) ok(s.net([...db, 'import', format, join(s.dir, `${entity}.${format}`)]));
    for (const entity of ENTITIES) {
      const again = s.json<Array<Record<string, unknown>>>([...db, 'export', entity]);
      expect(exported[entity].length).toBeGreaterThan(0);
      expect(withoutIds(again), entity).toEqual(withoutIds(exported[entity]));
    }
    // A second import changes nothing.
    for (const entity of ENTITIES) {
      const out = ok(s.net([...db, 'import', format, join(s.dir, `${entity}.${format}`)]));
      expect(out).toContain(`  added 0, updated 0, unchanged ${exported[entity].length}, skipped 0\n`);
    }
  });

  it('includes archived contacts, and every column in a fixed order', () => {
    const header = readFileSync(join(s.dir, 'contacts.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(
      'id,uid,name,company,role,emails,phone,linkedin,location,circle,cadence_override,rhythm_from,channel,tags,interests,how_met,met_on,birthday,snoozed_until,archived_at,notes,created_at,updated_at,phones,phone_labels,email_labels,nicknames,name_prefix,name_suffix',
    );
    expect(Object.keys(exported.interactions[0])).toEqual(['id', 'uid', 'occurred_at', 'date', 'via', 'direction', 'contacts', 'contact_ids', 'contact_uids', 'note', 'source_key', 'created_at', 'updated_at']);
    const listed = s.json<unknown[]>([...demo, 'list']).length;
    const archived = exported.contacts.filter((c) => c.archived_at !== null).length;
    expect(archived).toBeGreaterThan(0);
    expect(exported.contacts).toHaveLength(listed + archived);
  });
});

describe('net import csv and json', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Giulia Rossi', '--company', 'Satispay', '--role', '=HYPERLINK("http://evil.example")', '--phone', '+39 333 123 4567', '--note', '-ok then']));
    ok(s.net(['add', 'Marco Bianchi']));
  });
  afterAll(() => s.cleanup());

  it('protects formula-like cells in CSV, keeps them with --raw, and takes the protection off on import', () => {
    const csv = ok(s.net(['export', 'contacts']));
    expect(csv).toContain(`,Satispay,"'=HYPERLINK(""http://evil.example"")",,+39 333 123 4567,`);
    expect(csv).toContain(",'-ok then,");
    const raw = ok(s.net(['export', 'contacts', '--raw']));
    expect(raw).toContain(',Satispay,"=HYPERLINK(""http://evil.example"")",,+39 333 123 4567,');
    writeFileSync(join(s.dir, 'protected.csv'), csv);
    writeFileSync(join(s.dir, 'raw.csv'), raw);
    expect(ok(s.net(['import', 'csv', join(s.dir, 'protected.csv')]))).toContain('unchanged 2');
    expect(ok(s.net(['import', 'csv', join(s.dir, 'raw.csv'), '--raw']))).toContain('unchanged 2');
    expect(s.query("select role, notes from contacts where name = 'Giulia Rossi'")).toEqual([{ role: '=HYPERLINK("http://evil.example")', notes: '-ok then' }]);
  });

  it('imports a hand-made sheet of interactions: names or ids, natural dates, once', () => {
    const sheet = join(s.dir, 'calls.csv');
    writeFileSync(sheet, 'date,contacts,via,direction,note\n2026-03-02,giulia rossi,coffee,,"talked about the AI meetup, and climbing"\nieri,"#2; Giulia Rossi",call,in,\n2026-03-02,giulia rossi,coffee,,"talked about the AI meetup, and climbing"\n');
    expect(ok(s.net(['import', 'csv', sheet, '--interactions']))).toContain('  added 3, updated 0, unchanged 0, skipped 0\n');
    expect(ok(s.net(['import', 'csv', sheet, '--interactions']))).toContain('  added 0, updated 0, unchanged 3, skipped 0\n');
    const history = s.json<Array<{ date: string; via: string; direction: string; contacts: string[] }>>(['history']);
    expect(history.map((h) => [h.date, h.via, h.direction, h.contacts.join(' & ')])).toEqual([
      ['2026-03-13', 'call', 'in', 'Giulia Rossi & Marco Bianchi'],
      ['2026-03-02', 'coffee', 'mutual', 'Giulia Rossi'],
      ['2026-03-02', 'coffee', 'mutual', 'Giulia Rossi'],
    ]);
  });

  it('lists unknown people as errors with --strict, writing nothing; adds them without', () => {
    const sheet = join(s.dir, 'unknown.csv');
    writeFileSync(sheet, 'date,contacts,via\n2026-03-03,Giulia Rossi,email\n2026-03-04,Nuova Persona,call\n2026-03-05,Altra Persona; Giulia Rossi,meal\n');
    const strict = s.net(['import', 'csv', sheet, '--interactions', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(
      'net: 2 rows name people who are not in your network:\n' +
        '  row 3: no contact named "Nuova Persona"\n' +
        '  row 4: no contact named "Altra Persona"\n' +
        '  add them first (net add), or import without --strict to add them as acquaintances; nothing was imported\n',
    );
    expect(s.query("select count(*) as n from interactions where occurred_on between '2026-03-03' and '2026-03-05'")).toEqual([{ n: 0 }]);
    expect(ok(s.net(['import', 'csv', sheet, '--interactions']))).toContain('  2 new contacts for people the file names');
    expect(s.query("select circle from contacts where name = 'Nuova Persona'")).toEqual([{ circle: 'acquaintance' }]);
  });

  it('stops at the first bad record, names it and the value, and writes nothing', () => {
    const file = join(s.dir, 'contacts.json');
    const record = (n: number, circle: string) => ({ uid: `00000000-0000-4000-8000-00000000000${n}`, name: `Person ${n}`, circle, emails: [] });
    writeFileSync(file, JSON.stringify([record(1, 'close'), record(2, 'network'), record(3, 'besties')]));
    const result = s.net(['import', 'json', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'net: record 3: circle "besties" is not a circle (inner, close, active, network, acquaintance)\n  nothing was imported; correct the file (or leave the row out) and run again\n',
    );
    expect(s.query("select count(*) as n from contacts where name like 'Person %'")).toEqual([{ n: 0 }]);
  });

  it('refuses due items, and files of no known kind', () => {
    const due = join(s.dir, 'due.json');
    writeFileSync(due, JSON.stringify([{ kind: 'cadence', contact_id: 1, name: 'x', score: 3 }]));
    expect(s.net(['import', 'json', due]).stderr).toContain('holds due items: they are computed from the network, not imported');
    expect(s.net(['import', 'json', join(s.dir, 'missing.json')])).toMatchObject({ code: 2, stderr: `net: ${join(s.dir, 'missing.json')}: no such file\n` });
    expect(s.net(['import', 'thunderbird', due])).toMatchObject({ code: 2, stderr: expect.stringContaining('"thunderbird" is not a source to import from') });
  });
});
