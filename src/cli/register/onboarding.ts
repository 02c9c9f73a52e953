// First run and the shell: demo, init, help topics, completion.
import { Argument } from 'commander';
import { topicList } from '../../core/help-topics.js';
import type { Context } from '../context.js';
import type { Registration } from '../program.js';

export function registerOnboarding({ program, lazy, io, env }: Registration): void {
  // `net help TOPIC` explains ideas; `net help COMMAND` still shows the command's help.
  program.helpCommand(false);
  program.addHelpText(
    'after',
    `
Help topics (net help TOPIC):
${topicList()}

New here? \`net demo\` builds a sample network to explore; \`net init\` sets up yours.`,
  );

  program
    .command('demo')
    .summary('try net on a realistic sample network, kept apart from yours')
    .description(
      'Write a sample network (about 60 people, a year of interactions, replies owed,\n' +
        'follow-ups, favours, an outreach pipeline) into a demo database of its own, then\n' +
        'print the morning check and the commands to explore it.\n\n' +
        'The demo goes to demo.db beside your database (or to --db PATH). It only ever\n' +
        'replaces an earlier demo: a file holding a real network is refused (exit 1).',
    )
    .option('--db <path>', 'write the demo to this file instead (a new file or an earlier demo)')
    .addHelpText(
      'after',
      `
Examples:
  $ net demo
  $ net demo --db /tmp/net-demo.db
  $ export NET_DB=~/.local/share/net/demo.db && net due`,
    )
    // --db is the program's option (commander reads it anywhere on the line): pass it on as given.
    .action(
      lazy(async () => {
        const { default: demo } = await import('../commands/demo.js');
        return { default: (ctx: Context) => demo(ctx, { db: program.opts<{ db?: string }>().db }) };
      }),
    );

  program
    .command('init')
    .summary('set up net: where the data lives, the rhythm of each circle, your first people')
    .description(
      'A short guided start, on a terminal: where your network will be kept, how often\n' +
        'to be in touch with each circle (the defaults explained), and the first few\n' +
        'people to add. Safe to run again: it shows what is set and adds only what is new.',
    )
    .addHelpText(
      'after',
      `
Without a terminal, set things up with commands instead:
  $ net config set cadence.close "3 weeks"
  $ net add "Giulia Rossi" --circle close

Examples:
  $ net init
  $ net init --db ~/Documents/net.db`,
    )
    .action(lazy(() => import('../commands/init.js')));

  program
    .command('help')
    .argument('[topic...]', 'a topic (circles, rhythms, dates, formats, exit-codes, contacts) or a command')
    .summary('explain a topic, or show the help of a command')
    .addHelpText('after', '\nExamples:\n  $ net help rhythms\n  $ net help dates\n  $ net help log')
    // Help opens no database: it skips the context (and the query builder it loads).
    .action(async (words: string[]) => {
      const { default: helpTopic } = await import('../commands/help-topic.js');
      await helpTopic({ io, env, color: program.opts<{ color?: boolean | string }>().color }, program, words);
    });

  program
    .command('completion')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .summary('print the shell completion script for bash, zsh or fish')
    .description(
      'Print a script that completes commands, options, channels, circles, stages and\n' +
        'the names of the people in your network (read from the database as you type).',
    )
    .addHelpText(
      'after',
      `
Install it once (it completes both names, net and netj):
  bash  $ net completion bash > ~/.local/share/bash-completion/completions/net
        (for netj: ln -s net ~/.local/share/bash-completion/completions/netj)
        (or add \`source <(net completion bash)\` to ~/.bashrc)
  zsh   $ net completion zsh > "\${fpath[1]}/_net"    (then open a new shell)
        (or add \`source <(net completion zsh)\` to ~/.zshrc, after compinit)
  fish  $ net completion fish > ~/.config/fish/completions/net.fish
        (for netj: netj completion fish > ~/.config/fish/completions/netj.fish)

Examples:
  $ net completion zsh > ~/.zfunc/_net
  $ source <(net completion bash)
  $ net completion fish | source`,
    )
    .action(lazy(() => import('../commands/completion.js')));

  // The scripts' helper: called on every TAB, so it skips the context and the
  // query builder and reads the database directly (see commands/complete.ts).
  program
    .command('__complete', { hidden: true })
    .argument('<mode>', 'bash, zsh, fish, or contacts')
    .argument('[words...]', 'the words typed after `net`, the last one being completed')
    .allowUnknownOption()
    .action(async (mode: string, words: string[]) => {
      const { default: completeCommand } = await import('../commands/complete.js');
      const db = program.opts<{ db?: string }>().db;
      await completeCommand({ write: io.write, env, db }, program, mode, words);
    });
}
