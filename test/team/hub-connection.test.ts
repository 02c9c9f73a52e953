// Connecting to the hub as psql does: the URL, then the PG* variables, then
// ~/.pgpass for the password; TLS when the server offers it (sslmode=prefer),
// plain when it has none, and a clear error when TLS is required and absent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startPgServer, type PgServer } from '../../bench/pg-server.js';
import { hubAddress, openHub } from '../../src/team/hub-connection.js';

let plain: PgServer;
let tls: PgServer;
let dir: string;
beforeAll(async () => {
  [plain, tls] = await Promise.all([startPgServer({ own: true }), startPgServer({ ssl: true })]);
  dir = mkdtempSync(join(tmpdir(), 'net-pgpass-'));
}, 90_000);
afterAll(() => {
  plain?.close();
  tls?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function usesTls(url: string, env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  const hub = await openHub(url, env);
  try {
    const { rows } = await sql<{ ssl: boolean }>`select ssl from pg_stat_ssl where pid = pg_backend_pid()`.execute(hub.db);
    return rows[0].ssl;
  } finally {
    await hub.close();
  }
}

describe('the address', () => {
  it('takes what the URL leaves out from PG* variables, as libpq', () => {
    expect(hubAddress('postgres://', { PGHOST: 'db.example.com', PGPORT: '6543', PGUSER: 'marta', PGDATABASE: 'net', PGSSLMODE: 'require' })).toEqual({
      host: 'db.example.com',
      port: 6543,
      database: 'net',
      user: 'marta',
      password: undefined,
      sslmode: 'require',
    });
    expect(hubAddress('postgresql://luca:s%40cret@h:7/team?sslmode=disable', { PGUSER: 'marta', PGPASSWORD: 'other' })).toEqual({
      host: 'h',
      port: 7,
      database: 'team',
      user: 'luca',
      password: 's@cret',
      sslmode: 'disable',
    });
    expect(hubAddress('postgres://db/net', { PGUSER: 'marta' }).database).toBe('net');
    expect(() => hubAddress('mysql://db/net', {})).toThrow(/not a PostgreSQL URL/);
    expect(() => hubAddress('postgres://db/net?sslmode=sometimes', {})).toThrow(/sslmode=sometimes/);
  });
});

describe('connecting', () => {
  it('reads the password from a pgpass file when the URL and PGPASSWORD have none', async () => {
    const pgpass = join(dir, 'pgpass');
    writeFileSync(pgpass, `127.0.0.1:${plain.port}:*:net_admin:${ADMIN_PASSWORD}\n`, { mode: 0o600 });
    expect(await usesTls(`postgres://net_admin@127.0.0.1:${plain.port}/postgres`, { PGPASSFILE: pgpass })).toBe(false);
    await expect(openHub(`postgres://net_admin@127.0.0.1:${plain.port}/postgres`, { PGPASSWORD: 'wrong' })).rejects.toThrow(/refused net_admin/);
  });

  it('uses TLS when the server offers it, plain when it has none, and refuses plain when TLS is required', async () => {
    const on = (server: PgServer, mode?: string) => `${server.adminUrl}${mode ? `?sslmode=${mode}` : ''}`;
    expect(await usesTls(on(tls))).toBe(true);
    expect(await usesTls(on(plain))).toBe(false);
    expect(await usesTls(on(tls, 'require'))).toBe(true);
    expect(await usesTls(on(tls, 'disable'))).toBe(false);
    await expect(openHub(on(plain, 'require'), {})).rejects.toThrow(/does not support SSL/);
    // A self-signed certificate is not one to trust when asked to verify it.
    await expect(openHub(on(tls, 'verify-full'), {})).rejects.toThrow(/self.signed|certificate/);
  });

  it('says when the server cannot be reached', async () => {
    await expect(openHub('postgres://net_admin:x@127.0.0.1:1/postgres', {})).rejects.toThrow(/cannot reach the team's PostgreSQL server at net_admin@127.0.0.1:1\/postgres/);
  });
});
