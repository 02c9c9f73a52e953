// vCard files: reading 2.1, 3.0 and 4.0 (as Apple, Google, Android and
// Nextcloud write them) and writing 3.0 or 4.0, through ical.js.
//
// ical.js reads 3.0 and 4.0 (folded lines, escapes, structured values). It
// does not read vCard 2.1, which Android still writes: bare parameters
// (`TEL;CELL:`) and quoted-printable values with soft line breaks. So each
// 2.1 card is first rewritten as 3.0, line by line: bare parameters become
// TYPE=, quoted-printable values are decoded with libqp in their CHARSET.
import { TextDecoder } from 'node:util';
import ICAL from 'ical.js';
import libqp from 'libqp';
import { DataError } from '../core/errors.js';
import { foldedAt75 } from './folding.js';
import type { AddressCard } from '../core/import-types.js';
import { Utf8Converter } from './text-encoding.js';
import { unfold, withoutBinaryValues } from './vcard-lines.js';

interface RawCard {
  number: number;
  line: number;
  lines: string[];
}

/** Splits a file into cards at BEGIN:VCARD / END:VCARD, keeping where each starts. */
function splitCards(text: string, file: string): RawCard[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const cards: RawCard[] = [];
  let current: RawCard | undefined;
  lines.forEach((line, i) => {
    const upper = line.trim().toUpperCase();
    if (!current) {
      if (upper === 'BEGIN:VCARD') current = { number: cards.length + 1, line: i + 1, lines: [] };
      else if (upper !== '') throw new DataError(`${file}: line ${i + 1}: expected BEGIN:VCARD, found "${line.slice(0, 40)}"`, 'is this a vCard (.vcf) file?');
      return;
    }
    if (upper === 'END:VCARD') {
      cards.push(current);
      current = undefined;
      return;
    }
    if (upper === 'BEGIN:VCARD') {
      throw new DataError(`${file}: card ${current.number} (line ${current.line}) has no END:VCARD before line ${i + 1}`);
    }
    current.lines.push(line);
  });
  if (current) throw new DataError(`${file}: card ${current.number} (line ${current.line}) has no END:VCARD`);
  return cards;
}

/** Where a property's name and parameters end and its value starts (the first colon outside quotes). */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

function splitParams(head: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === '"') quoted = !quoted;
    else if (head[i] === ';' && !quoted) {
      parts.push(head.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(head.slice(start));
  return parts;
}

const BINARY_PROPERTIES = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);
const LIST_VALUED = new Set(['CATEGORIES', 'NICKNAME']);
const STRUCTURED = new Set(['N', 'ADR', 'ORG']);

/** A quoted-printable value in its CHARSET (UTF-8 when unknown); bytes that are not text there stop the import. */
function decodeQuotedPrintable(value: string, charset: string, where: string): string {
  const bytes = libqp.decode(Buffer.from(value, 'utf8'));
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: true });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DataError(`${where}: a quoted-printable value is not valid ${decoder.encoding.toUpperCase()}`, 'nothing was imported; correct the CHARSET of that line');
  }
}

/**
 * ical.js tells an escaped separator by the character before it, so "a\\\\;b"
 * (a backslash, then a separator) splits wrongly. Escaped backslashes go
 * through it as a character the card does not hold, and come back after.
 */
function backslashStandIn(raw: RawCard, at: string): string {
  const used = new Set<string>();
  for (const line of raw.lines) for (const [c] of line.matchAll(/[\ue000-\uf8ff]/g)) used.add(c);
  for (let code = 0xe000; code <= 0xf8ff; code++) if (!used.has(String.fromCharCode(code))) return String.fromCharCode(code);
  throw new DataError(`${at}: holds every private-use character, which net cannot read`);
}

/** The jCal of a card with every stand-in turned back into a backslash. */
function restoreBackslashes(value: unknown, standIn: string): unknown {
  if (typeof value === 'string') return value.includes(standIn) ? value.split(standIn).join('\\') : value;
  return Array.isArray(value) ? value.map((v) => restoreBackslashes(v, standIn)) : value;
}

/** Escapes decoded text as vCard 3.0 wants it (a backslash as the stand-in); lists keep their `,` separators. */
function escapeValue(name: string, text: string, standIn: string): string {
  let out = text.replace(/\\/g, standIn).replace(/\r\n|\r|\n/g, '\\n');
  if (!LIST_VALUED.has(name)) out = out.replace(/,/g, '\\,');
  // A `;` in a structured value (N, ADR, ORG) separates its parts; elsewhere it is kept as it is.
  return out;
}

/**
 * Unfolds a card's lines and rewrites what ical.js cannot read: bare
 * parameters, quoted-printable values, 2.1's VERSION. Photos and other binary
 * values are dropped (net keeps no pictures; most are gone before this).
 */
function normaliseCard(raw: RawCard, file: string, standIn: string): string {
  const logical = unfold(raw.lines);
  const out: string[] = [];
  for (const line of logical) {
    if (line.trim() === '') continue;
    const colon = valueStart(line);
    if (colon === -1) {
      out.push(line);
      continue;
    }
    const [nameWithGroup, ...params] = splitParams(line.slice(0, colon));
    const name = nameWithGroup.replace(/^.*\./, '').toUpperCase();
    if (BINARY_PROPERTIES.has(name)) continue;
    let value = line.slice(colon + 1);
    let charset = 'utf-8';
    let quotedPrintable = false;
    const kept: string[] = [];
    for (const param of params) {
      const eq = param.indexOf('=');
      if (eq === -1) {
        // vCard 2.1: `TEL;CELL;PREF:` means TYPE=CELL,PREF; `;QUOTED-PRINTABLE` alone is an encoding.
        if (/^quoted-printable$/i.test(param)) quotedPrintable = true;
        else if (/^(base64|8bit|7bit)$/i.test(param)) continue;
        else if (param !== '') kept.push(`TYPE=${param}`);
        continue;
      }
      const key = param.slice(0, eq).toUpperCase();
      const paramValue = param.slice(eq + 1);
      if (key === 'ENCODING' && /^quoted-printable$/i.test(paramValue)) quotedPrintable = true;
      else if (key === 'CHARSET') charset = paramValue.replace(/"/g, '');
      else kept.push(param);
    }
    if (name === 'VERSION') value = value.trim() === '2.1' ? '3.0' : value;
    if (quotedPrintable) {
      value = escapeValue(name, decodeQuotedPrintable(value, charset, `${file}: card ${raw.number} (line ${raw.line}): ${name}`), standIn);
    } else {
      // ical.js decodes "\\;" in N, ADR and ORG only, and leaves it elsewhere: there it is unescaped first.
      value = value.replace(/\\([\s\S])/g, (escape, c: string) => (c === '\\' ? standIn : c === ';' && !STRUCTURED.has(name) ? ';' : escape));
    }
    out.push(`${[nameWithGroup, ...kept].join(';')}:${value}`);
  }
  return ['BEGIN:VCARD', ...out, 'END:VCARD'].join('\r\n');
}

/** A value as text, trimmed; null when empty. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const s = (Array.isArray(value) ? value.join(' ') : String(value)).trim();
  return s === '' ? null : s;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A BDAY as YYYY-MM-DD or --MM-DD where it can be read so; else its text. */
function birthdayOf(property: ICAL.Property | null): string | null {
  if (!property) return null;
  const value = property.getFirstValue() as unknown;
  const omitYear = property.getParameter('x-apple-omit-year') !== undefined;
  if (value && typeof value === 'object' && 'month' in value && 'day' in value) {
    const t = value as { year: number | null; month: number | null; day: number | null };
    if (t.month && t.day) return t.year && !omitYear ? `${String(t.year).padStart(4, '0')}-${pad(t.month)}-${pad(t.day)}` : `--${pad(t.month)}-${pad(t.day)}`;
  }
  return text(value);
}

function typesOf(property: ICAL.Property): string[] {
  const type = property.getParameter('type') as string | string[] | undefined;
  const list = type === undefined ? [] : Array.isArray(type) ? type : [type];
  return list.flatMap((t) => t.split(',')).map((t) => t.trim().toLowerCase());
}

function cardFromComponent(card: ICAL.Component, at: string): AddressCard {
  const first = (name: string) => text(card.getFirstPropertyValue(name));
  const all = (name: string) => card.getAllProperties(name);
  const n = card.getFirstPropertyValue('n') as unknown;
  const nParts = Array.isArray(n) ? n.map(text) : [text(n)];
  const org = card.getFirstPropertyValue('org') as unknown;
  const adr = card.getFirstPropertyValue('adr') as unknown;
  const urls = [...all('url'), ...all('x-socialprofile')]
    .map((p) => text(p.getFirstValue()))
    .filter((u): u is string => u !== null)
    // Google writes "https\://…" in URLs.
    .map((u) => u.replace(/\\:/g, ':').replace(/\\,/g, ','));
  const uid = first('uid')?.replace(/^urn:uuid:/i, '') ?? null;
  return {
    at,
    uid,
    formattedName: first('fn'),
    family: nParts[0] ?? null,
    given: nParts[1] ?? null,
    middle: nParts[2] ?? null,
    prefix: nParts[3] ?? null,
    suffix: nParts[4] ?? null,
    nickname: first('nickname'),
    organization: Array.isArray(org) ? text(org[0]) : text(org),
    title: first('title'),
    ...(() => {
      const emails = all('email').flatMap((p) => {
        const value = text(p.getFirstValue());
        return value === null ? [] : [{ value, types: typesOf(p) }];
      });
      return { emails: emails.map((e) => e.value), emailTypes: emails.map((e) => e.types) };
    })(),
    phones: all('tel').flatMap((p) => {
      const value = text(p.getFirstValue())?.replace(/^tel:/i, '');
      return value ? [{ value, types: typesOf(p) }] : [];
    }),
    urls,
    note: first('note'),
    categories: all('categories').flatMap((p) => p.getValues().map(text)).filter((c): c is string => c !== null),
    birthday: birthdayOf(card.getFirstProperty('bday')),
    city: Array.isArray(adr) ? text(adr[3]) : null,
  };
}

/**
 * Every card of a vCard file, in order; a card that cannot be read stops with
 * its number and line. Binary values are dropped from the bytes before they
 * are decoded (UTF-16, whose line ends are two bytes, is made UTF-8 first).
 */
export function readVcards(bytes: Buffer, file: string, converter = new Utf8Converter(file)): AddressCard[] {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const utf8 = utf16 ? withoutBinaryValues(converter.all(bytes)) : converter.all(withoutBinaryValues(bytes));
  return splitCards(utf8.toString('utf8'), file).map((raw) => {
    const at = `card ${raw.number} (line ${raw.line})`;
    let parsed: unknown;
    const standIn = backslashStandIn(raw, `${file}: ${at}`);
    try {
      parsed = restoreBackslashes(ICAL.parse(normaliseCard(raw, file, standIn)), standIn);
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw new DataError(`${file}: ${at}: not a valid vCard: ${(error as Error).message}`, 'nothing was imported');
    }
    return cardFromComponent(new ICAL.Component(parsed as unknown[]), at);
  });
}

export interface VcardContact {
  uid: string;
  name: string;
  company: string | null;
  role: string | null;
  emails: readonly string[];
  /** The label of each email, in the same order; null where none. */
  emailLabels?: ReadonlyArray<string | null>;
  phone: string | null;
  /** Every phone, with its label; `phone` alone when absent. */
  phones?: ReadonlyArray<{ phone: string; label: string | null }>;
  nicknames?: readonly string[];
  namePrefix?: string | null;
  nameSuffix?: string | null;
  linkedin: string | null;
  location: string | null;
  notes: string | null;
  tags: readonly string[];
  birthday: string | null;
}

/** A label as a vCard TYPE: "mobile" is CELL; others as they are. */
function typeOf(label: string | null | undefined): string[] {
  if (!label) return [];
  return [label.toLowerCase() === 'mobile' ? 'cell' : label.toLowerCase()];
}

/** "Giulia Maria Rossi" -> family "Rossi", given "Giulia Maria": a guess, as every address book makes. */
function nameParts(name: string): [family: string, given: string] {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return ['', words[0]];
  return [words[words.length - 1], words.slice(0, -1).join(' ')];
}

/**
 * CR as LF: ical.js escapes LF as \\n but writes a CR as it is, which readers
 * take as a line end (a note's "\rEMAIL:…" became a property of its own).
 * net stores no CR since notes are normalised; a database from before may.
 */
function lf(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\r\n?/g, '\n');
  return Array.isArray(value) ? value.map(lf) : value;
}

/**
 * One contact as a vCard: 3.0 (what Google Contacts and iCloud read) or 4.0.
 * Interests, circle and rhythm have no place in a vCard and are left out.
 */
export function writeVcard(contact: VcardContact, version: 3 | 4): string {
  const card = new ICAL.Component('vcard');
  const add = (name: string, value: unknown, params: Record<string, string | string[]> = {}) => {
    const property = new ICAL.Property(name, card);
    for (const [key, v] of Object.entries(params)) property.setParameter(key, v);
    if (Array.isArray(value) && name === 'categories') property.setValues(lf(value) as string[]);
    else property.setValue(lf(value) as string);
    card.addProperty(property);
  };
  add('version', version === 3 ? '3.0' : '4.0');
  add('prodid', '-//net//networking journal//EN');
  add('uid', version === 3 ? contact.uid : `urn:uuid:${contact.uid}`);
  add('fn', contact.name);
  add('n', [...nameParts(contact.name), '', contact.namePrefix ?? '', contact.nameSuffix ?? '']);
  if (contact.nicknames?.length) add('nickname', contact.nicknames.join(','));
  if (contact.company) add('org', [contact.company]);
  if (contact.role) add('title', contact.role);
  contact.emails.forEach((email, i) => {
    const label = typeOf(contact.emailLabels?.[i]);
    const types = version === 3 ? ['INTERNET', ...label, ...(i === 0 ? ['pref'] : [])] : label;
    const params: Record<string, string | string[]> = types.length ? { type: types } : {};
    if (version === 4 && i === 0) params.pref = '1';
    add('email', email, params);
  });
  const phones = contact.phones ?? (contact.phone ? [{ phone: contact.phone, label: null }] : []);
  for (const { phone, label } of phones) add('tel', phone, typeOf(label).length ? { type: typeOf(label) } : {});
  if (contact.linkedin) add('url', contact.linkedin);
  if (contact.location) add('adr', ['', '', '', contact.location, '', '', '']);
  if (contact.notes) add('note', contact.notes);
  if (contact.tags.length) add('categories', [...contact.tags]);
  if (contact.birthday) {
    add('bday', version === 3 ? contact.birthday : ICAL.VCardTime.fromDateAndOrTimeString(contact.birthday, 'date'));
  }
  let out = foldedAt75(() =>
    version === 3 ? ICAL.stringify.component(card.toJSON() as unknown[], ICAL.design.vcard3) : card.toString(),
  );
  // ical.js writes 3.0 dates in the basic form (19850412); Google and Apple write and read the extended one.
  if (version === 3) out = out.replace(/^BDAY:(\d{4}|--)(\d{2})(\d{2})$/m, (_m, y: string, mo: string, d: string) => `BDAY:${y}-${mo}-${d}`.replace('---', '--'));
  return `${out}\r\n`;
}
