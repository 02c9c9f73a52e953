// net who: the people who can introduce you to a company, an interest or a
// group, warmest first.
import { bridgeMatches, FREQUENCY_WINDOW_DAYS, hasCriteria, rankBridges, type BridgeCriteria } from '../../core/bridges.js';
import { addDays } from '../../core/dates.js';
import { UsageError } from '../../core/errors.js';
import { check, lineSchema } from '../../core/validate.js';
import { getStoredContact } from '../../db/contacts.js';
import { bridgeProfiles, interestLists, touchStats } from '../../db/outreach.js';
import { resolveContact } from '../../db/resolve.js';
import type { Context } from '../context.js';
import { pickFormat, writeMachine, writeTable, type FormatOptions } from '../render.js';

interface WhoOptions extends FormatOptions {
  company?: string[];
  interest?: string[];
  tag?: string[];
  for?: string;
  /** Teammates instead of my people (`net team`). */
  team?: boolean;
  person?: string;
}

/** The keys of `net who --json` (contract), in order. */
export const WHO_KEYS = [
  'contact_id',
  'name',
  'company',
  'role',
  'circle',
  'matches',
  'last_contact',
  'days_since',
  'interactions_last_year',
  'score',
] as const;

interface WhoRow {
  contact_id: number;
  name: string;
  company: string | null;
  role: string | null;
  circle: string;
  matches: string[];
  last_contact: string | null;
  days_since: number | null;
  interactions_last_year: number;
  score: number;
}

function values(list: readonly string[] | undefined, field: string): string[] {
  return (list ?? []).map((v) => check(lineSchema, v, field)).filter((v) => v !== '');
}

export default async function who(ctx: Context, options: WhoOptions): Promise<void> {
  if (options.team) return (await import('./team.js')).whoTeam(ctx, options);
  if (options.person !== undefined) throw new UsageError('--person goes with --team', 'for bridges to a person of your own network, use --for');
  const format = pickFormat(options);
  const criteria: { companies: string[]; interests: string[]; tags: string[] } = {
    companies: values(options.company, '--company'),
    interests: values(options.interest, '--interest'),
    tags: values(options.tag, '--tag'),
  };
  if (!hasCriteria(criteria) && options.for === undefined) {
    throw new UsageError('who: say what to bridge to: --company, --interest, --tag or --for', 'e.g. net who --company Satispay');
  }

  const opened = await ctx.existingDatabase();
  let rows: WhoRow[] = [];
  if (opened) {
    const { db } = opened;
    let exceptId: number | null = null;
    if (options.for !== undefined) {
      const target = await resolveContact(db, options.for);
      exceptId = target.id;
      const stored = await getStoredContact(db, target.id);
      const lists = await interestLists(db, target.id);
      if (stored?.company) criteria.companies.push(stored.company);
      criteria.interests.push(...lists.interests);
      criteria.tags.push(...lists.tags);
      if (!hasCriteria(criteria)) {
        throw new UsageError(`--for: nothing is known of ${target.name}'s company, interests or tags`, `add some with \`net edit "${target.name}" --company … --interest …\``);
      }
    }
    const fixed: BridgeCriteria = criteria;
    const profiles = (await bridgeProfiles(db, exceptId)).filter((p) => bridgeMatches(p, fixed).length > 0);
    const byId = new Map(profiles.map((p) => [p.id, p]));
    const touches = await touchStats(db, [...byId.keys()], addDays(ctx.today, -FREQUENCY_WINDOW_DAYS));
    rows = rankBridges(profiles, fixed, touches, ctx.today).map((b) => {
      const p = byId.get(b.contactId);
      return {
        contact_id: b.contactId,
        name: b.name,
        company: p?.company ?? null,
        role: p?.role ?? null,
        circle: p?.circle ?? 'network',
        matches: b.matches,
        last_contact: b.lastContact,
        days_since: b.daysSince,
        interactions_last_year: b.recentInteractions,
        score: b.score.score,
      };
    });
  }

  if (format !== 'human') {
    await writeMachine(ctx, format, rows, WHO_KEYS, options);
    return;
  }
  if (rows.length === 0) {
    ctx.io.error('No one in your network matches: no bridge there yet.\n');
    return;
  }
  await writeTable(
    ctx,
    [
      { header: 'ID', align: 'right' },
      { header: 'Name', max: 24, keep: true },
      { header: 'Bridges to', flex: true },
      { header: 'Circle' },
      { header: 'Last', align: 'right' },
      { header: '12 mo', align: 'right' },
      { header: 'Score', align: 'right' },
    ],
    rows.map((r) => [
      r.contact_id,
      r.name,
      r.matches.join('; '),
      r.circle,
      r.days_since === null ? 'never' : r.days_since === 0 ? 'today' : `${r.days_since}d ago`,
      r.interactions_last_year,
      r.score.toFixed(2),
    ]),
  );
}
