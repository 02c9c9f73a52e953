// Adding a person to the outreach list: someone to reach, why, through whom.
import { ConflictError, NotFoundError, UsageError } from '../core/errors.js';
import { isLikelyTypo } from '../core/matching.js';
import { derivedHowMet, TARGET_CIRCLE } from '../core/outreach.js';
import { addEmails, addInterests, addTags, getStoredContact, insertContact, updateContact, type ContactFields } from '../db/contacts.js';
import { findActiveOutreach, findLatestOutreach, insertOutreach, insertOutreachEvent } from '../db/outreach.js';
import { resolveContact } from '../db/resolve.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface OutreachTarget {
  name: string;
  why: string | null;
  via?: string;
  channel?: string;
  company?: string | null;
  role?: string | null;
  linkedin?: string;
  knownFrom?: string | null;
  emails: readonly string[];
  interests: readonly string[];
  tags: readonly string[];
  nextOn: string;
  /** A new contact even when the name matches someone already there. */
  createNew?: boolean;
}

export interface OutreachAdded {
  id: number;
  name: string;
  /** A new contact was made for the target. */
  created: boolean;
  viaName: string | null;
  channel: string | null;
}

export async function addOutreach(store: Store, clock: Clock, target: OutreachTarget): Promise<OutreachAdded> {
  const at = clock.now.toISOString();
  if (target.via !== undefined && target.via.trim() === '') throw new UsageError('--via: the introducer is empty');
  return inCommand(store, clock, 'outreach add', async (w) => {
    const { db } = w;
    // The target: the person the name already names (as everywhere: id, exact
    // name, unique beginning, near match), unless --new; a name that matches
    // nobody is a new contact. Several matches: the caller asks, or fails.
    let contactId: number | undefined;
    if (!target.createNew) {
      try {
        const found = await resolveContact(db, target.name);
        // A near match must look like a typo of that name: "Pia Target" is not Olga Target, "Later" not Late.
        if (found.how !== 'near' || (/\s/.test(target.name.trim()) && isLikelyTypo(target.name, found.name))) contactId = found.id;
      } catch (error) {
        if (!(error instanceof NotFoundError) || /^#?\d+$/.test(target.name)) throw error;
      }
    }
    const via = target.via === undefined ? undefined : await resolveContact(db, target.via);
    if (via && via.id === contactId) throw new UsageError(`--via: ${via.name} cannot introduce you to themselves`);

    const existing = contactId === undefined ? undefined : await getStoredContact(db, contactId);
    if (existing?.archived_at) {
      throw new ConflictError(`${existing.name} is archived`, `bring them back first with \`net unarchive "${existing.name}"\``);
    }
    if (existing) {
      const active = await findActiveOutreach(db, existing.id);
      if (active) {
        throw new ConflictError(
          `${existing.name} is already on your outreach list (stage ${active.stage}, next step ${active.next_on})`,
          `move it with \`net outreach step "${existing.name}" STAGE\`; see it with \`net outreach list\``,
        );
      }
    }
    // A person reached before: what was known then stays, unless said anew.
    const previous = existing ? await findLatestOutreach(db, existing.id) : undefined;
    const viaId = via?.id ?? previous?.via_contact_id ?? null;
    const viaName = via?.name ?? (viaId === null ? null : ((await getStoredContact(db, viaId))?.name ?? null));
    const reason = target.why ?? previous?.why ?? null;

    const given: Partial<ContactFields> = {};
    if (target.company !== undefined) given.company = target.company;
    if (target.role !== undefined) given.role = target.role;
    if (target.linkedin !== undefined) given.linkedin = target.linkedin;
    if (target.knownFrom !== undefined) given.how_met = target.knownFrom;
    let id: number;
    if (existing) {
      id = existing.id;
      if (Object.keys(given).length > 0) await updateContact(db, id, given, at);
      await addEmails(db, id, target.emails);
      await addInterests(db, id, target.interests);
      await addTags(db, id, target.tags);
    } else {
      id = await insertContact(
        db,
        { ...given, name: target.name, circle: TARGET_CIRCLE, how_met: given.how_met ?? derivedHowMet(viaName, reason) },
        { emails: [...target.emails], interests: [...target.interests], tags: [...target.tags] },
        at,
      );
    }

    // The channel: as said, else as last time, else where they can be found.
    const stored = await getStoredContact(db, id);
    const hasEmail =
      target.emails.length > 0 || (await db.selectFrom('contact_emails').select('email').where('contact_id', '=', id).executeTakeFirst()) !== undefined;
    const chosen = target.channel ?? previous?.channel ?? stored?.channel ?? (stored?.linkedin ? 'linkedin' : hasEmail ? 'email' : null);

    const outreachId = await insertOutreach(
      db,
      { contact_id: id, why: reason, via_contact_id: viaId, channel: chosen, stage: 'target', next_on: target.nextOn },
      at,
    );
    await insertOutreachEvent(
      db,
      { outreach_id: outreachId, kind: 'add', from_stage: null, to_stage: 'target', occurred_on: clock.today, note: reason, interaction_id: null },
      at,
    );
    const name = stored?.name ?? target.name;
    w.summary = `put ${name} (#${id}) on the outreach list`;
    return { id, name, created: !existing, viaName, channel: chosen };
  });
}
