// Transfer: getting the network out (export) and in (import).
import type { Registration } from '../program.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerTransfer({ program, lazy }: Registration): void {
  program
    .command('export')
    .argument('<entity>', 'contacts, interactions, followups, outreach, favours or due')
    .summary('write every record of an entity as CSV, JSON, vCard or iCalendar')
    .description(
      'Write every record of an entity, all columns in a fixed order (see the\n' +
        'README), archived contacts included. CSV by default: RFC 4180, and cells\n' +
        "that look like formulas get a leading ' unless --raw. The CSV and JSON of\n" +
        'contacts, interactions, followups, favours and outreach come back in with\n' +
        '`net import csv|json`; `due` lists the rows of `net due --json`.',
    )
    .option('--csv', 'CSV with a header row (the default)')
    .option('--json', 'a JSON array of objects')
    .option('--jsonl', 'JSON Lines: one object a line, streamed (for jq -c)')
    .option('--vcf', 'vCards, for address books (contacts only)')
    .option('--vdir <folder>', 'contacts as a vdir: one vCard file per person (UID.vcf), as khard and vdirsyncer keep them')
    .option('--vcard-version <n>', 'with --vcf: 3 (Google Contacts, iCloud) or 4 (default: 3)')
    .option('--ics', 'an iCalendar file of all-day events (due only)')
    .option('--out <file>', 'write to FILE (atomically, mode 0600) instead of standard output (- is standard output); never the database or its side files')
    .option('--force', 'with --out: replace FILE even if it is a SQLite database (default: refuse)')
    .option('--raw', 'with CSV: keep cells exactly as stored, no formula protection')
    .addHelpText(
      'after',
      `
Examples:
  $ net export contacts > contacts.csv
  $ net export interactions --json --out backup/interactions.json
  $ net export contacts --vcf --vcard-version 4 --out contacts.vcf
  $ net export due --ics > due.ics`,
    )
    .action(lazy(() => import('../commands/export.js')));

  program
    .command('import')
    .argument('<source>', 'linkedin, linkedin-messages, google, vcf, csv or json')
    .argument('<file>', 'the file to read ("-" for standard input)')
    .summary('bring contacts and history in from LinkedIn, an address book, a spreadsheet or an export')
    .description(
      'Import contacts or interactions. Same email or profile URL = same person;\n' +
        'same name and company = same person; anyone else is added. One\n' +
        'transaction: a bad row stops the import, names the row, writes nothing.\n\n' +
        'Sources:\n' +
        '  linkedin           Connections.csv of LinkedIn\'s data export\n' +
        '  linkedin-messages  messages.csv of the same export (interactions)\n' +
        '  google             a Google Contacts CSV export\n' +
        '  outlook            an Outlook or Microsoft 365 contacts CSV export\n' +
        '  vcf                vCards 2.1, 3.0 or 4.0 (Apple, Google, Android, ...)\n' +
        '  vdir               a folder of .vcf files, one per person (khard, vdirsyncer)\n' +
        '  csv                contacts in the columns of `net export contacts` (a\n' +
        '                     name column at least); with --interactions: date,\n' +
        '                     contacts (names or ids, ";"), via, direction, note\n' +
        '  json               the output of `net export ENTITY --json`\n\n' +
        'New people go to the circle acquaintance unless the file or --circle says\n' +
        'otherwise. Numeric dates (3/12/2026) are read in the order of --date-order,\n' +
        'else of `net config set dates.order`, else of the locale; when none says\n' +
        'and a date could be read both ways, the import stops and names it.',
    )
    .option('--dry-run', "show every row's fate (added, updated and which fields, unchanged, matched to whom and why), and write nothing")
    .option('--json', 'print the summary, with every row\'s fate, as JSON')
    .option('--circle <circle>', 'the circle of new people (default: the file\'s, else acquaintance); first touches are spread over its rhythm')
    .option('--tag <tags>', 'tag every imported person, comma-separated (repeatable)', collect)
    .option('--me <url>', 'linkedin-messages: your own profile URL (default: the person in most conversations)')
    .option('--interactions', 'csv: the rows are interactions, not contacts')
    .option('--strict', 'csv --interactions: people not in the network are errors, not new contacts')
    .option('--raw', 'csv: the file was exported with --raw; keep a leading \' in cells')
    .option('--date-order <order>', 'how the file writes numeric dates: dmy (3/12 = 3 December), mdy or ymd (default: the dates.order setting, else the locale)')
    .addHelpText(
      'after',
      `
Examples:
  $ net import linkedin Connections.csv --circle network --tag li --dry-run
  $ net import linkedin-messages messages.csv \\
      --me https://www.linkedin.com/in/your-name
  $ net import vcf contacts.vcf --tag phone
  $ net import vdir ~/.local/share/contacts/default
  $ net import csv calls.csv --interactions --strict
  $ net import json contacts.json`,
    )
    .action(lazy(() => import('../commands/import.js')));
}
