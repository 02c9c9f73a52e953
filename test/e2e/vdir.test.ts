// vdir address books (khard, vdirsyncer): one vCard file per person, named by
// uid. Exported and imported back, the same people; a re-import adds nothing.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, sandbox, type Sandbox } from '../helpers.js';

describe('vdir', () => {
  let s: Sandbox;
  beforeAll(() => {
    s = sandbox();
    ok(s.net(['add', 'Françoise Dupont', '--company', 'Rossi & Partners', '--email', 'f@dupont.example', '--tag', 'fintech', '--birthday', '--04-12']));
    ok(s.net(['add', 'Marco Bianchi', '--phone', '+39 02 1234']));
  });
  afterAll(() => s.cleanup());

  it('export contacts --vdir writes UID.vcf per person, private, and import vdir reads them back', () => {
    const folder = join(s.dir, 'contacts', 'default');
    const result = s.net(['export', 'contacts', '--vdir', folder]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `Exported 2 contacts to ${folder}, one vCard file each.\n` });
    const uids = s.query<{ uid: string }>('select uid from contacts order by id').map((r) => r.uid);
    expect(readdirSync(folder).sort()).toEqual(uids.map((uid) => `${uid}.vcf`).sort());
    for (const uid of uids) {
      const card = readFileSync(join(folder, `${uid}.vcf`), 'utf8');
      expect(card.match(/BEGIN:VCARD/g)).toHaveLength(1);
      expect(card).toContain(`UID:${uid}`);
      expect(statSync(join(folder, `${uid}.vcf`)).mode & 0o777).toBe(0o600);
    }
    // Again: the same files, replaced.
    ok(s.net(['export', 'contacts', '--vdir', folder]));
    expect(readdirSync(folder)).toHaveLength(2);

    const other = sandbox();
    try {
      const imported = ok(other.net(['import', 'vdir', folder]));
      expect(imported).toContain('added 2, updated 0, unchanged 0, skipped 0');
      const again = ok(other.net(['import', 'vdir', folder]));
      expect(again).toContain('added 0');
      const fields = 'name, company, phone, birthday';
      expect(other.query(`select ${fields} from contacts order by name`)).toEqual(s.query(`select ${fields} from contacts order by name`));
    } finally {
      other.cleanup();
    }
  });

  it('import vdir names the file of a card it cannot read, and takes a folder only', () => {
    const folder = join(s.dir, 'broken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n');
    writeFileSync(join(folder, 'b.vcf'), 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\n');
    writeFileSync(join(folder, 'notes.txt'), 'not a card');
    const result = s.net(['import', 'vdir', folder, '--dry-run']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('b.vcf');
    expect(s.net(['import', 'vdir', join(folder, 'a.vcf')])).toMatchObject({ code: 2, stderr: expect.stringContaining('is not a folder') });
    expect(s.net(['export', 'followups', '--vdir', folder])).toMatchObject({ code: 2, stderr: expect.stringContaining('--vdir is for contacts') });
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);
  });
});
