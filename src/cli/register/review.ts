// The look back: `net review`, as a report, as JSON, or one person at a time.
import type { Registration } from '../program.js';

export function registerReview({ program, lazy }: Registration): void {
  program
    .command('review')
    .summary('look back on the week: who was seen, who is fading, what to do next')
    .description(
      'Look back on a period (default: the last 7 days up to today): activity, the last 12 weeks, ' +
        'circles against their natural sizes, fading relationships, give and take, replies, follow-ups, ' +
        'outreach, rhythms that do not fit, and 3 to 5 next steps. Circles, fading, what is owed and rhythms ' +
        'are as of today, whatever the period.\n\n' +
        'Advice needs history: fading and rhythm advice come only for people with at least 4 days in touch ' +
        'spanning at least 3 usual gaps (from the first of those days to the last), where the usual gap is ' +
        'the median of the gaps between their days in touch over their latest 50 interactions. Three touches ' +
        'in one week say nothing yet. A person is fading when their silence is more than twice their usual ' +
        'gap; a rhythm is suggested when the usual gap is more than twice or less than half the rhythm set.\n\n' +
        'With --interactive, go through the people due and fading one at a time and act on each: ' +
        'every choice is saved as it is made.',
    )
    .option('--week', 'the last 7 days (the default)')
    .option('--month', 'the last 30 days')
    .option('--quarter', 'the last 91 days')
    .option('--since <date>', 'from this day on ("2026-01-01", "3 weeks ago", "lunedì scorso")')
    .option('--until <date>', 'up to this day instead of today')
    .option('--json', 'print the review as one JSON object')
    .option('-i, --interactive', 'go through the people due and fading one at a time (needs a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  $ net review                       # the last 7 days
  $ net review --quarter --json | jq '.fading[] | .name'
  $ net review --interactive         # act on each person due or fading`,
    )
    .action(lazy(() => import('../commands/review.js')));
}
