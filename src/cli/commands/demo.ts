// net demo: a realistic sample network in a database of its own, the morning
// check on it, and the commands to explore it. The person's own network is
// never written to: an existing file that is not a demo is refused.
import { dirname, join } from 'node:path';
import { buildDemoNetwork } from '../../core/demo-network.js';
import { ConflictError } from '../../core/errors.js';
import { inspectDemoTarget, writeDemoDatabase, type DemoCounts } from '../../db/demo.js';
import { resolveDbPath } from '../../db/path.js';
import { wrapLines } from '../../core/text.js';
import type { Context } from '../context.js';

/** A path as it can be pasted into a shell. */
export function shellQuote(text: string): string {
  return /^[\w./~@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Where the demo goes: `--db PATH` when given; otherwise `demo.db` beside the
 * database the person uses ($NET_DB or the default), never that database itself.
 */
export function demoPath(ctx: Context, explicit: boolean): { path: string; ownDatabase: string } {
  const ownDatabase = resolveDbPath(undefined, ctx.env);
  return { path: explicit ? ctx.dbPath : join(dirname(ownDatabase), 'demo.db'), ownDatabase };
}

export interface DemoOptions {
  /** The global --db, when given: the demo goes exactly there. */
  db?: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export default async function demo(ctx: Context, options: DemoOptions): Promise<void> {
  const { path, ownDatabase } = demoPath(ctx, options.db !== undefined);
  const target = inspectDemoTarget(path);
  if (target.kind === 'foreign') {
    throw new ConflictError(
      `will not write the demo to ${path}: ${target.why}`,
      'net demo only replaces an earlier demo; choose a new file with `net demo --db PATH`',
    );
  }
  const counts = await writeDemoDatabase(path, buildDemoNetwork(ctx.today), ctx.now);
  const c = await ctx.chalk();
  // Paths can be long: they get lines of their own, and prose wraps to the terminal.
  const width = Math.max(40, ctx.io.columns) - 2;
  const indented = (text: string) => wrapLines(text, width).map((line) => `  ${line}`);

  const out: string[] = [];
  out.push(c.bold(target.kind === 'demo' ? 'A fresh demo network is ready (the earlier demo was replaced):' : 'A demo network is ready:'));
  out.push(`  ${path}`);
  out.push(...indented(`${describe(counts)}.`));
  if (path !== ownDatabase) out.push(...indented(`Your own network was not touched (${ownDatabase}).`));
  out.push('', c.bold('The morning check on the demo (net due):'));
  ctx.io.write(`${out.join('\n')}\n`);

  const { buildProgram } = await import('../command-groups.js');
  const { program, closeContext } = buildProgram(ctx.io, ctx.env);
  const has = (name: string) => program.commands.some((command) => command.name() === name);
  if (has('due')) {
    try {
      await program.parseAsync(['--db', path, '--color', ctx.color ? 'always' : 'never', 'due'], { from: 'user' });
    } catch (error) {
      ctx.io.error(`net: the demo was written, but the morning check failed: ${(error as Error).message}\n`);
    } finally {
      await closeContext();
    }
  } else {
    ctx.io.write(`  (\`net due\` is not part of this build yet: ${plural(counts.followups, 'follow-up')} and the replies owed wait in the demo.)\n`);
  }

  const tries: Array<[string, string]> = [
    ['due --explain', 'why each person is on the list'],
    ['list --circle close', 'the people you see about monthly'],
    ['show giulia', 'a profile, its favours and timeline'],
    ['history --since "2 weeks ago"', 'what happened lately'],
    ['outreach list', 'the people you want to reach'],
    ['review --month', 'the look back: circles, fading'],
  ];
  const available = tries.filter(([command]) => has(command.split(' ')[0]) && (command !== 'due --explain' || hasOption(program, 'due', '--explain')));
  const column = Math.max(...available.map(([command]) => command.length)) + 6;
  const lines = ['', c.bold('Explore it:') + ' point net at the demo for this shell,', `  export NET_DB=${shellQuote(path)}`, 'then try'];
  for (const [command, why] of available) lines.push(`  ${`net ${command}`.padEnd(column)}${c.dim(why)}`);
  lines.push(
    'and `unset NET_DB` to come back to your own network.',
    'Or name the demo in each command:',
    `  net --db ${shellQuote(path)} due`,
  );
  ctx.io.write(`${lines.join('\n')}\n`);
}

function hasOption(program: { commands: readonly { name(): string; options: readonly { long?: string }[] }[] }, command: string, option: string): boolean {
  return program.commands.some((c) => c.name() === command && c.options.some((o) => o.long === option));
}

function describe(counts: DemoCounts): string {
  return [
    plural(counts.contacts, 'person', 'people'),
    `${plural(counts.interactions, 'interaction')} over the last year`,
    plural(counts.favours, 'favour'),
    `${plural(counts.open_followups, 'open follow-up')}`,
    `${counts.outreach} in the outreach pipeline`,
  ].join(', ');
}
