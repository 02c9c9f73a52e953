// Checking the values of an imported row with the same zod schemas as the
// flags. A row of net's own export is checked strictly (a bad value stops the
// import and names the row); other sources leave a bad optional value out
// with a warning, so one odd phone number does not block a whole address book.
import type * as z from 'zod/mini';
import { DataError } from './errors.js';
import type { RowNote } from './import-types.js';

function shown(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return `"${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}"`;
}

export function rowError(at: string, message: string, hint?: string): DataError {
  const again = 'nothing was imported; correct the file (or leave the row out) and run again';
  return new DataError(`${at}: ${message}`, hint === undefined ? again : `nothing was imported; ${hint}`);
}

export class FieldReader {
  constructor(
    readonly at: string,
    readonly strict: boolean,
    readonly warnings: RowNote[],
  ) {}

  /**
   * undefined (no such column) stays undefined, an empty value is null, a
   * valid one is returned parsed; an invalid one throws (strict) or is left out.
   */
  optional<S extends z.ZodMiniType>(schema: S, value: string | null | undefined, field: string): z.output<S> | null | undefined {
    if (value === undefined) return undefined;
    if (value === null || value.trim() === '') return null;
    return this.#parse(schema, value, field);
  }

  /** Free text as written: only an empty value is null (a note of blank lines comes back as it was exported). */
  exact<S extends z.ZodMiniType>(schema: S, value: string | null | undefined, field: string): z.output<S> | null | undefined {
    if (value === undefined) return undefined;
    if (value === null || value === '') return null;
    return this.#parse(schema, value, field);
  }

  #parse<S extends z.ZodMiniType>(schema: S, value: string, field: string): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const message = `${field} ${shown(value)} ${result.error.issues[0]?.message ?? 'is not valid'}`;
    if (this.strict) throw rowError(this.at, message);
    this.warnings.push({ at: this.at, message: `${message}; left out` });
    return undefined;
  }

  /** A one-line field (company, role): line breaks inside the cell become spaces first. */
  line<S extends z.ZodMiniType>(schema: S, value: string | null | undefined, field: string): z.output<S> | null | undefined {
    return this.optional(schema, typeof value === 'string' ? value.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ') : value, field);
  }

  /** A value the row cannot do without: an invalid or missing one always stops the import. */
  required<S extends z.ZodMiniType>(schema: S, value: string | null | undefined, field: string): z.output<S> {
    if (value === undefined || value === null || value.trim() === '') throw rowError(this.at, `${field} is empty`);
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    throw rowError(this.at, `${field} ${shown(value)} ${result.error.issues[0]?.message ?? 'is not valid'}`);
  }

  warn(message: string): void {
    this.warnings.push({ at: this.at, message });
  }
}

/** Splits a list cell: "a; b" (net's CSV) or "a ::: b" (Google), trimmed, empty items and duplicates dropped. */
export function splitCell(text: string | null | undefined, separator: RegExp = /\s*;\s*/): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(separator)) {
    const item = part.trim();
    if (item !== '' && !out.includes(item)) out.push(item);
  }
  return out;
}
