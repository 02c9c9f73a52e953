// Where the database lives: --db, NET_DB, $XDG_DATA_HOME/net/net.db, ~/.local/share/net/net.db.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv): string {
  if (option) return resolve(option);
  if (env.NET_DB) return resolve(env.NET_DB);
  const dataHome = env.XDG_DATA_HOME && env.XDG_DATA_HOME.startsWith('/') ? env.XDG_DATA_HOME : join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'net', 'net.db');
}
