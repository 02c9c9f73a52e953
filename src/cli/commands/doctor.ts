// net doctor: is the database sound, private and backed up? Exit 1 when not.
import { DataError } from '../../core/errors.js';
import { checkHealth, formatBytes, type HealthCheck } from '../../db/health.js';
import { removeLeftovers } from '../../db/leftovers.js';
import { hasSummaries, rebuildSummaries } from '../../db/summaries.js';
import type { Context } from '../context.js';
import { toJson } from '../render.js';

interface DoctorOptions {
  json?: boolean;
  repair?: boolean;
}

export default async function doctor(ctx: Context, options: DoctorOptions): Promise<void> {
  if (options.repair) {
    // The repairs that need no backup: the summaries are derived from the
    // interactions, and a leftover temporary file is a copy nobody will finish.
    const removed = removeLeftovers(ctx.dbPath);
    if (removed.length) {
      const bytes = formatBytes(removed.reduce((sum, f) => sum + f.bytes, 0));
      ctx.io.error(`Removed ${removed.length} leftover temporary file(s) (${bytes}): ${removed.map((f) => f.path).join(', ')}\n`);
    }
    const opened = await ctx.existingDatabase();
    if (opened && hasSummaries(opened.sqlite)) rebuildSummaries(opened.sqlite);
  }
  const checks = checkHealth(ctx.dbPath, ctx.now);
  const failed = checks.filter((c) => c.status === 'fail');
  if (options.json) ctx.writeExact(toJson(checks));
  else await writeReport(ctx, checks);
  if (failed.length) {
    const fixes = failed.filter((c) => c.fix).map((c) => `${c.check}: ${c.fix}`);
    throw new DataError(`${failed.length} problem(s) found: ${failed.map((c) => c.check).join(', ')}`, fixes.join('\n  ') || undefined);
  }
}

async function writeReport(ctx: Context, checks: readonly HealthCheck[]): Promise<void> {
  const chalk = await ctx.chalk();
  const paint = (status: HealthCheck['status']): string =>
    status === 'ok' ? chalk.green('ok  ') : status === 'warn' ? chalk.yellow('warn') : chalk.red('FAIL');
  const width = Math.max(...checks.map((c) => c.check.length));
  const lines = checks.map((c) => `${paint(c.status)}  ${c.check.padEnd(width)}  ${c.detail}${c.fix ? `\n      ${' '.repeat(width)}  → ${c.fix}` : ''}`);
  ctx.io.write(`${lines.join('\n')}\n`);
}
