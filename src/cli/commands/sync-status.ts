// net sync status: this device, the others, what waits, what the merges kept.
import { syncStatus } from '../../sync/status.js';
import type { Context } from '../context.js';
import { toJson, truncate } from '../render.js';

export default async function status(ctx: Context, options: { json?: boolean }): Promise<void> {
  const store = await ctx.existingDatabase();
  if (!store) {
    if (options.json) ctx.writeExact(toJson({ syncing: false }));
    else ctx.io.write('This device does not sync: start with `net sync init folder PATH`, or `net sync join …`.\n');
    return;
  }
  const s = syncStatus(store.sqlite);
  if (options.json) {
    ctx.writeExact(toJson(s));
    return;
  }
  if (!s.syncing) {
    ctx.io.write('This device does not sync: start with `net sync init folder PATH`, or `net sync join …`.\n');
    return;
  }
  const when = (at: string | null) => (at === null ? 'never' : at.slice(0, 16).replace('T', ' '));
  const lines = [
    `This device  ${s.device.host} (${s.device.id.slice(0, 8)}), through ${s.device.transport} ${s.device.location}`,
    `  last sync  ${when(s.device.last_sync)}${s.last_error ? `; the last one failed: ${s.last_error}` : ''}`,
    `  not pushed ${s.unpushed_operations} operation(s)${s.waiting_batches ? `; ${s.waiting_batches} batch(es) wait for files still on their way` : ''}`,
    '',
    s.devices.length ? 'Other devices' : 'No other device has synced yet: `net sync join` on the next one.',
    ...s.devices.map((d) => `  ${(d.host ?? 'unknown').padEnd(20)} ${d.id.slice(0, 8)}  last synced ${when(d.last_sync)}, ${d.batches} batch(es)`),
  ];
  if (s.conflicts.length) {
    lines.push('', `Kept from conflicts (${s.conflicts.length}): the text that lost to an edit made at the same time on another device`);
    for (const k of s.conflicts) lines.push(`  ${k.label}, ${k.field} (${k.at.slice(0, 10)}): ${truncate(k.value.replace(/\s+/g, ' '), Math.max(30, ctx.io.columns - 40))}`);
  }
  if (s.trash) lines.push('', `${s.trash} record(s) in the trash: deleted on one device while edited on another (\`net trash\`).`);
  ctx.io.write(`${lines.join('\n')}\n`);
}
