// Where an outreach stands and when to act next, without moving its stage:
// the introducer was asked (`outreach ask`), or the next step moves to
// another day (`outreach next-on`).
import { addDays } from '../core/dates.js';
import { ConflictError, UsageError } from '../core/errors.js';
import { INTRO_WAIT_DAYS } from '../core/outreach.js';
import { insertOutreachEvent, lastMoveDay, updateOutreach } from '../db/outreach.js';
import { resolveContact, type ResolvedContact } from '../db/resolve.js';
import { openOutreachOf } from './outreach-step.js';
import { inCommand, type Clock, type Store } from './store.js';

export interface AskInput {
  /** When the introducer was asked. */
  day: string;
  /** The next step's day; default a week later, time for the introduction to come. */
  next?: string;
  /** The introducer, when the outreach has none yet (or another one is asked). */
  via?: string;
  note: string | null;
}

export interface Asked {
  contact: ResolvedContact;
  via: ResolvedContact;
  nextOn: string;
}

/** Records that the introducer was asked for an introduction: the next step moves, the stage stays `target`. */
export async function askIntroduction(store: Store, clock: Clock, ref: string, input: AskInput): Promise<Asked> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'outreach ask', async (w) => {
    const contact = await resolveContact(w.db, ref);
    const outreach = await openOutreachOf(w.db, contact, 'record an introduction asked for NAME');
    if (outreach.stage !== 'target') {
      throw new ConflictError(`${contact.name}'s outreach is at ${outreach.stage}: an introduction comes before the first message`, 'see where it stands with `net outreach list`');
    }
    const via = input.via !== undefined ? await resolveContact(w.db, input.via) : outreach.via_contact_id === null ? undefined : await resolveContact(w.db, `#${outreach.via_contact_id}`);
    if (!via) throw new UsageError(`no introducer is named for ${contact.name}'s outreach`, `say who you asked: net outreach ask "${contact.name}" --via NAME`);
    if (via.id === contact.id) throw new UsageError(`--via: ${via.name} cannot introduce you to themselves`);
    const nextOn = input.next ?? addDays(input.day, INTRO_WAIT_DAYS);
    if (nextOn < clock.today) throw new UsageError(`the next step (${nextOn}) would be in the past`, 'give --next a day from today on');
    await updateOutreach(w.db, outreach.id, { next_on: nextOn, ...(via.id !== outreach.via_contact_id ? { via_contact_id: via.id } : {}) }, at);
    await insertOutreachEvent(
      w.db,
      { outreach_id: outreach.id, kind: 'ask', from_stage: outreach.stage, to_stage: outreach.stage, occurred_on: input.day, note: input.note, interaction_id: null },
      at,
    );
    w.summary = `asked ${via.name} (#${via.id}) to introduce ${contact.name} (#${contact.id})`;
    return { contact, via, nextOn };
  });
}

/** Moves the next step of an open outreach to `day`, the stage as it is. */
export async function rescheduleOutreach(store: Store, clock: Clock, ref: string, day: string): Promise<{ contact: ResolvedContact; stage: string; from: string | null }> {
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'outreach next-on', async (w) => {
    const contact = await resolveContact(w.db, ref);
    const outreach = await openOutreachOf(w.db, contact, "move NAME's next step");
    const last = await lastMoveDay(w.db, outreach.id);
    if (last !== null && day < last) throw new ConflictError(`${day} is before the last step of this outreach (${last})`, 'the next step comes after what already happened');
    await updateOutreach(w.db, outreach.id, { next_on: day }, at);
    w.summary = `moved the next outreach step with ${contact.name} (#${contact.id}) to ${day}`;
    return { contact, stage: outreach.stage, from: outreach.next_on };
  });
}
