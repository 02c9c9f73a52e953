// net export: formats, files written atomically, vCards, the due list, usage errors.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

describe('net export', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Françoise Dupont', '--company', 'Rossi, Bianchi & Partners', '--role', 'CTO', '--email', 'f@dupont.example', '--email', 'fd@home.example', '--phone', '+33 6 12 34 56 78', '--linkedin', 'https://www.linkedin.com/in/fdupont', '--location', 'Lyon', '--tag', 'fintech,mentor', '--birthday', '--04-12', '--note', 'Likes jazz; ask about Lyon', '--circle', 'close']));
    ok(s.net(['add', 'Marco Bianchi', '--birthday', '1980-03-16']));
    ok(s.net(['log', 'Françoise', '--via', 'email', '--in', '--date', '2026-03-01', '-m', 'asked for an intro']));
  });
  afterAll(() => s.cleanup());

  it('prints only the header, or [], from an empty or missing database', () => {
    const empty = sandbox();
    try {
      expect(ok(empty.net(['export', 'followups']))).toBe('id,uid,contact_id,contact_uid,name,text,due_on,done_on,dropped_on,interaction_id,interaction_uid,created_at,updated_at,theirs\n');
      expect(ok(empty.net(['export', 'contacts', '--json']))).toBe('[]\n');
      expect(existsSync(empty.db)).toBe(false);
    } finally {
      empty.cleanup();
    }
  });

  it('writes --out atomically with mode 0600, leaving no temporary file, and says so on stderr', () => {
    const file = join(s.dir, 'contacts.csv');
    writeFileSync(file, 'old content', { mode: 0o644 });
    const result = s.net(['export', 'contacts', '--out', file]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `Exported 2 contacts to ${file}.\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(ok(s.net(['export', 'contacts'])));
    expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const missing = s.net(['export', 'contacts', '--out', join(s.dir, 'no', 'such', 'folder.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the folder does not exist');
  });

  it('streams JSON Lines with --jsonl: one object a line, the records of --json', () => {
    for (const entity of ['contacts', 'interactions', 'due']) {
      const lines = ok(s.net(['export', entity, '--jsonl'])).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(JSON.parse(ok(s.net(['export', entity, '--json']))));
    }
    expect(s.net(['export', 'contacts', '--jsonl', '--json']).code).toBe(2);
  });

  it('takes --out - for standard output, as other tools do', () => {
    const result = s.net(['export', 'contacts', '--json', '--out', '-']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(ok(s.net(['export', 'contacts', '--json'])));
    expect(existsSync(join(process.cwd(), '-'))).toBe(false);
    expect(s.net(['export', 'contacts', '--out', '-', '--force'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--force goes with --out FILE') });
  });

  it('writes vCard 3.0 by default and 4.0 on request, and reads them back unchanged', () => {
    const v3 = ok(s.net(['export', 'contacts', '--vcf']));
    const card = v3.split('END:VCARD')[0];
    expect(card).toContain('BEGIN:VCARD\r\nVERSION:3.0\r\n');
    expect(card).toContain('FN:Françoise Dupont\r\nN:Dupont;Françoise;;;\r\nORG:Rossi\\, Bianchi & Partners\r\nTITLE:CTO\r\n');
    expect(card).toContain('EMAIL;TYPE=INTERNET,pref:f@dupont.example\r\nEMAIL;TYPE=INTERNET:fd@home.example\r\n');
    expect(card).toContain('CATEGORIES:fintech,mentor\r\nBDAY:--04-12\r\n');
    expect(card).toContain('NOTE:Likes jazz; ask about Lyon\r\n');
    expect(v3).toContain('BDAY:1980-03-16\r\n');
    const v4 = ok(s.net(['export', 'contacts', '--vcf', '--vcard-version', '4']));
    expect(v4).toContain('VERSION:4.0\r\n');
    expect(v4).toMatch(/UID:urn:uuid:[0-9a-f-]{36}\r\n/);
    expect(v4).toContain('EMAIL;PREF=1:f@dupont.example\r\n');
    for (const [name, text] of [['c3.vcf', v3], ['c4.vcf', v4]]) {
      writeFileSync(join(s.dir, name), text);
      expect(ok(s.net(['import', 'vcf', join(s.dir, name)]))).toContain('  added 0, updated 0, unchanged 2, skipped 0\n');
    }
  });

  it('lists exactly the rows of net due --json, and due as an iCalendar of all-day events', () => {
    expect(ok(s.net(['export', 'due', '--json']))).toBe(ok(s.net(['due', '--json'])));
    expect(ok(s.net(['export', 'due']))).toBe(ok(s.net(['due', '--csv'])));
    const ics = ok(s.net(['export', 'due', '--ics']));
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Reply to Françoise Dupont');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260314');
  });

  it.each([
    [['export', 'people'], 'net: "people" is not something to export'],
    [['export', 'interactions', '--vcf'], 'net: --vcf is for contacts, not interactions'],
    [['export', 'contacts', '--ics'], 'net: --ics is for due, not contacts'],
    [['export', 'contacts', '--json', '--csv'], 'net: --csv and --json cannot be used together'],
    [['export', 'contacts', '--vcf', '--vcard-version', '2.1'], 'net: --vcard-version: "2.1" is not 3 or 4'],
    [['export', 'contacts', '--json', '--raw'], 'net: --raw changes only CSV output'],
  ])('%j is a usage error', (args, message) => {
    const result = s.net(args);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stdout).toBe('');
  });
});
