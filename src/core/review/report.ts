// The whole review as data: every section computed from what the database
// layer gathered, ready for the report renderer or for --json.
import type { Settings } from '../settings.js';
import { activitySection, type ActivityCounts, type ActivitySection } from './activity.js';
import { balanceSection, type BalanceSection, type FavourCounts, type OneSided } from './balance.js';
import { circleGroupsOf, circlesSection, type CircleEntry, type CircleGroup, type OverduePerson } from './circles.js';
import type { ReviewContact } from './contacts.js';
import { fadingSection, type FadingEntry } from './fading.js';
import type { TouchStats } from './gaps.js';
import { followupsSection, type FollowupsSection, type KeptFollowup, type OpenFollowup } from './followups.js';
import { nextSteps, type NextStep } from './next.js';
import { outreachSection, type OutreachSection, type StageCount, type StageMove } from './outreach.js';
import type { Period } from './period.js';
import { repliesSection, type AnsweredReply, type RepliesSection } from './replies.js';
import { rhythmRule, scheduleContext } from './rhythm-status.js';
import { rhythmsSection, type RhythmSuggestion } from './rhythms.js';
import { weeklySeries, type WeekCount } from './weekly.js';

/** The section keys of `net review --json` (contract), in order. */
export const REVIEW_KEYS = [
  'period',
  'activity',
  'weekly',
  'circles',
  'fading',
  'balance',
  'replies',
  'followups',
  'outreach',
  'rhythms',
  'next',
] as const;

export interface ReviewInput {
  period: Period;
  previous: Period;
  /** The day the state sections (circles, fading, replies and follow-ups owed, rhythms) are seen from. */
  today: string;
  settings: Settings;
  activity: ActivityCounts;
  previousActivity: ActivityCounts;
  /** Interactions per week of the weekly series (see weekStarts); weeks left out had none. */
  weeks: ReadonlyArray<WeekCount>;
  /**
   * People not archived: all of them, or, with circleGroups, at least every
   * person who can appear in a list (due, fading, owed a reply, a rhythm to
   * adjust), as the database's review filter selects them.
   */
  contacts: readonly ReviewContact[];
  /** Everyone not archived, counted by circle, rhythm and snooze; worked out from `contacts` when absent. */
  circleGroups?: readonly CircleGroup[];
  /** Days in touch, usual gap and last day of each person with at least three days in touch (see touchStatsOf). */
  touchStats: ReadonlyMap<number, TouchStats>;
  favours: { period: FavourCounts; overall: FavourCounts; perContact: readonly OneSided[] };
  answeredReplies: readonly AnsweredReply[];
  keptFollowups: readonly KeptFollowup[];
  openFollowups: readonly OpenFollowup[];
  outreach: { stages: readonly StageCount[]; moves: readonly StageMove[]; added: number; nudges: number };
  /** People with an active outreach: the pipeline, not their rhythm, says when to reach them. */
  inOutreach: ReadonlySet<number>;
}

export interface Review {
  period: Period;
  activity: ActivitySection;
  weekly: WeekCount[];
  circles: CircleEntry[];
  fading: FadingEntry[];
  balance: BalanceSection;
  replies: RepliesSection;
  followups: FollowupsSection;
  outreach: OutreachSection;
  rhythms: RhythmSuggestion[];
  next: NextStep[];
}

export interface ReviewResult {
  review: Review;
  /** The people due for a touch, closest circles first (not a section of its own). */
  overdue: OverduePerson[];
}

export function buildReview(input: ReviewInput): ReviewResult {
  const context = scheduleContext(input.settings, input.today, input.contacts, input.inOutreach);
  const groups = input.circleGroups ?? circleGroupsOf(input.contacts, input.today);
  const { circles, overdue } = circlesSection(input.contacts, rhythmRule(context), { groups, settings: input.settings });
  const fading = fadingSection(input.contacts, input.touchStats, input.today);
  const balance = balanceSection(input.favours.period, input.favours.overall, input.favours.perContact);
  const replies = repliesSection(input.answeredReplies, input.contacts, context);
  const followups = followupsSection(input.keptFollowups, input.openFollowups, input.today);
  const outreach = outreachSection(input.outreach.stages, input.outreach.moves, input.outreach.added, input.outreach.nudges);
  const rhythms = rhythmsSection(input.contacts, input.touchStats, input.settings);
  const next = nextSteps({ replies, followups, overdue, fading, balance, circles, rhythms, outreach, networkSize: groups.reduce((n, g) => n + g.people, 0) });
  return {
    review: {
      period: input.period,
      activity: activitySection(input.activity, input.previousActivity, input.previous),
      weekly: weeklySeries(input.period.to, input.weeks),
      circles,
      fading,
      balance,
      replies,
      followups,
      outreach,
      rhythms,
      next,
    },
    overdue,
  };
}
