// One record of net's own export, read the same way whether it came as a JSON
// object (typed values) or as a CSV row (text; lists joined with "; ").
import { createHash } from 'node:crypto';
import { isIsoDay } from './dates.js';
import { FieldReader, rowError, splitCell } from './import-fields.js';
import { nameSchema, textSchema } from './validate.js';

// JSON can spell a lone UTF-16 surrogate ("\ud800"): not text, and SQLite would keep it as invalid UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;

export class OwnRecord {
  constructor(
    readonly at: string,
    readonly values: Readonly<Record<string, unknown>>,
    readonly fromCsv: boolean,
  ) {}

  has(key: string): boolean {
    return Object.hasOwn(this.values, key);
  }

  /** Text: undefined when the key is absent, null when empty, blank or null. */
  text(key: string): string | null | undefined {
    const t = this.exactText(key);
    if (t === undefined) return undefined;
    return t === null || t.trim() === '' ? null : t;
  }

  /** Text as written, blank or not: undefined when the key is absent, null when null. */
  exactText(key: string): string | null | undefined {
    if (!this.has(key)) return undefined;
    const v = this.values[key];
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') {
      if (!this.fromCsv && LONE_SURROGATE.test(v)) throw rowError(this.at, `${key} is not valid text (a lone UTF-16 surrogate)`);
      return v;
    }
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw rowError(this.at, `${key} should be text, not ${Array.isArray(v) ? 'a list' : typeof v}`);
  }

  /**
   * Free text (a note): exactly as written in a record of net's own (it has a
   * uid), a note of blank lines included; blank in a hand-made one is none.
   */
  freeText(key: string, read: FieldReader): string | null | undefined {
    return this.text('uid') ? read.exact(textSchema, this.exactText(key), key) : read.optional(textSchema, this.text(key), key);
  }

  /** A list: a JSON array, or a CSV cell with items separated by ";". */
  list(key: string): string[] | undefined {
    if (!this.has(key)) return undefined;
    const v = this.values[key];
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) {
      return v.map((item, i) => {
        if (typeof item === 'string' && LONE_SURROGATE.test(item)) throw rowError(this.at, `${key}[${i}] is not valid text (a lone UTF-16 surrogate)`);
        if (typeof item === 'string' || typeof item === 'number') return String(item);
        throw rowError(this.at, `${key}[${i}] should be text`);
      });
    }
    if (typeof v === 'string') return splitCell(v);
    throw rowError(this.at, `${key} should be a list`);
  }

  integer(key: string, min: number, max: number): number | null | undefined {
    const t = this.text(key);
    if (t === undefined || t === null) return t;
    const n = Number(t.trim());
    if (!Number.isInteger(n) || n < min || n > max) throw rowError(this.at, `${key} "${t}" is not a whole number from ${min} to ${max}`);
    return n;
  }

  day(key: string): string | null | undefined {
    const text = this.text(key);
    if (text === undefined || text === null) return text;
    const t = text.trim();
    if (!isIsoDay(t)) throw rowError(this.at, `${key} "${t}" is not a day (YYYY-MM-DD)`);
    return t;
  }

  /** An ISO 8601 date-time as net writes it. */
  instant(key: string): string | null | undefined {
    const text = this.text(key);
    if (text === undefined || text === null) return text;
    const t = text.trim();
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(t) || Number.isNaN(Date.parse(t))) {
      throw rowError(this.at, `${key} "${t}" is not an ISO 8601 date-time`);
    }
    return new Date(t).toISOString();
  }

  /** A contact reference: uid when the record has one, else the name (checked as every name is). */
  contact(uidKey: string, nameKey: string): { uid: string | null; name: string | null } {
    const name = this.text(nameKey)?.trim() || null;
    return { uid: this.text(uidKey)?.trim() || null, name: name === null ? null : new FieldReader(this.at, true, []).required(nameSchema, name, nameKey) };
  }
}

/**
 * A stable id for a hand-made record without uid, from what it says: importing
 * the same file twice then finds the first import's record.
 */
export function derivedUid(...parts: ReadonlyArray<string | null>): string {
  const hex = createHash('sha256').update(parts.map((p) => p ?? '').join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
