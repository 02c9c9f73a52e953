// net show: one person's profile and timeline.
import { daysBetween } from '../../core/dates.js';
import { formatInterval } from '../../core/intervals.js';
import { cutTo, wrapLines, type Measure } from '../../core/text.js';
import { readCount } from '../../core/counts.js';
import { loadContactRecord } from '../../db/contacts.js';
import { listFavours, listFollowups } from '../../db/followups.js';
import { listHistory } from '../../db/interactions.js';
import { resolveContact } from '../../db/resolve.js';
import { loadSettings } from '../../db/settings.js';
import { keptNotes } from '../../db/sync-kept.js';
import { teammatesWhoKnow, teamOf } from '../../db/team-read.js';
import { NotFoundError } from '../../core/errors.js';
import type { Context } from '../context.js';
import { nameLabelsOf } from '../labels.js';
import { daysAgo, pluralDays, toJson } from '../render.js';
import { measureFor } from '../width.js';

interface ShowOptions {
  limit: string;
  json?: boolean;
  full?: boolean;
}

/** On a terminal, a long text shows this many lines, the last cut with "…", unless --full. */
const NOTES_LINES = 6;
const TIMELINE_LINES = 3;

/** Lines of at most `width` columns; at most `max` of them, the last cut with an ellipsis when more were left out. */
function shownLines(text: string, width: number, measure: Measure, max: number): string[] {
  const lines = wrapLines(text, width, measure);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const last = cutTo(kept[max - 1], width - 1, measure);
  kept[max - 1] = last.endsWith('…') ? last : `${last}…`;
  return kept;
}

export default async function show(ctx: Context, ref: string, options: ShowOptions): Promise<void> {
  const limit = readCount(options.limit, '--limit');
  const { db, sqlite } = await ctx.database({ create: false });
  let id: number;
  try {
    ({ id } = await resolveContact(db, ref));
  } catch (error) {
    // Not one of mine: one of the team's people, when this network is in a team.
    if (error instanceof NotFoundError && teamOf(sqlite)) return (await import('./team.js')).showTeamPerson(ctx, ref, options);
    throw error;
  }
  const settings = await loadSettings(db);
  const contact = await loadContactRecord(db, settings, id);
  if (!contact) throw new Error(`contact #${id} vanished`);
  const [interactions, favours, followups] = await Promise.all([
    listHistory(db, { contactId: id, limit }),
    listFavours(db, { contactId: id }),
    listFollowups(db, { contactId: id }),
  ]);
  // Notes that lost to an edit made at the same time on another device (net sync).
  const kept = keptNotes(sqlite, id).map((k) => ({ id: k.id, of: k.label, field: k.field, text: k.value, at: k.at }));
  // Who else on the team knows them: from the copy the last `net team sync` pulled.
  const inTeam = teamOf(sqlite) !== undefined;
  const team = inTeam ? teammatesWhoKnow(sqlite, contact.uid) : [];
  const given = favours.filter((f) => f.direction === 'given');
  const received = favours.filter((f) => f.direction === 'received');

  if (options.json) {
    ctx.writeExact(
      toJson({
        ...contact,
        interactions,
        favours_given: given.length,
        favours_received: received.length,
        favours,
        followups,
        conflicts: kept,
        ...(inTeam ? { team } : {}),
      }),
    );
    return;
  }

  const c = await ctx.chalk();
  const terminal = ctx.io.stdoutIsTTY;
  const measure = await measureFor([
    contact.notes ?? '',
    ...followups.map((f) => f.text),
    ...interactions.flatMap((i) => [i.note ?? '', ...i.contacts, ...i.gave, ...i.got]),
  ]);
  const all = options.full === true;
  const lines: string[] = [];
  const role = [contact.role, contact.company].filter(Boolean).join(' at ');
  const fullName = [contact.name_prefix, contact.name, contact.name_suffix].filter(Boolean).join(' ');
  lines.push(`${c.bold(fullName)} ${c.dim(`#${contact.id}`)}${role ? ` — ${role}` : ''}${contact.archived ? c.yellow(' (archived)') : ''}`);
  // On a terminal, long values (notes) wrap under themselves instead of past the
  // edge, the first lines of them unless --full; piped, they are whole.
  const indent = ' '.repeat(13);
  const field = (label: string, value: string | null | undefined) => {
    if (!value) return;
    const room = Math.max(30, ctx.io.columns - indent.length);
    const text = terminal ? shownLines(value, room, measure, all ? Number.POSITIVE_INFINITY : NOTES_LINES).join(`\n${indent}`) : value;
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
  if (team.length) field('team', team.map((t) => `${t.member} (${t.touches} touch${t.touches === 1 ? '' : 'es'}, last ${t.last_on}, ${t.last_channel})`).join('; '));
  if (followups.length) {
    lines.push('', c.bold('Open follow-ups'));
    for (const f of followups) {
      const late = f.due_on < ctx.today ? `(${pluralDays(daysBetween(f.due_on, ctx.today))} late)` : '';
      const head = `  [${f.id}] `;
      const text = `${f.theirs ? 'they promised: ' : ''}${f.text} — by ${f.due_on}${late ? ` ${late}` : ''}`;
      // Wrapped on a terminal under its own start; the lateness in colour.
      const shown = terminal ? wrapLines(text, Math.max(30, ctx.io.columns - head.length), measure) : [text];
      lines.push(...shown.map((line, k) => `${k === 0 ? head : ' '.repeat(head.length)}${late ? line.replace(late, c.yellow(late)) : line}`));
    }
  }
  if (kept.length) {
    lines.push('', c.bold('Kept from a conflict'), c.dim('  written at the same time on another device, and replaced there:'));
    for (const k of kept) {
      lines.push(`  ${k.of}, ${k.field} (${k.at.slice(0, 10)}):`);
      // The whole text: it is what the person would otherwise have lost.
      const text = ctx.io.stdoutIsTTY ? wrapLines(k.text, Math.max(30, ctx.io.columns - 4)) : k.text.split('\n');
      lines.push(...text.map((line) => `    ${line}`));
    }
  }
  lines.push('', c.bold('Timeline'));
  if (interactions.length === 0) lines.push(`  nothing yet — log one with \`net log "${contact.name}" --via coffee -m "…"\``);
  // The text of an entry starts at column 24 ("  2026-03-13 ↔ coffee   ").
  const at = ' '.repeat(24);
  const width = Math.max(30, ctx.io.columns - at.length);
  const label = await nameLabelsOf(ctx, interactions.flatMap((i) => i.contact_ids));
  for (const i of interactions) {
    const others = i.contacts.map((name, k) => ({ id: i.contact_ids[k], name })).filter((p) => p.id !== contact.id).map((p) => label(p.id, p.name));
    const withOthers = others.length ? ` with ${others.join(', ')}` : '';
    const dir = i.direction === 'in' ? '←' : i.direction === 'out' ? '→' : '↔';
    const extras = [...i.gave.map((g) => `gave: ${g}`), ...i.got.map((g) => `got: ${g}`)];
    const text = [withOthers.trim(), i.note, ...extras].filter(Boolean).join(' · ');
    const shown = terminal ? shownLines(text, width, measure, all ? Number.POSITIVE_INFINITY : TIMELINE_LINES) : [text.replace(/\s+/g, ' ').trim()];
    lines.push(`  ${i.date} ${dir} ${i.via.padEnd(8)} ${shown[0] ?? ''}`.trimEnd(), ...shown.slice(1).map((l) => `${at}${l}`));
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}
