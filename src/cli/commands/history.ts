// net history: interactions, newest first.
import { UsageError } from '../../core/errors.js';
import { channelSchema, check } from '../../core/validate.js';
import { HISTORY_KEYS, historyPages, type HistoryEntry } from '../../db/interactions.js';
import { inReadSnapshot } from '../../db/read-snapshot.js';
import { resolveContact } from '../../db/resolve.js';
import { ftsQuery, interactionsMatching } from '../../db/search.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachinePages, writeTable, type FormatOptions } from '../render.js';
import { readDate } from '../dates.js';
import { pageNameLabels } from '../labels.js';

interface HistoryOptions extends FormatOptions {
  since?: string;
  until?: string;
  via?: string;
  grep?: string;
}

const DIRECTION_MARK: Record<string, string> = { in: '←', out: '→', mutual: '↔' };

/**
 * Interactions read, and written, at a time when piped. With pages of 2,000,
 * a history of 15,800 interactions kept enough of each page alive through
 * V8's young-generation collections that the young generation grew to 16 MB
 * (86 MB at the peak on 20,000 people); with 500 it stays smaller (75 MB),
 * as fast. 250 is slower: a page's queries have a cost of their own.
 */
const HISTORY_PAGE = 500;

export default async function history(ctx: Context, ref: string | undefined, options: HistoryOptions): Promise<void> {
  const format = pickFormat(options);
  const since = options.since === undefined ? undefined : (await readDate(ctx, options.since, { field: '--since', direction: 'past' })).day;
  const until = options.until === undefined ? undefined : (await readDate(ctx, options.until, { field: '--until', direction: 'past' })).day;
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const via = options.via === undefined ? undefined : check(channelSchema, options.via.trim().toLowerCase(), '--via');
  const grep = options.grep === undefined ? undefined : ftsQuery(options.grep);
  if (grep === null) throw new UsageError(`--grep: "${options.grep}" has no word to look for`);

  const opened = ref === undefined ? await ctx.existingDatabase() : await ctx.database({ create: false });
  const matching = opened && grep !== undefined ? new Set(interactionsMatching(opened.sqlite, grep)) : undefined;
  const filter = { contactId: ref === undefined || !opened ? undefined : (await resolveContact(opened.db, ref)).id, since, until, via };
  // A page at a time: each is written before the next is read (a terminal's table, aligned over all rows, takes them at once).
  const pages = async function* (): AsyncGenerator<HistoryEntry[]> {
    if (!opened) return;
    for await (const page of historyPages(opened.db, filter, ctx.io.stdoutIsTTY && format === 'human' ? Infinity : HISTORY_PAGE)) {
      const entries = matching === undefined ? page : page.filter((e) => matching.has(e.id));
      if (entries.length > 0) yield entries;
    }
  };

  // One snapshot for all the pages, with room to keep the pages they read again.
  const write = async (): Promise<void> => {
    if (format !== 'human') {
      await writeMachinePages(ctx, format, pages(), HISTORY_KEYS, options);
      return;
    }
    let count = 0;
    const labelsOf = pageNameLabels(ctx);
    for await (const entries of pages()) {
      count += entries.length;
      const label = await labelsOf(entries.flatMap((e) => e.contact_ids));
      await writeTable(
        ctx,
        [{ header: 'ID', align: 'right' }, { header: 'Date' }, { header: 'Via' }, { header: '' }, { header: 'With', max: 30 }, { header: 'Note', flex: true }],
        entries.map((e) => {
          // Most interactions have no favour: their note as it is.
          const note =
            e.gave.length + e.got.length === 0
              ? (e.note ?? '')
              : [e.note ?? '', ...e.gave.map((g) => `gave: ${g}`), ...e.got.map((g) => `got: ${g}`)].filter(Boolean).join(' · ');
          return [e.id, e.date, e.via, DIRECTION_MARK[e.direction] ?? e.direction, e.contacts.map((name, i) => label(e.contact_ids[i], name)).join(', '), note];
        }),
      );
    }
    if (count === 0) ctx.io.error('No interactions match. Record one with `net log NAME --via coffee -m "…"`.\n');
  };
  await (opened ? inReadSnapshot(opened.sqlite, write) : write());
}
