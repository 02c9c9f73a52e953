// The outreach pipeline as rules: the stages, which moves are allowed, when
// the next step comes, and what that step is. Pure: "today" is an argument.
import { addDays, daysBetween } from './dates.js';

/** The stages (contract), in pipeline order; the last three end an outreach. */
export const STAGES = ['target', 'contacted', 'replied', 'met', 'connected', 'declined', 'parked'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that end an outreach: no next step, and no move out of them. */
export const ENDING_STAGES: ReadonlySet<Stage> = new Set(['connected', 'declined', 'parked']);

/**
 * Days between a message and the next nudge: someone who has not answered in
 * less than a week is busy, not unwilling.
 */
export const NUDGE_SPACING_DAYS = 7;

/** After this many nudges without a reply, the suggestion is to park the outreach, not to press. */
export const MAX_NUDGES = 2;

/** After a reply: answer while the conversation is warm and propose the call or coffee. */
export const REPLY_FOLLOW_UP_DAYS = 2;

/** After the first meeting: a second touch within a week, or the new relationship fades. */
export const MEETING_FOLLOW_UP_DAYS = 7;

/** The circle a person joins when an outreach ends in `connected`, unless told otherwise. */
export const CONNECTED_CIRCLE = 'network';

/**
 * The circle of a person created by `outreach add`: not yet a relationship, so
 * no rhythm; the outreach's own next steps bring them up.
 */
export const TARGET_CIRCLE = 'acquaintance';

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function isEnding(stage: string): boolean {
  return ENDING_STAGES.has(stage as Stage);
}

/** The position along target → contacted → replied → met → connected. */
function progress(stage: Stage): number {
  return ['target', 'contacted', 'replied', 'met', 'connected'].indexOf(stage);
}

export type MoveCheck = { ok: true } | { ok: false; reason: string; hint: string };

/**
 * Whether an outreach may move from one stage to another. Forward moves may
 * skip stages (a person met at an event goes from `target` to `met`);
 * `declined` and `parked` end it from any open stage; nothing moves back, and
 * an ended outreach does not move at all.
 */
export function checkMove(from: Stage, to: Stage): MoveCheck {
  if (isEnding(from)) {
    return {
      ok: false,
      reason: `the outreach has ended (${from})`,
      hint: 'start a new one with `net outreach add`',
    };
  }
  if (from === to) return { ok: false, reason: `it is already at ${to}`, hint: 'see the pipeline with `net outreach list`' };
  if (to === 'declined' || to === 'parked') return { ok: true };
  if (progress(to) < progress(from)) {
    return {
      ok: false,
      reason: `${to} comes before ${from}: an outreach only moves forward`,
      hint: `the stages are ${STAGES.slice(0, 5).join(' → ')}, or declined / parked`,
    };
  }
  return { ok: true };
}

/** Stages whose step records a conversation, and who started it. */
export const STEP_DIRECTION: Readonly<Partial<Record<Stage, 'out' | 'in' | 'mutual'>>> = {
  contacted: 'out',
  replied: 'in',
  met: 'mutual',
};

/** The default next step after moving to a stage on `day`; null once it has ended. */
export function nextStepAfter(stage: Stage, day: string): string | null {
  switch (stage) {
    case 'target':
      return day;
    case 'contacted':
      return addDays(day, NUDGE_SPACING_DAYS);
    case 'replied':
      return addDays(day, REPLY_FOLLOW_UP_DAYS);
    case 'met':
      return addDays(day, MEETING_FOLLOW_UP_DAYS);
    default:
      return null;
  }
}

/** After asking an introducer: a week for them to make the introduction, then look again. */
export const INTRO_WAIT_DAYS = 7;

/** What an interaction logged by hand does to an open outreach: the step it stands for, if any. */
export type TouchEffect = { kind: 'step'; to: Stage } | { kind: 'nudge' } | { kind: 'answered' };

/**
 * The step an interaction with the person stands for, by the stage it meets:
 * a message you sent to a target is the first message (contacted), another
 * one to someone contacted is a nudge; a message from them is their reply;
 * meeting them is `met`; your answer to their reply is the step that waited
 * (the call or coffee is still to come). Null when it changes nothing: after
 * meeting, a touch is the relationship going on.
 */
export function touchEffect(stage: string, direction: 'in' | 'out' | 'mutual'): TouchEffect | null {
  if (direction === 'mutual') return stage === 'target' || stage === 'contacted' || stage === 'replied' ? { kind: 'step', to: 'met' } : null;
  if (direction === 'in') return stage === 'target' || stage === 'contacted' ? { kind: 'step', to: 'replied' } : null;
  if (stage === 'target') return { kind: 'step', to: 'contacted' };
  if (stage === 'contacted') return { kind: 'nudge' };
  if (stage === 'replied') return { kind: 'answered' };
  return null;
}

/** The earliest allowed next step after a message on `day` (contacting or nudging). */
export function earliestNudge(lastMessageOn: string): string {
  return addDays(lastMessageOn, NUDGE_SPACING_DAYS);
}

export type NudgeCheck =
  | { ok: true }
  | { ok: false; reason: string; hint: string; rule: 'stage' | 'spacing' | 'limit' };

/**
 * Whether a nudge may be recorded on `day`. Only a `contacted` outreach is
 * waiting for an answer; a nudge comes no sooner than a week after the last
 * message; after two, the person is left in peace.
 */
export function checkNudge(state: { stage: string; nudges: number; lastMessageOn: string | null }, day: string): NudgeCheck {
  if (state.stage !== 'contacted') {
    const hint =
      state.stage === 'target'
        ? 'nothing was sent yet: record the first message with `net outreach step NAME contacted`'
        : isEnding(state.stage)
          ? 'start a new one with `net outreach add`'
          : 'they have answered: move it forward with `net outreach step`';
    return { ok: false, rule: 'stage', reason: `a nudge follows a message without an answer, and this outreach is at ${state.stage}`, hint };
  }
  if (state.nudges >= MAX_NUDGES) {
    return {
      ok: false,
      rule: 'limit',
      reason: `${state.nudges} nudges without a reply already: respect their time`,
      hint: 'park it with `net outreach step NAME parked` (or record it anyway with --force)',
    };
  }
  if (state.lastMessageOn !== null) {
    const earliest = earliestNudge(state.lastMessageOn);
    if (day < earliest) {
      return {
        ok: false,
        rule: 'spacing',
        reason: `the last message was on ${state.lastMessageOn}: give them ${NUDGE_SPACING_DAYS} days, until ${earliest}`,
        hint: 'if you already sent it, record it with --force',
      };
    }
  }
  return { ok: true };
}

/** What to do next about an open outreach (contract of `outreach next --json`: the `action` key). */
export type NextAction = 'ask_intro' | 'intro_asked' | 'first_message' | 'nudge' | 'park' | 'propose_meeting' | 'follow_up';

export interface OpenOutreach {
  contactId: number;
  name: string;
  stage: string;
  nextOn: string | null;
  nudges: number;
  channel: string | null;
  via: string | null;
  /** The day of the first message or the last nudge, whichever is later. */
  lastMessageOn: string | null;
  /** The day the introducer was last asked for the introduction (`net outreach ask`); null when never. */
  askedOn: string | null;
  createdAt: string;
}

export interface NextStep {
  action: NextAction;
  /** A sentence a person can act on. */
  suggestion: string;
  /** Days since the step came (0 = today). */
  daysOverdue: number;
}

const CHANNEL_PHRASE: Readonly<Record<string, string>> = {
  email: 'by email',
  linkedin: 'on LinkedIn',
  message: 'by chat or text',
  social: 'on social media',
  call: 'by phone',
  video: 'by video call',
  coffee: 'over coffee',
  meal: 'over a meal',
  meeting: 'at a meeting',
  event: 'at an event',
  other: '',
};

export function channelPhrase(channel: string | null): string {
  return channel === null ? '' : (CHANNEL_PHRASE[channel] ?? `by ${channel}`);
}

function withChannel(text: string, channel: string | null): string {
  const phrase = channelPhrase(channel);
  return phrase ? `${text} ${phrase}` : text;
}

/** The next step of an open outreach, as an action and a readable suggestion with the command to run. */
export function planNext(o: OpenOutreach, today: string): NextStep {
  const daysOverdue = o.nextOn === null ? 0 : daysBetween(o.nextOn, today);
  const step = (action: NextAction, suggestion: string): NextStep => ({ action, suggestion, daysOverdue });
  const who = `"${o.name}"`;
  switch (o.stage) {
    case 'target':
      if (o.via && o.askedOn) {
        return step(
          'intro_asked',
          `you asked ${o.via} for an introduction on ${o.askedOn}: ask again, or write yourself mentioning them: net outreach draft ${who}`,
        );
      }
      if (o.via) {
        return step('ask_intro', `ask ${o.via} for an introduction (then net outreach ask ${who}), or write mentioning them: net outreach draft ${who}`);
      }
      return step('first_message', `${withChannel('write a personal first message', o.channel)}: net outreach draft ${who}`);
    case 'contacted': {
      const since = o.lastMessageOn ? ` since ${o.lastMessageOn}` : '';
      if (o.nudges >= MAX_NUDGES) {
        return step('park', `${o.nudges} nudges without a reply${since}: let it rest rather than press: net outreach step ${who} parked`);
      }
      return step(
        'nudge',
        `no reply${since}: ${withChannel('a short, friendly nudge', o.channel)} (${o.nudges + 1} of ${MAX_NUDGES}): net outreach nudge ${who}`,
      );
    }
    case 'replied':
      return step('propose_meeting', `they replied: answer, and propose a short call or a coffee; then net outreach step ${who} met`);
    case 'met':
      return step('follow_up', `a second touch after meeting (thanks, what you promised); then net outreach step ${who} connected`);
    default:
      throw new RangeError(`no next step for an outreach at ${o.stage}`);
  }
}

/** Open outreach whose next step has come, oldest due first. */
export function dueOutreach<T extends OpenOutreach>(open: readonly T[], today: string): T[] {
  return open
    .filter((o) => !isEnding(o.stage) && o.nextOn !== null && o.nextOn <= today)
    .sort(
      (a, b) =>
        (a.nextOn ?? '').localeCompare(b.nextOn ?? '') ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.name.localeCompare(b.name) ||
        a.contactId - b.contactId,
    );
}

/** Where a stage sorts in the pipeline listing. */
export function stageRank(stage: string): number {
  const i = (STAGES as readonly string[]).indexOf(stage);
  return i === -1 ? STAGES.length : i;
}

/**
 * How a person created by `outreach add` is known, when nothing better was
 * said: through the introducer, else the reason on the list.
 */
export function derivedHowMet(via: string | null, why: string | null): string | null {
  if (via) return `${HOW_MET_VIA}${via}`;
  if (why) return `${HOW_MET_WHY}${why}`;
  return null;
}

const HOW_MET_VIA = 'through ';
const HOW_MET_WHY = 'outreach list: ';

/** A how-met text written by `derivedHowMet` says nothing a draft does not already say. */
export function isDerivedHowMet(text: string, via: string | null, why: string | null): boolean {
  return text === derivedHowMet(via, null) || text === derivedHowMet(null, why);
}
