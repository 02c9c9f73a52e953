// Scheduling: the morning list (due), closing an item of it (dismiss),
// promises (followup), pausing a person (snooze) and the settings behind them
// (config).
import { withListFormats, type Registration } from '../program.js';

export function registerScheduling(registration: Registration): void {
  declareDue(registration);
  declareDismiss(registration);
  declareFollowup(registration);
  declareSnooze(registration);
  declareConfig(registration);
}

/** `net due`, declared alone by its own bundle (src/cli/everyday/due.ts). */
export function declareDue({ program, lazy }: Registration): void {
  withListFormats(
    program
      .command('due')
      .summary('the relationships that need attention today, ranked')
      .description(
        'The morning list: replies owed, promises due, rhythms reached, new contacts\n' +
          'to touch again, birthdays and outreach steps, ranked by a score (see\n' +
          '--explain and `net config`). It shows the first due.limit items (default 7);\n' +
          '--json, --csv and --ics list every item unless --limit is given.',
      )
      .option('--on <date>', 'what will be due on a coming day ("friday", "in 2 weeks", 2026-04-01)')
      .option('--limit <n>', 'at most N items')
      .option('--all', 'every item, not only the first due.limit')
      .option('--explain', 'show the terms of each score'),
  )
    .option('--ics', 'print an iCalendar file: one all-day event per item')
    .addHelpText(
      'after',
      `
Examples:
  $ net due
  $ net due --on friday --all
  $ net due --explain
  $ net due --json | jq '.[] | select(.kind == "reply") | .name'
  $ net due --ics > due.ics`,
    )
    .action(lazy(() => import('../commands/due.js')));
}

function declareDismiss({ program, lazy }: Registration): void {
  program
    .command('dismiss')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary("close a person's item of the morning list for now, without logging anything")
    .description(
      'Close an item of `net due` for now, without inventing an interaction: a "Thanks!"\n' +
        'that needs no reply, a birthday wished elsewhere. Without --kind, the person\'s one\n' +
        'item today. A reply comes back when they write again, a birthday next year; a\n' +
        'rhythm comes back a rhythm from today, as after a touch; an outreach step when\n' +
        'you plan the next one. Follow-ups are kept (`followup done`) or dropped\n' +
        '(`followup drop`) instead. Listed in `net changes`; `net undo` takes it back.',
    )
    .option('--kind <kind>', 'which item: reply, birthday, nurture, outreach or cadence')
    .addHelpText(
      'after',
      '\nExamples:\n  $ net dismiss marco                  # their "Thanks!" needs no reply\n  $ net dismiss anna --kind birthday   # wished her on the phone\n  $ net undo                           # it was not done after all',
    )
    .action(lazy(() => import('../commands/dismiss.js')));
}

function declareFollowup({ program, lazy }: Registration): void {
  const followup = program
    .command('followup')
    .summary('promises, yours and theirs: add, list, edit, done, drop')
    .addHelpText('after', '\nExamples:\n  $ net followup add anna "send the deck" --by friday\n  $ net followup list\n  $ net followup done 3\n  $ net followup drop 4');

  followup
    .command('add')
    .argument('<contact>', 'name, id or unique part of a name')
    .argument('<text>', 'the promise, e.g. "send the deck"')
    .summary('record a promise to keep, or one they made (--theirs)')
    .option('--by <date>', 'when it is due ("friday", "in 2 weeks", 2026-04-01; default: in 7 days)')
    .option('--theirs', 'they promised it ("she\'ll send the deck"): reminders to reach them rank lower until it is late')
    .option('--json', 'print the follow-up as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ net followup add anna "send the deck" --by friday\n  $ net followup add "#12" "introduce to Sara" --by "in 2 weeks"\n  $ net followup add anna "send the term sheet" --theirs --by friday',
    )
    .action(lazy(() => import('../commands/followup.js').then((m) => ({ default: m.add }))));

  withListFormats(
    followup
      .command('list')
      .alias('ls')
      .summary('open follow-ups, by due day')
      .option('--all', 'kept and dropped ones too'),
  )
    .addHelpText('after', '\nExamples:\n  $ net followup list\n  $ net followup list --all --csv > promises.csv')
    .action(lazy(() => import('../commands/followup.js').then((m) => ({ default: m.list }))));

  followup
    .command('done')
    .argument('<ids...>', 'follow-up ids (see `net followup list`)')
    .summary('mark a promise as kept')
    .addHelpText('after', '\nExamples:\n  $ net followup done 3\n  $ net followup done 3 4 7')
    .action(lazy(() => import('../commands/followup.js').then((m) => ({ default: m.done }))));

  followup
    .command('edit')
    .argument('<id>', 'a follow-up id (see `net followup list`)')
    .summary('move a promise to another day, reword it, or give it to another person')
    .option('--by <date>', 'the new due day ("next friday", 2026-04-01)')
    .option('--text <text>', 'the promise in new words')
    .option('--contact <contact>', 'the person it is owed to')
    .option('--json', 'print the follow-up as JSON')
    .addHelpText('after', '\nExamples:\n  $ net followup edit 3 --by "next friday"\n  $ net followup edit 3 --text "send the new deck"')
    .action(lazy(() => import('../commands/followup.js').then((m) => ({ default: m.edit }))));

  followup
    .command('drop')
    .argument('<ids...>', 'follow-up ids (see `net followup list`)')
    .summary('close a promise that is no longer needed (not counted as kept)')
    .addHelpText('after', '\nExamples:\n  $ net followup drop 3\n  $ net followup drop 3 4')
    .action(lazy(() => import('../commands/followup.js').then((m) => ({ default: m.drop }))));
}

function declareSnooze({ program, lazy }: Registration): void {
  program
    .command('snooze')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary('pause the reminders about a person for a while')
    .description(
      'Pause the rhythm, new-contact and birthday reminders about a person until a\n' +
        'day: they come back on that day. Replies owed and follow-ups still show.',
    )
    .option('--until <date>', 'the day reminders come back ("friday", "next month", 2026-05-01)')
    .option('--for <interval>', 'how long ("2 weeks", "30 days", "monthly")')
    .option('--clear', 'end the snooze now')
    .addHelpText('after', '\nExamples:\n  $ net snooze anna --for "2 weeks"\n  $ net snooze "#12" --until 2026-05-01\n  $ net snooze anna --clear')
    .action(lazy(() => import('../commands/snooze.js')));
}

function declareConfig({ program, lazy }: Registration): void {
  const config = program
    .command('config')
    .summary('settings: circle rhythms, reply window, list length, score weights')
    .addHelpText(
      'after',
      '\nExamples:\n  $ net config list\n  $ net config set cadence.close "3 weeks"\n  $ net config set reply_window 5\n  $ net config get due.limit',
    );

  config
    .command('list')
    .summary('every setting with its value')
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  $ net config list\n  $ net config list --json')
    .action(lazy(() => import('../commands/config.js').then((m) => ({ default: m.list }))));

  config
    .command('get')
    .argument('<key>', 'a setting, e.g. cadence.close')
    .summary('print one setting')
    .addHelpText('after', '\nExamples:\n  $ net config get cadence.close\n  $ net config get reply_window')
    .action(lazy(() => import('../commands/config.js').then((m) => ({ default: m.get }))));

  config
    .command('set')
    .argument('<key>', 'a setting, e.g. cadence.close')
    .argument('<value>', 'its new value, e.g. "3 weeks", none, 5')
    .summary('change one setting')
    .addHelpText('after', '\nExamples:\n  $ net config set cadence.close "3 weeks"\n  $ net config set cadence.acquaintance none\n  $ net config set weight.reply 8')
    .action(lazy(() => import('../commands/config.js').then((m) => ({ default: m.set }))));

  config
    .command('unset')
    .argument('<key>', 'a setting, e.g. cadence.close')
    .summary('bring one setting back to its default')
    .addHelpText('after', '\nExamples:\n  $ net config unset cadence.close\n  $ net config unset due.limit')
    .action(lazy(() => import('../commands/config.js').then((m) => ({ default: m.unset }))));
}
