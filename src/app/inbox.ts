// `net inbox`: the captured proposals and the decisions on them. Accepting
// logs through recordTouch, the way `net log` does, so a message received
// becomes a reply owed, a reply sent closes it, and any touch restarts the
// rhythm; a proposal that was already logged by hand is linked to that
// interaction instead of being logged twice. Every decision is undoable.
import { NotFoundError, UsageError } from '../core/errors.js';
import { readInbox, setCaptureStatus, type Inbox, type Proposal } from '../db/captures.js';
import { resolveContacts, type ResolvedContact } from '../db/resolve.js';
import { recordTouch } from './log-touch.js';
import { inCommand, type Clock, type Store } from './store.js';

export function listInbox(store: Store, clock: Clock, from?: string): Inbox {
  return readInbox(store.sqlite, { until: clock.now.toISOString(), from });
}

export interface InboxSelection {
  /** These proposals, or every one (with `from`, those of a source or kind). */
  ids: readonly number[] | 'all';
  from?: string;
}

/** A decision taken on the terminal: another note, or other people than those the addresses matched. */
export interface AcceptChanges {
  note?: string | null;
  contacts?: readonly string[];
}

export interface Decided {
  proposal: Proposal;
  /** The interaction it was logged as, or linked to. */
  interaction: number | null;
  /** True when it was already logged by hand and is now linked to that interaction. */
  linked: boolean;
}

function select(store: Store, clock: Clock, selection: InboxSelection): Proposal[] {
  if (selection.ids !== 'all' && selection.ids.length === 0) throw new UsageError('say which proposals: their ids (from `net inbox`), or --all');
  const inbox = readInbox(store.sqlite, { until: clock.now.toISOString(), from: selection.from, ids: selection.ids === 'all' ? undefined : selection.ids });
  if (selection.ids !== 'all') {
    const found = new Set(inbox.proposals.map((p) => p.id));
    const missing = selection.ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new NotFoundError(
        `no proposal ${missing.map((id) => `#${id}`).join(', ')} in the inbox`,
        'see them with `net inbox`; a message from nobody in your network becomes a proposal once you add its sender',
      );
    }
  }
  // Oldest first: a reply sent after a message received then closes it, as in life.
  return inbox.proposals.reverse();
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function acceptProposals(store: Store, clock: Clock, selection: InboxSelection, changes: AcceptChanges = {}): Promise<Decided[]> {
  const proposals = select(store, clock, selection);
  const override: ResolvedContact[] | undefined = changes.contacts === undefined ? undefined : await resolveContacts(store.db, changes.contacts);
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'inbox accept', async (w) => {
    const decided: Decided[] = [];
    // An interaction logged by hand is one message or meeting: the first proposal that matches it takes it.
    const claimed = new Set<number>();
    for (const proposal of proposals) {
      if (proposal.logged !== null && !claimed.has(proposal.logged) && override === undefined && changes.note === undefined) {
        claimed.add(proposal.logged);
        setCaptureStatus(w.sqlite, proposal.id, 'accepted', proposal.logged, at);
        decided.push({ proposal, interaction: proposal.logged, linked: true });
        continue;
      }
      const people = override ?? proposal.contacts;
      const note = changes.note !== undefined ? changes.note : proposal.subject;
      const interaction = await recordTouch(w, clock, people, {
        channel: proposal.channel,
        direction: proposal.direction === 'in' || proposal.direction === 'out' ? proposal.direction : 'mutual',
        instant: new Date(proposal.occurred_at),
        note,
      });
      setCaptureStatus(w.sqlite, proposal.id, 'accepted', interaction, at);
      decided.push({ proposal, interaction, linked: false });
    }
    const logged = decided.filter((d) => !d.linked).length;
    w.summary = `accepted ${plural(decided.length, 'proposal', 'proposals')} from the inbox (${logged} logged, ${decided.length - logged} already logged)`;
    return decided;
  });
}

export async function rejectProposals(store: Store, clock: Clock, selection: InboxSelection): Promise<Proposal[]> {
  const proposals = select(store, clock, selection);
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'inbox reject', async (w) => {
    for (const proposal of proposals) setCaptureStatus(w.sqlite, proposal.id, 'rejected', null, at);
    w.summary = `rejected ${plural(proposals.length, 'proposal', 'proposals')} from the inbox`;
    return proposals;
  });
}
