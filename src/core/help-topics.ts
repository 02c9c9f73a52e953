// The texts of `net help TOPIC`: the ideas behind the commands, in words a
// person reads once. Figures come from the vocabulary, so the text stays true
// when a default changes. Every line fits 80 columns.
import { formatInterval } from './intervals.js';
import { wrapLines } from './text.js';
import { CIRCLES, DEFAULT_CADENCE, NATURAL_SIZE, WRITTEN_CHANNELS, type Circle } from './vocabulary.js';

export interface HelpTopic {
  name: string;
  aliases: readonly string[];
  summary: string;
  text: string;
}

/** Dates the `dates` topic shows, each checked by a test: [text, what it means]. */
export const PAST_DATE_EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['yesterday', 'the day before today'],
  ['last tuesday', 'the most recent Tuesday'],
  ['3 days ago', 'three days before today'],
  ['2 weeks ago', 'fourteen days before today'],
  ['ieri', 'yesterday, in Italian'],
  ['martedì scorso', 'last Tuesday'],
  ['3 giorni fa', '3 days ago'],
  ["l'altro ieri", 'the day before yesterday (also "avantieri")'],
  ['stamattina', 'this morning ("stasera": this evening)'],
  ['2026-03-10', 'an ISO date: always understood'],
];

export const FUTURE_DATE_EXAMPLES: ReadonlyArray<readonly [string, string]> = [
  ['friday', 'the coming Friday'],
  ['tomorrow', 'the day after today'],
  ['in 2 weeks', 'fourteen days from today'],
  ['domani', 'tomorrow, in Italian'],
  ['venerdì', 'the coming Friday'],
];

/** Intervals the `rhythms` topic shows, each checked by a test. */
export const INTERVAL_EXAMPLES: readonly string[] = ['2 weeks', '45 days', 'monthly', 'quarterly', 'every 3 weeks', '2 settimane', 'mensile', 'none'];

/** What each circle holds, in a few words. */
export const CIRCLE_MEANING: Readonly<Record<Circle, string>> = {
  inner: 'closest to your work and life',
  close: 'trusted, seen or called often',
  active: 'your current work and projects',
  network: 'people to keep, a few times a year',
  acquaintance: 'met once, or know of them',
};

/** Words flowed into lines of at most `width` characters, each line after the first indented. */
export function wrap(text: string, width = 80, indent = ''): string {
  return wrapLines(text, width - indent.length).join(`\n${indent}`);
}

function circlesText(): string {
  const rows = CIRCLES.map((circle) => {
    const size = NATURAL_SIZE[circle] === null ? 'no limit' : `about ${NATURAL_SIZE[circle]}`;
    const rhythm = DEFAULT_CADENCE[circle] === null ? 'no rhythm' : `every ${formatInterval(DEFAULT_CADENCE[circle])}`;
    return `  ${circle.padEnd(13)}${size.padEnd(11)}${rhythm.padEnd(16)}${CIRCLE_MEANING[circle]}`;
  });
  return `Circles: how close a relationship is

Fifty real relationships are worth more than three thousand connections. Every
person sits in one circle, from the closest to the widest; the sizes are the
natural layers of a human network (Dunbar's numbers):

  circle       size       rhythm          what it holds
${rows.join('\n')}

A new person goes to "network" unless you say otherwise. Choose with
  net add "Giulia Rossi" --circle close
  net edit giulia --circle inner
and see who is where with \`net list --circle close\`. \`net review\` tells you
when a circle holds more people than it naturally can: move some outward.

See also: net help rhythms`;
}

function rhythmsText(): string {
  const defaults = CIRCLES.map((c) => `${c} ${DEFAULT_CADENCE[c] === null ? 'none' : formatInterval(DEFAULT_CADENCE[c])}`).join(', ');
  return `Rhythms: how often to be in touch

A rhythm is the longest you want to go without contact with someone. When the
last contact is older than the rhythm, the person appears in \`net due\` ("time
to reach out"). Planning the next touch does not make it less genuine: it shows
that the relationship matters.

${wrap(`Each circle has a rhythm: ${defaults}.`)}
Change a circle's rhythm for everyone in it:
  net config set cadence.close "3 weeks"
Give one person a rhythm of their own, or none:
  net edit anna --every "3 weeks"
  net edit marco --every none
Pause someone for a while (a leave, a busy season):
  net snooze anna --for "2 weeks"

${wrap(`Intervals: ${INTERVAL_EXAMPLES.map((i) => `"${i}"`).join(', ')}.`)}

Besides the rhythm, \`net due\` keeps conversations alive:
  - a message they sent you (${[...WRITTEN_CHANNELS].join(', ')}) that you have
    not answered is a reply owed, due \`reply_window\` days later (default 7);
  - a new contact needs a second touch a week after you met, or it fades;
  - a promise logged with --follow-up comes back on its day.
\`net due --explain\` shows how each item was scored. \`net dismiss NAME\` closes
an item for now without logging anything (\`net undo\` brings it back).

See also: net help circles`;
}

function datesText(): string {
  const list = (examples: ReadonlyArray<readonly [string, string]>) =>
    examples.map(([text, meaning]) => `  ${`"${text}"`.padEnd(18)} ${meaning}`).join('\n');
  return `Dates: English, Italian or ISO

Options that take a date (--date, --since, --until, --by, --met-on, --on …)
understand what you would say, in English or Italian, and ISO dates.

When something happened (net log --date, history --since):
${list(PAST_DATE_EXAMPLES)}

When something is due (--by, --until of a snooze, due --on):
${list(FUTURE_DATE_EXAMPLES)}

A weekday alone means the last one for things that happened (on a Sunday,
"monday" is six days ago), the next one for things that are due; today counts
as either. "now", "today", "oggi" are today. Text that is not a date is an
error (exit 2) that quotes it; a --date in the future is refused. Birthdays
are 1985-04-12, or --04-12 without the year.

Numeric dates are read in your order: 3/12/2026 is 3 December where the day
comes first (it_IT, en_GB, de_DE, fr_FR … most locales) and 12 March in the
United States (en_US). The order comes from LC_ALL, LC_TIME or LANG, or say it
once: \`net config set dates.order dmy\` (or mdy, ymd). 3.12.2026 is always
day first, 2026-03-12 always ISO. Without a year, 3/12 is the last such day
for what happened and the next one for what is due. An imported file follows
--date-order, else the setting, else the locale; when none says and a date
reads both ways, the import stops and names it.

Scripts: NET_NOW=2026-03-14 (or a date-time) replaces the clock everywhere, and
the time zone is the process's (TZ). Machine output writes dates as YYYY-MM-DD
and times as ISO 8601.`;
}

const FORMATS = `Output formats: for people and for scripts

On a terminal, listings are tables that fit its width: the free text (a note,
a promise) wraps in its column, other cells are cut with "…". Piped into
another program, the same rows come as plain tab-separated
lines with no colour. The result goes to stdout; messages and warnings go to
stderr, so a pipe only ever carries data.

Every command that lists records also takes:
  --json   a JSON array of objects: snake_case keys, null for missing values
  --csv    RFC 4180 CSV with a header row of the same keys, UTF-8, \\n line ends
  --raw    with --csv: cells exactly as stored (see below)
JSON and CSV hold the same rows in the same order. Dates are YYYY-MM-DD.

CSV meant for spreadsheets carries no formulas: a cell that starts with
=, +, -, @, a tab or a carriage return gets a leading ' (plain numbers and
phone numbers excepted). --raw turns this off; importing net's own CSV removes
the ' again, so export and import round-trip.

Other formats: \`net due --ics\` (calendar), \`net export contacts --vcf\`.
Colours are off with NO_COLOR=1, --no-color, TERM=dumb, or when piped.

Examples:
  net list --json | jq -r '.[] | select(.circle == "close") | .name'
  net history --since 2026-01-01 --csv > 2026.csv`;

const EXIT_CODES = `Exit codes

  0    done (also: nothing due, no one matches — an empty answer is an answer)
  1    could not be done: a name not found or matching several people, a
       conflict (a duplicate, a move the rules forbid), a database problem;
       "no" to a question such as "Remove Giulia?" (nothing was done)
  2    usage: unknown command or option, an invalid value, a missing argument,
       a prompt needed where there is no terminal
  130  cancelled with Ctrl-C in a prompt

The message goes to stderr, starts with "net: ", names the input that was
wrong and, on a second line, what to do instead. A command that fails changes
nothing: every command is one transaction. NET_DEBUG=1 adds the stack trace.

In scripts:
  if ! net log "$who" --via email -m "$note"; then echo "not logged" >&2; fi
  net show "$name" --json >/dev/null 2>&1 || net add "$name"`;

const CONTACTS = `Naming a person (every CONTACT argument)

A person can be named by:
  12 or #12          the id (shown by \`net list\`)
  "Giulia Rossi"     the exact name
  giulia, rossi      a unique start of the name or of any word in it; a
                     first name only one person has wins ("luca" is Luca
                     Moretti, even with a Simone De Luca)
  nicolo             a near match: case and accents do not matter, and a small
                     typo is forgiven ("nicolo" finds "Niccolò"; "soren"
                     finds Søren, "strasse" Straße)

  "Marco Rossi #12"   a name with its id, as completion inserts it for
                     namesakes: the id decides, the name must be theirs

When several people match, nothing is done (exit 1) and they are listed with
their ids, company, role and last contact: use the id or more of the name.
When no one matches, the closest names are suggested. Where two people share
a name, listings show the company (or the #id) beside it.`;

export const HELP_TOPICS: readonly HelpTopic[] = [
  { name: 'circles', aliases: ['circle'], summary: 'the five circles of closeness and their natural sizes', text: circlesText() },
  { name: 'rhythms', aliases: ['rhythm', 'cadence', 'cadences'], summary: 'how often to be in touch, replies owed, second touches', text: rhythmsText() },
  { name: 'dates', aliases: ['date', 'time'], summary: 'dates in English and Italian ("last tuesday", "ieri")', text: datesText() },
  { name: 'formats', aliases: ['format', 'output', 'json', 'csv'], summary: 'tables, plain text, --json, --csv and --raw', text: FORMATS },
  { name: 'exit-codes', aliases: ['exit', 'exit-code', 'errors'], summary: 'what 0, 1, 2 and 130 mean', text: EXIT_CODES },
  { name: 'contacts', aliases: ['contact', 'names', 'name'], summary: 'naming a person: id, name, part of a name', text: CONTACTS },
];

export function findTopic(name: string): HelpTopic | undefined {
  const key = name.trim().toLowerCase();
  return HELP_TOPICS.find((t) => t.name === key || t.aliases.includes(key));
}

/** The list shown by `net help` and in `net --help`. */
export function topicList(): string {
  const width = Math.max(...HELP_TOPICS.map((t) => t.name.length));
  return HELP_TOPICS.map((t) => `  ${t.name.padEnd(width)}  ${t.summary}`).join('\n');
}
