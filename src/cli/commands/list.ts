// net list: the people in the network, filtered and sorted.
import type { ContactRecord } from '../../core/contact.js';
import { LIST_KEYS } from '../../core/contact.js';
import { byDay, daysBetween } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { sortByName } from '../../core/names.js';
import { check, circleSchema } from '../../core/validate.js';
import { findContactIds } from '../../db/contact-search.js';
import { loadContactRecords } from '../../db/contacts.js';
import { listRows, peopleAtMost, type ListRow } from '../../db/list-rows.js';
import { loadSettings } from '../../db/settings.js';
import { effectiveCadence } from '../../core/settings.js';
import type { Context } from '../context.js';
import { keepYoungGenerationSmall, MANY_PEOPLE } from '../young-generation.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions } from '../render.js';

interface ListOptions extends FormatOptions {
  circle?: string;
  tag?: string;
  company?: string;
  search?: string;
  archived?: boolean;
  sort: string;
  /** The team's people instead of mine (`net team`). */
  team?: boolean;
}

const SORTS = ['name', 'last', 'added'] as const;

type Sortable = Pick<ContactRecord, 'id' | 'name' | 'created_at' | 'last_contact'>;

function sortRecords<T extends Sortable>(records: T[], sort: string): T[] {
  if (sort === 'added') return records.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  if (sort === 'last') {
    // Never contacted first, then the longest silence.
    return sortByName(records, (a, b) => byDay(a.last_contact ?? '', b.last_contact ?? ''));
  }
  return sortByName(records);
}

export default async function list(ctx: Context, options: ListOptions): Promise<void> {
  if (options.team) return (await import('./team.js')).listTeam(ctx, options);
  const format = pickFormat(options);
  if (!(SORTS as readonly string[]).includes(options.sort)) {
    throw new UsageError(`--sort: "${options.sort}" is not a sort order (${SORTS.join(', ')})`);
  }
  const circle = options.circle === undefined ? undefined : check(circleSchema, options.circle.trim().toLowerCase(), '--circle');
  const opened = await ctx.existingDatabase();
  // Everyone's rows are held to the end: on a large network, V8's young generation would grow around them.
  if (opened && peopleAtMost(opened.sqlite) >= MANY_PEOPLE) keepYoungGenerationSmall();
  if (format !== 'human') {
    let records: ContactRecord[] = [];
    if (opened) {
      const { db } = opened;
      const ids = await findContactIds(db, { circle, tag: options.tag, company: options.company, search: options.search, archived: options.archived });
      records = sortRecords(await loadContactRecords(db, await loadSettings(db), ids), options.sort);
    }
    await writeMachine(ctx, format, records, LIST_KEYS, options);
    return;
  }
  const filtered = circle || options.tag || options.company || options.search;
  const settings = opened ? await loadSettings(opened.db) : undefined;
  let rows: ListRow[] = [];
  if (opened) {
    // Without a filter, everyone: no query for their ids first.
    const ids = filtered || options.archived
      ? await findContactIds(opened.db, { circle, tag: options.tag, company: options.company, search: options.search, archived: options.archived })
      : 'everyone';
    rows = sortRecords(listRows(opened, ids), options.sort);
  }
  if (rows.length === 0 || !settings) {
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
    [{ header: 'ID', align: 'right' }, { header: 'Name', max: 28, keep: true }, { header: 'Circle' }, { header: 'Company', flex: true }, { header: 'Last contact', keep: true }, { header: 'Rhythm' }],
    rows,
    (r) => {
      const cadence = effectiveCadence(settings, r.circle, r.cadence_override);
      return [r.id, r.name, r.circle, r.company, r.last_contact ? `${r.last_contact} (${since(r.last_contact)}d)` : 'never', cadence === null ? '-' : formatInterval(cadence)];
    },
  );
}
