// Before a meeting: the brief of the people you are about to see.
import type { Registration } from '../program.js';

export function registerBrief({ program, lazy }: Registration): void {
  program
    .command('brief')
    .argument('[contacts...]', 'names, ids or unique parts of names: the people you are about to see')
    .summary('what to know before seeing someone')
    .description(
      'Per person, what to know before a meeting, built only from the record: why they\n' +
        'are due, a reply owed, promises open both ways, the give and take, interests\n' +
        '(and those the people of the same brief share), people in common (met together,\n' +
        'same company), dates coming up, the last three touches and one suggested opener.',
    )
    .option('--today', "everyone in today's captured calendar events (`net capture calendar`), meeting by meeting")
    .option('--json', 'print a JSON array: one brief per person')
    .addHelpText('after', '\nExamples:\n  $ net brief giulia\n  $ net brief "Anna Meyer" "#12"\n  $ net brief --today\n  $ net brief giulia --json | jq -r \'.[0].opener.text\'')
    .action(lazy(() => import('../commands/brief.js')));
}
