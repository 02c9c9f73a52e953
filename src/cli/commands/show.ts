// net show: one person's profile and timeline.
import { daysBetween } from '../../core/dates.js';
import { formatInterval } from '../../core/intervals.js';
import { wrapLines } from '../../core/text.js';
import { check, positiveIntSchema } from '../../core/validate.js';
import { loadContactRecord } from '../../db/contacts.js';
import { listFavours, listFollowups } from '../../db/followups.js';
import { listHistory } from '../../db/interactions.js';
import { resolveContact } from '../../db/resolve.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { daysAgo, pluralDays, toJson, truncate } from '../render.js';

interface ShowOptions {
  limit: string;
  json?: boolean;
}

export default async function show(ctx: Context, ref: string, options: ShowOptions): Promise<void> {
  const limit = check(positiveIntSchema, options.limit, '--limit');
  const { db } = await ctx.database({ create: false });
  const { id } = await resolveContact(db, ref);
  const settings = await loadSettings(db);
  const contact = await loadContactRecord(db, settings, id);
  if (!contact) throw new Error(`contact #${id} vanished`);
  const [interactions, favours, followups] = await Promise.all([
    listHistory(db, { contactId: id, limit }),
    listFavours(db, { contactId: id }),
    listFollowups(db, { contactId: id }),
  ]);
  const given = favours.filter((f) => f.direction === 'given');
  const received = favours.filter((f) => f.direction === 'received');

  if (options.json) {
    ctx.io.write(
      toJson({
        ...contact,
        interactions,
        favours_given: given.length,
        favours_received: received.length,
        favours,
        followups,
      }),
    );
    return;
  }

  const c = await ctx.chalk();
  const lines: string[] = [];
  const role = [contact.role, contact.company].filter(Boolean).join(' at ');
  const fullName = [contact.name_prefix, contact.name, contact.name_suffix].filter(Boolean).join(' ');
  lines.push(`${c.bold(fullName)} ${c.dim(`#${contact.id}`)}${role ? ` — ${role}` : ''}${contact.archived ? c.yellow(' (archived)') : ''}`);
  // On a terminal, long values (notes) wrap under themselves instead of past the edge.
  const indent = ' '.repeat(13);
  const field = (label: string, value: string | null | undefined) => {
    if (!value) return;
    const text = ctx.io.stdoutIsTTY ? wrapLines(value, Math.max(30, ctx.io.columns - indent.length)).join(`\n${indent}`) : value;
    lines.push(`  ${c.dim(label.padEnd(10))} ${text}`);
  };
  const rhythm = contact.cadence_days === null ? 'no rhythm' : `every ${formatInterval(contact.cadence_days)}`;
  field('circle', `${contact.circle}, ${rhythm}${contact.cadence_override !== null ? ' (own rhythm)' : ''}`);
  field('last', contact.last_contact ? `${contact.last_contact} (${daysAgo(daysBetween(contact.last_contact, ctx.today))})` : 'never in touch yet');
  field('met', [contact.how_met, contact.met_on].filter(Boolean).join(', '));
  const labelled = (values: readonly string[], labels: ReadonlyArray<string | null>) =>
    values.map((v, i) => (labels[i] ? `${v} (${labels[i]})` : v)).join(', ');
  field('nicknames', contact.nicknames.join(', '));
  field('email', labelled(contact.emails, contact.email_labels));
  field('phone', labelled(contact.phones, contact.phone_labels));
  field('linkedin', contact.linkedin);
  field('location', contact.location);
  field('channel', contact.channel);
  field('birthday', contact.birthday);
  field('tags', contact.tags.join(', '));
  field('interests', contact.interests.join(', '));
  field('snoozed', contact.snoozed_until && contact.snoozed_until >= ctx.today ? `until ${contact.snoozed_until}` : null);
  field('favours', `${given.length} given, ${received.length} received`);
  field('notes', contact.notes);
  if (followups.length) {
    lines.push('', c.bold('Open follow-ups'));
    for (const f of followups) {
      const late = f.due_on < ctx.today ? c.yellow(` (${pluralDays(daysBetween(f.due_on, ctx.today))} late)`) : '';
      lines.push(`  [${f.id}] ${f.text} — by ${f.due_on}${late}`);
    }
  }
  lines.push('', c.bold('Timeline'));
  if (interactions.length === 0) lines.push(`  nothing yet — log one with \`net log "${contact.name}" --via coffee -m "…"\``);
  const width = Math.max(30, ctx.io.columns - 24);
  for (const i of interactions) {
    const others = i.contacts.filter((n) => n !== contact.name);
    const withOthers = others.length ? ` with ${others.join(', ')}` : '';
    const dir = i.direction === 'in' ? '←' : i.direction === 'out' ? '→' : '↔';
    const extras = [...i.gave.map((g) => `gave: ${g}`), ...i.got.map((g) => `got: ${g}`)];
    const text = [withOthers.trim(), i.note, ...extras].filter(Boolean).join(' · ');
    lines.push(`  ${i.date} ${dir} ${i.via.padEnd(8)} ${truncate(text, width)}`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
