// Outreach: the deliberate pipeline of people you want to reach (outreach add,
// list, next, step, nudge, draft), and `who`, the bridges into a new circle.
import { withListFormats, type Registration } from '../program.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const STAGE_HELP =
  'Stages: target → contacted → replied → met → connected, or declined / parked. ' +
  'A move may skip ahead, never go back; connected, declined and parked end the outreach.';

export function registerOutreach({ program, lazy }: Registration): void {
  const outreach = program
    .command('outreach')
    .summary('a deliberate pipeline for the people you want to reach')
    .description(
      'Start from the people you want to reach and why; pick the channel; ask a shared contact for an ' +
        'introduction; write each first message yourself; nudge at most twice, a week apart.\n\n' +
        STAGE_HELP,
    )
    .addHelpText(
      'after',
      `
Examples:
  $ net outreach add "Marco Bianchi" --why "runs the Milan fintech group" --via "Giulia Rossi" --channel email
  $ net outreach next
  $ net outreach step marco contacted -m "sent a short note about the meetup"`,
    );

  outreach
    .command('add')
    .argument('<name>', 'the person: someone already in your network (as everywhere: id, name, its beginning) or a new one')
    .summary('put a person on your outreach list, with the reason')
    .description(
      'Put a person on your outreach list at stage target, next step today (or --next). ' +
        'A name that already names someone in your network (id, #id, exact name, a unique beginning or a near ' +
        'match, as everywhere) is that person; several matches are asked about on a terminal and refused elsewhere. ' +
        'Anyone else, or anyone with --new, is added as an acquaintance (no rhythm until you connect). A person has ' +
        'at most one open outreach.',
    )
    .option('--why <text>', 'why you want to reach them ("runs the Milan fintech group")')
    .option('--via <contact>', 'who can introduce you: a person already in your network')
    .option('--channel <channel>', 'the best channel for them: email, linkedin, message, social, call, video, coffee, event…')
    .option('--company <name>', 'their company')
    .option('--role <title>', 'their role')
    .option('--linkedin <url>', 'their LinkedIn profile')
    .option('--email <address>', 'an email address (repeatable)', collect)
    .option('--interest <topics>', 'their interests, comma-separated (repeatable)', collect)
    .option('--tag <tags>', 'tags, comma-separated (repeatable)', collect)
    .option('--known-from <text>', 'how you know of them ("your talk at PyCon Italia")')
    .option('--next <date>', 'when to take the first step (default: today)')
    .option('--new', 'a new person, even when the name matches someone already in your network')
    .option('--json', 'print the outreach as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net outreach add "Marco Bianchi" --why "runs the Milan fintech group" \\
      --via "Giulia Rossi"
  $ net outreach add "Sara Conti" --company Nexi --role "Head of Data" \\
      --channel linkedin --interest "open banking"
  $ net outreach add "#12" --why "advice on moving into product" --next monday`,
    )
    .action(lazy(() => import('../commands/outreach-add.js')));

  withListFormats(
    outreach
      .command('list', { isDefault: true })
      .summary('the pipeline, grouped by stage (the default)')
      .option('--stage <stage>', 'only this stage')
      .option('--open', 'only the outreach not yet ended'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ net outreach list
  $ net outreach list --stage contacted
  $ net outreach list --csv > pipeline.csv`,
    )
    .action(lazy(() => import('../commands/outreach-list.js')));

  withListFormats(outreach.command('next').summary('who to approach now and how, the oldest due first'))
    .addHelpText(
      'after',
      `
After two nudges without a reply, the suggestion is to park the outreach,
not a third nudge.

Examples:
  $ net outreach next
  $ net outreach next --json | jq -r '.[] | "\\(.name): \\(.action)"'`,
    )
    .action(lazy(() => import('../commands/outreach-next.js')));

  outreach
    .command('step')
    .argument('<contact>', 'name, id or unique part of a name')
    .argument('<stage>', 'contacted, replied, met, connected, declined or parked')
    .summary('move a person along the pipeline')
    .description(
      'Move an outreach to a later stage. contacted logs an outbound interaction through the outreach ' +
        'channel, replied an inbound one, met a mutual one; connected ends it and puts the person in a ' +
        'circle (--circle, default network); declined and parked end it.\n\n' +
        'An interaction logged by hand with `net log` counts for its step too: a message you send to a ' +
        'target is the first message, one to someone contacted a nudge, theirs a reply, a meeting met.\n\n' +
        STAGE_HELP,
    )
    .option('-m, --note <text>', 'what was said')
    .option('--date <date>', 'when it happened (default: today)')
    .option('--next <date>', 'when the next step comes (default: 7 days after contacting, 2 after a reply, 7 after meeting)')
    .option('--channel <channel>', 'the channel of this step (for contacted it becomes the outreach channel)')
    .option('--circle <circle>', 'with connected: the circle they join (default network)')
    .option('--json', 'print the outreach as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net outreach step marco contacted -m "short note about the fintech meetup"
  $ net outreach step marco met --channel coffee --date yesterday \\
      -m "talked about open banking"
  $ net outreach step marco connected --circle active`,
    )
    .action(lazy(() => import('../commands/outreach-step.js')));

  outreach
    .command('nudge')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary('record a gentle nudge to someone who has not replied')
    .description(
      'Record a nudge (an outbound message) to a contacted person who has not replied. A nudge comes ' +
        'at least 7 days after the last message, and after two the suggestion is to park: respect their time.',
    )
    .option('-m, --note <text>', 'what you wrote')
    .option('--date <date>', 'when you sent it (default: today)')
    .option('--next <date>', 'when to look again (default and earliest: 7 days later)')
    .option('--channel <channel>', 'the channel, when not the outreach channel')
    .option('--force', 'record it even if it comes too soon or after two nudges')
    .option('--json', 'print the outreach as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net outreach nudge marco -m "shared the meetup recap"
  $ net outreach nudge "#12" --date yesterday`,
    )
    .action(lazy(() => import('../commands/outreach-nudge.js')));

  outreach
    .command('ask')
    .argument('<contact>', 'the person you want to reach: name, id or unique part of a name')
    .summary('record that you asked the introducer for an introduction')
    .description(
      'Record that you asked the introducer (the outreach\'s --via, or --via here) to introduce you. ' +
        'The stage stays target; the next step moves a week on (or --next), time for the introduction ' +
        'to come, so `net due` stops asking you to ask.',
    )
    .option('--via <contact>', 'who you asked, when the outreach names nobody or someone else')
    .option('--date <date>', 'when you asked (default: today)')
    .option('--next <date>', 'when to look again (default: 7 days later)')
    .option('-m, --note <text>', 'what you wrote')
    .option('--json', 'print the outreach as JSON')
    .addHelpText('after', '\nExamples:\n  $ net outreach ask marco\n  $ net outreach ask "Sara Conti" --via giulia --date yesterday --next monday')
    .action(lazy(() => import('../commands/outreach-plan.js').then((m) => ({ default: m.ask }))));

  outreach
    .command('next-on')
    .argument('<contact>', 'name, id or unique part of a name')
    .argument('<date>', 'the day of the next step ("monday", "in 2 weeks", 2026-04-01)')
    .summary('move the next step to another day, the stage as it is')
    .option('--json', 'print the outreach as JSON')
    .addHelpText('after', '\nExamples:\n  $ net outreach next-on marco "in 2 weeks"\n  $ net outreach next-on "#12" 2026-04-01')
    .action(lazy(() => import('../commands/outreach-plan.js').then((m) => ({ default: m.nextOn }))));

  outreach
    .command('draft')
    .argument('<contact>', 'name, id or unique part of a name')
    .summary('a personal first message for the outreach channel')
    .description(
      'Print a first message built from what is known: the introducer, shared interests, how you know ' +
        'of them, their company and role, and why you write; it ends with an invitation to continue. ' +
        'Templates may use {{first_name}}, {{via}}, {{shared_interest}}, {{why}}, {{company}} ' +
        '(and {{name}}, {{role}}, {{known_from}}, {{why_you}}, {{my_name}}, {{signature}}). A template is kept ' +
        'as written: {{why}} is the reason as typed, {{why_you}} addressed to them in English ("you run …"). ' +
        'Emails are signed with `net config set draft.signature`, else "Best regards" and me.name. ' +
        'LinkedIn notes stay within 300 characters.\n\n' +
        'Every draft is checked: a placeholder left unresolved, or nothing specific to the person, ' +
        'is reported on stderr and exits 1 unless --force.\n\n' +
        'Shared interests: their interests that the introducer also has, or that other people in ' +
        'your network hold; their tags that the introducer shares.',
    )
    .option('--template <file>', 'a template file with {{placeholders}}')
    .option('--channel <channel>', 'draft for this channel instead of the outreach channel')
    .option('--force', 'print the draft even when the check finds problems')
    .option('--json', 'print the draft and the check as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net outreach draft marco
  $ net outreach draft marco --channel linkedin | pbcopy
  $ net outreach draft "Sara Conti" --template ~/notes/intro.txt`,
    )
    .action(lazy(() => import('../commands/outreach-draft.js')));

  withListFormats(
    program
      .command('who')
      .summary('who in your network can introduce you to a company, an interest or a group')
      .description(
        'The people who can bridge to a company, an interest or a group (a tag): the ones to ask for an ' +
          'introduction, ranked by criteria matched, then by how recently and how often you were in touch ' +
          '(score = recency, halving every 90 days, + frequency over the last year, each from 0 to 1). ' +
          'People you are still trying to reach (an outreach at target or contacted) are not bridges yet.',
      )
      .option('--company <name>', 'people at this company (part of the name is enough; repeatable)', collect)
      .option('--interest <topic>', 'people with this interest (repeatable)', collect)
      .option('--tag <tag>', 'people with this tag (repeatable)', collect)
      .option('--for <contact>', "bridges to this person's company, interests and tags")
      .option('--team', 'teammates who can introduce you (with --person, --company or --interest; see `net team`)')
      .option('--person <contact>', 'with --team: a person of yours or of the team'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ net who --company Satispay
  $ net who --interest fintech --tag milan
  $ net who --for "Marco Bianchi"
  $ net who --team --company Satispay     # teammates, by their touches`,
    )
    .action(lazy(() => import('../commands/who.js')));
}
