// net help [TOPIC | COMMAND…]: a topic's text, or a command's own help.
import type { Command } from 'commander';
import { closest, distance } from 'fastest-levenshtein';
import { UsageError } from '../../core/errors.js';
import { findTopic, HELP_TOPICS, topicList } from '../../core/help-topics.js';
import { wantsColor, type Io } from '../context.js';

/** What help needs: no clock and no database, so it skips the context and starts fast. */
export interface HelpIo {
  io: Io;
  env: NodeJS.ProcessEnv;
  /** The global --no-color, as commander parsed it. */
  color: boolean | string | undefined;
}

function findCommand(parent: Command, word: string): Command | undefined {
  return parent.commands.find((c) => c.name() === word || c.aliases().includes(word));
}

export default async function helpTopic(out: HelpIo, program: Command, words: string[]): Promise<void> {
  if (words.length === 0) {
    program.outputHelp();
    return;
  }
  const topic = words.length === 1 ? findTopic(words[0]) : undefined;
  if (topic) {
    const [title, ...rest] = topic.text.split('\n');
    let heading = title;
    if (wantsColor(out.io, out.env, out.color)) {
      const { Chalk } = await import('chalk');
      heading = new Chalk({ level: 1 }).bold(title);
    }
    out.io.write(`${heading}\n${rest.join('\n')}\n`);
    return;
  }
  // `net help outreach step` walks down to the subcommand.
  let command: Command = program;
  for (const word of words) {
    const next = findCommand(command, word);
    if (!next) {
      const names = [...HELP_TOPICS.map((t) => t.name), ...command.commands.filter((c) => c.name() !== '__complete').map((c) => c.name())];
      const guess = closest(word.toLowerCase(), names);
      const near = distance(word.toLowerCase(), guess) <= Math.max(2, Math.floor(word.length / 3));
      const where = command === program ? '' : ` of \`net ${command.name()}\``;
      const suggestion = near ? `did you mean \`net help ${command === program ? '' : `${command.name()} `}${guess}\`? ` : '';
      const more = command === program ? `Topics (or any command):\n${topicList()}` : `see \`net help ${command.name()}\``;
      throw new UsageError(`no help topic or command${where} called "${word}"`, `${suggestion}${more}`);
    }
    command = next;
  }
  command.outputHelp();
}
