// Connecting to a team's hub the way psql does (libpq's conventions): a
// postgres:// URL, the PG* environment variables for what it leaves out
// (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE), ~/.pgpass
// (or PGPASSFILE) for the password, and TLS when the server offers it
// (sslmode=prefer, libpq's default): node-postgres only knows "TLS or not",
// so `prefer` tries TLS first and falls back when the server has none.
// pg and Kysely's PostgreSQL dialect are loaded here only, by the team
// commands: `net due` never loads them.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
// Named, not import('kysely'): a namespace would keep every dialect of Kysely in each bundle (esbuild cannot drop what it might hold).
import { Kysely, PostgresDialect } from 'kysely';
import type { Pool, PoolConfig } from 'pg';
import { DataError, UsageError } from '../core/errors.js';
import type { HubDatabase } from './hub-schema.js';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface HubAddress {
  host: string;
  port: number;
  database: string;
  user: string;
  /** From the URL or PGPASSWORD; else ~/.pgpass is asked at connect time. */
  password: string | undefined;
  sslmode: SslMode;
}

const MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

/** What a URL and the environment say, as libpq reads them (the URL first, then PG*, then the defaults). */
export function hubAddress(url: string, env: NodeJS.ProcessEnv): HubAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`"${url}" is not a PostgreSQL URL`, 'e.g. postgres://marta@db.example.com/team (the PG* variables and ~/.pgpass fill in the rest)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UsageError(`"${url}" is not a PostgreSQL URL (it should start with postgres://)`);
  }
  const query = parsed.searchParams;
  const port = Number(parsed.port || query.get('port') || env.PGPORT || 5432);
  const host = decodeURIComponent(parsed.hostname) || query.get('host') || env.PGHOST || localSocket(port) || 'localhost';
  const user = decodeURIComponent(parsed.username) || query.get('user') || env.PGUSER || userInfo().username;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || query.get('dbname') || env.PGDATABASE || user;
  const password = parsed.password ? decodeURIComponent(parsed.password) : (query.get('password') ?? env.PGPASSWORD);
  const mode = (query.get('sslmode') ?? env.PGSSLMODE ?? 'prefer') as SslMode;
  if (!MODES.includes(mode)) throw new UsageError(`sslmode=${mode} is not one of PostgreSQL's: ${MODES.join(', ')}`);
  return { host, port, database, user, password, sslmode: mode };
}

/** No host given: the server's Unix socket, where libpq looks (Debian's folder, then /tmp), when it is there. */
function localSocket(port: number): string | undefined {
  return ['/var/run/postgresql', '/tmp'].find((dir) => existsSync(`${dir}/.s.PGSQL.${port}`));
}

/** The URL without its password, to show and to keep. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The URL's or PGPASSWORD's password, else the pgpass file's line for this address (PGPASSFILE, ~/.pgpass), as libpq. */
async function passwordFor(address: HubAddress, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (address.password !== undefined) return address.password;
  const helper = await import('pgpass/lib/helper.js');
  const file = helper.getFileName(env);
  const stats = await stat(file).catch(() => undefined);
  if (!stats || !helper.usePgPass(stats, file)) return undefined;
  // A socket folder is "localhost" in a pgpass file, as libpq reads it.
  const host = address.host.startsWith('/') ? 'localhost' : address.host;
  return new Promise((resolvePassword) =>
    helper.getPassword({ host, port: address.port, database: address.database, user: address.user }, createReadStream(file), (found) => resolvePassword(found)),
  );
}

function configFor(address: HubAddress, tls: boolean, env: NodeJS.ProcessEnv): PoolConfig {
  const password = () => passwordFor(address, env).then((p) => p ?? '');
  return {
    host: address.host,
    port: address.port,
    database: address.database,
    user: address.user,
    password,
    ssl: tls ? { rejectUnauthorized: address.sslmode === 'verify-ca' || address.sslmode === 'verify-full', ...(address.sslmode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}) } : false,
    max: 4,
    connectionTimeoutMillis: 15_000,
    application_name: 'net',
  };
}

export interface Hub {
  db: Kysely<HubDatabase>;
  pool: Pool;
  address: HubAddress;
  close(): Promise<void>;
}

function explain(error: unknown, address: HubAddress): Error {
  const e = error as { code?: string; message?: string };
  const where = `${address.user}@${address.host}:${address.port}/${address.database}`;
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '')) {
    return new DataError(`cannot reach the team's PostgreSQL server at ${where}: ${e.message ?? e.code}`, 'nothing was changed; check the address, or try again when the server is up');
  }
  if (e.code === '28P01' || e.code === '28000') return new DataError(`the server refused ${address.user}: ${e.message}`, 'check the password (the URL, PGPASSWORD or ~/.pgpass)');
  if (e.code === '3D000') return new DataError(`there is no database ${address.database} on ${address.host}`, 'create it, or name the right one in the URL');
  return error instanceof Error ? error : new Error(String(error));
}

/** Opens a pool to the hub, with TLS as sslmode says; the first connection is made here, so a wrong address fails at once. */
export async function openHub(url: string, env: NodeJS.ProcessEnv): Promise<Hub> {
  const address = hubAddress(url, env);
  const { default: pg } = await import('pg');
  // bigint (int8) as a JS number: sequence numbers stay far below 2^53.
  pg.types.setTypeParser(20, (text: string) => Number(text));
  const tries = address.sslmode === 'disable' ? [false] : address.sslmode === 'allow' ? [false, true] : address.sslmode === 'prefer' ? [true, false] : [true];
  let lastError: unknown;
  for (const tls of tries) {
    const pool = new pg.Pool(configFor(address, tls, env));
    // An idle connection that breaks (the server restarts) must not end the process.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      client.release();
      const db = new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }) });
      return { db, pool, address, close: () => db.destroy() };
    } catch (error) {
      await pool.end().catch(() => {});
      lastError = error;
      const noTls = /does not support SSL/i.test((error as Error).message ?? '');
      if (!(tls && noTls) && !(address.sslmode === 'allow' && !tls)) break;
    }
  }
  throw explain(lastError, address);
}
