// net team: a team's network on PostgreSQL (init, join, sync, members,
// add-member, remove-member, status, leave, adopt), and `net who --team`.
// Each handler parses, calls one use case of src/app/team.ts, and prints.
import { UsageError } from '../../core/errors.js';
import { describeKnown } from '../../core/team-who.js';
import { CIRCLES, type Circle } from '../../core/vocabulary.js';
import type { TeamSyncReport } from '../../team/team-sync.js';
import type { Context } from '../context.js';
import { pickFormat, toJson, writeMachine, writeTable } from '../render.js';

/** The keys of `net list --team --json` (contract), in order. */
export const TEAM_LIST_KEYS = ['name', 'company', 'role', 'held_by', 'yours', 'emails'] as const;

interface JsonOption {
  json?: boolean;
}

const app = () => import('../../app/team.js');

function progressOf(ctx: Context): ((text: string) => void) | undefined {
  return ctx.io.stderrIsTTY ? (text: string) => ctx.io.error(`\r${text}`) : undefined;
}

function syncLine(report: TeamSyncReport): string {
  const pushed = report.access === 'viewer' ? 'nothing pushed (a viewer reads the team)' : `pushed ${report.pushed.facts} fact(s) in ${report.pushed.batches} batch(es)`;
  return `${pushed[0].toUpperCase()}${pushed.slice(1)}; pulled ${report.pulled.facts} in ${report.pulled.batches} batch(es).`;
}

export async function init(ctx: Context, url: string, options: { team?: string } & JsonOption): Promise<void> {
  if (!options.team) throw new UsageError('team init: name the team with --team NAME', 'e.g. net team init postgres://me@db.example.com/net --team studio');
  const store = await ctx.database();
  const { config, sync } = await (await app()).startTeam(store, ctx, ctx.env, url, options.team);
  if (options.json) {
    ctx.writeExact(toJson({ team: config.name, roles: `${config.prefix}_{viewer,editor,owner}`, sync }));
    return;
  }
  ctx.io.write(
    `Started the team ${config.name}; you own it. Its roles on the server: ${config.prefix}_viewer, ${config.prefix}_editor, ${config.prefix}_owner.\n` +
      `${syncLine(sync)}\n` +
      'Add teammates with `net team add-member ROLE --editor` (ROLE: their login role on this server).\n',
  );
}

export async function join(ctx: Context, url: string, options: { team?: string } & JsonOption): Promise<void> {
  const store = await ctx.database();
  const progress = progressOf(ctx);
  const { config, sync } = await (await app()).joinTeam(store, ctx, ctx.env, url, options.team, progress);
  if (progress) ctx.io.error('\r\u001b[K');
  if (options.json) {
    ctx.writeExact(toJson({ team: config.name, sync }));
    return;
  }
  ctx.io.write(`Joined the team ${config.name} as ${sync.access}.\n${syncLine(sync)}\nYour circles, rhythms, notes, favours, follow-ups and outreach stay yours; \`net who --team\` shows who can introduce you.\n`);
}

export async function sync(ctx: Context, options: JsonOption): Promise<void> {
  const store = await ctx.database({ create: false });
  const progress = progressOf(ctx);
  const report = await (await app()).syncWithTeam(store, ctx, ctx.env, progress);
  if (progress) ctx.io.error('\r\u001b[K');
  if (options.json) ctx.writeExact(toJson(report));
  else ctx.io.write(`${syncLine(report)}\n`);
}

export async function members(ctx: Context, options: JsonOption): Promise<void> {
  const store = await ctx.database({ create: false });
  const rows = await (await app()).teamMembers(store, ctx.env);
  if (options.json) {
    ctx.writeExact(toJson(rows));
    return;
  }
  const width = Math.max(6, ...rows.map((r) => r.member.length));
  ctx.io.write(`${rows.map((r) => `${r.member.padEnd(width)}  ${r.access.padEnd(6)}  since ${r.added_at.slice(0, 10)}`).join('\n')}\n`);
}

export async function addMember(ctx: Context, role: string, options: { viewer?: boolean; editor?: boolean }): Promise<void> {
  if (options.viewer && options.editor) throw new UsageError('--viewer and --editor cannot be used together', 'choose one');
  const access = options.viewer ? 'viewer' : 'editor';
  const store = await ctx.database({ create: false });
  const change = await (await app()).addTeamMember(store, ctx.env, role, access);
  ctx.io.write(
    `${change.role} is ${access === 'viewer' ? 'a viewer (reads the team’s people and touches)' : 'an editor (shares their people and touches, reads the team’s)'}.\n` +
      `They join with \`net team join URL\`, connecting as ${change.role}.\n`,
  );
}

export async function removeMember(ctx: Context, role: string): Promise<void> {
  const store = await ctx.database({ create: false });
  const change = await (await app()).removeTeamMember(store, ctx.env, role);
  ctx.io.write(`${change.role} is no longer a member: their next sync is refused. What they shared stays the team's.\n`);
}

export async function status(ctx: Context, options: JsonOption): Promise<void> {
  const store = await ctx.existingDatabase();
  const s = store ? await (await app()).teamStatus(store) : undefined;
  if (options.json) {
    ctx.writeExact(toJson(s ?? { team: null }));
    return;
  }
  if (!s) {
    ctx.io.write('This network is in no team: start one with `net team init URL --team NAME`, or `net team join URL`.\n');
    return;
  }
  const when = (at: string | null) => (at === null ? 'never' : at.slice(0, 16).replace('T', ' '));
  ctx.io.write(
    [
      `Team        ${s.team}, on ${s.hub}${s.member ? `, as ${s.member}` : ''}`,
      `Last sync   ${when(s.last_sync)}${s.last_error ? `; the last one failed: ${s.last_error}` : ''}`,
      `Not pushed  ${s.unpushed_records} record(s)`,
      `The team's  ${s.people} people, ${s.touches} touches`,
      `Members     ${s.members.map((m) => `${m.member} (${m.access})`).join(', ') || '(sync to see them)'}`,
    ].join('\n') + '\n',
  );
}

export async function leave(ctx: Context): Promise<void> {
  const store = await ctx.database({ create: false });
  const name = await (await app()).leaveTeam(store);
  ctx.io.write(`This network left the team ${name} here: it no longer syncs with it, and its copy of the team is gone. What you shared stays the team's.\n`);
}

export async function adopt(ctx: Context, name: string, options: { circle?: string }): Promise<void> {
  if (options.circle !== undefined && !CIRCLES.includes(options.circle as Circle)) throw new UsageError(`--circle: "${options.circle}" is not a circle`, `circles: ${CIRCLES.join(', ')}`);
  const store = await ctx.database({ create: false });
  const contact = await (await app()).adoptTeamPerson(store, ctx, name, options.circle as Circle | undefined);
  ctx.io.write(`Added ${contact.name} (#${contact.id}) to your network, in the ${contact.circle} circle: the team's person, now yours too.\n`);
}

export async function whoTeam(ctx: Context, options: { person?: string; company?: string[]; interest?: string[] } & JsonOption): Promise<void> {
  const store = await ctx.database({ create: false });
  const { target, ranks } = await (await app()).whoOnTheTeam(store, ctx, {
    person: options.person,
    company: options.company?.[0],
    interest: options.interest?.[0],
  });
  if (options.json) {
    ctx.writeExact(toJson(ranks));
    return;
  }
  if (ranks.length === 0) {
    ctx.io.write(`No one else on the team has touched ${target} (as of the last \`net team sync\`).\n`);
    return;
  }
  const lines = [`Who on the team can introduce you to ${target}, warmest first:`];
  const width = Math.max(...ranks.map((r) => r.member.length));
  for (const rank of ranks) {
    rank.people.slice(0, 3).forEach((p, i) => lines.push(`  ${(i === 0 ? rank.member : '').padEnd(width)}  ${describeKnown(p, ctx.today)}`));
    if (rank.people.length > 3) lines.push(`  ${''.padEnd(width)}  and ${rank.people.length - 3} more`);
  }
  ctx.io.write(`${lines.join('\n')}\n`);
}

export async function listTeam(ctx: Context, options: { json?: boolean; csv?: boolean }): Promise<void> {
  const store = await ctx.database({ create: false });
  const people = await (await app()).listTeamPeople(store);
  const format = pickFormat(options);
  const rows = people.map((p) => ({ name: p.name, company: p.company, role: p.role, held_by: p.held_by, yours: p.mine, emails: p.emails }));
  if (format !== 'human') {
    await writeMachine(ctx, format, rows, TEAM_LIST_KEYS);
    return;
  }
  if (rows.length === 0) {
    ctx.io.error('The team holds no one yet (as of the last `net team sync`).\n');
    return;
  }
  await writeTable(
    ctx,
    [{ header: 'Name', max: 28, keep: true }, { header: 'Company', max: 24 }, { header: 'Held by', flex: true }, { header: 'Yours' }],
    rows.map((r) => [r.name, r.company, r.held_by.join(', '), r.yours ? 'yes' : 'no']),
  );
}

export async function showTeamPerson(ctx: Context, ref: string, options: JsonOption): Promise<void> {
  const store = await ctx.database({ create: false });
  const { teamPersonByName } = await app();
  const { teammatesWhoKnow } = await import('../../db/team-read.js');
  const person = teamPersonByName(store, ref);
  const known = teammatesWhoKnow(store.sqlite, person.uid);
  if (options.json) {
    ctx.writeExact(toJson({ ...person, team: known }));
    return;
  }
  const role = [person.role, person.company].filter(Boolean).join(' at ');
  const lines = [`${person.name}${role ? ` — ${role}` : ''} (the team's; not in your network)`];
  const field = (label: string, value: string) => value && lines.push(`  ${label.padEnd(10)} ${value}`);
  field('email', person.emails.join(', '));
  field('phone', person.phones.join(', '));
  field('linkedin', person.linkedin ?? '');
  field('location', person.location ?? '');
  field('tags', person.tags.join(', '));
  field('interests', person.interests.join(', '));
  field('held by', person.held_by.join(', '));
  field('team', known.map((t) => `${t.member} (${t.touches} touch${t.touches === 1 ? '' : 'es'}, last ${t.last_on}, ${t.last_channel})`).join('; '));
  lines.push('', `Add them to your network with \`net team adopt "${person.name}" --circle network\`.`);
  ctx.io.write(`${lines.join('\n')}\n`);
}
