// npm run bench:capture [-- --messages 100000 --events 5000 --runs 1 --entry FILE]
// Capture at the sizes people's mail and calendars reach: a Maildir of
// `--messages` messages (nested folders, encoded words, folded headers, a
// body each that must not be read; one in five from a list or a robot) and
// a calendar of `--events` events (one in ten weekly for a year), captured
// into a network of 2,000 people with emails. Each run starts from the same
// database; the second capture of the same Maildir shows what reading it
// again costs (nothing new is proposed). Time and peak memory per process.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from './generate.js';
import { userEnv } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = resolve(ROOT, '.bench', 'capture');
const PROBE = resolve(import.meta.dirname, 'rss-probe.js');
const PEOPLE = 2000;

const pad = (n: number) => String(n).padStart(2, '0');
const FIRST = ['Giulia', 'Marco', 'Anna', 'Luca', 'Sara', 'Jürgen', 'Søren', 'Chloé', 'Niccolò', 'Elena'];

function personAddress(i: number): string {
  return `person${i}@company${i % 97}.example`;
}

function writeMaildir(root: string, messages: number): void {
  const random = seededRandom(23);
  rmSync(root, { recursive: true, force: true });
  const folders = ['INBOX', 'Sent', 'Archive/2025', 'Archive/2026'];
  for (const f of folders) for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(root, f, sub), { recursive: true });
  const body = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(60)}\r\n`;
  for (let i = 0; i < messages; i++) {
    const folder = folders[i % folders.length];
    // People of the network (2,000 of them) and as many strangers again.
    const who = Math.floor(random() * PEOPLE * 2);
    const them = who < PEOPLE ? personAddress(who) : `stranger${who}@elsewhere${who % 13}.example`;
    const name = `${FIRST[who % FIRST.length]} ${who}`;
    const sent = folder === 'Sent';
    const kind = random();
    const from = kind < 0.1 ? 'Shop <no-reply@shop.example>' : sent ? 'Me <me@example.com>' : `=?UTF-8?Q?${encodeURIComponent(name).replace(/%/g, '=')}?= <${them}>`;
    const to = sent ? `"${name}" <${them}>` : 'Me <me@example.com>';
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 430) * 86_400_000 + Math.floor(random() * 86_400) * 1000);
    const date = `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.getUTCDay()]}, ${day.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][day.getUTCMonth()]} ${day.getUTCFullYear()} ${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:${pad(day.getUTCSeconds())} +0000`;
    const headers = [
      `Return-Path: <${sent ? 'me@example.com' : them}>`,
      `Received: from mx.example by mail.example with ESMTPS id ${i}; ${date}`,
      `From: ${from}`,
      `To: ${to}`,
      ...(kind > 0.1 && kind < 0.2 ? ['List-Id: Team news <news.lists.example>'] : []),
      `Subject: =?UTF-8?B?${Buffer.from(`Re: progetto ${i % 500} — città`).toString('base64')}?=`,
      `Date: ${date}`,
      `Message-ID: <${i}.${Math.floor(random() * 1e9)}@mail.example>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain;',
      ' charset="utf-8"',
    ];
    writeFileSync(join(root, folder, 'cur', `${1_700_000_000 + i}.M${i}P1.host:2,S`), `${headers.join('\r\n')}\r\n\r\n${body}`);
  }
}

function writeCalendar(path: string, events: number): void {
  const random = seededRandom(29);
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//net bench//EN'];
  for (let i = 0; i < events; i++) {
    const day = new Date(Date.UTC(2025, 11, 1) + Math.floor(random() * 120) * 86_400_000 + (8 + Math.floor(random() * 10)) * 3_600_000);
    const stamp = day.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const who = Math.floor(random() * PEOPLE * 2);
    const them = who < PEOPLE ? personAddress(who) : `stranger${who}@elsewhere.example`;
    out.push(
      'BEGIN:VEVENT',
      `UID:event-${i}@bench`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${stamp}`,
      ...(i % 10 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=52'] : []),
      `SUMMARY:Meeting ${i}`,
      'ORGANIZER:mailto:me@example.com',
      `ATTENDEE;CN=Person ${who};PARTSTAT=ACCEPTED:mailto:${them}`,
      `ATTENDEE;PARTSTAT=${i % 17 === 0 ? 'DECLINED' : 'ACCEPTED'}:mailto:me@example.com`,
      'END:VEVENT',
    );
  }
  out.push('END:VCALENDAR');
  writeFileSync(path, `${out.join('\r\n')}\r\n`);
}

/** A network of PEOPLE people with the addresses the Maildir uses, through net itself. */
function writeNetwork(entry: string, db: string): void {
  const csv = resolve(DIR, 'people.csv');
  const rows = ['First Name,Last Name,E-mail 1 - Value'];
  for (let i = 0; i < PEOPLE; i++) rows.push(`${FIRST[i % FIRST.length]},${i},${personAddress(i)}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  run(entry, db, ['import', 'google', csv]);
  run(entry, db, ['config', 'set', 'me.emails', 'me@example.com']);
}

function run(entry: string, db: string, args: string[]): { ms: number; peakMb: number; stderr: string } {
  const rssFile = resolve(DIR, 'rss');
  const started = process.hrtime.bigint();
  const env = userEnv({ ...process.env, NET_DB: db, NET_NOW: '2026-03-14T11:00:00Z', NO_COLOR: '1', NET_BENCH_RSS_FILE: rssFile });
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, entry, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`net ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}`);
  return { ms, peakMb: (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024, stderr: result.stderr };
}

function main(): void {
  const { values } = parseArgs({
    options: { messages: { type: 'string', default: '100000' }, events: { type: 'string', default: '5000' }, runs: { type: 'string', default: '1' }, entry: { type: 'string' } },
  });
  const messages = Math.max(1, Number(values.messages));
  const events = Math.max(1, Number(values.events));
  const runs = Math.max(1, Number(values.runs));
  const entry = resolve(values.entry ?? resolve(ROOT, 'bin', 'net'));
  mkdirSync(DIR, { recursive: true });
  const maildir = resolve(DIR, `maildir-${messages}`);
  if (!existsSync(join(maildir, 'INBOX'))) {
    process.stdout.write(`writing a Maildir of ${messages.toLocaleString('en-US')} messages…\n`);
    writeMaildir(maildir, messages);
  }
  const ics = resolve(DIR, `calendar-${events}.ics`);
  writeCalendar(ics, events);
  const base = resolve(DIR, 'base.db');
  writeNetwork(entry, base);
  const db = resolve(DIR, 'work.db');
  process.stdout.write(`net capture benchmark: ${PEOPLE.toLocaleString('en-US')} people, node ${process.version}, ${entry}\n`);
  for (let i = 0; i < runs; i++) {
    for (const suffix of ['-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    copyFileSync(base, db);
    const first = run(entry, db, ['capture', 'mail', maildir]);
    process.stdout.write(`capture mail, ${messages.toLocaleString('en-US')} messages: ${(first.ms / 1000).toFixed(1)} s, peak ${first.peakMb.toFixed(0)} MB\n  ${first.stderr.trim().split('\n').join('\n  ')}\n`);
    const again = run(entry, db, ['capture', 'mail', maildir]);
    process.stdout.write(`the same Maildir again: ${(again.ms / 1000).toFixed(1)} s, peak ${again.peakMb.toFixed(0)} MB\n`);
    const inbox = run(entry, db, ['inbox', '--json']);
    process.stdout.write(`net inbox --json: ${(inbox.ms / 1000).toFixed(2)} s, peak ${inbox.peakMb.toFixed(0)} MB\n`);
    const calendar = run(entry, db, ['capture', 'calendar', ics, '--since', '2025-12-01', '--until', '2026-12-31']);
    process.stdout.write(`capture calendar, ${events.toLocaleString('en-US')} events: ${(calendar.ms / 1000).toFixed(1)} s, peak ${calendar.peakMb.toFixed(0)} MB\n  ${calendar.stderr.trim().split('\n').join('\n  ')}\n`);
  }
}

main();
