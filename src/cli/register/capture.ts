// Capture: mail headers and calendar events into the inbox, and the inbox's
// decisions. Nothing captured is logged until it is accepted.
import { withListFormats, withParentOptions, type Registration } from '../program.js';

export function registerCapture({ program, lazy }: Registration): void {
  const capture = program
    .command('capture')
    .summary('propose interactions from mail headers and calendar events (into `net inbox`)')
    .description(
      'Reads mail headers (never bodies) or calendar events and puts what involves people of your network into\n' +
        '`net inbox`, to accept or reject. Reading the same source again proposes nothing new. Mailing lists,\n' +
        'automated senders, mail to many people, declined and cancelled meetings and large events are left out.\n' +
        'Needs your own addresses: `net config set me.emails "you@example.com, you@work.example"`.',
    );
  capture
    .command('mail')
    .argument('<source>', 'a Maildir folder (mbsync, offlineimap, notmuch), an mbox file (.mbox, .mbox.gz), or - for one message on stdin')
    .summary('propose emails sent and received (headers only)')
    .option('--since <date>', 'leave out older messages')
    .option('--json', 'print the counts as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ net capture mail ~/Mail/work --since "3 months ago"\n  $ net capture mail ~/Takeout/Mail/All\\ mail.mbox\n  $ net capture mail - < message.eml   # from a mutt or aerc key binding',
    )
    .action(lazy(() => import('../commands/capture.js').then((m) => ({ default: m.mail }))));
  capture
    .command('calendar')
    .argument('<source>', 'an .ics file (a Google Calendar or Outlook export) or a vdir folder (khal, vdirsyncer)')
    .summary('propose meetings with people of your network')
    .option('--since <date>', 'from this day (default: 30 days ago)')
    .option('--until <date>', 'up to this day, included (default: today)')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', '\nExamples:\n  $ net capture calendar ~/Downloads/calendar.ics\n  $ net capture calendar ~/.calendars/work --since 2026-01-01')
    .action(lazy(() => import('../commands/capture.js').then((m) => ({ default: m.calendar }))));

  const inbox = withListFormats(
    program
      .command('inbox')
      .summary('captured proposals: go through them, accept or reject')
      .description(
        'The captured messages and meetings with people of your network, grouped by person, newest first; then\n' +
          'the addresses of people not in your network, with how to add them. On a terminal, it walks through the\n' +
          'proposals one by one (accept, another note, another person, reject, skip); --list only lists them.\n' +
          'Accepting logs the interaction (a message received is a reply owed; your reply closes it); one\n' +
          'already logged by hand is linked, not logged twice. Every decision is undoable.',
      )
      .option('--from <source>', 'only what came from this source (as given to capture), or of this kind: mail, meeting')
      .option('--strangers', 'list the addresses of people not in your network instead')
      .option('--list', 'only list, also on a terminal'),
  )
    .addHelpText('after', '\nExamples:\n  $ net inbox\n  $ net inbox accept 12 14\n  $ net inbox accept --all --from meeting\n  $ net inbox reject 13\n  $ net inbox --strangers --csv')
    .action(lazy(() => import('../commands/inbox.js').then((m) => ({ default: m.inbox }))));
  for (const [verb, summary] of [
    ['accept', 'log proposals (undoable)'],
    ['reject', 'drop proposals from the inbox (undoable)'],
  ] as const) {
    inbox
      .command(verb)
      .argument('[ids...]', 'proposal ids (the # of `net inbox`)')
      .summary(summary)
      .option('--all', 'every proposal in the inbox (with --from, those of a source or kind)')
      .option('--from <source>', 'with --all: only what came from this source, or of this kind: mail, meeting')
      .option('--json', `print the proposals ${verb}ed as JSON`)
      .addHelpText('after', `\nExamples:\n  $ net inbox ${verb} 12 14\n  $ net inbox ${verb} --all --from mail`)
      .action(withParentOptions(lazy(() => import('../commands/inbox.js').then((m) => ({ default: verb === 'accept' ? m.accept : m.reject })))));
  }
}
