// Writes dist/man/net.1, net's manual page, from the command tree itself
// (the declarations `net help` prints, in the tsc build), so that it never
// says what the program does not do; and netj.1, which points to it. Roff by
// hand: a dozen requests, no library. Run by `npm run build` after tsc.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildProgram } from '../dist/src/cli/command-groups.js';
import { HELP_TOPICS } from '../dist/src/core/help-topics.js';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const outdir = resolve(root, 'dist', 'man');

/**
 * Text as roff reads it: backslashes, dashes and a leading dot or quote kept
 * literal, and characters beyond ASCII named (groff without preconv reads bytes).
 */
function esc(text) {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(/[^\x00-\x7f]/gu, (c) => `\\[u${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}]`)
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** `-m, --note <text>` with the flags bold and the value italic. */
function term(flags) {
  return flags
    .split(/(<[^>]+>|\[[^\]]+\])/)
    .map((part) => {
      if (part.startsWith('<')) return `\\fI${esc(part.slice(1, -1))}\\fR`;
      if (part.startsWith('[')) return `[\\fI${esc(part.slice(1, -1))}\\fR]`;
      return part.trim() ? `\\fB${esc(part.trim())}\\fR ` : part;
    })
    .join('')
    .trim();
}

/** Lines kept as they are (examples, tables), indented. */
function verbatim(text) {
  return ['.RS 4', '.nf', esc(text.replace(/^\n+|\n+$/g, '')), '.fi', '.RE'].join('\n');
}

/** Prose: paragraphs joined into lines roff fills to the reader's width. */
function prose(text) {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => esc(paragraph.replace(/\s*\n\s*/g, ' ').trim()))
    .join('\n.PP\n');
}

const captured = [];
const io = {
  write: (text) => void captured.push(text),
  error: (text) => void captured.push(text),
  stdin: () => process.stdin,
  stdoutIsTTY: false,
  stdinIsTTY: false,
  stderrIsTTY: false,
  columns: 80,
};
const { program } = buildProgram(io, {});
const help = program.createHelp();

/** What `addHelpText('after', …)` adds to a command's help: its examples. */
function afterHelp(command) {
  let text = '';
  command.emit('afterHelp', { error: false, command, write: (chunk) => (text += chunk) });
  return text;
}

function options(command) {
  const lines = [];
  for (const option of help.visibleOptions(command)) {
    if (option.long === '--help') continue;
    lines.push('.TP', term(option.flags), esc(help.optionDescription(option)));
  }
  return lines;
}

/** A command (the usage names its parents), its arguments, options and examples; then its subcommands. */
function commandSection(command) {
  const lines = ['.SS', `\\fB${esc(help.commandUsage(command))}\\fR`];
  lines.push(prose(command.description() || command.summary()));
  for (const argument of help.visibleArguments(command)) {
    lines.push('.TP', `\\fI${esc(argument.name())}\\fR`, esc(help.argumentDescription(argument)));
  }
  lines.push(...options(command));
  const examples = afterHelp(command).trim();
  if (examples) lines.push('.PP', verbatim(examples));
  return [lines.join('\n'), ...help.visibleCommands(command).filter((c) => c.name() !== 'help').flatMap(commandSection)];
}

const commands = help.visibleCommands(program).filter((c) => c.name() !== 'help');
const page = [
  `.TH NET 1 "" "net-journal ${version}" "User Commands"`,
  '.SH NAME',
  `net, netj \\- ${esc(program.description().replace(/\.$/, '').replace(/^A /, 'a '))}`,
  '.SH SYNOPSIS',
  '\\fBnet\\fR [\\fB\\-\\-db\\fR \\fIpath\\fR] [\\fB\\-\\-no\\-color\\fR] [\\fB\\-\\-no\\-input\\fR] \\fIcommand\\fR [\\fIoptions\\fR] [\\fIarguments\\fR]',
  '.br',
  '\\fBnetj\\fR ...',
  '.SH DESCRIPTION',
  prose(
    'net is a personal CRM for the professional relationships you want to keep alive: the people you know, ' +
      'what happened with each of them, what you promised, and whom to reach out to next. It keeps everything ' +
      'in one local SQLite file. Run net due every morning, net log after each coffee, call or message, and net review once a week.\n\n' +
      'Every command that lists records accepts --json and --csv. Messages go to stderr, results to stdout.',
  ),
  '.SH GLOBAL OPTIONS',
  ...options(program),
  '.SH COMMANDS',
  ...commands.flatMap(commandSection),
  '.SH TOPICS',
  prose('net help TOPIC prints these, as they follow.'),
  ...HELP_TOPICS.flatMap((topic) => ['.SS', `\\fB${esc(topic.name)}\\fR \\- ${esc(topic.summary)}`, verbatim(topic.text)]),
  '.SH ENVIRONMENT',
  ...[
    ['NET_DB', 'the database file, when --db is not given'],
    ['XDG_DATA_HOME', 'where the database lives by default: $XDG_DATA_HOME/net/net.db'],
    ['NET_NOW', 'an ISO 8601 date or date-time that replaces the clock, for scripts and tests'],
    ['NET_DEBUG', 'set to 1 for stack traces with error messages'],
    ['NO_COLOR', 'set (and not empty): no colours'],
    ['TERM', 'dumb: no colours'],
    ['TZ', 'the time zone of dates'],
    ['LC_ALL, LC_TIME, LANG', 'the order of numeric dates (en_US is month-first, most others day-first)'],
  ].flatMap(([name, meaning]) => ['.TP', `\\fB${esc(name)}\\fR`, esc(meaning)]),
  '.SH FILES',
  '.TP',
  '\\fI~/.local/share/net/net.db\\fR',
  esc('the database, created on first use (folder mode 0700, file mode 0600), with its -wal and -shm files; backups are written beside it.'),
  '.SH EXIT STATUS',
  ...[
    ['0', 'done'],
    ['1', 'could not be done: not found, ambiguous name, conflict, database problem; or no to a confirmation'],
    ['2', 'usage: unknown command or option, invalid value, missing argument'],
    ['130', 'cancelled at a prompt (Ctrl-C)'],
  ].flatMap(([code, meaning]) => ['.TP', `\\fB${code}\\fR`, esc(meaning)]),
  '.SH NOTES',
  prose(
    'Samba installs a program called net too (/usr/bin/net). The package installs net under a second name, netj: ' +
      'the same program, under a name no other package uses. Run netj where Samba\'s net comes first on PATH, or put ' +
      'the folder of npm\'s commands (npm prefix -g, then bin) before /usr/bin. Shell completion works for both names.',
  ),
  '.SH SEE ALSO',
  '\\fBsqlite3\\fR(1)',
  '',
].join('\n');

mkdirSync(outdir, { recursive: true });
writeFileSync(resolve(outdir, 'net.1'), page);
// man netj: the same page.
writeFileSync(resolve(outdir, 'netj.1'), '.so man1/net.1\n');
