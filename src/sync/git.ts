// A git repository as the transport, driven through the `git` program (so
// the user's remotes, SSH keys and credential helpers work as in a shell).
// net keeps its own clone under the data folder, on a branch of its own,
// `net-sync`: files are written there, committed and pushed; a push refused
// because another device pushed first is rebased and tried again. Files
// never conflict, since each is written by one device.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../core/errors.js';
import { FolderTransport } from './folder.js';
import type { Transport } from './transport.js';

export const BRANCH = 'net-sync';
const PUSH_TRIES = 6;

export class GitTransport implements Transport {
  readonly description: string;
  readonly #files: FolderTransport;

  constructor(
    readonly remote: string,
    /** The local clone, under the data folder. */
    readonly clone: string,
    readonly device: string,
  ) {
    this.description = `the git repository ${remote}`;
    this.#files = new FolderTransport(clone);
  }

  #git(args: readonly string[], allowFailure = false): { ok: boolean; out: string; err: string } {
    const result = spawnSync('git', ['-C', this.clone, ...args], {
      encoding: 'utf8',
      // No prompt can be answered from inside net: a remote that needs one must be set up (SSH agent, credential helper).
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.error) throw new DataError(`cannot run git: ${result.error.message}`, 'install git, or sync through a folder instead');
    const ok = result.status === 0;
    if (!ok && !allowFailure) {
      throw new DataError(`git ${args[0]} failed for ${this.remote}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`, 'check the remote and your access to it (`git ls-remote REMOTE`), then run `net sync` again');
    }
    return { ok, out: result.stdout, err: result.stderr };
  }

  /** Makes the clone if it is not there: an empty repository that points at the remote. */
  #ensureClone(): void {
    if (existsSync(join(this.clone, '.git'))) return;
    mkdirSync(this.clone, { recursive: true, mode: 0o700 });
    this.#git(['init', '-q']);
    this.#git(['remote', 'add', 'origin', this.remote]);
    // Commits say nothing about the person: net's own name, in this clone only.
    this.#git(['config', 'user.name', 'net sync']);
    this.#git(['config', 'user.email', 'net-sync@localhost']);
    this.#git(['config', 'commit.gpgsign', 'false']);
    this.#git(['checkout', '-q', '--orphan', BRANCH]);
  }

  #hasLocalCommit(): boolean {
    return this.#git(['rev-parse', '-q', '--verify', 'HEAD'], true).ok;
  }

  async refresh(): Promise<void> {
    this.#ensureClone();
    this.#git(['fetch', '-q', 'origin']);
    if (!this.#git(['rev-parse', '-q', '--verify', `refs/remotes/origin/${BRANCH}`], true).ok) return;
    if (!this.#hasLocalCommit()) {
      this.#git(['checkout', '-q', '-B', BRANCH, `origin/${BRANCH}`]);
      return;
    }
    const rebase = this.#git(['rebase', '-q', `origin/${BRANCH}`], true);
    if (!rebase.ok) {
      this.#git(['rebase', '--abort'], true);
      throw new DataError(`git could not put this device's files after the others' in ${this.clone}: ${rebase.err.trim()}`, 'a file of net sync was changed by hand there; remove the clone and run `net sync` again');
    }
  }

  read(name: string): Promise<Buffer | null> {
    return this.#files.read(name);
  }

  async list(folder: string): Promise<string[]> {
    return (await this.#files.list(folder)).filter((name) => name !== '.git');
  }

  create(name: string, bytes: Buffer): Promise<boolean> {
    this.#ensureClone();
    return this.#files.create(name, bytes);
  }

  replace(name: string, bytes: Buffer): Promise<void> {
    this.#ensureClone();
    return this.#files.replace(name, bytes);
  }

  async publish(): Promise<void> {
    this.#ensureClone();
    this.#git(['add', '-A']);
    if (!this.#git(['diff', '--cached', '--quiet'], true).ok) this.#git(['commit', '-q', '-m', `net sync: device ${this.device.slice(0, 8)}`]);
    if (!this.#hasLocalCommit()) return;
    for (let attempt = 1; ; attempt += 1) {
      const upstream = this.#git(['rev-parse', '-q', '--verify', `refs/remotes/origin/${BRANCH}`], true);
      const head = this.#git(['rev-parse', 'HEAD']).out.trim();
      if (upstream.ok && upstream.out.trim() === head) return;
      const push = this.#git(['push', '-q', 'origin', `HEAD:refs/heads/${BRANCH}`], true);
      if (push.ok) {
        this.#git(['fetch', '-q', 'origin'], true);
        return;
      }
      const behind = /non-fast-forward|fetch first|rejected/.test(push.err);
      if (!behind || attempt >= PUSH_TRIES) {
        throw new DataError(`git push to ${this.remote} failed: ${push.err.trim().split('\n').slice(-2).join(' ')}`, 'your files are committed in the clone; `net sync` pushes them next time');
      }
      // Another device pushed first: put ours after theirs and try again.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      await this.refresh();
    }
  }
}
