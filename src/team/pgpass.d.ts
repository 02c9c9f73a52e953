// pgpass has no types of its own: the helpers net calls (lib/helper.js).
declare module 'pgpass/lib/helper.js' {
  import type { Stats } from 'node:fs';
  import type { Readable } from 'node:stream';
  interface PgPassConnection {
    host?: string;
    port?: number | string;
    database?: string;
    user?: string;
  }
  /** PGPASSFILE, else ~/.pgpass (%APPDATA%/postgresql/pgpass.conf on Windows), from the environment given. */
  export function getFileName(env?: NodeJS.ProcessEnv): string;
  /** Whether the file may be used: a regular file, not readable by others. */
  export function usePgPass(stats: Stats, file: string): boolean;
  export function getPassword(connection: PgPassConnection, stream: Readable, callback: (password: string | undefined) => void): void;
}
