// Logging a touch: one interaction with one or more people, with the favours
// given or received in it and a promise made, each belonging to one person.
// `net log`, `review --interactive` and the outreach steps all log through
// recordTouch.
import { localDay } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { assignOwner, ownerHint, type Participant } from '../core/participants.js';
import type { Direction } from '../core/vocabulary.js';
import { insertFavour, insertFollowup, insertInteraction } from '../db/interactions.js';
import { resolveContacts, type ResolvedContact } from '../db/resolve.js';
import { loadSettings } from '../db/settings.js';
import { outreachAfterTouch, type OutreachMove } from './outreach-touch.js';
import { inCommand, type Clock, type Store, type Writer } from './store.js';

export interface OwnedFavour {
  direction: 'given' | 'received';
  text: string;
  contactId: number;
}

export interface Touch {
  channel: string;
  direction: Direction;
  /** When it happened; never later than the command's clock. */
  instant: Date;
  note: string | null;
  /** The note goes to the team with the interaction's facts (`--share-note`, or team.share_notes). */
  noteShared?: boolean;
  /** Favours given or received in it, each with its person. */
  favours?: readonly OwnedFavour[];
  /** A promise made in it, owed to one person. */
  followUp?: { text: string; dueOn: string; contactId: number };
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
    { occurred_at: instant.toISOString(), occurred_on: day, channel: touch.channel, direction: touch.direction, note: touch.note, note_shared: touch.noteShared === true && touch.note !== null },
    people.map((p) => p.id),
    at,
  );
  for (const favour of touch.favours ?? []) {
    await insertFavour(w.db, { contact_id: favour.contactId, interaction_id: interactionId, direction: favour.direction, text: favour.text, occurred_on: day }, at);
  }
  if (touch.followUp !== undefined) {
    const { text, dueOn, contactId } = touch.followUp;
    await insertFollowup(w.db, { contact_id: contactId, interaction_id: interactionId, text, due_on: dueOn }, at);
  }
  return interactionId;
}

/** What `net log` is given: favours and a promise as typed, "NAME: text" in a group. */
export interface TypedTouch extends Omit<Touch, 'favours' | 'followUp'> {
  gave?: readonly string[];
  got?: readonly string[];
  followUp?: { text: string; dueOn: string };
}

/** A favour or the promise of a group log that names none of its people, with the option it came from. */
export interface Unowned {
  option: '--gave' | '--got' | '--follow-up';
  text: string;
}

/** The favours and promise of a typed touch that name nobody among `people` (none when there is one person). */
export function unownedIn(touch: Pick<TypedTouch, 'gave' | 'got' | 'followUp'>, people: readonly Participant[]): Unowned[] {
  const typed: Unowned[] = [
    ...(touch.gave ?? []).map((text) => ({ option: '--gave' as const, text })),
    ...(touch.got ?? []).map((text) => ({ option: '--got' as const, text })),
    ...(touch.followUp ? [{ option: '--follow-up' as const, text: touch.followUp.text }] : []),
  ];
  return typed.filter((t) => assignOwner(t.text, people).person === null);
}

export interface LoggedTouch {
  people: ResolvedContact[];
  interactionId: number;
  favours: Array<OwnedFavour & { name: string }>;
  followUp: { text: string; dueOn: string; contactId: number; name: string } | undefined;
  /** Outreach the touch counted for. */
  outreach: OutreachMove[];
}

/** Each typed favour and promise given to its person; a group log's that name nobody are a usage error. */
function owned(touch: TypedTouch, people: readonly ResolvedContact[]): Pick<LoggedTouch, 'favours' | 'followUp'> {
  const missing = unownedIn(touch, people);
  if (missing.length > 0) {
    const [first] = missing;
    throw new UsageError(
      `${first.option} "${first.text}": a favour or a promise belongs to one person; say whose, among ${joinNames(people.map((p) => p.name))}`,
      `e.g. ${first.option} "${ownerHint(people).split(', ')[0]}: ${first.text}" (on a terminal, net asks)`,
    );
  }
  const give = (text: string, direction: 'given' | 'received') => {
    const { person, text: plain } = assignOwner(text, people);
    if (person === null) throw new Error('an unowned favour passed the check');
    return { direction, text: plain, contactId: person.id, name: person.name };
  };
  const favours = [...(touch.gave ?? []).map((t) => give(t, 'given')), ...(touch.got ?? []).map((t) => give(t, 'received'))];
  let followUp: LoggedTouch['followUp'];
  if (touch.followUp) {
    const { person, text } = assignOwner(touch.followUp.text, people);
    if (person === null) throw new Error('an unowned promise passed the check');
    followUp = { text, dueOn: touch.followUp.dueOn, contactId: person.id, name: person.name };
  }
  return { favours, followUp };
}

export async function logTouch(store: Store, clock: Clock, refs: readonly string[], touch: TypedTouch): Promise<LoggedTouch> {
  return inCommand(store, clock, 'log', async (w) => {
    const people = await resolveContacts(w.db, refs);
    const { favours, followUp } = owned(touch, people);
    const noteShared = touch.noteShared ?? (touch.note !== null && (await loadSettings(w.db)).team_share_notes);
    const interactionId = await recordTouch(w, clock, people, { ...touch, noteShared, favours, followUp });
    const instant = touch.instant > clock.now ? clock.now : touch.instant;
    const outreach = await outreachAfterTouch(w, clock, people, { direction: touch.direction, channel: touch.channel, day: localDay(instant), interactionId });
    w.summary = `logged ${touch.channel} with ${joinNames(people.map((p) => p.name))}`;
    return { people, interactionId, favours, followUp, outreach };
  });
}
