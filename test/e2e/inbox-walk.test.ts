// net inbox on a terminal: the proposals one by one with scripted answers,
// each decision a command of its own.
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inbox } from '../../src/cli/commands/inbox.js';
import type { Choice, ReviewPrompts } from '../../src/cli/commands/review-interactive.js';
import { createContext, type Io } from '../../src/cli/context.js';
import { openDatabase, type OpenDatabase } from '../../src/db/open.js';
import { ok, sandbox, type Sandbox } from '../helpers.js';

const MAILDIR = resolve(import.meta.dirname, '..', 'fixtures', 'capture', 'maildir');

let s: Sandbox;
let opened: OpenDatabase;
let output: string;

beforeEach(async () => {
  s = sandbox();
  ok(s.net(['add', 'Giulia Rossi', '--email', 'giulia@satispay.com']));
  ok(s.net(['add', 'Niccolò Bianchi', '--email', 'nb@example.org']));
  ok(s.net(['add', 'Marco Verdi']));
  ok(s.net(['config', 'set', 'me.emails', 'me@example.com']));
  ok(s.net(['capture', 'mail', MAILDIR]));
  opened = await openDatabase(join(s.dir, 'data', 'net.db'));
  output = '';
});
afterEach(async () => {
  await opened.close();
  s.cleanup();
});

function scripted(answers: string[]): { prompts: ReviewPrompts; asked: string[] } {
  const asked: string[] = [];
  const prompts: ReviewPrompts = {
    async select<T extends string>(message: string, choices: ReadonlyArray<Choice<T>>): Promise<T> {
      asked.push(message);
      const answer = answers.shift();
      if (answer === undefined || !choices.some((c) => c.value === answer)) throw new Error(`no valid answer for "${message}": ${answer}`);
      return answer as T;
    },
    async input(message, options = {}) {
      asked.push(message);
      const answer = answers.shift();
      if (answer === undefined || (options.validate && options.validate(answer) !== true)) throw new Error(`no valid answer for "${message}"`);
      return answer;
    },
  };
  return { prompts, asked };
}

function context() {
  const io: Io = {
    write: (text) => void (output += text),
    error: (text) => void (output += text),
    stdoutIsTTY: true,
    stdinIsTTY: true,
    stderrIsTTY: true,
    columns: 80,
    stdin: () => process.stdin,
  };
  return createContext({ io, env: { ...s.env, NO_COLOR: '1' }, dbPath: opened.path, options: {}, open: async () => opened });
}

describe('net inbox on a terminal', () => {
  it('walks oldest first: accept, another note, another person, reject, skip; each decision undoable on its own', async () => {
    // Oldest first: Giulia's message, my reply, Niccolò's message.
    const { prompts } = scripted(['note', 'deck for Thursday', 'person', 'Marco Verdi', 'reject']);
    await inbox(context(), {}, prompts);
    expect(output).toContain('[1/3] Giulia Rossi');
    expect(output).toContain('Done: 2 accepted, 1 rejected, 0 skipped.');
    const history = s.json<Array<{ contacts: string[]; note: string; direction: string }>>(['history']);
    expect(history.map((h) => [h.contacts, h.direction, h.note])).toEqual([
      [['Marco Verdi'], 'out', 'Re: Il deck per giovedì'],
      [['Giulia Rossi'], 'in', 'deck for Thursday'],
    ]);
    expect(s.json<unknown[]>(['inbox'])).toEqual([]);
    // The last decision (the rejection) comes back alone.
    ok(s.net(['undo', '--yes']));
    expect(s.json<Array<{ subject: string }>>(['inbox']).map((p) => p.subject)).toEqual(['Intro to Jürgen']);
    expect(s.json<unknown[]>(['history'])).toHaveLength(2);
  });

  it('skips and quits, leaving the rest for next time; --list only lists', async () => {
    await inbox(context(), {}, scripted(['skip', 'quit']).prompts);
    expect(output).toContain('Done: 0 accepted, 0 rejected, 1 skipped, 2 left for next time.');
    expect(s.json<unknown[]>(['inbox'])).toHaveLength(3);
    output = '';
    await inbox(context(), { list: true }, scripted([]).prompts);
    expect(output).toContain('Giulia Rossi #1');
  });
});
