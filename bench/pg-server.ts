// A throwaway PostgreSQL server for the team tests and bench/team.ts: its own cluster in a
// temporary folder, on a free port, with a superuser `net_admin` that the
// tests use to create the members' roles. NET_TEST_PG (a postgres:// URL of
// a superuser) points the tests at a server of your own instead.
//
// PostgreSQL refuses to run as root, so as root the cluster belongs to the
// `postgres` user that Debian's packages create.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgServer {
  /** A superuser's URL on the `postgres` database. */
  adminUrl: string;
  host: string;
  port: number;
  /** Stops the server (immediately); the next start of it finds its data as it was. */
  stop(): void;
  /** Starts it again after stop(). */
  start(): void;
  /** Stops it and removes its folder. */
  close(): void;
}

export const ADMIN_PASSWORD = 'net-admin-secret';

function binaries(): string {
  const inPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  const candidates = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  for (const dir of candidates) if (existsSync(join(dir, 'initdb'))) return dir;
  if (inPath) return inPath.replace(/\/pg_ctl$/, '');
  throw new Error('the team tests need PostgreSQL: install it (apt-get install postgresql) or set NET_TEST_PG to a superuser URL');
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface PgServerOptions {
  /** TLS on, with a self-signed certificate made here (openssl). */
  ssl?: boolean;
  /** A cluster of its own even when NET_TEST_PG names a server (a test that stops it, or needs TLS). */
  own?: boolean;
}

export async function startPgServer(options: PgServerOptions = {}): Promise<PgServer> {
  const given = options.own || options.ssl ? undefined : process.env.NET_TEST_PG;
  if (given) {
    const url = new URL(given);
    return { adminUrl: given, host: url.hostname, port: Number(url.port || 5432), stop() {}, start() {}, close() {} };
  }
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'net-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) => {
    const path = program === 'openssl' ? 'openssl' : join(bin, program);
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, ADMIN_PASSWORD, { mode: 0o644 });
  if (asRoot) execFileSync('chown', ['postgres', pwfile]);
  run('initdb', ['-D', data, '-U', 'net_admin', '--pwfile', pwfile, '-A', 'scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  let settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  if (options.ssl) {
    const cert = join(data, 'server.crt');
    const key = join(data, 'server.key');
    run('openssl', ['req', '-new', '-x509', '-days', '2', '-nodes', '-subj', '/CN=127.0.0.1', '-out', cert, '-keyout', key]);
    settings += ` -c ssl=on -c ssl_cert_file=${cert} -c ssl_key_file=${key}`;
  }
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', settings, '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  let running = true;
  return {
    adminUrl: `postgres://net_admin:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`,
    host: '127.0.0.1',
    port,
    stop() {
      stop();
      running = false;
    },
    start() {
      start();
      running = true;
    },
    close() {
      if (running) {
        try {
          stop();
        } catch {
          // Already gone: only the folder is left to remove.
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
