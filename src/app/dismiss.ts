// Dismissing an item of the morning list: closed for now without inventing an
// interaction (a "Thanks!" that needs no reply, a birthday wished elsewhere).
// Recorded like any change, so `net changes` lists it and `net undo` takes it back.
import { addDays } from '../core/dates.js';
import { ConflictError, NotFoundError, UsageError } from '../core/errors.js';
import { newUid } from '../core/ids.js';
import { effectiveCadence } from '../core/settings.js';
import { DISMISS_KINDS, scheduleAttention, type AttentionItem, type DismissKind } from '../core/scheduler.js';
import { activeOutreach, personFacts } from '../db/due-data.js';
import { resolveContact, type ResolvedContact } from '../db/resolve.js';
import { loadSettings } from '../db/settings.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface Dismissed {
  contact: ResolvedContact;
  kind: DismissKind;
  /** The item as `net due` showed it before. */
  item: AttentionItem;
  /** For a rhythm: the day it comes back, a rhythm after today, as after a touch. */
  backOn: string | null;
}

type DismissableItem = AttentionItem & { kind: DismissKind };

function isDismissable(item: AttentionItem): item is DismissableItem {
  return (DISMISS_KINDS as readonly string[]).includes(item.kind);
}

/**
 * Closes for now the person's item of `kind`, or their one item when no kind
 * is given. Only an item due today can be dismissed: what is not on the list
 * has nothing to close.
 */
export async function dismissItem(store: Store, clock: Clock, ref: string, kind?: DismissKind): Promise<Dismissed> {
  return inCommand(store, clock, 'dismiss', async (w) => {
    const contact = await resolveContact(w.db, ref);
    const facts = personFacts({ db: w.db, sqlite: w.sqlite }, contact.id);
    const settings = await loadSettings(w.db);
    const items = facts
      ? scheduleAttention({ today: clock.today, settings, contacts: [facts], followups: [], outreach: await activeOutreach(w.db, contact.id) }).filter(isDismissable)
      : [];
    const kinds = items.map((i) => i.kind).join(' and ');
    let item: DismissableItem | undefined;
    if (kind !== undefined) {
      item = items.find((i) => i.kind === kind);
      if (!item) {
        throw new ConflictError(
          `${contact.name} has no ${kind} item today${items.length ? ` (only ${kinds})` : ''}`,
          items.length ? `dismiss it with --kind ${items[0].kind}` : 'see what is due with `net due`',
        );
      }
    } else if (items.length === 1) item = items[0];
    else if (items.length === 0) throw new NotFoundError(`nothing is due for ${contact.name} today: nothing to dismiss`, 'see what is due with `net due`');
    else {
      throw new UsageError(
        `${contact.name} has ${items.length} items today (${items.map((i) => i.kind).join(', ')}): say which to dismiss`,
        `e.g. net dismiss "${contact.name}" --kind ${items[0].kind}`,
      );
    }
    const at = clock.now.toISOString();
    await w.db
      .insertInto('dismissals')
      .values({ uid: newUid(), contact_id: contact.id, kind: item.kind, dismissed_on: clock.today, created_at: at, updated_at: at })
      .execute();
    w.summary = `dismissed the ${item.kind} item of ${contact.name} (#${contact.id})`;
    const rhythm = facts && item.kind === 'cadence' ? effectiveCadence(settings, facts.circle, facts.cadence_days) : null;
    return { contact, kind: item.kind, item, backOn: rhythm === null ? null : addDays(clock.today, rhythm) };
  });
}
