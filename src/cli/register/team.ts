// A team's network on PostgreSQL: `net team` (init, join, sync, members,
// add-member, remove-member, status, leave, adopt). pg and the team's
// modules load only when one of these runs.
import type { Registration } from '../program.js';

const team = (name: 'init' | 'join' | 'sync' | 'members' | 'addMember' | 'removeMember' | 'status' | 'leave' | 'adopt') => () =>
  import('../commands/team.js').then((m) => ({ default: m[name] }));

export function registerTeam({ program, lazy }: Registration): void {
  const cmd = program
    .command('team')
    .summary("a team's network on PostgreSQL: who on the team knows whom, your notes kept yours")
    .description(
      'A studio, a firm or an association reaches more people together than each member alone. A team syncs\n' +
        'through a PostgreSQL server it already trusts (the hub): each member keeps this local database as the\n' +
        "only one `net` reads, and pushes the shared part of their network: people's name, company, role, emails,\n" +
        'phones, LinkedIn, location, tags and interests, and the facts of interactions (who, when, channel,\n' +
        'direction). Circles, rhythms, snoozes, notes (unless `net log --share-note`), favours, follow-ups and\n' +
        "outreach stay yours. Teammates' people are not in your lists: see them with `net list --team`, ask who\n" +
        'can introduce you with `net who --team`, take one into your network with `net team adopt`.\n\n' +
        'Authorisation is PostgreSQL\'s own: each team has the roles NAME_viewer, NAME_editor and NAME_owner, and\n' +
        "row-level security lets a member's login role read only their teams' rows, even through psql.\n" +
        'Connections follow psql: a postgres:// URL, the PG* variables, ~/.pgpass, TLS when the server offers it.',
    );

  cmd
    .command('init')
    .argument('<url>', 'the PostgreSQL database of the hub, e.g. postgres://me@db.example.com/net')
    .summary('make the hub (or upgrade it) and start a team there, which you own')
    .option('--team <name>', "the team's name")
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ net team init postgres://marta@db.studio.it/net --team studio\n  $ net team init "postgres://db.studio.it/net?sslmode=require" --team studio',
    )
    .action(lazy(team('init')));
  cmd
    .command('join')
    .argument('<url>', 'the hub, connecting as your own role')
    .summary('join the team your role belongs to: push the shared part of your network, pull the team’s')
    .option('--team <name>', 'which team, when your role belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ net team join postgres://luca@db.studio.it/net\n  $ net team join postgres://luca@db.studio.it/net --team studio')
    .action(lazy(team('join')));
  cmd
    .command('sync')
    .summary('push what changed here, pull what the team changed')
    .option('--json', 'print what was pushed and pulled as JSON')
    .addHelpText('after', '\nExamples:\n  $ net team sync\n  $ net team sync --json | jq .pulled')
    .action(lazy(team('sync')));
  cmd
    .command('members')
    .summary("the team's members and their access")
    .option('--json', 'print them as JSON')
    .addHelpText('after', '\nExamples:\n  $ net team members\n  $ net team members --json')
    .action(lazy(team('members')));
  cmd
    .command('add-member')
    .argument('<role>', "the teammate's login role on the server")
    .summary('grant a role access to the team (editor by default)')
    .option('--viewer', 'reads the team, shares nothing')
    .option('--editor', "shares their people and touches, reads the team's")
    .addHelpText('after', '\nExamples:\n  $ net team add-member luca --editor\n  $ net team add-member intern --viewer')
    .action(lazy(team('addMember')));
  cmd
    .command('remove-member')
    .argument('<role>', "the teammate's login role")
    .summary('take a role’s access back: their next sync is refused')
    .addHelpText('after', '\nExamples:\n  $ net team remove-member luca\n  $ net team remove-member intern && net team members')
    .action(lazy(team('removeMember')));
  cmd
    .command('status')
    .summary('the team, the hub, the last sync and what is not pushed yet (offline)')
    .option('--json', 'print the status as JSON')
    .addHelpText('after', '\nExamples:\n  $ net team status\n  $ net team status --json')
    .action(lazy(team('status')));
  cmd
    .command('leave')
    .summary('stop syncing with the team here, and drop this copy of it')
    .addHelpText('after', '\nExamples:\n  $ net team leave\n  $ net team leave && net team join postgres://me@db.example.com/net')
    .action(lazy(team('leave')));
  cmd
    .command('adopt')
    .argument('<person>', "a name among the team's people (`net list --team`)")
    .summary("take a teammate's person into your network (the team keeps one person)")
    .option('--circle <circle>', 'the circle to put them in', 'network')
    .addHelpText('after', '\nExamples:\n  $ net team adopt "Federico Sala" --circle active\n  $ net team adopt "Anna Meyer"')
    .action(lazy(team('adopt')));
}
