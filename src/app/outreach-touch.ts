// An interaction logged by hand with someone on the outreach list counts for
// the step it stands for (core/outreach.ts touchEffect): a message sent to a
// target is the first message, theirs is a reply, a meeting is `met`. The
// pipeline then says where things stand without a second command.
import { addDays, localDay } from '../core/dates.js';
import { MEETING_FOLLOW_UP_DAYS, nextStepAfter, NUDGE_SPACING_DAYS, touchEffect } from '../core/outreach.js';
import type { Direction } from '../core/vocabulary.js';
import { getStoredContact, updateContact } from '../db/contacts.js';
import { findActiveOutreach, insertOutreachEvent, lastMoveDay, updateOutreach, type OutreachChange } from '../db/outreach.js';
import type { ResolvedContact } from '../db/resolve.js';
import type { Clock, Writer } from './store.js';

export interface OutreachMove {
  contact: ResolvedContact;
  from: string;
  /** The stage after it (the same for a nudge or an answer). */
  to: string;
  kind: 'step' | 'nudge' | 'answered';
  nextOn: string | null;
}

export interface LoggedTouchFacts {
  direction: Direction;
  channel: string;
  /** The local day it happened. */
  day: string;
  interactionId: number;
}

/** Moves the open outreach of each person the touch counts for; returns what moved. */
export async function outreachAfterTouch(w: Writer, clock: Clock, people: readonly ResolvedContact[], touch: LoggedTouchFacts): Promise<OutreachMove[]> {
  const at = clock.now.toISOString();
  const moves: OutreachMove[] = [];
  for (const person of people) {
    const outreach = await findActiveOutreach(w.db, person.id);
    if (!outreach) continue;
    const effect = touchEffect(outreach.stage, touch.direction);
    if (effect === null) continue;
    // Only what happened since the person was put on the list, after its last step, moves it on.
    const last = await lastMoveDay(w.db, outreach.id);
    if (touch.day < localDay(new Date(outreach.created_at)) || (last !== null && touch.day < last)) continue;
    const from = outreach.stage;
    if (effect.kind === 'step') {
      const change: OutreachChange = { stage: effect.to, next_on: nextStepAfter(effect.to, touch.day) };
      if (effect.to === 'contacted' && outreach.channel === null) change.channel = touch.channel;
      await updateOutreach(w.db, outreach.id, change, at);
      await insertOutreachEvent(
        w.db,
        { outreach_id: outreach.id, kind: 'step', from_stage: from, to_stage: effect.to, occurred_on: touch.day, note: null, interaction_id: touch.interactionId },
        at,
      );
      if (effect.to === 'met' && (await getStoredContact(w.db, person.id))?.met_on === null) await updateContact(w.db, person.id, { met_on: touch.day }, at);
      moves.push({ contact: person, from, to: effect.to, kind: 'step', nextOn: change.next_on ?? null });
    } else if (effect.kind === 'nudge') {
      const nextOn = addDays(touch.day, NUDGE_SPACING_DAYS);
      await updateOutreach(w.db, outreach.id, { nudges: outreach.nudges + 1, last_nudge_on: touch.day, next_on: nextOn }, at);
      await insertOutreachEvent(
        w.db,
        { outreach_id: outreach.id, kind: 'nudge', from_stage: from, to_stage: from, occurred_on: touch.day, note: null, interaction_id: touch.interactionId },
        at,
      );
      moves.push({ contact: person, from, to: from, kind: 'nudge', nextOn });
    } else {
      // Your answer to their reply: the call or coffee it proposes comes next; look again in a week.
      const nextOn = addDays(touch.day, MEETING_FOLLOW_UP_DAYS);
      await updateOutreach(w.db, outreach.id, { next_on: nextOn }, at);
      moves.push({ contact: person, from, to: from, kind: 'answered', nextOn });
    }
  }
  return moves;
}
