// A realistic sample network for `net demo`, built from the people in
// demo-people.ts: a year of interactions around "today", replies owed,
// promises, favours both ways and an outreach pipeline. Pure and seeded: the
// same day and seed always give the same network.
import { addDays, daysBetween } from './dates.js';
import { nameKey } from './names.js';
import { DEMO_PEOPLE, type FollowUpPlan, type OutreachPlan, type Persona } from './demo-people.js';
import { WRITTEN_CHANNELS, type Channel, type Circle, type Direction } from './vocabulary.js';
import { seededRandom } from './random.js';
export { seededRandom };

export type { FollowUpPlan, Moment, OutreachPlan, Persona } from './demo-people.js';

export interface DemoContact {
  name: string;
  company: string | null;
  role: string | null;
  emails: string[];
  phone: string | null;
  linkedin: string | null;
  location: string | null;
  circle: Circle;
  cadence_days: number | null;
  channel: Channel | null;
  notes: string | null;
  birthday: string | null;
  how_met: string | null;
  met_on: string | null;
  tags: string[];
  interests: string[];
  created_on: string;
  archived_on: string | null;
  snoozed_until: string | null;
}

export interface DemoFavour {
  person: string;
  direction: 'given' | 'received';
  text: string;
}

export interface DemoInteraction {
  on: string;
  /** Local time of day, `HH:MM`. */
  time: string;
  channel: Channel;
  direction: Direction;
  note: string | null;
  people: string[];
  favours: DemoFavour[];
}

export interface DemoFollowup {
  person: string;
  text: string;
  due_on: string;
  done_on: string | null;
  /** Index into `interactions`: the conversation where it was promised. */
  interaction: number | null;
  created_on: string;
}

export interface DemoOutreachEvent {
  kind: 'add' | 'step' | 'nudge';
  from_stage: string | null;
  to_stage: string | null;
  on: string;
  note: string | null;
  interaction: number | null;
}

export interface DemoOutreach {
  person: string;
  why: string;
  via: string | null;
  channel: Channel;
  stage: string;
  next_on: string | null;
  nudges: number;
  last_nudge_on: string | null;
  ended_on: string | null;
  created_on: string;
  updated_on: string;
  events: DemoOutreachEvent[];
}

export interface DemoNetwork {
  today: string;
  contacts: DemoContact[];
  /** Oldest first. */
  interactions: DemoInteraction[];
  followups: DemoFollowup[];
  outreach: DemoOutreach[];
}

/** How far back the journal goes: the person started keeping it a little over a year ago. */
const JOURNAL_DAYS = 365;
const STARTED_DAYS_AGO = 400;


const CIRCLE_CHANNELS: Record<Circle, Channel[]> = {
  inner: ['message', 'call', 'coffee', 'meal', 'video'],
  close: ['message', 'call', 'coffee', 'email', 'video'],
  active: ['email', 'video', 'coffee', 'meeting', 'linkedin'],
  network: ['email', 'linkedin', 'event', 'social', 'coffee'],
  acquaintance: ['linkedin', 'email'],
};

const NOTES: Record<Channel, string[]> = {
  email: ['sent the article on {interest}', 'notes from the {interest} talk', 'thanked {first} for the quick answer', 'shared the slides on {interest}'],
  linkedin: ['congratulated {first} on the new role', 'commented on their post about {interest}', 'shared a job post they might like'],
  message: ['auguri e due chiacchiere', 'photos from the weekend', 'asked how the {interest} project is going', 'quick check-in'],
  social: ['replied to their thread on {interest}', 'shared their launch post'],
  call: ['call: catching up on {interest}', 'telefonata: aggiornamenti su {interest}', 'call about the new job', 'talked through a hiring question'],
  video: ['video call: {interest} roadmap', 'catch-up on Zoom: family, work, {interest}', 'video call about the next project'],
  coffee: ['coffee in Brera: talked about {interest}', 'caffè al volo, parlato di {interest}', 'coffee: {first} is thinking about a move'],
  meal: ['lunch near Porta Nuova: {interest}', 'cena: {interest}, kids, holidays', 'lunch: long talk about careers'],
  meeting: ['workshop on {interest}', 'project meeting: {interest} pilot', 'review of the proposal'],
  event: ['saw {first} at the {interest} meetup', 'conference: chatted between talks about {interest}'],
  other: ['bumped into {first} at the station'],
};

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function timeOfDay(random: () => number, channel: Channel): string {
  const [from, to] =
    channel === 'coffee' ? [8.5, 10.5] : channel === 'meal' ? (random() < 0.5 ? [12.5, 13.5] : [20, 21]) : channel === 'event' ? [18.5, 20] : [9, 18.75];
  const minutes = Math.round(((from + random() * (to - from)) * 60) / 5) * 5;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "Niccolò D'Amico" -> "niccolo.damico": an address-friendly form of a name. */
export function slug(name: string, separator = '.'): string {
  const folded = nameKey(name).replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/ß/g, 'ss').replace(/æ/g, 'ae');
  return folded.replace(/[^a-z ]/g, '').trim().split(/\s+/).join(separator);
}

function birthdayOf(persona: Persona, today: string): string | null {
  const b = persona.birthday;
  if (b === undefined) return null;
  if (typeof b === 'string') return b;
  const monthDay = addDays(today, b.in).slice(5);
  const leap = (b.year % 4 === 0 && b.year % 100 !== 0) || b.year % 400 === 0;
  return `${b.year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

interface Draft extends DemoInteraction {
  key: number;
}

export function buildDemoNetwork(today: string, seed = 20260314, people: readonly Persona[] = DEMO_PEOPLE): DemoNetwork {
  const random = seededRandom(seed);
  const known = new Set(people.map((p) => p.name));
  const day = (ago: number) => addDays(today, -ago);
  const drafts: Draft[] = [];
  const add = (i: DemoInteraction): number => {
    for (const name of i.people) if (!known.has(name)) throw new Error(`demo: unknown person ${name}`);
    drafts.push({ ...i, key: drafts.length });
    return drafts.length - 1;
  };
  const note = (p: Persona, channel: Channel): string | null => {
    if (random() < 0.2) return null;
    const interest = p.interests?.length ? pick(random, p.interests) : 'work';
    return pick(random, NOTES[channel]).replace('{interest}', interest).replace('{first}', p.name.split(' ')[0]);
  };
  const favours = (p: Persona, m: { gave?: string; got?: string }): DemoFavour[] => [
    ...(m.gave ? [{ person: p.name, direction: 'given' as const, text: m.gave }] : []),
    ...(m.got ? [{ person: p.name, direction: 'received' as const, text: m.got }] : []),
  ];

  const contacts: DemoContact[] = [];
  const followupPlans: Array<{ person: string; plan: FollowUpPlan; interaction: number | null }> = [];
  const outreach: DemoOutreach[] = [];
  const outreachInteractions = new Map<DemoOutreachEvent, number>();

  for (const p of people) {
    const metOn = p.metAgo !== undefined ? day(p.metAgo) : (p.metOn ?? null);
    const addedOn = p.outreach ? day(p.outreach.addedAgo) : metOn && metOn > day(STARTED_DAYS_AGO) ? metOn : day(STARTED_DAYS_AGO);
    const domain = `${slug(p.company ?? 'mail', '')}.example`;
    contacts.push({
      name: p.name,
      company: p.company ?? null,
      role: p.role ?? null,
      emails: [`${slug(p.name)}@${domain}`],
      phone: p.phone ?? null,
      linkedin: p.channel === 'linkedin' || random() < 0.4 ? `https://www.linkedin.com/in/${slug(p.name, '-')}-demo` : null,
      location: p.location ?? null,
      circle: p.circle,
      cadence_days: p.every ?? null,
      channel: p.channel ?? p.outreach?.channel ?? null,
      notes: p.notes ?? null,
      birthday: birthdayOf(p, today),
      how_met: p.howMet ?? (p.outreach ? (p.outreach.via ? `through ${p.outreach.via}` : `outreach list: ${p.outreach.why}`) : null),
      met_on: metOn,
      tags: p.tags ?? [],
      interests: p.interests ?? [],
      created_on: addedOn,
      archived_on: p.archivedAgo === undefined ? null : day(p.archivedAgo),
      snoozed_until: p.snoozeFor === undefined ? null : addDays(today, p.snoozeFor),
    });

    // The background of the relationship: contacts every `gap` days or so, back to when they met.
    if (p.gap !== undefined && p.lastAgo !== undefined) {
      const horizon = Math.min(JOURNAL_DAYS, metOn ? daysBetween(metOn, today) : JOURNAL_DAYS);
      for (let ago = p.lastAgo, first = true; ago <= horizon; ago += Math.max(3, Math.round(p.gap * (0.6 + 0.8 * random())))) {
        const channel = random() < 0.6 && p.channel ? p.channel : pick(random, CIRCLE_CHANNELS[p.circle]);
        const written = WRITTEN_CHANNELS.has(channel);
        // The newest background contact is never an unanswered message: replies owed are planned moments.
        const direction: Direction = !written ? 'mutual' : !first && random() < 0.45 ? 'in' : 'out';
        add({ on: day(ago), time: timeOfDay(random, channel), channel, direction, note: note(p, channel), people: [p.name], favours: [] });
        if (direction === 'in') {
          const reply = ago - 1 - Math.floor(random() * 2);
          add({ on: day(reply), time: timeOfDay(random, channel), channel, direction: 'out', note: null, people: [p.name], favours: [] });
        }
        first = false;
      }
    }

    for (const m of p.moments ?? []) {
      const direction = m.dir ?? (WRITTEN_CHANNELS.has(m.via) ? 'out' : 'mutual');
      const index = add({
        on: day(m.ago),
        time: timeOfDay(random, m.via),
        channel: m.via,
        direction,
        note: m.note,
        people: [p.name, ...(m.with ?? [])],
        favours: favours(p, m),
      });
      if (m.followUp) followupPlans.push({ person: p.name, plan: m.followUp, interaction: index });
    }
    for (const plan of p.followUps ?? []) followupPlans.push({ person: p.name, plan, interaction: null });

    if (p.outreach) outreach.push(buildOutreach(p, p.outreach, today, add, random, outreachInteractions));
  }

  // Oldest first, so that ids grow with time as they would in a real journal.
  const order = [...drafts].sort((a, b) => a.on.localeCompare(b.on) || a.time.localeCompare(b.time) || a.key - b.key);
  const indexOf = new Map(order.map((d, i) => [d.key, i]));
  const interactions: DemoInteraction[] = order.map(({ key: _key, ...rest }) => rest);

  const followups = followupPlans.map(({ person, plan, interaction }): DemoFollowup => {
    const due = plan.dueIn !== undefined ? addDays(today, plan.dueIn) : day(plan.dueAgo ?? 0);
    // A promise without its own moment was made in the last conversation before it fell due.
    let at = interaction === null ? null : (indexOf.get(interaction) ?? null);
    if (at === null) {
      for (let i = interactions.length - 1; i >= 0; i--) {
        if (interactions[i].on < due && interactions[i].people.includes(person)) {
          at = i;
          break;
        }
      }
    }
    return {
      person,
      text: plan.text,
      due_on: due,
      done_on: plan.doneAgo === undefined ? null : day(plan.doneAgo),
      interaction: at,
      created_on: at === null ? addDays(due, -7) : interactions[at].on,
    };
  });
  for (const o of outreach) {
    for (const event of o.events) {
      const key = outreachInteractions.get(event);
      event.interaction = key === undefined ? null : (indexOf.get(key) ?? null);
    }
  }
  return { today, contacts, interactions, followups, outreach };
}

const STEP_INTERACTION: Record<string, { direction: Direction; note: string } | undefined> = {
  contacted: { direction: 'out', note: 'first message: why I admire their work, and a question' },
  replied: { direction: 'in', note: 'they replied: happy to have a short call' },
  met: { direction: 'mutual', note: 'first call: got on well, promised to stay in touch' },
};

/** Days until the next step, once a stage is reached (see the outreach rules). */
const NEXT_AFTER: Record<string, number | null> = { target: 0, contacted: 7, replied: 2, met: 7 };

function buildOutreach(
  p: Persona,
  plan: OutreachPlan,
  today: string,
  add: (i: DemoInteraction) => number,
  random: () => number,
  links: Map<DemoOutreachEvent, number>,
): DemoOutreach {
  const day = (ago: number) => addDays(today, -ago);
  const created = day(plan.addedAgo);
  const events: DemoOutreachEvent[] = [{ kind: 'add', from_stage: null, to_stage: 'target', on: created, note: plan.why, interaction: null }];
  const moves: Array<{ on: string; kind: 'step' | 'nudge'; to: string; note?: string }> = [
    ...(plan.steps ?? []).map((s) => ({ on: day(s.ago), kind: 'step' as const, to: s.to, note: s.note })),
    ...(plan.nudges ?? []).map((ago) => ({ on: day(ago), kind: 'nudge' as const, to: 'contacted' })),
  ].sort((a, b) => a.on.localeCompare(b.on));

  let stage = 'target';
  let lastMove = created;
  let nudges = 0;
  let lastNudge: string | null = null;
  for (const move of moves) {
    const spoken = move.kind === 'nudge' ? { direction: 'out' as const, note: 'a short, friendly nudge' } : STEP_INTERACTION[move.to];
    const channel = move.to === 'met' ? 'video' : plan.channel;
    const event: DemoOutreachEvent = {
      kind: move.kind,
      // A nudge keeps the stage: it is recorded as a move from the stage to itself.
      from_stage: stage,
      to_stage: move.kind === 'step' ? move.to : stage,
      on: move.on,
      note: move.note ?? null,
      interaction: null,
    };
    if (spoken) {
      const key = add({ on: move.on, time: timeOfDay(random, channel), channel, direction: spoken.direction, note: move.note ?? spoken.note, people: [p.name], favours: [] });
      links.set(event, key);
    }
    events.push(event);
    if (move.kind === 'nudge') {
      nudges += 1;
      lastNudge = move.on;
    } else stage = move.to;
    lastMove = move.on;
  }
  const waitDays = NEXT_AFTER[stage];
  const ended = waitDays === undefined;
  return {
    person: p.name,
    why: plan.why,
    via: plan.via ?? null,
    channel: plan.channel,
    stage,
    next_on: ended ? null : plan.nextIn !== undefined ? addDays(today, plan.nextIn) : addDays(stage === 'target' ? created : lastMove, waitDays ?? 0),
    nudges,
    last_nudge_on: lastNudge,
    ended_on: ended ? lastMove : null,
    created_on: created,
    updated_on: lastMove,
    events,
  };
}

