// npm run build && node dist/bench/team.js [--skip-million]
// The team benchmark, on a throwaway PostgreSQL server (bench/pg-server.ts,
// or NET_TEST_PG):
// - three members, each with a network of some 10,000 operations: the first
//   starts the team (pushing its network), the two others join (each pushes
//   its own and pulls what is there), then the first syncs (pulls theirs);
// - a hub holding one million operations (five members × 20,000 people and
//   900,000 touches, written on the server as batches): a new member joins;
// - `net who --team` on that team (5 members × 20,000 people), by company
//   and by person.
// Wall time, CPU time and peak memory of each command.
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/open.js';
import { generateNetwork } from './generate.js';
import { startPgServer } from './pg-server.js';
import { figureLine, runProbed, type ProbedRun } from './probed-run.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = resolve(ROOT, '.bench', 'team');
const TODAY = '2026-12-06';

async function opsIn(path: string): Promise<number> {
  const store = await openDatabase(path);
  try {
    return store.sqlite.prepare('select count(*) from ops').pluck().get() as number;
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'skip-million': { type: 'boolean', default: false } } });
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  const server = await startPgServer();
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const env: NodeJS.ProcessEnv = { ...process.env, NET_NOW: TODAY, TZ: process.env.TZ ?? 'Europe/Rome', NO_COLOR: '1' };
  const url = (role: string) => `postgres://${role}:pw@${server.host}:${server.port}/hub`;
  try {
    await admin.query('create database hub');
    for (const role of ['m1', 'm2', 'm3', 'newcomer']) await admin.query(`create role ${role} login password 'pw'${role === 'm1' ? ' createrole' : ''}`);
    await admin.query('grant create on database hub to m1');
    process.stdout.write(`net team benchmark: node ${process.version}, PostgreSQL on ${server.host}:${server.port}\n\n`);
    process.stdout.write(`${'what'.padEnd(64)}${'wall'.padStart(10)}${'cpu'.padStart(10)}${'peak MB'.padStart(9)}\n`);

    // Three members × ~10,000 operations.
    const dbs = ['m1', 'm2', 'm3'].map((m) => resolve(DIR, `${m}.db`));
    let total = 0;
    for (const [i, db] of dbs.entries()) {
      await generateNetwork(db, { contacts: 620, interactions: 4_050, seed: 100 + i, today: TODAY });
      total += await opsIn(db);
    }
    const runs: ProbedRun[] = [];
    const step = (label: string, args: string[]) => {
      const run = runProbed(args, env);
      runs.push(run);
      process.stdout.write(figureLine(label, run));
    };
    step('m1: net team init (pushes its network)', ['--db', dbs[0], 'team', 'init', url('m1'), '--team', 'bench']);
    for (const m of ['m2', 'm3']) runProbed(['--db', dbs[0], 'team', 'add-member', m], env);
    step('m2: net team join (pushes its own, pulls m1’s)', ['--db', dbs[1], 'team', 'join', url('m2')]);
    step('m3: net team join (pushes its own, pulls m1’s and m2’s)', ['--db', dbs[2], 'team', 'join', url('m3')]);
    step('m1: net team sync (pulls m2’s and m3’s)', ['--db', dbs[0], 'team', 'sync']);
    step('m2: net team sync (pulls m3’s)', ['--db', dbs[1], 'team', 'sync']);
    const sum = runs.reduce((a, r) => ({ ms: a.ms + r.ms, cpuMs: a.cpuMs + r.cpuMs, peakMb: Math.max(a.peakMb, r.peakMb) }), { ms: 0, cpuMs: 0, peakMb: 0 });
    process.stdout.write(figureLine(`three members × ~10,000 operations (${total.toLocaleString('en')} in all), synced`, sum, 'sum of the five commands'));

    if (values['skip-million']) return;
    const hubAdmin = new pg.Client({ connectionString: server.adminUrl.replace(/\/postgres$/, '/hub') });
    await hubAdmin.connect();
    try {
      await fillHub(hubAdmin, runs, url, env);
    } finally {
      await hubAdmin.end();
    }
  } finally {
    await admin.end();
    server.close();
  }
}

async function fillHub(admin: pg.Client, runs: ProbedRun[], url: (role: string) => string, env: NodeJS.ProcessEnv): Promise<void> {
  const step = (label: string, args: string[]) => {
    const run = runProbed(args, env);
    runs.push(run);
    process.stdout.write(figureLine(label, run));
  };
  {
    // One million operations on the hub: five members × 20,000 people and 900,000 touches, in batches of 2,000 facts.
    const started = Date.now();
    const team = (await admin.query<{ id: string }>("select id from net_hub.teams where name = 'bench'")).rows[0].id;
    for (const m of ['big1', 'big2', 'big3', 'big4', 'big5']) await admin.query(`create role ${m} nologin`);
    await admin.query(`grant net_bench_viewer to newcomer`);
    await admin.query(`insert into net_hub.members (team, member, access) values ($1, 'newcomer', 'viewer')`, [team]);
    await admin.query(
      `insert into net_hub.batches (team, member, device, idx, upto, facts, count)
       select $1::uuid, 'big' || m, 'bench', g + 1, g + 1, jsonb_agg(fact), count(*) from (
         select m, (i - 1) / 2000 as g, jsonb_build_object('t', 'person', 'uid', md5('p' || m || '-' || i)::uuid, 'name', 'Person ' || m || '-' || i,
           'company', 'Company ' || (i % 400), 'role', null, 'linkedin', null, 'location', 'Milan', 'emails', jsonb_build_array('p' || m || '.' || i || '@example.com'),
           'phones', '[]'::jsonb, 'tags', jsonb_build_array('tag' || (i % 30)), 'interests', '[]'::jsonb, 'deleted', false, 'merged_into', null) as fact
         from generate_series(1, 5) m, generate_series(1, 20000) i) people group by m, g`,
      [team],
    );
    await admin.query(
      `insert into net_hub.batches (team, member, device, idx, upto, facts, count)
       select $1::uuid, 'big' || m, 'bench', 100 + g, 100 + g, jsonb_agg(fact), count(*) from (
         select m, (i - 1) / 2000 as g, jsonb_build_object('t', 'touch', 'uid', md5('t' || m || '-' || i)::uuid,
           'at', to_char(date '2026-12-01' - (i % 900), 'YYYY-MM-DD') || 'T10:00:00.000Z', 'on', to_char(date '2026-12-01' - (i % 900), 'YYYY-MM-DD'),
           'channel', (array['email', 'call', 'meeting', 'coffee'])[1 + i % 4], 'direction', 'out', 'note', null, 'deleted', false,
           'people', jsonb_build_array(md5('p' || m || '-' || (1 + (i * 7919) % 20000))::uuid)) as fact
         from generate_series(1, 5) m, generate_series(1, 180000) i) touches group by m, g`,
      [team],
    );
    const held = (await admin.query<{ n: number }>('select sum(count)::int as n from net_hub.batches')).rows[0].n;
    process.stdout.write(`\n(the hub was filled with ${held.toLocaleString('en')} operations in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    const joined = resolve(DIR, 'newcomer.db');
    step(`a new member joins a hub of ${held.toLocaleString('en')} operations`, ['--db', joined, 'team', 'join', url('newcomer')]);
    step('net who --team --company "Company 7" (5 members × 20,000 people)', ['--db', joined, 'who', '--team', '--company', 'Company 7']);
    step('net who --team --person "Person 3-77"', ['--db', joined, 'who', '--team', '--person', 'Person 3-77']);
    step('net show on a team person ("Person 2-1234")', ['--db', joined, 'show', 'Person 2-1234']);
    step('net due on that database (the team copy is not read)', ['--db', joined, 'due']);
  }
}

await main();
