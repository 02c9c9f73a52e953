// The record of changes: what each command changed (changes), and taking a command back (undo).
import { withListFormats, type Registration } from '../program.js';

export function registerChanges({ program, lazy }: Registration): void {
  program
    .command('undo')
    .argument('[id]', 'the command to take back (see `net changes`; default: the last one)')
    .summary('take back the last command, or command ID (an undo can be undone)')
    .description(
      'Take back every change of a command, as a new command: `net undo` twice\n' +
        'redoes. Says what it will revert; asks on a terminal, needs --yes elsewhere.\n' +
        'Refused when a later command changed the same things (undo that one first),\n' +
        'unless --force.',
    )
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .option('--force', 'take it back even when a later command changed the same things')
    .option('--json', 'print the command that was taken back as JSON')
    .addHelpText('after', '\nExamples:\n  $ net undo\n  $ net undo 42 --yes\n  $ net changes --limit 5')
    .action(lazy(() => import('../commands/undo.js')));

  withListFormats(
    program
      .command('changes')
      .summary('the commands that changed your network, newest first')
      .option('--limit <n>', 'how many commands', '20')
      .option('--all', 'every command')
      .option('--contact <contact>', 'only commands that touched this person'),
  )
    .addHelpText('after', '\nExamples:\n  $ net changes\n  $ net changes --contact giulia\n  $ net changes --all --json | jq \'.[0]\'')
    .action(lazy(() => import('../commands/changes.js')));
}
