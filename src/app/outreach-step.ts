// Moving an outreach along: a step to a stage, or a nudge. Each logs the
// conversation it stands for through the same touch as `net log`.
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError, UsageError } from '../core/errors.js';
import { checkMove, checkNudge, CONNECTED_CIRCLE, earliestNudge, isEnding, nextStepAfter, STEP_DIRECTION, type Stage } from '../core/outreach.js';
import { getStoredContact, updateContact } from '../db/contacts.js';
import { findActiveOutreach, findLatestOutreach, insertOutreachEvent, lastMessageDay, lastMoveDay, updateOutreach, type OutreachChange } from '../db/outreach.js';
import { resolveContact, type ResolvedContact } from '../db/resolve.js';
import type { Database, OutreachRow } from '../db/schema.js';
import { recordTouch } from './log-touch.js';
import { inCommand, type Clock, type Store } from './store.js';

/**
 * The open outreach of a person, or an error that says why there is none.
 * `doing` names the refused act, with NAME standing for the person ("move NAME to met").
 */
export async function openOutreachOf(db: Kysely<Database>, contact: { id: number; name: string }, doing: string): Promise<OutreachRow> {
  const active = await findActiveOutreach(db, contact.id);
  if (active) return active;
  const latest = await findLatestOutreach(db, contact.id);
  if (latest) {
    throw new ConflictError(
      `cannot ${doing.replace('NAME', contact.name)}: the outreach has ended (${latest.stage} on ${latest.ended_on})`,
      `start a new one with \`net outreach add "${contact.name}"\``,
    );
  }
  throw new NotFoundError(`${contact.name} is not on your outreach list`, `add them with \`net outreach add "${contact.name}" --why …\``);
}

async function checkOrder(db: Kysely<Database>, outreachId: number, day: string): Promise<void> {
  const last = await lastMoveDay(db, outreachId);
  if (last !== null && day < last) {
    throw new ConflictError(`--date: ${day} is before the last step of this outreach (${last})`, 'steps are recorded in the order they happened');
  }
}

/** The note on an interaction when none was given, so the timeline says what it was. */
const DEFAULT_NOTE: Partial<Record<Stage, string>> = {
  contacted: 'first message (outreach)',
  replied: 'they replied (outreach)',
  met: 'first meeting (outreach)',
};

export interface StepInput {
  stage: Stage;
  note: string | null;
  when: { day: string; instant: Date };
  /** The next step's day, when given. */
  next?: string;
  channel?: string;
  /** The circle a connected person joins. */
  circle?: string;
}

export interface StepResult {
  contact: ResolvedContact;
  from: Stage;
  channel: string | null;
  direction: string | undefined;
  nextOn: string | null;
  cadenceOverride: number | null;
  circle: string;
}

export async function stepOutreach(store: Store, clock: Clock, ref: string, input: StepInput): Promise<StepResult> {
  const { stage, when } = input;
  const circle = input.circle ?? CONNECTED_CIRCLE;
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'outreach step', async (w) => {
    const contact = await resolveContact(w.db, ref);
    const outreach = await openOutreachOf(w.db, contact, `move NAME to ${stage}`);
    const from = outreach.stage as Stage;
    const move = checkMove(from, stage);
    if (!move.ok) throw new ConflictError(`cannot move ${contact.name} from ${from} to ${stage}: ${move.reason}`, move.hint);
    await checkOrder(w.db, outreach.id, when.day);

    let nextOn: string | null = input.next ?? nextStepAfter(stage, when.day);
    if (stage === 'contacted' && input.next !== undefined && input.next < earliestNudge(when.day)) {
      throw new UsageError(
        `--next: ${input.next} is too soon after the first message: give them a week, until ${earliestNudge(when.day)}`,
        'respect their time: no nudge within 7 days',
      );
    }
    if (isEnding(stage)) nextOn = null;

    let interactionId: number | null = null;
    let channel: string | null = null;
    const direction = STEP_DIRECTION[stage];
    if (direction) {
      channel = input.channel ?? outreach.channel;
      if (channel === null) {
        throw new UsageError(`--channel: no channel is chosen for ${contact.name}'s outreach`, `say which one, e.g. net outreach step "${contact.name}" ${stage} --channel email`);
      }
      interactionId = await recordTouch(w, clock, [contact], { channel, direction, instant: when.instant, note: input.note ?? DEFAULT_NOTE[stage] ?? null });
    }

    const change: OutreachChange = { stage, next_on: nextOn };
    if (isEnding(stage)) change.ended_on = when.day;
    // The channel of the first message is the channel of the outreach from then on.
    if (stage === 'contacted' && input.channel !== undefined) change.channel = input.channel;
    await updateOutreach(w.db, outreach.id, change, at);
    await insertOutreachEvent(
      w.db,
      { outreach_id: outreach.id, kind: 'step', from_stage: from, to_stage: stage, occurred_on: when.day, note: input.note, interaction_id: interactionId },
      at,
    );

    const stored = await getStoredContact(w.db, contact.id);
    if (stage === 'met' && stored && stored.met_on === null) await updateContact(w.db, contact.id, { met_on: when.day }, at);
    if (stage === 'connected') await updateContact(w.db, contact.id, { circle }, at);
    w.summary = `moved ${contact.name} (#${contact.id}) from ${from} to ${stage}`;
    return { contact, from, channel, direction, nextOn, cadenceOverride: stored?.cadence_days ?? null, circle };
  });
}

export interface NudgeInput {
  note: string | null;
  when: { day: string; instant: Date };
  next?: string;
  channel?: string;
  /** Record a nudge sent anyway, outside the rules of spacing and count. */
  force?: boolean;
}

export async function nudgeOutreach(
  store: Store,
  clock: Clock,
  ref: string,
  input: NudgeInput,
): Promise<{ contact: ResolvedContact; nudges: number; nextOn: string; channel: string }> {
  const { when } = input;
  const at = clock.now.toISOString();
  return inCommand(store, clock, 'outreach nudge', async (w) => {
    const contact = await resolveContact(w.db, ref);
    const outreach = await openOutreachOf(w.db, contact, 'nudge NAME');
    const lastMessageOn = await lastMessageDay(w.db, outreach);
    const allowed = checkNudge({ stage: outreach.stage, nudges: outreach.nudges, lastMessageOn }, when.day);
    // --force records a nudge that was sent anyway; it cannot make a nudge of a stage that waits for none.
    if (!allowed.ok && (allowed.rule === 'stage' || !input.force)) {
      throw new ConflictError(`no nudge for ${contact.name}: ${allowed.reason}`, allowed.hint.replace('NAME', `"${contact.name}"`));
    }
    await checkOrder(w.db, outreach.id, when.day);
    const channel = input.channel ?? outreach.channel;
    if (channel === null) throw new UsageError(`--channel: no channel is chosen for ${contact.name}'s outreach`, 'say which one, e.g. --channel email');
    const interactionId = await recordTouch(w, clock, [contact], { channel, direction: 'out', instant: when.instant, note: input.note ?? 'nudge (outreach)' });
    const nudges = outreach.nudges + 1;
    const nextOn = input.next ?? earliestNudge(when.day);
    await updateOutreach(w.db, outreach.id, { nudges, last_nudge_on: when.day, next_on: nextOn }, at);
    await insertOutreachEvent(
      w.db,
      { outreach_id: outreach.id, kind: 'nudge', from_stage: outreach.stage, to_stage: outreach.stage, occurred_on: when.day, note: input.note, interaction_id: interactionId },
      at,
    );
    w.summary = `nudged ${contact.name} (#${contact.id}) (nudge ${nudges})`;
    return { contact, nudges, nextOn, channel };
  });
}
