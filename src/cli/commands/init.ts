// net init: a short guided start on a terminal. Where the network will live,
// the rhythm of each circle, the first few people. Nothing is written until
// the last answer (Ctrl-C leaves everything as it was), and running it again
// shows what is set and adds only what is new.
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { formatInterval } from '../../core/intervals.js';
import { nameKey } from '../../core/names.js';
import { DEFAULT_SETTINGS, settingKey, type Settings } from '../../core/settings.js';
import { check, nameSchema } from '../../core/validate.js';
import { CIRCLE_MEANING } from '../../core/help-topics.js';
import { CIRCLES, DEFAULT_CADENCE, NATURAL_SIZE, type Circle } from '../../core/vocabulary.js';
import { countPeople, startNetwork } from '../../app/start-network.js';
import { findDuplicates } from '../../db/contacts.js';
import { openDatabase, type OpenDatabase } from '../../db/open.js';
import { loadSettings } from '../../db/settings.js';
import type { Context } from '../context.js';
import { colourPrompts } from '../prompt-colours.js';

function rhythmText(days: number | null): string {
  return days === null ? 'none' : formatInterval(days);
}

function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? `${homedir()}${path.slice(1)}` : path;
}

async function openIfExists(path: string): Promise<OpenDatabase | null> {
  return existsSync(path) ? openDatabase(path, { mustExist: true }) : null;
}

interface NewPerson {
  name: string;
  circle: Circle;
}

export default async function init(ctx: Context): Promise<void> {
  if (!ctx.interactive) {
    throw new UsageError(
      'net init asks questions, so it needs a terminal (and no --no-input)',
      'set up with commands instead (see `net help rhythms`):\n    net config set cadence.close "3 weeks"\n    net add "Full Name" --circle close',
    );
  }
  colourPrompts(ctx);
  const [{ default: confirm }, { default: input }, { default: select }] = await Promise.all([
    import('@inquirer/confirm'),
    import('@inquirer/input'),
    import('@inquirer/select'),
  ]);
  const c = await ctx.chalk();
  const say = (...lines: string[]) => ctx.io.write(`${lines.join('\n')}\n`);
  const opened: OpenDatabase[] = [];

  try {
    say(`${c.bold('Welcome to net')}: a journal of the relationships you want to keep alive.`);
    say(c.dim('Three short steps. Nothing is saved until the end: Ctrl-C changes nothing.'));

    // 1. Where the data lives.
    let path = ctx.dbPath;
    let existing = await openIfExists(path);
    if (existing) opened.push(existing);
    const count = async (db: OpenDatabase | null) => (db ? countPeople(db) : 0);
    say('', c.bold('1. Where your network lives'));
    say(`   ${path}`);
    const already = await count(existing);
    say(c.dim(existing ? `   It exists and holds ${already} ${already === 1 ? 'person' : 'people'}.` : '   A new file, readable only by you (mode 0600).'));
    if (!(await confirm({ message: 'Keep your network there?', default: true }))) {
      const answer = await input({
        message: 'Database file',
        default: path,
        validate: async (value) => {
          const candidate = resolve(expandHome(value.trim()));
          if (value.trim() === '') return 'a file path, e.g. ~/Documents/net.db';
          if (existsSync(candidate) && !statSync(candidate).isFile()) return `${candidate} is a folder: name a file inside it`;
          try {
            await (await openIfExists(candidate))?.close();
            return true;
          } catch (error) {
            return (error as Error).message;
          }
        },
      });
      path = resolve(expandHome(answer.trim()));
      if (path !== ctx.dbPath) {
        existing = await openIfExists(path);
        if (existing) opened.push(existing);
        say(c.dim("   net finds it through NET_DB: add this line to your shell's startup file,"), `     export NET_DB=${path}`);
      }
    }

    // 2. The rhythm of each circle.
    const settings: Settings = existing ? await loadSettings(existing.db) : structuredClone(DEFAULT_SETTINGS);
    say('', c.bold('2. How often to be in touch'));
    say('   Each person sits in a circle, and each circle has a rhythm: when the last');
    say('   contact is older than that, `net due` reminds you. The circles have natural');
    say(`   sizes (about ${CIRCLES.flatMap((c) => NATURAL_SIZE[c] ?? []).join(', ')} people): see \`net help circles\`.`);
    for (const circle of CIRCLES) {
      const now = rhythmText(settings.cadence[circle]);
      const fallback = rhythmText(DEFAULT_CADENCE[circle]);
      const note = now === fallback ? 'the default' : `default ${fallback}`;
      say(`   ${circle.padEnd(13)}${now.padEnd(10)}${c.dim(note.padEnd(18))}${CIRCLE_MEANING[circle]}`);
    }
    const rhythms = new Map<Circle, string>();
    if (!(await confirm({ message: 'Keep these rhythms?', default: true }))) {
      for (const circle of CIRCLES) {
        const key = settingKey(`cadence.${circle}`);
        if (!key) continue;
        const answer = await input({
          message: `Rhythm of ${circle} (${CIRCLE_MEANING[circle]})`,
          default: rhythmText(settings.cadence[circle]),
          validate: (value) => {
            const parsed = key.parse(value);
            return parsed.ok ? true : parsed.error;
          },
        });
        const parsed = key.parse(answer);
        const current = settings.cadence[circle] === null ? 'none' : String(settings.cadence[circle]);
        if (parsed.ok && parsed.stored !== current) rhythms.set(circle, parsed.stored);
      }
    }

    const rhythmOf = (circle: Circle): string => {
      const stored = rhythms.get(circle);
      return rhythmText(stored === undefined ? settings.cadence[circle] : stored === 'none' ? null : Number(stored));
    };

    // 3. The first people.
    say('', c.bold('3. Your first people'));
    say('   Three to five people you want to stay close to is a good start; add more');
    say('   any time with `net add`. Leave the name empty to finish.');
    const people: NewPerson[] = [];
    for (;;) {
      const name = await input({
        message: `Person ${people.length + 1}`,
        validate: async (value) => {
          if (value.trim() === '') return true;
          const parsed = nameSchema.safeParse(value);
          if (!parsed.success) return `a name on one line (${parsed.error.issues[0]?.message ?? 'not valid'})`;
          if (people.some((p) => nameKey(p.name) === nameKey(value))) return 'already in this list';
          const twins = existing ? await findDuplicates(existing.db, parsed.data, []) : [];
          return twins.length === 0 ? true : `already in your network as #${twins[0].id} ${twins[0].name}`;
        },
      });
      if (name.trim() === '') break;
      const circle = await select<Circle>({
        message: `How close is ${name.trim().split(/\s+/)[0]}?`,
        default: 'close',
        choices: CIRCLES.map((value) => ({
          value,
          name: `${value.padEnd(13)}${rhythmOf(value).padEnd(10)}${CIRCLE_MEANING[value]}`,
          short: value,
        })),
      });
      people.push({ name: check(nameSchema, name, 'name'), circle });
    }

    // Everything at once, in one command.
    const target = existing ?? (path === ctx.dbPath ? await ctx.database() : await openDatabase(path));
    if (!existing && path !== ctx.dbPath) opened.push(target);
    await startNetwork(target, ctx, rhythms, people);

    say('', c.bold('Done.'));
    const changed = rhythms.size ? `, ${rhythms.size} rhythm${rhythms.size === 1 ? '' : 's'} changed` : '';
    const total = await count(target);
    say(`   ${path}: ${total} ${total === 1 ? 'person' : 'people'}${changed}.`);
    if (path !== ctx.dbPath) say(`   Remember: export NET_DB=${path}`);
    say('', 'Next:');
    say(`   net log "${people[0]?.name ?? 'Full Name'}" --via coffee -m "what you talked about"`);
    say('   net due                         the morning check: who to reach out to today');
    say('   net help rhythms                how the reminders work');
    say('   net completion bash|zsh|fish    TAB completion of commands and names');
  } finally {
    for (const db of opened) await db.close();
  }
}
