// The whole program: every group of commands, and the program built of them
// (net.ts runs it; help, completion, the man page and the demo read it).
import type { Command } from 'commander';
import type { Io } from './context.js';
import { buildProgramOf, type CommandGroup } from './program.js';
import { registerJournal } from './register/journal.js';
import { registerScheduling } from './register/scheduling.js';
import { registerOutreach } from './register/outreach.js';
import { registerTransfer } from './register/transfer.js';
import { registerReview } from './register/review.js';
import { registerSafety } from './register/safety.js';
import { registerOnboarding } from './register/onboarding.js';
import { registerChanges } from './register/changes.js';
import { registerDuplicates } from './register/duplicates.js';
import { registerSync } from './register/sync.js';
import { registerCapture } from './register/capture.js';
import { registerBrief } from './register/brief.js';
import { registerTeam } from './register/team.js';

export const COMMAND_GROUPS: readonly CommandGroup[] = [
  { names: ['add', 'log', 'list', 'show', 'history', 'favour', 'edit', 'archive', 'unarchive', 'rm', 'search'], register: registerJournal, alone: true },
  { names: ['due', 'dismiss', 'followup', 'snooze', 'config'], register: registerScheduling, alone: true },
  { names: ['outreach', 'who'], register: registerOutreach, alone: true },
  { names: ['export', 'import'], register: registerTransfer, alone: true },
  { names: ['review'], register: registerReview, alone: true },
  { names: ['backup', 'restore', 'doctor'], register: registerSafety, alone: true },
  { names: ['undo', 'changes'], register: registerChanges, alone: true },
  { names: ['duplicates', 'merge'], register: registerDuplicates, alone: true },
  { names: ['sync', 'trash'], register: registerSync, alone: true },
  { names: ['capture', 'inbox'], register: registerCapture, alone: true },
  { names: ['brief'], register: registerBrief, alone: true },
  { names: ['team'], register: registerTeam, alone: true },
  { names: ['demo', 'init', 'help', 'completion', '__complete'], register: registerOnboarding, alone: false },
];

/** The program with every command (given the arguments it will parse, only the group of the command they run). */
export function buildProgram(io: Io, env: NodeJS.ProcessEnv, args?: readonly string[]): { program: Command; closeContext: () => Promise<void> } {
  return buildProgramOf(COMMAND_GROUPS, io, env, args);
}
