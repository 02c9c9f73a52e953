// Duplicates: finding the people who may be one person, and merging them.
import { withListFormats, type Registration } from '../program.js';

export function registerDuplicates({ program, lazy }: Registration): void {
  withListFormats(
    program
      .command('duplicates')
      .summary('people who may be the same person, strongest first, with the reasons')
      .description(
        'Pairs of people who may be one person: the same email, LinkedIn profile or\n' +
          'phone; the same name at the same company (legal forms aside); a near name (a\n' +
          'typo, a missing middle name, first and last swapped) at the same company or\n' +
          'with an email at the same domain. A pair said to differ (--not) is not\n' +
          'proposed again.',
      )
      .option('--not <people...>', 'two people who are not the same person'),
  )
    .addHelpText('after', '\nExamples:\n  $ net duplicates\n  $ net duplicates --not 12 34\n  $ net duplicates --json | jq \'.[0]\'')
    .action(lazy(() => import('../commands/duplicates.js')));

  program
    .command('merge')
    .argument('<keep>', 'the person who stays (name, id or unique part of a name)')
    .argument('<other>', 'the person merged into them')
    .summary('merge two records of one person into one (undoable)')
    .description(
      "Everything of OTHER's moves to KEEP: interactions (one participant where both\n" +
        'were there), favours, follow-ups and outreach (two open ones become the one\n' +
        "further along). KEEP keeps its fields, and takes OTHER's where it has none;\n" +
        "emails, tags and interests are united. OTHER's id and uid then resolve to\n" +
        'KEEP.\n' +
        'Shows what it will do and asks on a terminal; needs --yes elsewhere. `net\n' +
        'undo` takes it back.',
    )
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .option('--json', 'print what was merged as JSON')
    .addHelpText('after', '\nExamples:\n  $ net merge 12 34\n  $ net merge "Federico Sala" "#34" --yes')
    .action(lazy(() => import('../commands/merge.js')));
}
