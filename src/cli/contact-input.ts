// The contact options shared by `add` and `edit`, checked and turned into fields.
import type { CircleLoad } from '../app/circle-load.js';
import { UsageError } from '../core/errors.js';
import type { ContactFields } from '../db/contacts.js';
import {
  birthdaySchema,
  channelSchema,
  check,
  circleSchema,
  emailSchema,
  intervalSchema,
  optionalLine,
  phoneSchema,
  splitList,
  textSchema,
  urlSchema,
} from '../core/validate.js';
import type { Context } from './context.js';
import { readDate } from './dates.js';

export interface ContactOptions {
  company?: string;
  role?: string;
  email?: string[];
  phone?: string;
  linkedin?: string;
  location?: string;
  tag?: string[];
  interest?: string[];
  metAt?: string;
  metOn?: string;
  knownSince?: string;
  circle?: string;
  every?: string;
  channel?: string;
  birthday?: string;
  note?: string;
  nickname?: string[];
  namePrefix?: string;
  nameSuffix?: string;
}

export interface ContactInput {
  fields: Partial<ContactFields>;
  emails: string[];
  tags: string[];
  interests: string[];
  nicknames: string[];
}

/** Checks every given option; what was not given stays undefined. An empty value clears a field. */
export async function readContactOptions(ctx: Context, options: ContactOptions): Promise<ContactInput> {
  const fields: Partial<ContactFields> = {};
  const set = <K extends keyof ContactFields>(key: K, value: ContactFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  set('company', optionalLine(options.company, '--company'));
  set('role', optionalLine(options.role, '--role'));
  set('location', optionalLine(options.location, '--location'));
  set('how_met', optionalLine(options.metAt, '--met-at'));
  set('name_prefix', optionalLine(options.namePrefix, '--name-prefix'));
  set('name_suffix', optionalLine(options.nameSuffix, '--name-suffix'));
  if (options.phone !== undefined) set('phone', options.phone.trim() === '' ? null : check(phoneSchema, options.phone, '--phone'));
  if (options.linkedin !== undefined) {
    set('linkedin', options.linkedin.trim() === '' ? null : check(urlSchema, options.linkedin, '--linkedin'));
  }
  if (options.circle !== undefined) set('circle', check(circleSchema, options.circle.trim().toLowerCase(), '--circle'));
  if (options.channel !== undefined) {
    set('channel', options.channel.trim() === '' ? null : check(channelSchema, options.channel.trim().toLowerCase(), '--channel'));
  }
  // Empty, like every field: the person's own rhythm goes, and the circle's applies again.
  if (options.every !== undefined && options.every.trim() === '') set('cadence_days', null);
  else if (options.every !== undefined) {
    const days = check(intervalSchema, options.every, '--every');
    // 0 = "no rhythm" chosen for this person; null would mean "the circle's".
    set('cadence_days', days === null ? 0 : days);
  }
  if (options.birthday !== undefined) {
    set('birthday', options.birthday.trim() === '' ? null : check(birthdaySchema, options.birthday, '--birthday'));
  }
  if (options.note !== undefined) set('notes', options.note === '' ? null : check(textSchema, options.note, '--note'));
  // --known-since is the day the relationship began, which is the day you met:
  // one fact, one column (met_on), so that the newness rule, exports and undo
  // see it with no second field to keep in step.
  const met = await readMetOn(ctx, options.metOn, '--met-on');
  const known = await readMetOn(ctx, options.knownSince, '--known-since');
  if (met !== undefined && known !== undefined && met !== known) {
    throw new UsageError('--met-on and --known-since say two different days', 'both set the day the relationship began: give one');
  }
  set('met_on', met === undefined ? known : met);
  const emails: string[] = [];
  for (const email of options.email ?? []) {
    for (const part of email.split(',')) {
      if (part.trim() === '') continue;
      const address = check(emailSchema, part, '--email');
      if (!emails.some((e) => e.toLowerCase() === address.toLowerCase())) emails.push(address);
    }
  }
  return {
    fields,
    emails,
    tags: splitList(options.tag, '--tag'),
    interests: splitList(options.interest, '--interest'),
    nicknames: splitList(options.nickname, '--nickname'),
  };
}

/** A past day (empty clears it); undefined when the option was not given. */
async function readMetOn(ctx: Context, text: string | undefined, field: string): Promise<string | null | undefined> {
  if (text === undefined) return undefined;
  if (text.trim() === '') return null;
  const { day } = await readDate(ctx, text, { field, direction: 'past' });
  if (day > ctx.today) throw new UsageError(`${field}: "${text}" is in the future`);
  return day;
}

/** On stderr, when `add` or `edit` took a circle past its natural size: a note, not an error. */
export function warnOverloaded(ctx: Context, overloaded: CircleLoad | null): void {
  if (overloaded === null) return;
  const { circle, size, natural, wider } = overloaded;
  ctx.io.error(
    `net: note: the ${circle} circle now holds ${size} people, over its natural ${natural}: ` +
      `consider moving someone to ${wider} (net edit NAME --circle ${wider}); \`net review\` shows every circle.\n`,
  );
}
