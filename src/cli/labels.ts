// How a human listing names people: as they are, or, for namesakes, with
// their company or #id (see core/namesakes.ts). Machine output keeps names.
import { plainNames, type NameLabel } from '../core/namesakes.js';
import type { Context } from './context.js';

export async function nameLabelsOf(ctx: Context): Promise<NameLabel> {
  const opened = await ctx.existingDatabase();
  if (!opened) return plainNames;
  const { namesakeLabels } = await import('../db/namesakes.js');
  return namesakeLabels(opened.db);
}
