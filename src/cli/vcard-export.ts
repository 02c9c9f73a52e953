// Contacts as vCards: one stream of cards (export contacts --vcf), or a vdir,
// one file per person named by uid, as khard and vdirsyncer keep an address
// book (export contacts --vdir FOLDER).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { ExportRecord } from '../db/export-records.js';
import type { TextSink } from '../formats/text-sink.js';
import type { VcardContact } from '../formats/vcard.js';

/** What a vCard holds of an exported contact. */
export function vcardContact(r: ExportRecord): VcardContact {
  return {
    uid: r.uid as string,
    name: r.name as string,
    company: r.company as string | null,
    role: r.role as string | null,
    emails: r.emails as string[],
    emailLabels: (r.email_labels as string[]).map((l) => l || null),
    phone: r.phone as string | null,
    phones: (r.phones as string[]).map((phone, i) => ({ phone, label: (r.phone_labels as string[])[i] || null })),
    nicknames: r.nicknames as string[],
    namePrefix: r.name_prefix as string | null,
    nameSuffix: r.name_suffix as string | null,
    linkedin: r.linkedin as string | null,
    location: r.location as string | null,
    notes: r.notes as string | null,
    tags: r.tags as string[],
    birthday: r.birthday as string | null,
  };
}

export async function writeVcards(sink: TextSink, records: Iterable<ExportRecord>, version: 3 | 4, tick: (n: number) => void): Promise<number> {
  const { writeVcard } = await import('../formats/vcard.js');
  let count = 0;
  for (const r of records) {
    sink.write(writeVcard(vcardContact(r), version));
    tick(++count);
  }
  return count;
}

/** A file name from a uid: an imported UID may hold anything, a path separator included. */
export function vdirFileName(uid: string): string {
  return `${uid.replace(/[^A-Za-z0-9._@-]/g, '_').replace(/^\./, '_')}.vcf`;
}

/**
 * Writes each contact to FOLDER/UID.vcf (atomically, mode 0600), replacing
 * the file an earlier export wrote; other files are left alone.
 */
export async function writeVdir(
  folder: string,
  records: Iterable<ExportRecord>,
  version: 3 | 4,
  guard: (file: string) => void,
  tick: (n: number) => void,
): Promise<number> {
  if (folder.trim() === '') throw new UsageError('--vdir: the folder name is empty');
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) throw new UsageError(`--vdir: ${folder} is not a folder`, 'name a folder (made when missing)');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const [{ writeVcard }, { atomicFile }] = await Promise.all([import('../formats/vcard.js'), import('../formats/atomic-file.js')]);
  let count = 0;
  for (const r of records) {
    const file = join(folder, vdirFileName(r.uid as string));
    guard(file);
    const sink = atomicFile(file);
    try {
      sink.write(writeVcard(vcardContact(r), version));
      sink.close();
    } catch (error) {
      sink.abort();
      throw error;
    }
    tick(++count);
  }
  return count;
}
