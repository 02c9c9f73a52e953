// npm run bench:vcard [-- --mb 20 --runs 3 --entry FILE]
// The vCard reader on an address book heavy with pictures: a card with a
// PHOTO of about `--mb` MB (base64, folded at 75 characters as phones write
// it), a vCard 2.1 photo in unfolded base64 lines, a vCard 4.0 photo as one
// data: URI line, a folded quoted-printable note and a few plain cards,
// imported into an empty database. Before the reader was made linear, a
// 1.4 MB folded photo took 47 s and a 20 MB one never finished. `--entry`
// times another build of the CLI, for before/after figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from './generate.js';
import { userEnv } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIR = resolve(ROOT, '.bench', 'vcard');
const PROBE = resolve(import.meta.dirname, 'rss-probe.js');

/** Seeded bytes as base64: a stand-in for a JPEG. */
function base64Of(bytes: number, random: () => number): string {
  const data = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) data[i] = Math.floor(random() * 256);
  return data.toString('base64');
}

/** A value folded as RFC 6350 says: lines of 75 octets, each continuation starting with a space. */
function folded(line: string): string {
  const out: string[] = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) out.push(` ${line.slice(i, i + 74)}`);
  return out.join('\r\n');
}

function plainCard(i: number): string {
  return ['BEGIN:VCARD', 'VERSION:3.0', `FN:Person ${i}`, `N:${i};Person;;;`, `EMAIL;TYPE=INTERNET:person${i}@example.com`, 'END:VCARD'].join('\r\n');
}

function writeAddressBook(path: string, megabytes: number): void {
  const random = seededRandom(17);
  const cards: string[] = [];
  for (let i = 1; i <= 3; i++) cards.push(plainCard(i));
  cards.push(
    ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Giulia Rossi', 'ORG:Satispay', folded(`PHOTO;ENCODING=b;TYPE=JPEG:${base64Of(megabytes * 750_000, random)}`), 'EMAIL:giulia@example.com', 'END:VCARD'].join('\r\n'),
  );
  // vCard 2.1 as old phones wrote it: base64 lines without a leading space, ended by an empty line.
  const lines21 = base64Of(300_000, random).match(/.{1,76}/g) ?? [];
  cards.push(['BEGIN:VCARD', 'VERSION:2.1', 'N:Bianchi;Marco', 'FN:Marco Bianchi', 'PHOTO;ENCODING=BASE64;TYPE=JPEG:', ...lines21, '', 'TEL;CELL:+39 333 123 4567', 'END:VCARD'].join('\r\n'));
  cards.push(['BEGIN:VCARD', 'VERSION:4.0', 'FN:Sara Verdi', `PHOTO:data:image/jpeg;base64,${base64Of(300_000, random)}`, 'END:VCARD'].join('\r\n'));
  const note = `NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${'Caff=C3=A8 e chiacchiere. '.repeat(4000)}`;
  cards.push(['BEGIN:VCARD', 'VERSION:2.1', 'FN:Luca Conti', ...(note.match(/.{1,73}/g) ?? []).map((l, i, all) => (i < all.length - 1 ? `${l}=` : l)), 'END:VCARD'].join('\r\n'));
  writeFileSync(path, `${cards.join('\r\n')}\r\n`);
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function main(): void {
  const { values } = parseArgs({
    options: { mb: { type: 'string', default: '20' }, runs: { type: 'string', default: '3' }, entry: { type: 'string' } },
  });
  const megabytes = Math.max(1, Number(values.mb));
  const runs = Math.max(1, Number(values.runs));
  const entry = resolve(values.entry ?? resolve(ROOT, 'bin', 'net'));
  mkdirSync(DIR, { recursive: true });
  const file = resolve(DIR, `photos-${megabytes}mb.vcf`);
  writeAddressBook(file, megabytes);
  const size = statSync(file).size / 1024 / 1024;
  const db = resolve(DIR, 'work.db');
  const rssFile = resolve(DIR, 'rss');
  process.stdout.write(`net vCard benchmark: ${file} (${size.toFixed(1)} MB, 7 cards), ${runs} runs, node ${process.version}, ${entry}\n`);
  const times: number[] = [];
  const peaks: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(PROBE).href, entry, 'import', 'vcf', file], {
      env: userEnv({ ...process.env, NET_DB: db, NET_NOW: '2026-03-14', NO_COLOR: '1', NET_BENCH_RSS_FILE: rssFile }),
      encoding: 'utf8',
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`net import vcf failed (exit ${result.status}): ${result.stderr}`);
    if (!result.stdout.includes('added 7,')) throw new Error(`expected 7 contacts added:\n${result.stdout}`);
    times.push(ms);
    peaks.push((JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number }).maxRssKb / 1024);
  }
  const ms = median(times);
  process.stdout.write(
    `import vcf: median ${Math.round(ms)} ms, min ${Math.round(Math.min(...times))} ms, ` +
      `${(size / (ms / 1000)).toFixed(1)} MB/s, peak ${Math.max(...peaks).toFixed(1)} MB\n`,
  );
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
}

main();
