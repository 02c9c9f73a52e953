// Who can appear in one of the review's lists of people, described coarsely
// enough for a SQL WHERE clause, as core/scheduler/relevance.ts does for
// `net due`: due for a touch or owed a reply (the scheduler's own filter),
// fading, or with a rhythm their usual gap may not fit. Everyone else is
// only counted (by circle, rhythm and snooze). It must only ever include too
// many (the rules decide); never too few.
import { relevanceFilter, type RelevanceFilter } from '../scheduler/relevance.js';
import type { Settings } from '../settings.js';
import { FADING_FACTOR, FADING_MIN_TOUCHES } from './fading.js';
import { ADVICE_MIN_SPAN_GAPS } from './gaps.js';
import { RHYTHM_MIN_TOUCHES } from './rhythms.js';

export interface ReviewFilter {
  /** People who can have an item of `net due` (the cadence and reply rules among them). */
  due: RelevanceFilter;
  today: string;
  /** Fading: at least `minTouches` days in touch, and silent since the last more than `factor` usual gaps. */
  fading: { minTouches: number; factor: number };
  /** Rhythms: at least `minTouches` days in touch, and a rhythm of their own or from one of `due.circlesWithRhythm`. */
  rhythm: { minTouches: number };
  /** Both: the first and last days in touch at least this many usual gaps apart. */
  spanGaps: number;
}

export function reviewFilter(today: string, settings: Settings): ReviewFilter {
  return {
    due: relevanceFilter(today, settings),
    today,
    fading: { minTouches: FADING_MIN_TOUCHES, factor: FADING_FACTOR },
    rhythm: { minTouches: RHYTHM_MIN_TOUCHES },
    spanGaps: ADVICE_MIN_SPAN_GAPS,
  };
}
