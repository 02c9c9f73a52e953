// net inbox: the proposals, listed or walked through one by one on a
// terminal; accept and reject for scripts and key bindings.
import { acceptProposals, listInbox, rejectProposals, type AcceptChanges, type Decided } from '../../app/inbox.js';
import type { Clock, Store } from '../../app/store.js';
import { showControls, UsageError } from '../../core/errors.js';
import { readId } from '../../core/counts.js';
import type { Inbox, Proposal, Stranger } from '../../db/captures.js';
import type { Context } from '../context.js';
import { colourPrompts } from '../prompt-colours.js';
import { pickFormat, toJson, writeMachine, type FormatOptions } from '../render.js';
import { inquirerPrompts, type ReviewPrompts } from './review-interactive.js';

/** The keys of `net inbox --json` (contract), in order. */
export const INBOX_KEYS = ['id', 'kind', 'date', 'occurred_at', 'direction', 'channel', 'subject', 'contacts', 'contact_ids', 'unknown', 'logged', 'source'] as const;
export const STRANGER_KEYS = ['address', 'name', 'messages', 'meetings', 'last', 'add'] as const;

const MARK: Record<string, string> = { in: '←', out: '→', mutual: '↔' };

const flat = (p: Proposal) => ({ ...p, contacts: p.contacts.map((c) => c.name), contact_ids: p.contacts.map((c) => c.id) });

/** The one command that adds a stranger, with the name their mail gave. */
function addCommand(s: Stranger): string {
  const name = s.name ?? s.address.split('@')[0].replace(/[._-]+/g, ' ').replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return `net add "${name.replace(/["\\$`]/g, '')}" --email ${s.address}`;
}

const strangerRow = (s: Stranger) => ({ ...s, last: s.last.slice(0, 10), add: addCommand(s) });

/** Proposals grouped by person (a group's newest first), each newest first. */
function byPerson(proposals: readonly Proposal[]): Array<{ name: string; id: number; items: Proposal[] }> {
  const groups = new Map<number, { name: string; id: number; items: Proposal[] }>();
  for (const p of proposals) {
    const first = p.contacts[0];
    const group = groups.get(first.id) ?? { name: first.name, id: first.id, items: [] };
    group.items.push(p);
    groups.set(first.id, group);
  }
  return [...groups.values()];
}

function line(p: Proposal, idWidth = 0): string {
  const others = p.contacts.length > 1 ? ` with ${p.contacts.slice(1).map((c) => c.name).join(', ')}` : '';
  const logged = p.logged === null ? '' : ` (already logged: #${p.logged})`;
  return showControls(`${`#${p.id}`.padEnd(idWidth)}  ${p.date} ${MARK[p.direction] ?? p.direction} ${p.channel.padEnd(7)} ${p.subject === null ? '(no subject)' : `"${p.subject}"`}${others}${logged}`);
}

function strangerLine(s: Stranger): string {
  const parts = [s.messages > 0 ? `${s.messages} ${s.messages === 1 ? 'email' : 'emails'}` : '', s.meetings > 0 ? `${s.meetings} ${s.meetings === 1 ? 'meeting' : 'meetings'}` : ''].filter(Boolean);
  return showControls(`${s.address}${s.name ? ` (${s.name})` : ''}: ${parts.join(' and ')}, last ${s.last.slice(0, 10)} — ${addCommand(s)}`);
}

function printInbox(ctx: Context, inbox: Inbox): void {
  if (inbox.proposals.length === 0 && inbox.strangers.length === 0) {
    ctx.io.error('The inbox is empty. Fill it with `net capture mail ~/Mail/…` or `net capture calendar FILE.ics`.\n');
    return;
  }
  const out: string[] = [];
  const idWidth = Math.max(0, ...inbox.proposals.map((p) => String(p.id).length + 1));
  for (const group of byPerson(inbox.proposals)) {
    out.push(showControls(`${group.name} #${group.id}`), ...group.items.map((p) => `  ${line(p, idWidth)}`));
  }
  if (inbox.strangers.length > 0) {
    if (out.length > 0) out.push('');
    out.push('Not in your network:', ...inbox.strangers.slice(0, 20).map((s) => `  ${strangerLine(s)}`));
    if (inbox.strangers.length > 20) out.push(`  … and ${inbox.strangers.length - 20} more: \`net inbox --strangers\``);
  }
  ctx.io.write(`${out.join('\n')}\n`);
}

interface InboxOptions extends FormatOptions {
  from?: string;
  strangers?: boolean;
  list?: boolean;
}

export async function inbox(ctx: Context, options: InboxOptions, prompts?: ReviewPrompts): Promise<void> {
  const format = pickFormat(options);
  const store = await ctx.existingDatabase();
  const found: Inbox = store ? listInbox(store, ctx, options.from) : { proposals: [], strangers: [] };
  if (options.strangers) {
    const rows = found.strangers.map(strangerRow);
    if (format !== 'human') await writeMachine(ctx, format, rows, STRANGER_KEYS, options);
    else if (rows.length === 0) ctx.io.error('Every captured address is someone in your network.\n');
    else ctx.io.write(`${found.strangers.map(strangerLine).join('\n')}\n`);
    return;
  }
  if (format !== 'human') {
    await writeMachine(ctx, format, found.proposals.map(flat), INBOX_KEYS, options);
    return;
  }
  if (store && found.proposals.length > 0 && !options.list && (prompts !== undefined || ctx.interactive)) {
    await walk(ctx, store, found.proposals, prompts ?? (colourPrompts(ctx), await inquirerPrompts()));
    return;
  }
  printInbox(ctx, found);
}

type WalkAction = 'accept' | 'note' | 'person' | 'reject' | 'skip' | 'quit';

/** One proposal at a time, each decision its own undoable command, oldest first. */
async function walk(ctx: Context, store: Store, proposals: readonly Proposal[], prompts: ReviewPrompts): Promise<void> {
  const clock: Clock = ctx;
  const counts = { accepted: 0, rejected: 0, skipped: 0 };
  const ordered = [...proposals].reverse();
  for (const [i, p] of ordered.entries()) {
    ctx.io.write(`\n[${i + 1}/${ordered.length}] ${showControls(p.contacts.map((c) => c.name).join(', '))}\n  ${line(p)}\n`);
    const action = await prompts.select<WalkAction>(
      'What now?',
      [
        { name: p.logged === null ? 'Accept: log it' : 'Accept: it is the interaction already logged', value: 'accept' },
        { name: 'Accept with another note', value: 'note' },
        { name: 'Accept for another person', value: 'person' },
        { name: 'Reject', value: 'reject' },
        { name: 'Skip for now', value: 'skip' },
        { name: 'Quit', value: 'quit' },
      ],
      'accept',
    );
    if (action === 'quit') break;
    if (action === 'skip') {
      counts.skipped += 1;
      continue;
    }
    if (action === 'reject') {
      await rejectProposals(store, clock, { ids: [p.id] });
      counts.rejected += 1;
      continue;
    }
    const changes: AcceptChanges = {};
    if (action === 'note') changes.note = (await prompts.input('Note:', { initial: p.subject ?? '' })).trim() || null;
    if (action === 'person') {
      const who = await prompts.input('Who (names or ids, comma separated)?', { validate: (v) => (v.trim() === '' ? 'say who it was' : true) });
      changes.contacts = who.split(',').map((w) => w.trim()).filter(Boolean);
    }
    await acceptProposals(store, clock, { ids: [p.id] }, changes);
    counts.accepted += 1;
  }
  const left = ordered.length - counts.accepted - counts.rejected - counts.skipped;
  ctx.io.write(`\nDone: ${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.skipped} skipped${left > 0 ? `, ${left} left for next time` : ''}. \`net undo\` takes back the last decision.\n`);
}

interface DecideOptions {
  all?: boolean;
  from?: string;
  json?: boolean;
}

function selection(idArgs: readonly string[], options: DecideOptions): { ids: readonly number[] | 'all'; from?: string } {
  if (options.all && idArgs.length > 0) throw new UsageError('give ids or --all, not both');
  if (options.from !== undefined && !options.all) throw new UsageError('--from goes with --all', 'e.g. net inbox accept --all --from meeting');
  return { ids: options.all ? 'all' : idArgs.map(readId), from: options.from };
}

export async function accept(ctx: Context, idArgs: string[], options: DecideOptions): Promise<void> {
  const chosen = selection(idArgs, options);
  const decided: Decided[] = await acceptProposals(await ctx.database({ create: false }), ctx, chosen);
  if (options.json) {
    ctx.writeExact(toJson(decided.map((d) => ({ ...flat(d.proposal), interaction: d.interaction, linked: d.linked }))));
    return;
  }
  if (decided.length === 0) {
    ctx.io.error('Nothing to accept: the inbox has no proposals.\n');
    return;
  }
  for (const d of decided) {
    const who = d.proposal.contacts.map((c) => c.name).join(', ');
    ctx.io.write(showControls(d.linked ? `#${d.proposal.id} is interaction #${d.interaction}, already logged with ${who}.` : `#${d.proposal.id}: logged ${d.proposal.channel} with ${who} on ${d.proposal.date} (#${d.interaction}).`) + '\n');
  }
}

export async function reject(ctx: Context, idArgs: string[], options: DecideOptions): Promise<void> {
  const chosen = selection(idArgs, options);
  const rejected = await rejectProposals(await ctx.database({ create: false }), ctx, chosen);
  if (options.json) {
    ctx.writeExact(toJson(rejected.map(flat)));
    return;
  }
  ctx.io.write(rejected.length === 0 ? 'Nothing to reject: the inbox has no proposals.\n' : `Rejected ${rejected.length} ${rejected.length === 1 ? 'proposal' : 'proposals'}: ${rejected.map((p) => `#${p.id}`).join(', ')}.\n`);
}
