import { parseArgs } from 'node:util';
import type { ServiceDeps } from '../../services/deps';
import { searchExperts, type ExpertMatch } from '../../services/search';

export const SEARCH_USAGE = 'Usage: npm run cli -- search "QUERY" --as staff|alumni|organizer [--limit N] [--json]';

const AUDIENCES = ['staff', 'alumni', 'organizer'] as const;

export interface SearchCommand {
  query: string;
  audience: (typeof AUDIENCES)[number];
  limit: number;
  json: boolean;
}

/** The command's arguments, or undefined when they do not make sense (the caller shows the usage). */
export function parseSearchArgs(args: string[]): SearchCommand | undefined {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { as: { type: 'string' }, limit: { type: 'string', default: '20' }, json: { type: 'boolean', default: false } },
    });
    const audience = AUDIENCES.find((candidate) => candidate === values.as);
    const limit = Number(values.limit);
    if (positionals.length !== 1 || !audience || !Number.isInteger(limit) || limit < 1 || limit > 1000) return undefined;
    return { query: positionals[0]!, audience, limit, json: values.json };
  } catch {
    return undefined;
  }
}

function describe(match: ExpertMatch, rank: number): string {
  const { member } = match;
  const where = [member.title, member.organisation].filter(Boolean).join(', ');
  const why = [...match.matchedTopics, ...match.matchedFields.filter((field) => field !== 'topics')].join(', ');
  const full = match.capacityLeft > 0 ? '' : ' (no capacity left this month)';
  return `${rank}. ${member.name ?? member.pseudonym} <${member.email ?? 'no email'}>${where ? ` — ${where}` : ''} [${why}] ${match.score.toFixed(3)}${full}`;
}

/**
 * The `/find-expert` search as someone of that audience would run it, from the command line. There
 * is no Slack user behind it, so nobody is left out as "the searcher".
 */
export async function runSearch(deps: ServiceDeps, command: SearchCommand): Promise<string> {
  const { matches, hasMore } = await searchExperts(deps, {
    viewer: { audience: command.audience, isOrganizer: command.audience === 'organizer', member: undefined },
    viewerSlackUserId: '',
    query: command.query,
    limit: command.limit,
    offset: 0,
  });
  if (command.json) {
    const rows = matches.map(({ member, matchedTopics, matchedFields, score, capacityLeft }) => ({
      email: member.email,
      name: member.name,
      organisation: member.organisation,
      title: member.title,
      matched: { topics: matchedTopics, fields: matchedFields },
      score,
      capacity_left: capacityLeft,
    }));
    return JSON.stringify(rows, null, 2);
  }
  if (matches.length === 0) return `No one matches "${command.query}".`;
  const more = hasMore ? `\n(more than ${command.limit}; use --limit to see more)` : '';
  return matches.map((match, i) => describe(match, i + 1)).join('\n') + more;
}
