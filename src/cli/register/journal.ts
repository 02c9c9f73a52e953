// The journal: who you know (add, edit, archive, rm) and what happened (log, list, show, history).
import { Option, type Command } from 'commander';
import { withListFormats, withParentOptions, type Registration } from '../program.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * `--no-interest TOPIC` removes an interest. commander would read any `--no-x`
 * as "x = false" and store it under `interest`; this keeps it apart.
 */
class RemoveInterestOption extends Option {
  constructor() {
    super('--no-interest <topic>', 'remove an interest (repeatable)');
    this.argParser(collect);
  }
  override attributeName(): string {
    return 'dropInterest';
  }
}

/** The contact fields shared by `add` and `edit`. */
function contactOptions(command: Command): Command {
  return command
    .option('--company <name>', 'company or organisation')
    .option('--role <title>', 'role or job title')
    .option('--email <address>', 'an email address (repeatable)', collect)
    .option('--phone <number>', 'phone number')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--location <place>', 'city or place')
    .option('--tag <tags>', 'tags, comma-separated (repeatable)', collect)
    .option('--interest <topics>', 'interests, comma-separated (repeatable)', collect)
    .option('--met-at <text>', 'how or where you met')
    .option('--met-on <date>', 'when you met ("last spring" is not a date; "2024-03-10", "3 weeks ago" are)')
    .option('--known-since <date>', 'when the relationship began, for people you have known for a while ("2015-09-01", "10 years ago"): kept as the day you met')
    .option('--circle <circle>', 'inner, close, active, network or acquaintance')
    .option('--every <interval>', 'your rhythm with this person: "2 weeks", "45 days", "monthly", "quarterly", "none"; empty for the circle\'s')
    .option('--channel <channel>', 'the channel you prefer with this person')
    .option('--birthday <date>', 'birthday: 1985-04-12, or --04-12 without the year')
    .option('--note <text>', 'notes about the person')
    .option('--nickname <names>', 'what they are called besides their name, comma-separated (repeatable); names find them too', collect)
    .option('--name-prefix <title>', 'a title before the name, kept apart from it ("Dott.ssa", "Prof.")')
    .option('--name-suffix <text>', 'after the name, kept apart from it ("Jr.", "PhD")');
}

export function registerJournal(registration: Registration): void {
  declareAdd(registration);
  declareLog(registration);
  declareList(registration);
  declareShow(registration);
  declareHistory(registration);
  declareFavour(registration);
  declareEdit(registration);
  declareArchive(registration);
  declareRm(registration);
  declareSearch(registration);
}

function declareAdd({ program, lazy }: Registration): void {
  contactOptions(
    program
      .command('add')
      .argument('[name]', 'full name (asked for on a terminal when missing)')
      .summary('add a person to your network')
      .description(
        'Add a person to your network. Default circle: network (every 120 days).\n\n' +
          'A person is new when you met them (--met-on, else the first interaction logged,\n' +
          'else the day you add them) in the last 30 days: a new contact gets a "second\n' +
          'touch" reminder a week after meeting. Entering a network you already have?\n' +
          'Say how long you have known each person with --known-since (or a past\n' +
          '--met-on, or log a past interaction), or import them (`net import`), which\n' +
          'spreads their first touches over their rhythm: no flood of second touches.',
      ),
  )
    .option('-e, --edit', 'write the notes in $VISUAL or $EDITOR (starting from --note); --note - reads them from standard input')
    .option('--force', 'add even when the same name or email already exists')
    .option('--json', 'print the new contact as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net add "Giulia Rossi" --company Satispay --role CTO --circle close \\
      --interest "AI,fintech"
  $ net add "Niccolò Bianchi" --email nb@example.com --met-at "PyCon Italia" \\
      --met-on 2025-05-30
  $ net add "Anna Meyer" --every "3 weeks" --tag mentor
  $ net add "Paolo Neri" --circle inner --known-since 2012-09-01`,
    )
    .action(lazy(() => import('../commands/add.js')));
}

/** `net log`, declared alone by its own bundle (src/cli/everyday/log.ts). */
export function declareLog({ program, lazy }: Registration): void {
  program
    .command('log')
    .argument('<contacts...>', 'who was there: names, ids (12 or #12), or unique parts of names')
    .summary('record an interaction with one or more people')
    .description(
      'Record an interaction. Several people = one interaction with all of them.\n' +
        'Channels: email, linkedin, message, social, call, video, coffee, meal, meeting, event, other.\n\n' +
        'A favour or a promise belongs to one person. With several people, name whose it\n' +
        'is before a colon: --got "Jürgen: intro to Siemens", --follow-up "anna: send the\n' +
        'slides" (a name, a unique part of one, or #id, among the people logged). Without\n' +
        'a name, net asks on a terminal; elsewhere it is a usage error (exit 2).',
    )
    .option('-m, --note <text>', 'what you talked about (- reads it from standard input)')
    .option('-e, --edit', 'write the note in $VISUAL or $EDITOR, as git commit does (starting from -m)')
    .option('--date <date>', 'when it happened, in English or Italian ("yesterday", "martedì scorso")', 'now')
    .option('--via <channel>', 'the channel', 'other')
    .option('--in', 'they reached out to you')
    .option('--out', 'you reached out to them')
    .option('--gave <favour>', 'a favour you gave (repeatable); in a group, "NAME: favour"', collect)
    .option('--got <favour>', 'a favour you received (repeatable); in a group, "NAME: favour"', collect)
    .option('--follow-up <promise>', 'a promise to keep, e.g. "send the deck"; in a group, "NAME: promise"')
    .option('--by <date>', 'when the follow-up is due (default: 7 days later)')
    .option('--share-note', 'your team sees the note too, with the facts (see `net team`)')
    .option('--no-share-note', 'the note stays yours, whatever team.share_notes says')
    .option('--json', 'print the interaction as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net log "Giulia Rossi" --via coffee --date yesterday \\
      -m "talked about the AI meetup"
  $ net log anna marco --via meeting -m "roadmap review" \\
      --follow-up "anna: send the slides" --by friday \\
      --got "marco: intro to Nexi"
  $ net log nicolo --via email --in -m "asked for an intro to Sara"`,
    )
    .action(lazy(() => import('../commands/log.js')));
}

/** `net list`, declared alone by its own bundle (src/cli/everyday/list.ts). */
export function declareList({ program, lazy }: Registration): void {
  withListFormats(
    program
      .command('list')
      .alias('ls')
      .summary('list the people in your network')
      .option('--circle <circle>', 'only this circle')
      .option('--tag <tag>', 'only people with this tag')
      .option('--company <name>', 'only people at this company')
      .option('--search <text>', 'name, company, role, notes, tags or interests containing TEXT')
      .option('--archived', 'list archived people instead')
      .option('--sort <key>', 'name, last (last contact, oldest first) or added', 'name')
      .option('--team', "your team's people instead (see `net team`): who holds them, and whether you do"),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ net list --circle close
  $ net list --tag investor --sort last
  $ net list --json | jq '.[] | select(.last_contact == null) | .name'`,
    )
    .action(lazy(() => import('../commands/list.js')));
}

/** `net show`, declared alone by its own bundle (src/cli/everyday/show.ts). */
export function declareShow({ program, lazy }: Registration): void {
  program
    .command('show')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary("a person's profile and timeline")
    .option('--limit <n>', 'how many interactions of the timeline to show', '20')
    .option('--full', 'on a terminal, every line of long notes (they wrap; piped, they are always whole)')
    .option('--json', 'print the contact, interactions, favours and follow-ups as JSON')
    .addHelpText('after', '\nExamples:\n  $ net show giulia\n  $ net show "#12" --limit 5 --full\n  $ net show nicolo --json')
    .action(lazy(() => import('../commands/show.js')));
}

/** `net history`, declared alone by its own bundle (src/cli/everyday/history.ts). */
export function declareHistory({ program, lazy }: Registration): void {
  const history = withListFormats(
    program
      .command('history')
      .argument('[contact]', 'only interactions with this person')
      .summary('interactions, newest first')
      .option('--since <date>', 'from this day on')
      .option('--until <date>', 'up to this day')
      .option('--via <channel>', 'only this channel')
      .option('--grep <text>', 'only interactions whose note has these words (accents and case aside)'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ net history --since "last monday"\n  $ net history giulia --via coffee\n  $ net history --since 2026-01-01 --csv > 2026.csv',
    )
    .action(lazy(() => import('../commands/history.js')));

  history
    .command('edit')
    .argument('<id>', 'an interaction id (the first column of `net history`)')
    .summary('correct an interaction: its day, channel, direction, note or people')
    .option('--date <date>', 'when it really happened')
    .option('--via <channel>', 'the channel')
    .option('--in', 'they reached out')
    .option('--out', 'you reached out')
    .option('--mutual', 'neither: you met')
    .option('-m, --note <text>', 'the note (empty clears it; a new note stays yours unless --share-note)')
    .option('--share-note', 'your team sees the note (see `net team`)')
    .option('--no-share-note', 'the note stays yours')
    .option('--add <contact>', 'someone who was there too (repeatable)', collect)
    .option('--remove <contact>', 'someone who was not there (repeatable)', collect)
    .option('--json', 'print the interaction as JSON')
    .addHelpText('after', '\nExamples:\n  $ net history edit 42 --date "last tuesday"\n  $ net history edit 42 --add marco --remove anna\n  $ net history edit 42 -m "the real note"')
    .action(withParentOptions(lazy(() => import('../commands/history-edit.js').then((m) => ({ default: m.edit })))));
  history
    .command('rm')
    .argument('<id>', 'an interaction id (the first column of `net history`)')
    .summary('delete an interaction logged by mistake, with its favours and promises')
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .addHelpText('after', '\nExamples:\n  $ net history rm 42\n  $ net history rm 42 --yes\n  $ net undo                # it was not a mistake after all')
    .action(lazy(() => import('../commands/history-edit.js').then((m) => ({ default: m.rm }))));
}

function declareFavour({ program, lazy }: Registration): void {
  const favour = program.command('favour').summary('favours given and received: add, list, rm');
  favour
    .command('add')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary('record a favour given to or received from one person')
    .option('--gave <text>', 'a favour you gave: an introduction, a referral, advice')
    .option('--got <text>', 'a favour you received')
    .option('--date <date>', 'when (default: today)')
    .option('--json', 'print the favour as JSON')
    .addHelpText('after', '\nExamples:\n  $ net favour add anna --gave "intro to Sara"\n  $ net favour add marco --got "a referral to Nexi" --date "last week"')
    .action(lazy(() => import('../commands/favour.js').then((m) => ({ default: m.add }))));
  withListFormats(
    favour.command('list').alias('ls').summary('favours, newest first').option('--contact <contact>', "only this person's"),
  )
    .addHelpText('after', '\nExamples:\n  $ net favour list\n  $ net favour list --contact anna --csv')
    .action(lazy(() => import('../commands/favour.js').then((m) => ({ default: m.list }))));
  favour
    .command('rm')
    .argument('<id>', 'a favour id (see `net favour list`)')
    .summary('delete a favour recorded by mistake')
    .addHelpText('after', '\nExamples:\n  $ net favour rm 7\n  $ net favour rm 7 && net undo    # changed your mind')
    .action(lazy(() => import('../commands/favour.js').then((m) => ({ default: m.rm }))));
}

function declareEdit({ program, lazy }: Registration): void {
  contactOptions(
    program
      .command('edit')
      .argument('<contact>', 'name, id or unique part of a name')
      .summary("change a person's details"),
  )
    .option('--rename <name>', 'a new name')
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .addOption(new RemoveInterestOption())
    .option('--append-note <text>', 'add a dated line to the notes')
    .option('--json', 'print the updated contact as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ net edit giulia --circle inner --every "2 weeks"\n  $ net edit "#12" --rename "Anna Meyer-Rossi" --untag old-job\n  $ net edit marco --every none',
    )
    .action(lazy(() => import('../commands/edit.js')));
}

function declareArchive({ program, lazy }: Registration): void {
  for (const [name, summary] of [
    ['archive', 'archive a person: kept, but out of lists and reminders'],
    ['unarchive', 'bring an archived person back'],
  ] as const) {
    program
      .command(name)
      .argument('<contact>', 'name, id or unique part of a name')
      .summary(summary)
      .addHelpText('after', `\nExamples:\n  $ net ${name} "Marco Bianchi"\n  $ net ${name} "#12"`)
      .action(lazy(() => import('../commands/archive.js').then((m) => ({ default: name === 'archive' ? m.archive : m.unarchive }))));
  }
}

function declareRm({ program, lazy }: Registration): void {
  program
    .command('rm')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary('delete a person and everything only they were part of')
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .addHelpText('after', '\nExamples:\n  $ net rm "Marco Bianchi"\n  $ net rm "#12" --yes')
    .action(lazy(() => import('../commands/rm.js')));
}

/** `net search`, declared alone by its own bundle (src/cli/everyday/search.ts). */
export function declareSearch({ program, lazy }: Registration): void {
  withListFormats(
    program
      .command('search')
      .argument('<text>', 'words to find; each word also finds the words it begins ("meet" finds "meetup")')
      .summary('find notes, favours, promises and outreach reasons, ranked')
      .description('Search everything written in words: interaction notes, notes about people, favours, follow-ups and outreach reasons. Case and accents do not matter ("citta" finds "città"); every word must be there.')
      .option('--contact <contact>', 'only what belongs to this person')
      .option('--since <date>', 'only from this day on')
      .option('--limit <n>', 'how many (default on a terminal: 20)'),
  )
    .addHelpText('after', '\nExamples:\n  $ net search "pricing deck"\n  $ net search citta --contact giulia\n  $ net search intro --since "last month" --json')
    .action(lazy(() => import('../commands/search.js')));
}
