// What the team tests share: one PostgreSQL server per test file, and for
// each test its own database and login roles (names made unique per test,
// since roles belong to the whole server), each member with their own net
// database (a sandbox).
import { spawn } from 'node:child_process';
import pg from 'pg';
import { BIN, ok, sandbox, type RunResult, type Sandbox } from '../helpers.js';
import { afterAll, beforeAll } from 'vitest';
import { startPgServer, type PgServer } from '../../bench/pg-server.js';

let counter = 0;

/** Starts a server for the test file (before its tests, stopped after them); the returned function gives it. */
export function serverForFile(): () => PgServer {
  let server: PgServer | undefined;
  beforeAll(async () => {
    server = await startPgServer();
  }, 60_000);
  afterAll(() => server?.close());
  return () => {
    if (!server) throw new Error('the PostgreSQL server of this file has not started');
    return server;
  };
}

export interface Member {
  role: string;
  url: string;
  s: Sandbox;
}

export interface TeamWorld {
  database: string;
  /** A superuser connection to the test's database. */
  admin: pg.Client;
  adminUrl: string;
  member(name: string, options?: { createrole?: boolean }): Promise<Member>;
  cleanup(): Promise<void>;
}

export async function teamWorld(server: PgServer): Promise<TeamWorld> {
  counter += 1;
  const tag = `${process.pid}_${counter}`;
  const database = `hub_${tag}`;
  const root = new pg.Client({ connectionString: server.adminUrl });
  await root.connect();
  await root.query(`create database ${database}`);
  await root.end();
  const adminUrl = server.adminUrl.replace(/\/postgres$/, `/${database}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  // The fault test stops the server under it.
  admin.on('error', () => {});
  await admin.connect();
  const members: Member[] = [];
  return {
    database,
    admin,
    adminUrl,
    async member(name, options = {}) {
      const role = `${name}_${tag}`;
      await admin.query(`create role ${role} login password 'pw-${role}'${options.createrole ? ' createrole' : ''}`);
      await admin.query(`grant create on database ${database} to ${role}`);
      const m = { role, url: `postgres://${role}:pw-${role}@${server.host}:${server.port}/${database}`, s: sandbox('2026-12-06') };
      members.push(m);
      return m;
    },
    async cleanup() {
      await admin.end();
      for (const m of members) m.s.cleanup();
    },
  };
}

/** Runs the built binary without waiting (for members syncing at the same time). */
export function netAsync(s: Sandbox, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: s.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
}

/** Every text value on the hub's team batches, as one string (to look for what must not be there). */
export async function hubText(admin: pg.Client): Promise<string> {
  const { rows } = await admin.query<{ facts: unknown }>('select facts from net_hub.batches order by seq');
  return rows.map((r) => JSON.stringify(r.facts)).join('\n');
}

/** The owner starts a team on the test's hub and makes the editor a member of it. */
export function startStudio(world: TeamWorld, owner: Member, editor: Member): void {
  ok(owner.s.net(['team', 'init', owner.url, '--team', `studio ${world.database}`]));
  ok(owner.s.net(['team', 'add-member', editor.role, '--editor']));
}

/** Raw SQL under a member's own role, as psql would send it. */
export async function asRole<T>(m: Member, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: m.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
