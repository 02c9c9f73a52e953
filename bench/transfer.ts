// npm run build && node dist/bench/transfer.js [--runs 5] [--fresh] [--only TEXT]
// The import/export benchmark: a 30,000-row LinkedIn Connections.csv into an
// empty database, a 500,000-row interactions CSV into a network of those
// 30,000 people, and the large synthetic network (20,000 contacts, 500,000
// interactions, from bench/generate.ts) exported to CSV, JSON and JSON
// Lines (--only TEXT: the scenarios whose name has TEXT). Each run of an
// import starts from a fresh copy of its database. Wall time is the median
// of the runs; peak memory is the child's own (VmHWM, bench/peak-memory.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_TODAY, benchDatabase, seededRandom, SIZES } from './generate.js';
import { userEnv } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = resolve(ROOT, 'bin', 'net');
const DIR = resolve(ROOT, '.bench', 'transfer');
const PROBE = resolve(import.meta.dirname, 'rss-probe.js');

const FIRST = ['Anna', 'Marco', 'Giulia', 'Luca', 'Sara', 'Niccolò', 'Françoise', 'Matteo', 'Chiara', 'Paolo', 'Elena', 'Davide', 'Martina', 'Alessandro', 'Zoë', 'Jürgen', 'Aisha', 'Wei', 'Olga', 'Tomás', 'Ingrid', 'Kofi', 'Priya', 'Hiro', 'José', 'Léa', 'Noah', 'Emma', 'Lucas', 'Mia'];
const LAST = ['Rossi', 'Bianchi', 'Meyer', 'Verdi', 'Conti', 'Esposito', 'Dubois', 'Müller', 'García', 'Nowak', 'Kowalski', 'Smith', 'Johansson', 'Okafor', 'Sato', 'Chen', 'Ricci', 'Lombardi', 'Moretti', 'Fontana', 'Núñez', 'Larsen', 'Silva', 'Ivanova', 'Haddad', 'Kim', 'Novak', 'Brown', 'Rinaldi', 'Greco', 'Marino', 'Costa', 'Gallo', 'Bruno', 'Colombo', 'Leone', 'Ferrara', 'Santoro', 'Mancini', 'Barbieri'];
const COMPANIES = ['Satispay', 'Nexi', 'Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', 'Tyrell', 'Rossi, Bianchi & Partners', ''];
const POSITIONS = ['CTO', 'Software Engineer', 'Product Manager', 'Head of Partnerships, EMEA', 'Founder', 'Data Scientist', 'Designer', 'Sales Director', ''];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const VIAS = ['email', 'message', 'linkedin', 'call', 'video', 'coffee', 'meeting', 'meal', 'event'];
const NOTES = ['talked about the AI meetup', 'catch-up on the new role', 'asked for an intro, to Sara', 'shared the deck', '', '', ''];

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Distinct people (first name, middle initial, last name), in a seeded random order. */
function people(count: number, random: () => number): string[] {
  const names: string[] = [];
  for (const first of FIRST) for (let c = 0; c < 26; c++) for (const last of LAST) names.push(`${first} ${String.fromCharCode(65 + c)}. ${last}`);
  if (count > names.length) throw new Error(`only ${names.length} distinct names`);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j], names[i]];
  }
  return names.slice(0, count);
}

/** A Connections.csv as LinkedIn writes it: notes, a blank line, the header, CRLF, most emails empty. */
function writeConnections(path: string, names: readonly string[], random: () => number): void {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about why contact information may be missing here: https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  names.forEach((name, i) => {
    const [first, , last] = name.split(' ');
    const slug = `${first}-${last}-${i.toString(36)}`.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
    const email = random() < 0.15 ? `${slug}@example.com` : '';
    const day = `${String(1 + Math.floor(random() * 28)).padStart(2, '0')} ${MONTHS[Math.floor(random() * 12)]} ${2012 + Math.floor(random() * 14)}`;
    const company = COMPANIES[Math.floor(random() * COMPANIES.length)];
    const position = POSITIONS[Math.floor(random() * POSITIONS.length)];
    lines.push([`${first} ${name.split(' ')[1]}`, last, `https://www.linkedin.com/in/${slug}`, email, company, position, day].map(csvCell).join(','));
  });
  writeFileSync(path, `\ufeff${lines.join('\r\n')}\r\n`);
}

/** 500,000 interactions among those people: date, contacts, via, direction, note. */
function writeInteractions(path: string, names: readonly string[], count: number, random: () => number): void {
  const chunks: string[] = ['date,contacts,via,direction,note\n'];
  let batch: string[] = [];
  for (let n = 0; n < count; n++) {
    const back = Math.floor(random() ** 1.5 * 3 * 365);
    const day = new Date(Date.UTC(2026, 2, 14) - back * 86_400_000).toISOString().slice(0, 10);
    const who = [names[Math.floor(random() ** 3 * names.length)]];
    if (random() < 0.1) who.push(names[Math.floor(random() * names.length)]);
    const via = VIAS[Math.floor(random() * VIAS.length)];
    const direction = ['email', 'message', 'linkedin'].includes(via) ? (random() < 0.5 ? 'in' : 'out') : 'mutual';
    batch.push([day, [...new Set(who)].join('; '), via, direction, NOTES[Math.floor(random() * NOTES.length)]].map(csvCell).join(','));
    if (batch.length === 10_000) {
      chunks.push(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
  if (batch.length) chunks.push(`${batch.join('\n')}\n`);
  writeFileSync(path, chunks.join(''));
}

interface Run {
  ms: number;
  peakMb: number;
  /** CPU time of the command (user + system), steadier than wall time on a busy machine. */
  cpuMs: number;
}

/** The probe's report: JSON {maxRssKb, cpuMs}, or (older probe) the peak in KB alone. */
function readProbe(path: string): { peakMb: number; cpuMs: number } {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('{')) {
    const report = JSON.parse(text) as { maxRssKb: number; cpuMs: number };
    return { peakMb: report.maxRssKb / 1024, cpuMs: report.cpuMs };
  }
  return { peakMb: Number(text) / 1024, cpuMs: Number.NaN };
}

/** Runs `net ARGS` once with the memory probe; stdout goes nowhere. */
function runNet(args: readonly string[], env: NodeJS.ProcessEnv): Run {
  const rssFile = resolve(DIR, 'rss');
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, BIN, ...args], {
    env: userEnv({ ...env, NET_BENCH_RSS_FILE: rssFile }),
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`net ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
  return { ms, ...readProbe(rssFile) };
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Scenario {
  name: string;
  /** Prepares the database of one run; returns the NET_DB to use. */
  prepare: () => string;
  args: string[];
  target?: { ms?: number; mb: number };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, fresh: { type: 'boolean', default: false }, only: { type: 'string' } } });
  const runs = Math.max(1, Number(values.runs));
  mkdirSync(DIR, { recursive: true });
  const connections = resolve(DIR, 'Connections-30k.csv');
  const interactions = resolve(DIR, 'interactions-500k.csv');
  const names = people(30_000, seededRandom(7));
  if (values.fresh || !existsSync(connections)) writeConnections(connections, names, seededRandom(11));
  if (values.fresh || !existsSync(interactions)) writeInteractions(interactions, names, 500_000, seededRandom(13));

  const env: NodeJS.ProcessEnv = { ...process.env, NET_NOW: BENCH_TODAY, TZ: process.env.TZ ?? 'Europe/Rome', NO_COLOR: '1' };
  const work = resolve(DIR, 'work.db');
  // The 30,000 people, imported once, as the starting point of the interactions import.
  const withPeople = resolve(DIR, 'people-30k.db');
  if (values.fresh || !existsSync(withPeople)) {
    removeDb(withPeople);
    runNet(['import', 'linkedin', connections], { ...env, NET_DB: withPeople });
  }
  const { path: large } = await benchDatabase(resolve(ROOT, '.bench'), SIZES.large, values.fresh);
  const fresh = () => (removeDb(work), work);
  const copyOf = (source: string) => () => {
    removeDb(work);
    copyFileSync(source, work);
    return work;
  };

  const scenarios: Scenario[] = [
    { name: 'import linkedin, 30,000 rows, empty db', prepare: fresh, args: ['import', 'linkedin', connections, '--circle', 'network'], target: { ms: 3000, mb: 200 } },
    { name: 'import linkedin again (all unchanged)', prepare: copyOf(withPeople), args: ['import', 'linkedin', connections] },
    { name: 'import csv --interactions, 500,000 rows', prepare: copyOf(withPeople), args: ['import', 'csv', interactions, '--interactions'], target: { mb: 200 } },
    { name: 'export contacts (20,000) to CSV', prepare: () => large, args: ['export', 'contacts'], target: { ms: 2000, mb: 200 } },
    { name: 'export interactions (500,000) to CSV', prepare: () => large, args: ['export', 'interactions'], target: { ms: 2000, mb: 200 } },
    { name: 'export interactions (500,000) --out FILE', prepare: () => large, args: ['export', 'interactions', '--out', resolve(DIR, 'interactions.csv')], target: { ms: 2000, mb: 200 } },
    { name: 'export interactions (500,000) --json', prepare: () => large, args: ['export', 'interactions', '--json'], target: { ms: 2000, mb: 200 } },
    { name: 'export interactions (500,000) --jsonl', prepare: () => large, args: ['export', 'interactions', '--jsonl'], target: { ms: 2000, mb: 200 } },
  ].filter((s) => values.only === undefined || s.name.includes(values.only));

  const sizeMb = (p: string) => (statSync(p).size / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `net transfer benchmark: ${runs} runs each, node ${process.version}, NET_NOW=${BENCH_TODAY}\n` +
      `files: ${connections} (${sizeMb(connections)} MB), ${interactions} (${sizeMb(interactions)} MB); network: ${large}\n\n`,
  );
  process.stdout.write(`${'scenario'.padEnd(44)}${'median'.padStart(10)}${'min'.padStart(10)}${'cpu'.padStart(10)}${'peak MB'.padStart(10)}  target\n`);
  // The floor: how long Node itself takes to start here now (about 40 ms on an idle machine).
  const floor: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0'], { env: userEnv(process.env) });
    floor.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(`${'node -e 0 (the floor)'.padEnd(44)}${`${Math.round(median(floor))} ms`.padStart(10)}\n`);
  let missed = 0;
  for (const s of scenarios) {
    const results: Run[] = [];
    for (let i = 0; i < runs; i++) results.push(runNet(s.args, { ...env, NET_DB: s.prepare() }));
    const ms = median(results.map((r) => r.ms));
    const peak = Math.max(...results.map((r) => r.peakMb));
    let verdict = '';
    if (s.target) {
      const met = (s.target.ms === undefined || ms < s.target.ms) && peak < s.target.mb;
      if (!met) missed++;
      verdict = `${s.target.ms === undefined ? '' : `< ${s.target.ms / 1000} s, `}< ${s.target.mb} MB: ${met ? 'met' : 'MISSED'}`;
    }
    process.stdout.write(
      `${s.name.padEnd(44)}${`${Math.round(ms)} ms`.padStart(10)}${`${Math.round(Math.min(...results.map((r) => r.ms)))} ms`.padStart(10)}` +
        `${`${Math.round(median(results.map((r) => r.cpuMs)))} ms`.padStart(10)}${peak.toFixed(1).padStart(10)}  ${verdict}\n`,
    );
  }
  removeDb(work);
  process.exitCode = missed === 0 ? 0 : 1;
}

await main();
