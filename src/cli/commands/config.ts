// net config list | get | set | unset: circle rhythms, the reply window, the
// length of the morning list, and the weights of its score.
import { closest } from 'fastest-levenshtein';
import { UsageError } from '../../core/errors.js';
import { DEFAULT_SETTINGS, SETTING_KEYS, settingKey, settingsFrom, type SettingKey, type Settings } from '../../core/settings.js';
import { setSetting, unsetSetting } from '../../app/config.js';
import { storedSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { toJson, writeTable } from '../render.js';

function knownKey(key: string): SettingKey {
  const spec = settingKey(key.trim());
  if (spec) return spec;
  const near = closest(key.trim(), SETTING_KEYS.map((k) => k.key));
  throw new UsageError(`"${key}" is not a setting`, `did you mean ${near}? \`net config list\` shows them all`);
}

async function current(ctx: Context): Promise<{ settings: Settings; stored: Map<string, string> }> {
  const opened = await ctx.existingDatabase();
  const stored = opened ? await storedSettings(opened.db) : new Map<string, string>();
  return { settings: settingsFrom([...stored].map(([key, value]) => ({ key, value }))), stored };
}

export async function list(ctx: Context, options: { json?: boolean }): Promise<void> {
  const { settings, stored } = await current(ctx);
  const rows = SETTING_KEYS.map((k) => ({
    key: k.key,
    value: k.show(settings),
    default: k.show(DEFAULT_SETTINGS),
    changed: stored.has(k.key) && k.show(settings) !== k.show(DEFAULT_SETTINGS),
    description: k.description,
  }));
  if (options.json) {
    ctx.writeExact(toJson(rows));
    return;
  }
  await writeTable(
    ctx,
    [{ header: 'Key' }, { header: 'Value' }, { header: 'Default' }, { header: 'What it does', flex: true }],
    rows.map((r) => [r.key, r.value, r.changed ? r.default : '', r.description]),
  );
}

export async function get(ctx: Context, key: string): Promise<void> {
  const spec = knownKey(key);
  const { settings } = await current(ctx);
  ctx.io.write(`${spec.show(settings)}\n`);
}

export async function set(ctx: Context, key: string, value: string): Promise<void> {
  const spec = knownKey(key);
  const parsed = spec.parse(value);
  if (!parsed.ok) throw new UsageError(`${spec.key}: ${parsed.error}`);
  await setSetting(await ctx.database(), ctx, spec.key, parsed.stored);
  const settings = settingsFrom([{ key: spec.key, value: parsed.stored }]);
  ctx.io.write(`${spec.key} = ${spec.show(settings)}\n`);
}

export async function unset(ctx: Context, key: string): Promise<void> {
  const spec = knownKey(key);
  const opened = await ctx.existingDatabase();
  if (opened) await unsetSetting(opened, ctx, spec.key);
  ctx.io.write(`${spec.key} = ${spec.show(DEFAULT_SETTINGS)} (the default)\n`);
}
