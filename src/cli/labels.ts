// How a human listing names people: as they are, or, for namesakes, with
// their company or #id (see core/namesakes.ts). Machine output keeps names.
import { plainNames, type NameLabel } from '../core/namesakes.js';
import type { Context } from './context.js';

/** The labels of every namesake; with `ids`, enough for those people (all of them beyond 500). */
export async function nameLabelsOf(ctx: Context, ids?: Iterable<number>): Promise<NameLabel> {
  const opened = await ctx.existingDatabase();
  if (!opened) return plainNames;
  const { namesakeLabels } = await import('../db/namesakes.js');
  const wanted = ids === undefined ? undefined : [...new Set(ids)];
  return namesakeLabels(opened.db, wanted !== undefined && wanted.length <= 500 ? wanted : undefined);
}
