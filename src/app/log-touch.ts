// Logging a touch: one interaction with one or more people, with the favours
// given or received in it and a promise made. `net log`, `review
// --interactive` and the outreach steps all log through recordTouch.
import { localDay } from '../core/dates.js';
import type { Direction } from '../core/vocabulary.js';
import { insertFavour, insertFollowup, insertInteraction } from '../db/interactions.js';
import { resolveContacts, type ResolvedContact } from '../db/resolve.js';
import { inCommand, type Clock, type Store, type Writer } from './store.js';

export interface Touch {
  channel: string;
  direction: Direction;
  /** When it happened; never later than the command's clock. */
  instant: Date;
  note: string | null;
  gave?: readonly string[];
  got?: readonly string[];
  /** A promise made in it, owed to the first person. */
  followUp?: { text: string; dueOn: string };
}

export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Writes one touch inside an open command; returns the interaction's id. */
export async function recordTouch(w: Writer, clock: Clock, people: readonly ResolvedContact[], touch: Touch): Promise<number> {
  const at = clock.now.toISOString();
  const instant = touch.instant > clock.now ? clock.now : touch.instant;
  const day = localDay(instant);
  const interactionId = await insertInteraction(
    w.db,
    { occurred_at: instant.toISOString(), occurred_on: day, channel: touch.channel, direction: touch.direction, note: touch.note },
    people.map((p) => p.id),
    at,
  );
  for (const person of people) {
    for (const text of touch.gave ?? []) {
      await insertFavour(w.db, { contact_id: person.id, interaction_id: interactionId, direction: 'given', text, occurred_on: day }, at);
    }
    for (const text of touch.got ?? []) {
      await insertFavour(w.db, { contact_id: person.id, interaction_id: interactionId, direction: 'received', text, occurred_on: day }, at);
    }
  }
  if (touch.followUp !== undefined && people.length > 0) {
    await insertFollowup(w.db, { contact_id: people[0].id, interaction_id: interactionId, text: touch.followUp.text, due_on: touch.followUp.dueOn }, at);
  }
  return interactionId;
}

export async function logTouch(store: Store, clock: Clock, refs: readonly string[], touch: Touch): Promise<{ people: ResolvedContact[]; interactionId: number }> {
  return inCommand(store, clock, 'log', async (w) => {
    const people = await resolveContacts(w.db, refs);
    const interactionId = await recordTouch(w, clock, people, touch);
    w.summary = `logged ${touch.channel} with ${joinNames(people.map((p) => p.name))}`;
    return { people, interactionId };
  });
}
