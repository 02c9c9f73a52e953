// `net review --interactive` in process: a database on a temporary file, the
// command run with scripted prompt answers, and the database checked after
// every choice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import reviewInteractive, { sessionPeople, type Choice, type ReviewPrompts } from '../../src/cli/commands/review-interactive.js';
import { createContext, type Context, type Io } from '../../src/cli/context.js';
import { UsageError } from '../../src/core/errors.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { insertContact } from '../../src/db/contacts.js';
import { insertInteraction } from '../../src/db/interactions.js';
import { allowRawWrites } from '../raw-writes.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';

const NOW = '2026-03-14';
let dir: string;
let opened: OpenDatabase;
let output: string;

interface Asked {
  kind: 'select' | 'input';
  message: string;
  choices?: string[];
  initial?: string;
}

/** Prompts that answer from a script and record what was asked; an answer may be an Error to throw (Ctrl-C). */
function scripted(answers: Array<string | Error>): { prompts: ReviewPrompts; asked: Asked[] } {
  const asked: Asked[] = [];
  const next = (): string => {
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`no scripted answer left after: ${JSON.stringify(asked.at(-1))}`);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const prompts: ReviewPrompts = {
    async select<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>, initial?: T): Promise<T> {
      asked.push({ kind: 'select', message, choices: choices.map((c) => c.value), initial });
      const answer = next();
      if (!choices.some((c) => c.value === answer)) throw new Error(`"${answer}" is not a choice of "${message}"`);
      return answer as T;
    },
    async input(message, options = {}) {
      asked.push({ kind: 'input', message, initial: options.initial });
      const answer = next();
      // The real prompt asks again until the answer is valid: a script must give a valid one.
      const valid = options.validate?.(answer) ?? true;
      if (valid !== true) throw new Error(`invalid scripted answer "${answer}": ${valid}`);
      return answer;
    },
  };
  return { prompts, asked };
}

function context(interactive = true): Context {
  const io: Io = {
    write: (text) => void (output += text),
    error: (text) => void (output += text),
    stdoutIsTTY: interactive,
    stdinIsTTY: interactive,
    stderrIsTTY: interactive,
    columns: 80,
  };
  return createContext({
    io,
    env: { NET_NOW: NOW, NO_COLOR: '1' },
    dbPath: opened.path,
    options: {},
    open: async () => opened,
  });
}

const at = '2025-12-01T10:00:00.000Z';

async function addPerson(name: string, circle: string, days: string[] = [], more: { cadence_days?: number } = {}): Promise<number> {
  const id = await insertContact(opened.db, { name, circle, ...more }, {}, at);
  for (const day of days) {
    await insertInteraction(opened.db, { occurred_at: `${day}T11:00:00.000Z`, occurred_on: day, channel: 'call', direction: 'mutual', note: null }, [id], at);
  }
  return id;
}

function row(id: number): Record<string, unknown> {
  return opened.sqlite.prepare('select circle, cadence_days, snoozed_until, archived_at from contacts where id = ?').get(id) as Record<string, unknown>;
}

let ids: Record<string, number>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'net-review-'));
  opened = await openDatabase(join(dir, 'net.db'));
  allowRawWrites(opened.sqlite);
  output = '';
  ids = {
    // Due: inner every 14 days, close every 30; Elena is due and fading, so she comes once.
    bruno: await addPerson('Bruno', 'inner', ['2026-02-20']),
    elena: await addPerson('Elena', 'inner', ['2025-12-22', '2026-01-01', '2026-01-11', '2026-01-21']),
    carla: await addPerson('Carla', 'close', ['2026-01-20']),
    // Fading only: usually every 7 days, silent for 20; her own rhythm of 60 days is not exceeded.
    nora: await addPerson('Nora', 'network', ['2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22'], { cadence_days: 60 }),
    // On rhythm: not on the list.
    anna: await addPerson('Anna', 'inner', ['2026-03-10']),
  };
});

afterEach(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the people to go through', () => {
  it('are the ones due, closest circles and largest overshoot first, then those fading', async () => {
    const people = await sessionPeople(opened, DEFAULT_SETTINGS, NOW);
    expect(people.map((p) => p.name)).toEqual(['Elena', 'Bruno', 'Carla', 'Nora']);
    expect(people[1].reason).toBe('inner, every 2 weeks; last contact 2026-02-20 (22 days ago); due 2026-03-06');
    expect(people[3].reason).toBe('fading: usually every 7 days, silent for 20 (last contact 2026-02-22)');
  });
});

describe('net review --interactive', () => {
  it('saves each choice as it is made', async () => {
    const { prompts, asked } = scripted([
      'log', 'video', 'talked about her new job', // Elena
      'snooze', '2 weeks', // Bruno
      'circle', 'active', // Carla
      'rhythm', '3 weeks', // Nora
    ]);
    await reviewInteractive(context(), prompts);

    const logged = opened.sqlite
      .prepare('select i.channel, i.direction, i.note, i.occurred_on, ic.contact_id from interactions i join interaction_contacts ic on ic.interaction_id = i.id order by i.id desc limit 1')
      .get();
    expect(logged).toEqual({ channel: 'video', direction: 'mutual', note: 'talked about her new job', occurred_on: NOW, contact_id: ids.elena });
    expect(row(ids.bruno)).toMatchObject({ snoozed_until: '2026-03-28' });
    expect(row(ids.carla)).toMatchObject({ circle: 'active', cadence_days: null });
    expect(row(ids.nora)).toMatchObject({ cadence_days: 21 });
    expect(row(ids.anna)).toEqual({ circle: 'inner', cadence_days: null, snoozed_until: null, archived_at: null });

    // The channel offered first is the person's preferred one, else a call; the circle offered is their own.
    expect(asked[1]).toMatchObject({ kind: 'select', message: 'How?', initial: 'call' });
    expect(asked[6]).toMatchObject({ kind: 'select', message: 'Which circle?', initial: 'close' });
    expect(asked[8]).toMatchObject({ kind: 'input', initial: '60 days' });
    expect(output).toContain('4 people to go through: due for a touch, then fading.');
    expect(output).toContain('[1/4] Elena #');
    expect(output).toContain('  Logged video with Elena today.');
    expect(output).toContain('  Snoozed Bruno until 2026-03-28.');
    expect(output).toContain('  Carla is now in active (every 60 days).');
    expect(output).toContain('  Nora: every 3 weeks from now on.');
    expect(output).toContain('Done: 1 logged, 1 snoozed, 2 changed, 0 archived, 0 skipped.');

    // What was done counts at once: only Nora is left, still fading until someone is in touch.
    expect((await sessionPeople(opened, DEFAULT_SETTINGS, NOW)).map((p) => p.name)).toEqual(['Nora']);
  });

  it('archives, skips, takes "none" for a rhythm and any length of snooze', async () => {
    const { prompts } = scripted(['archive', 'skip', 'snooze', 'other', '10 days', 'rhythm', 'none']);
    await reviewInteractive(context(), prompts);
    expect(row(ids.elena).archived_at).toMatch(/^2026-03-14T/);
    expect(row(ids.bruno)).toEqual({ circle: 'inner', cadence_days: null, snoozed_until: null, archived_at: null });
    expect(row(ids.carla).snoozed_until).toBe('2026-03-24');
    expect(row(ids.nora).cadence_days).toBe(0);
    expect(output).toContain('Done: 0 logged, 1 snoozed, 1 changed, 1 archived, 1 skipped.');
  });

  it('stops on quit and keeps what was done', async () => {
    const { prompts } = scripted(['snooze', '1 week', 'quit']);
    await reviewInteractive(context(), prompts);
    expect(row(ids.elena).snoozed_until).toBe('2026-03-21');
    expect(row(ids.bruno).snoozed_until).toBeNull();
    expect(output).toContain('Done: 0 logged, 1 snoozed, 0 changed, 0 archived, 0 skipped, 3 left for next time.');
  });

  it('keeps what was done when the person presses Ctrl-C', async () => {
    const interrupt = Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
    const { prompts } = scripted(['log', 'call', '', 'archive', 'circle', interrupt]);
    await expect(reviewInteractive(context(), prompts)).rejects.toThrow('User force closed the prompt');
    const count = opened.sqlite.prepare('select count(*) as n from interactions i join interaction_contacts ic on ic.interaction_id = i.id where ic.contact_id = ?').get(ids.elena);
    expect(count).toEqual({ n: 5 });
    expect(row(ids.bruno).archived_at).not.toBeNull();
    expect(row(ids.carla).circle).toBe('close');
  });

  it('checks what is typed: an interval for a snooze or a rhythm', async () => {
    const { prompts } = scripted(['snooze', 'other', 'whenever']);
    await expect(reviewInteractive(context(), prompts)).rejects.toThrow('invalid scripted answer "whenever": "whenever" is not an interval');
    const rhythm = scripted(['rhythm', 'sometimes']);
    await expect(reviewInteractive(context(), rhythm.prompts)).rejects.toThrow('"sometimes" is not an interval');
  });

  it('says so when nobody is due or fading', async () => {
    opened.sqlite.prepare("update contacts set archived_at = ? where name <> 'Anna'").run(at);
    const { prompts, asked } = scripted([]);
    await reviewInteractive(context(), prompts);
    expect(asked).toEqual([]);
    expect(output).toBe('Nobody is due or fading: every relationship is on rhythm.\n');
  });

  it('needs a terminal', async () => {
    await expect(reviewInteractive(context(false))).rejects.toThrow(UsageError);
    await expect(reviewInteractive(context(false))).rejects.toThrow('net review --interactive needs a terminal');
  });
});
