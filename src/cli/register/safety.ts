// Safety: copies of the database (backup, restore) and its health (doctor).
import type { Registration } from '../program.js';

export function registerSafety({ program, lazy }: Registration): void {
  program
    .command('backup')
    .argument('[file]', 'where to write the copy (default: next to the database, dated)')
    .summary('copy the database safely, even while net is in use')
    .description(
      "Write a consistent copy of the database with SQLite's online backup API, even while other net " +
        'commands are writing. The copy is one self-contained file, private (mode 0600), checked before ' +
        "it is put in place. Default name: net-backup-YYYY-MM-DD-HHMMSS.db in the database's folder.",
    )
    .option('--force', 'replace FILE if it already exists (default: refuse)')
    .option('--json', 'print the path and size of the copy as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net backup
  $ net backup ~/Backups/net-$(date +%F).db
  $ net backup /media/usb/net.db --force`,
    )
    .action(lazy(() => import('../commands/backup.js')));

  program
    .command('restore')
    .argument('<file>', 'a backup made by `net backup` (or any copy of a net database)')
    .summary('replace the database with a backup, keeping the current one')
    .description(
      'Replace the database with FILE. FILE is checked first (a net database, a schema this net ' +
        "understands, SQLite's integrity and foreign-key checks); nothing changes if it fails. The " +
        'current database is kept as net-backup-…-before-restore.db next to it, copied under the same write ' +
        'lock as the replacement, so no write of another net command falls between the two. An older backup ' +
        'is upgraded to the current schema. Asks for confirmation on a terminal; needs --yes elsewhere.',
    )
    .option('-y, --yes', 'do not ask for confirmation (required without a terminal)')
    .option('--json', 'print what was restored and where the replaced database was kept, as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ net restore ~/.local/share/net/net-backup-2026-03-14-120000.db
  $ net restore /media/usb/net.db --yes`,
    )
    .action(lazy(() => import('../commands/restore.js')));

  program
    .command('doctor')
    .summary('check the database: integrity, schema, file modes, journal, backups')
    .description(
      "Check the database without changing it: SQLite's integrity and foreign-key checks, the schema " +
        'version, that the file (0600) and its folder (0700) are private and writable, the size of the ' +
        "write-ahead log, what it holds, that each person's summary (latest interactions) agrees with the " +
        'interactions, temporary files a killed backup or restore left behind, and the newest backup. Exits 1 ' +
        'when something is wrong, saying what to do.',
    )
    .option('--json', 'print the checks as a JSON array (check, status, detail, fix)')
    .option('--repair', 'first write the per-person summaries again from the interactions, and remove temporary files left by a killed backup, restore or export')
    .addHelpText(
      'after',
      `
Examples:
  $ net doctor
  $ net doctor --json | jq '.[] | select(.status != "ok")'
  $ net doctor --repair
  $ net --db ~/Backups/net-2026-03-01.db doctor`,
    )
    .action(lazy(() => import('../commands/doctor.js')));
}
