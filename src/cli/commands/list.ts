// net list: the people in the network, filtered and sorted.
import { sql } from 'kysely';
import type { ContactRecord } from '../../core/contact.js';
import { LIST_KEYS } from '../../core/contact.js';
import { daysBetween } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { compareNames, nameKey } from '../../core/names.js';
import { check, circleSchema } from '../../core/validate.js';
import { loadContactRecords } from '../../db/contacts.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions } from '../render.js';

interface ListOptions extends FormatOptions {
  circle?: string;
  tag?: string;
  company?: string;
  search?: string;
  archived?: boolean;
  sort: string;
}

const SORTS = ['name', 'last', 'added'] as const;

/** LIKE pattern for "contains", with the wildcard characters escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function sortRecords(records: ContactRecord[], sort: string): ContactRecord[] {
  const byName = (a: ContactRecord, b: ContactRecord) => compareNames(a.name, b.name) || a.id - b.id;
  if (sort === 'added') return records.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  if (sort === 'last') {
    // Never contacted first, then the longest silence.
    return records.sort((a, b) => (a.last_contact ?? '').localeCompare(b.last_contact ?? '') || byName(a, b));
  }
  return records.sort(byName);
}

export default async function list(ctx: Context, options: ListOptions): Promise<void> {
  const format = pickFormat(options);
  if (!(SORTS as readonly string[]).includes(options.sort)) {
    throw new UsageError(`--sort: "${options.sort}" is not a sort order (${SORTS.join(', ')})`);
  }
  const circle = options.circle === undefined ? undefined : check(circleSchema, options.circle.trim().toLowerCase(), '--circle');
  const opened = await ctx.existingDatabase();
  let records: ContactRecord[] = [];
  if (opened) {
    const { db } = opened;
    let query = db.selectFrom('contacts as c').select('c.id');
    query = options.archived ? query.where('c.archived_at', 'is not', null) : query.where('c.archived_at', 'is', null);
    if (circle) query = query.where('c.circle', '=', circle);
    if (options.tag !== undefined) {
      const tag = options.tag.trim();
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('contact_tags as t').select('t.contact_id').whereRef('t.contact_id', '=', 'c.id').where(sql<string>`lower(t.tag)`, '=', tag.toLowerCase())),
      );
    }
    if (options.company !== undefined) {
      query = query.where(sql<string>`c.company`, 'like', sql<string>`${containsPattern(options.company.trim())} escape '\\'`);
    }
    if (options.search !== undefined) {
      const pattern = containsPattern(options.search.trim());
      const keyPattern = containsPattern(nameKey(options.search));
      const like = (column: string) => sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`c.name_key like ${keyPattern} escape '\\'`,
          like('c.company'),
          like('c.role'),
          like('c.notes'),
          like('c.location'),
          like('c.how_met'),
          eb.exists(eb.selectFrom('contact_tags as t').select('t.contact_id').whereRef('t.contact_id', '=', 'c.id').where(sql<boolean>`t.tag like ${pattern} escape '\\'`)),
          eb.exists(eb.selectFrom('contact_interests as x').select('x.contact_id').whereRef('x.contact_id', '=', 'c.id').where(sql<boolean>`x.interest like ${pattern} escape '\\'`)),
        ]),
      );
    }
    const ids = (await query.execute()).map((r) => r.id);
    records = sortRecords(await loadContactRecords(db, await loadSettings(db), ids), options.sort);
  }

  if (format !== 'human') {
    await writeMachine(ctx, format, records, LIST_KEYS, options);
    return;
  }
  if (records.length === 0) {
    const filtered = circle || options.tag || options.company || options.search;
    const message = filtered
      ? 'No one matches. `net list` shows everyone; `--search TEXT` also looks in companies, notes and interests.'
      : options.archived
        ? 'No one is archived. `net archive NAME` keeps a person but takes them out of lists and reminders.'
        : 'Your network is empty. Add someone with `net add "Full Name"`, or try `net demo`.';
    ctx.io.error(`${message}\n`);
    return;
  }
  // Many people share a day of last contact: count the days to each once.
  const daysSince = new Map<string, number>();
  const since = (day: string) => daysSince.get(day) ?? daysSince.set(day, daysBetween(day, ctx.today)).get(day)!;
  await writeTable(
    ctx,
    [{ header: 'ID', align: 'right' }, { header: 'Name', max: 28 }, { header: 'Circle' }, { header: 'Company', max: 22 }, { header: 'Last contact' }, { header: 'Rhythm' }],
    records.map((r) => [
      r.id,
      r.name,
      r.circle,
      r.company,
      r.last_contact ? `${r.last_contact} (${since(r.last_contact)}d)` : 'never',
      r.cadence_days === null ? '-' : formatInterval(r.cadence_days),
    ]),
  );
}
