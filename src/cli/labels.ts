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
 * snapshot: each page's own labels while the pages have named at most
 * FEW_PEOPLE people, then every namesake's, found once for the pages left
 * (a long history of 20,000 people found them again for each of its pages:
 * 110 ms of its 207 ms of SQL).
 */
export function pageNameLabels(ctx: Context): (ids: Iterable<number>) => Promise<NameLabel> {
  const named = new Set<number>();
  let everyNamesake: Promise<NameLabel> | undefined;
  return (ids) => {
    if (everyNamesake) return everyNamesake;
    const page = new Set(ids);
    for (const id of page) named.add(id);
    if (named.size <= FEW_PEOPLE) return nameLabelsOf(ctx, page);
    everyNamesake = nameLabelsOf(ctx);
    return everyNamesake;
  };
}
