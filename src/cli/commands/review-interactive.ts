// net review --interactive: the people due for a touch and the relationships
// fading, one at a time, and for each a choice: log a touch now, snooze,
// change circle or rhythm, archive, or skip. Each choice is saved in its own
// transaction as it is made, so quitting halfway keeps what was done.
import { setArchived } from '../../app/archive-contact.js';
import { editContact, emptyContactChange } from '../../app/edit-contact.js';
import { logTouch } from '../../app/log-touch.js';
import { snoozeContact } from '../../app/snooze-contact.js';
import type { Store } from '../../app/store.js';
import type { ContactFields } from '../../db/contacts.js';
import { addDays, daysBetween } from '../../core/dates.js';
import { NotFoundError, UsageError } from '../../core/errors.js';
import { formatInterval, parseInterval } from '../../core/intervals.js';
import { circleGroupsOf, circlesSection } from '../../core/review/circles.js';
import { FADING_MIN_TOUCHES, fadingSection } from '../../core/review/fading.js';
import { rhythmRule, scheduleContext } from '../../core/review/rhythm-status.js';
import { effectiveCadence, type Settings } from '../../core/settings.js';
import { check, textSchema } from '../../core/validate.js';
import { CHANNELS, CIRCLES, defaultDirection } from '../../core/vocabulary.js';
import { activeOutreach, type DueSource } from '../../db/due-data.js';
import { reviewContacts } from '../../db/review-touches.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { colourPrompts } from '../prompt-colours.js';

export interface Choice<T extends string> {
  name: string;
  value: T;
  description?: string;
}

/** The prompts the session asks through; inquirer on a terminal, scripted answers in tests. */
export interface ReviewPrompts {
  select<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>, initial?: T): Promise<T>;
  /** `validate` returns true, or the message to show. */
  input(message: string, options?: { initial?: string; validate?: (value: string) => true | string }): Promise<string>;
}

/** A person to go through, and why they are on the list. */
export interface SessionPerson {
  contact_id: number;
  name: string;
  circle: string;
  /** Their own rhythm; null = the circle's, 0 = none. */
  cadence_days: number | null;
  channel: string | null;
  reason: string;
}

export type SessionAction = 'log' | 'snooze' | 'circle' | 'rhythm' | 'archive' | 'skip' | 'quit';

export interface SessionSummary {
  logged: number;
  snoozed: number;
  changed: number;
  archived: number;
  skipped: number;
  /** People not reached because the session was ended early. */
  left: number;
}

export interface SessionDeps {
  store: Store;
  prompts: ReviewPrompts;
  write: (text: string) => void;
  now: Date;
  today: string;
  settings: Settings;
}

/** The people due (closest circles first), then those fading who are not due already. */
export async function sessionPeople(source: DueSource, settings: Settings, today: string): Promise<SessionPerson[]> {
  const { db } = source;
  const { contacts, touchStats } = reviewContacts(source, today, FADING_MIN_TOUCHES);
  const inOutreach = new Set((await activeOutreach(db)).map((o) => o.contact_id));
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const { overdue } = circlesSection(contacts, rhythmRule(scheduleContext(settings, today, contacts, inOutreach)), {
    groups: circleGroupsOf(contacts, today),
    settings,
  });
  const fading = fadingSection(contacts, touchStats, today);
  const people: SessionPerson[] = [];
  const seen = new Set<number>();
  const add = (id: number, reason: string) => {
    const c = byId.get(id);
    if (!c || seen.has(id)) return;
    seen.add(id);
    people.push({ contact_id: id, name: c.name, circle: c.circle, cadence_days: c.cadence_days, channel: c.channel, reason });
  };
  for (const p of overdue) {
    const last = p.last_contact ? `last contact ${p.last_contact} (${daysBetween(p.last_contact, today)} days ago)` : 'not in touch yet';
    add(p.contact_id, `${p.circle}, every ${formatInterval(p.rhythm)}; ${last}; due ${p.due_on}`);
  }
  for (const f of fading) {
    add(f.contact_id, `fading: usually every ${f.usual_gap_days} days, silent for ${f.current_gap_days} (last contact ${f.last_contact})`);
  }
  return people;
}

const ACTIONS: ReadonlyArray<Choice<SessionAction>> = [
  { name: 'Log a touch now', value: 'log', description: 'record a call, a message or a coffee with them, today' },
  { name: 'Snooze', value: 'snooze', description: 'leave them out of net due for a while' },
  { name: 'Change circle', value: 'circle', description: 'move them closer or further out' },
  { name: 'Change rhythm', value: 'rhythm', description: 'how often you want to be in touch' },
  { name: 'Archive', value: 'archive', description: 'keep the record, out of lists and reminders' },
  { name: 'Skip', value: 'skip', description: 'nothing for now' },
  { name: 'Quit', value: 'quit', description: 'stop here; what was done is saved' },
];

const SNOOZES = ['1 week', '2 weeks', '1 month', '3 months', 'other'] as const;

function validInterval(value: string): true | string {
  const days = parseInterval(value);
  return days === undefined || days === null ? `"${value}" is not an interval (try "10 days", "3 weeks", "2 months")` : true;
}

function validNote(value: string): true | string {
  return textSchema.safeParse(value).success ? true : 'a note cannot hold control characters or be longer than 100,000 characters';
}

/** Runs one person's choice; returns what to count, or null to stop. */
async function act(deps: SessionDeps, person: SessionPerson): Promise<keyof SessionSummary | null> {
  const { store, prompts, write, now, today, settings } = deps;
  const clock = { now, today };
  const ref = `#${person.contact_id}`;
  const action = await prompts.select(`${person.name}: what now?`, ACTIONS, 'log');
  if (action === 'quit') return null;
  if (action === 'skip') return 'skipped';

  // Read every answer first, then save in one short command.
  if (action === 'log') {
    const channels = CHANNELS.map((ch) => ({ name: ch, value: ch }));
    const channel = await prompts.select('How?', channels, (person.channel ?? 'call') as (typeof CHANNELS)[number]);
    const noteText = (await prompts.input('A note (optional):', { validate: validNote })).trim();
    const note = noteText === '' ? null : check(textSchema, noteText, 'note');
    let saved = true;
    try {
      await logTouch(store, clock, [ref], { channel, direction: defaultDirection(channel), instant: now, note });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      saved = false;
    }
    write(saved ? `  Logged ${channel} with ${person.name} today.\n` : `  ${person.name} is no longer in the network; nothing saved.\n`);
    return saved ? 'logged' : 'skipped';
  }

  if (action === 'snooze') {
    const pick = await prompts.select('Snooze for how long?', SNOOZES.map((s) => ({ name: s, value: s })), '2 weeks');
    const text = pick === 'other' ? await prompts.input('For how long? ("10 days", "6 weeks")', { validate: validInterval }) : pick;
    const days = parseInterval(text);
    if (days === undefined || days === null) throw new UsageError(`snooze: "${text}" is not an interval`);
    const until = addDays(today, days);
    await snoozeContact(store, clock, ref, until);
    write(`  Snoozed ${person.name} until ${until}.\n`);
    return 'snoozed';
  }

  if (action === 'circle') {
    const circle = await prompts.select(
      'Which circle?',
      CIRCLES.map((c) => ({ name: `${c} (${formatInterval(settings.cadence[c])})`, value: c })),
      person.circle as (typeof CIRCLES)[number],
    );
    await saveContact(store, clock, ref, { circle });
    const rhythm = effectiveCadence(settings, circle, person.cadence_days);
    write(`  ${person.name} is now in ${circle} (${rhythm === null ? 'no rhythm' : `every ${formatInterval(rhythm)}`}).\n`);
    return 'changed';
  }

  if (action === 'rhythm') {
    const current = effectiveCadence(settings, person.circle, person.cadence_days);
    const text = await prompts.input('Be in touch every… ("3 weeks", "monthly", "none")', {
      initial: current === null ? 'none' : formatInterval(current),
      validate: (v) => (parseInterval(v) === undefined ? validInterval(v) : true),
    });
    const days = parseInterval(text);
    if (days === undefined) throw new UsageError(`rhythm: "${text}" is not an interval`);
    // 0 stores "no rhythm" for this person, whatever their circle's.
    await saveContact(store, clock, ref, { cadence_days: days ?? 0 });
    write(`  ${person.name}: ${days === null ? 'no rhythm' : `every ${formatInterval(days)}`} from now on.\n`);
    return 'changed';
  }

  await setArchived(store, clock, ref, true);
  write(`  Archived ${person.name}: \`net unarchive ${person.contact_id}\` brings them back.\n`);
  return 'archived';
}

async function saveContact(store: Store, clock: { now: Date; today: string }, ref: string, fields: Partial<ContactFields>): Promise<void> {
  await editContact(store, clock, ref, { ...emptyContactChange(), fields });
}

/** Goes through the people one at a time; every choice is saved before the next question. */
export async function runReviewSession(deps: SessionDeps, people: readonly SessionPerson[]): Promise<SessionSummary> {
  const summary: SessionSummary = { logged: 0, snoozed: 0, changed: 0, archived: 0, skipped: 0, left: 0 };
  for (const [i, person] of people.entries()) {
    deps.write(`\n[${i + 1}/${people.length}] ${person.name} #${person.contact_id} — ${person.reason}\n`);
    const counted = await act(deps, person);
    if (counted === null) {
      summary.left = people.length - i;
      break;
    }
    summary[counted] += 1;
  }
  return summary;
}

/** The prompts (@inquirer), loaded only when a session starts. */
export async function inquirerPrompts(): Promise<ReviewPrompts> {
  const [{ default: select }, { default: input }] = await Promise.all([import('@inquirer/select'), import('@inquirer/input')]);
  return {
    select: (message, choices, initial) => select({ message, choices: [...choices], default: initial }),
    input: (message, options = {}) => input({ message, default: options.initial, validate: options.validate }),
  };
}

export default async function reviewInteractive(ctx: Context, prompts?: ReviewPrompts): Promise<void> {
  if (!prompts && !ctx.interactive) {
    throw new UsageError('net review --interactive needs a terminal (stdin and stdout), and no --no-input', 'run `net review` for the report, or `net due` for the list');
  }
  const opened = await ctx.database({ create: false });
  const { db } = opened;
  const settings = await loadSettings(db);
  const people = await sessionPeople(opened, settings, ctx.today);
  const c = await ctx.chalk();
  if (people.length === 0) {
    ctx.io.write(`${c.green('Nobody is due or fading: every relationship is on rhythm.')}\n`);
    return;
  }
  ctx.io.write(c.bold(`${people.length} ${people.length === 1 ? 'person' : 'people'} to go through: due for a touch, then fading.\n`));
  const summary = await runReviewSession(
    { store: opened, prompts: prompts ?? (colourPrompts(ctx), await inquirerPrompts()), write: (text) => ctx.io.write(text), now: ctx.now, today: ctx.today, settings },
    people,
  );
  const parts = [`${summary.logged} logged`, `${summary.snoozed} snoozed`, `${summary.changed} changed`, `${summary.archived} archived`, `${summary.skipped} skipped`];
  if (summary.left) parts.push(`${summary.left} left for next time`);
  ctx.io.write(`\nDone: ${parts.join(', ')}.\n`);
}
