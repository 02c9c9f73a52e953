// net sync: push the changes made here, pull the others', apply them.
import { ConflictError, DataError } from '../../core/errors.js';
import { syncNow } from '../../sync/setup.js';
import { readSpace, setMeta } from '../../sync/space.js';
import { teamOf } from '../../db/team-read.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';

interface SyncOptions {
  json?: boolean;
  quiet?: boolean;
}

export default async function sync(ctx: Context, options: SyncOptions): Promise<void> {
  const store = await ctx.existingDatabase();
  if (!store) throw new DataError(`no database at ${ctx.dbPath}`, 'start syncing with `net sync init` or `net sync join`');
  // A network in a team syncs with it too; one in a team only syncs only with it.
  const inTeam = teamOf(store.sqlite) !== undefined;
  const personal = readSpace(store.sqlite) !== undefined || !inTeam;
  const progress = ctx.io.stderrIsTTY && !options.quiet ? (text: string) => ctx.io.error(`\r${text}`) : undefined;
  let report;
  if (personal) {
    try {
      report = await syncNow(store, ctx.dbPath, { now: ctx.now, progress });
      setMeta(store.sqlite, 'sync.error', null);
    } catch (error) {
      // A sync started in the background (sync.auto) that finds another running has nothing to do.
      if (options.quiet && error instanceof ConflictError && /another `net sync`/.test(error.message)) return;
      if (error instanceof Error) setMeta(store.sqlite, 'sync.error', `${ctx.now.toISOString()} ${error.message}`);
      throw error;
    }
  }
  const team = inTeam ? await (await import('../../app/team.js')).syncWithTeam(store, ctx, ctx.env, progress) : undefined;
  if (progress) ctx.io.error('\r\u001b[K');
  if (options.json) {
    ctx.writeExact(toJson(report ? { ...report, ...(team ? { team } : {}) } : { team }));
    return;
  }
  if (options.quiet) return;
  const lines: string[] = [];
  if (report) {
    lines.push(
      `Pushed ${report.pushed.commands} change(s) in ${report.pushed.batches} batch(es); applied ${report.applied.commands} from other devices in ${report.applied.batches} batch(es).`,
    );
    if (report.waiting > 0) lines.push(`  ${report.waiting} batch(es) wait for files still on their way; the next \`net sync\` applies them.`);
    if (report.snapshot !== undefined) lines.push('  Wrote a snapshot, for devices that join later.');
  }
  if (team) lines.push(`Team: pushed ${team.pushed.facts} fact(s), pulled ${team.pulled.facts}.`);
  ctx.io.write(`${lines.join('\n')}\n`);
}
