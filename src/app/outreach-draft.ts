// What a first message is built from: the person, the outreach, the introducer
// and the interests they share with the network; read in one transaction.
import { sharedInterests, type DraftFacts } from '../core/drafts.js';
import { NotFoundError } from '../core/errors.js';
import { isDerivedHowMet } from '../core/outreach.js';
import { getStoredContact } from '../db/contacts.js';
import { findActiveOutreach, findLatestOutreach, interestLists, networkInterestCounts } from '../db/outreach.js';
import { resolveContact } from '../db/resolve.js';
import { loadSettings } from '../db/settings.js';
import type { Store } from './store.js';

export async function draftFacts(store: Store, ref: string): Promise<{ facts: DraftFacts; channel: string | null; contactId: number }> {
  return store.db.transaction().execute(async (trx) => {
    const contact = await resolveContact(trx, ref);
    const outreach = (await findActiveOutreach(trx, contact.id)) ?? (await findLatestOutreach(trx, contact.id));
    if (!outreach) {
      throw new NotFoundError(`${contact.name} is not on your outreach list`, `add them with \`net outreach add "${contact.name}" --why …\``);
    }
    const stored = await getStoredContact(trx, contact.id);
    const via = outreach.via_contact_id === null ? undefined : await getStoredContact(trx, outreach.via_contact_id);
    const own = await interestLists(trx, contact.id);
    const shared = sharedInterests({
      target: own,
      introducer: via ? await interestLists(trx, via.id) : null,
      networkInterests: await networkInterestCounts(trx, contact.id),
    });
    const howMet = stored?.how_met ?? null;
    const facts: DraftFacts = {
      name: contact.name,
      via: via?.name ?? null,
      sharedInterests: shared,
      knownFrom: howMet && !isDerivedHowMet(howMet, via?.name ?? null, outreach.why) ? howMet : null,
      company: stored?.company ?? null,
      role: stored?.role ?? null,
      why: outreach.why,
      interests: own.interests,
      sender: await loadSettings(trx).then((s) => ({ name: s.me_name, signature: s.draft_signature })),
    };
    return { facts, channel: outreach.channel, contactId: contact.id };
  });
}
