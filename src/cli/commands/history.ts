// net history: interactions, newest first.
import { UsageError } from '../../core/errors.js';
import { channelSchema, check } from '../../core/validate.js';
import { HISTORY_KEYS, listHistory } from '../../db/interactions.js';
import { resolveContact } from '../../db/resolve.js';
import { ftsQuery, interactionsMatching } from '../../db/search.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions } from '../render.js';
import { readDate } from '../dates.js';
import { nameLabelsOf } from '../labels.js';

interface HistoryOptions extends FormatOptions {
  since?: string;
  until?: string;
  via?: string;
  grep?: string;
}

const DIRECTION_MARK: Record<string, string> = { in: '←', out: '→', mutual: '↔' };

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
  const listed = opened
    ? await listHistory(opened.db, {
        contactId: ref === undefined ? undefined : (await resolveContact(opened.db, ref)).id,
        since,
        until,
        via,
      })
    : [];
  const entries = matching === undefined ? listed : listed.filter((e) => matching.has(e.id));

  if (format !== 'human') {
    await writeMachine(ctx, format, entries, HISTORY_KEYS, options);
    return;
  }
  if (entries.length === 0) {
    ctx.io.error('No interactions match. Record one with `net log NAME --via coffee -m "…"`.\n');
    return;
  }
  const label = await nameLabelsOf(ctx, entries.flatMap((e) => e.contact_ids));
  await writeTable(
    ctx,
    [{ header: 'ID', align: 'right' }, { header: 'Date' }, { header: 'Via' }, { header: '' }, { header: 'With', max: 30 }, { header: 'Note', flex: true }],
    entries.map((e) => {
      const favours = [...e.gave.map((g) => `gave: ${g}`), ...e.got.map((g) => `got: ${g}`)];
      const note = [e.note ?? '', ...favours].filter(Boolean).join(' · ');
      return [e.id, e.date, e.via, DIRECTION_MARK[e.direction] ?? e.direction, e.contacts.map((name, i) => label(e.contact_ids[i], name)).join(', '), note];
    }),
  );
}
