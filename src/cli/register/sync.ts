// Several machines: `net sync` (init, join, key, status) and the trash of
// what a deletion on one device won over an edit on another. Sync's modules
// (and git) load only when one of these runs.
import type { Command } from 'commander';
import type { Registration } from '../program.js';

export function registerSync({ program, lazy }: Registration): void {
  const sync = program
    .command('sync')
    .summary('the same network on every machine, end-to-end encrypted (through a folder or git)')
    .description(
      'Push the changes made here, pull those of your other devices and apply them. Each device writes only its\n' +
        'own files, encrypted with a key only your devices have (ChaCha20-Poly1305; the key is the 24-word\n' +
        'recovery phrase `net sync init` shows once). A conflict is merged the same way on every device: the later\n' +
        'edit of a field wins (by a clock that a skewed machine cannot keep winning with), a tag or email added on\n' +
        'one device and removed on another stays, a deletion wins over an edit (the record waits in `net trash`),\n' +
        'a note that lost is kept (shown by `net show` and `net sync status`), merges follow on every device.\n' +
        'Never put the live database in a synced folder: sync it with this.',
    )
    .option('--json', 'print what was pushed and pulled as JSON')
    .option('--quiet', 'print nothing when all went well (for sync.auto)')
    .addHelpText(
      'after',
      `
Examples:
  $ net sync init folder ~/Sync/net       # the first device (Syncthing, Dropbox, a USB stick…)
  $ net sync init git git@host:me/net.git
  $ net sync join folder ~/Sync/net       # each other device: asks for the 24 words
  $ net sync                              # push, pull, apply
  $ net sync status
  $ net config set sync.auto 15           # after a change, in the background`,
    )
    .action(lazy(() => import('../commands/sync.js')));

  sync
    .command('init')
    .argument('<kind>', '`folder`, `git` or `postgres`')
    .argument('<place>', 'the folder (kept in step by another program), the git remote, or a PostgreSQL URL')
    .summary('start syncing this network: creates the key and shows its recovery phrase once')
    .description(
      'Start a space in PATH (a folder that Syncthing, Dropbox, iCloud Drive, a share or a USB stick carries) or\n' +
        'REMOTE (a git repository: net keeps a clone next to the database and pushes to the branch net-sync),\n' +
        "or URL (a team's PostgreSQL hub, see `net team`: rows only your role can read, encrypted all the same).\n" +
        'Creates the key and prints it once as 24 words: keep them safe; without them the data cannot be read.\n' +
        'Your network goes there as the first snapshot, encrypted.',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ net sync init folder ~/Sync/net         # Syncthing, Dropbox, a USB stick…
  $ net sync init git git@host:me/net.git   # a git repository, through git
  $ net sync init postgres postgres://marta@db.studio.it/net`,
    )
    .action(lazy(() => import('../commands/sync-init.js')));

  sync
    .command('join')
    .argument('<kind>', '`folder`, `git` or `postgres`')
    .argument('<place>', 'the folder, git remote or PostgreSQL URL the first device started')
    .summary('make this device one of the space: the newest snapshot, then the changes after it')
    .description(
      'Asks for the recovery phrase on a terminal; otherwise reads NET_SYNC_KEY or --key-file. Joining needs an\n' +
        'empty network on this device (a new database), or --replace, which backs up the present one first and\n' +
        'replaces it.',
    )
    .option('--key-file <file>', 'a file holding the 24 words')
    .option('--replace', 'replace the network on this device (backed up first)')
    .addHelpText(
      'after',
      `
Examples:
  $ net sync join folder ~/Sync/net             # asks for the 24 words
  $ net sync join git git@host:me/net.git --key-file words.txt
  $ net sync join folder ~/Sync/net --replace   # this device had a network`,
    )
    .action(lazy(() => import('../commands/sync-join.js')));

  sync
    .command('key')
    .summary('print the recovery phrase of this device’s space again')
    .addHelpText(
      'after',
      `
Examples:
  $ net sync key                    # the 24 words, to join another device
  $ net sync key > words.txt        # for join --key-file; keep it safe`,
    )
    .action(lazy(() => import('../commands/sync-key.js')));

  sync
    .command('status')
    .summary('this device, the others and when each last synced, what is not pushed yet, conflicts kept')
    .option('--json', 'print the status as one JSON object')
    .addHelpText(
      'after',
      `
Examples:
  $ net sync status                 # works offline: what the last sync learned
  $ net sync status --json`,
    )
    // commander gives a --json after `status` to `net sync`, which has one too.
    .action((options: { json?: boolean }, command: Command) =>
      lazy(() => import('../commands/sync-status.js'))({ ...options, json: options.json ?? command.parent?.opts<{ json?: boolean }>().json }, command),
    );

  const trash = program
    .command('trash')
    .summary('records a deletion on another device won over an edit made here (or the reverse)')
    .option('--json', 'print them as a JSON array')
    .action(lazy(() => import('../commands/trash.js')));
  trash
    .command('restore')
    .argument('<id>', 'the number `net trash` shows')
    .summary('bring a record back from the trash (undoable)')
    .addHelpText(
      'after',
      `
Examples:
  $ net trash restore 3             # the number \`net trash\` shows
  $ net trash restore 3 && net sync # back on the other devices too`,
    )
    .action(lazy(() => import('../commands/trash-restore.js')));
}
