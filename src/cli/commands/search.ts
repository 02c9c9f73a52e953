// net search: notes, favours, promises and outreach reasons, ranked, with the
// matching words marked on a terminal.
import { search, SEARCH_KEYS } from '../../app/search.js';
import { showControls } from '../../core/errors.js';
import { readCount } from '../../core/counts.js';
import { MARK_CLOSE, MARK_OPEN } from '../../db/search.js';
import type { Context } from '../context.js';
import { readDate } from '../dates.js';
import { pickFormat, writeMachine, type FormatOptions } from '../render.js';

interface SearchOptions extends FormatOptions {
  contact?: string;
  since?: string;
  limit?: string;
}

const KIND_WORDS: Record<string, string> = { interaction: 'note', contact: 'about', favour: 'favour', followup: 'promise', outreach: 'why' };

export default async function searchCommand(ctx: Context, text: string, options: SearchOptions): Promise<void> {
  const format = pickFormat(options);
  let since: string | undefined;
  if (options.since !== undefined) {
    since = (await readDate(ctx, options.since, { field: '--since', direction: 'past' })).day;
  }
  const limit = options.limit === undefined ? (format === 'human' ? 20 : undefined) : readCount(options.limit, '--limit');
  const store = await ctx.existingDatabase();
  // Only a terminal shows the excerpts; lines for a pipe and the JSON and CSV keys carry the whole text.
  const excerpts = format === 'human' && ctx.io.stdoutIsTTY;
  const hits = store ? await search(store, { text, contact: options.contact, since, limit, excerpts }) : [];
  if (format !== 'human') {
    await writeMachine(ctx, format, hits, SEARCH_KEYS, options);
    return;
  }
  if (hits.length === 0) {
    ctx.io.error(`Nothing written matches "${showControls(text)}". Notes, favours, promises and outreach reasons are searched, accents and case aside.\n`);
    return;
  }
  const c = await ctx.chalk();
  const lines: string[] = [];
  for (const hit of hits) {
    const who = hit.contacts.join(', ');
    if (!ctx.io.stdoutIsTTY) {
      lines.push(showControls([hit.date, hit.kind, hit.id, who, hit.text.replace(/\s+/g, ' ')].join('\t')));
      continue;
    }
    // The marks around the matching words first, then the stored text made safe, piece by piece.
    const pieces = hit.excerpt.replace(/\s+/g, ' ').split(new RegExp(`${MARK_OPEN}([^${MARK_CLOSE}]*)${MARK_CLOSE}`));
    const excerpt = pieces.map((piece, i) => (i % 2 === 1 ? c.bold.yellow(showControls(piece)) : showControls(piece))).join('');
    lines.push(`${c.dim(hit.date)}  ${showControls(who)} ${c.dim(`(${KIND_WORDS[hit.kind]} #${hit.id})`)}`, `  ${excerpt}`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
