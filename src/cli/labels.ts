// How a human listing names people: as they are, or, for namesakes, with
// their company or #id (see core/namesakes.ts). Machine output keeps names.
import { plainNames, type NameLabel } from '../core/namesakes.js';
import type { Context } from './context.js';

/** Beyond this many people, a listing takes the labels of every namesake: finding those of each is no cheaper. */
const FEW_PEOPLE = 500;

/** The labels of every namesake; with `ids`, enough for those people (all of them beyond FEW_PEOPLE). */
export async function nameLabelsOf(ctx: Context, ids?: Iterable<number>): Promise<NameLabel> {
  const opened = await ctx.existingDatabase();
  if (!opened) return plainNames;
  const { namesakeLabels } = await import('../db/namesakes.js');
  const wanted = ids === undefined ? undefined : [...new Set(ids)];
  return namesakeLabels(opened.db, wanted !== undefined && wanted.length <= FEW_PEOPLE ? wanted : undefined);
}

/**
 * nameLabelsOf for a listing written a page at a time, all pages in one read
 * snapshot: every namesake's labels are found once, for the first page of
 * more than FEW_PEOPLE people, and serve the pages after it (a long history
 * of 20,000 people found them again for each of its eight pages: 110 ms).
 */
export function pageNameLabels(ctx: Context): (ids: Iterable<number>) => Promise<NameLabel> {
  let everyNamesake: Promise<NameLabel> | undefined;
  return (ids) => {
    if (everyNamesake) return everyNamesake;
    const wanted = new Set(ids);
    if (wanted.size <= FEW_PEOPLE) return nameLabelsOf(ctx, wanted);
    everyNamesake = nameLabelsOf(ctx);
    return everyNamesake;
  };
}
