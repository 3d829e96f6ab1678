import { recordUnansweredSearch } from './admin-overview';
import type { ServiceDeps } from './deps';
import { resolveViewer, type Actor } from './identity';
import { relatedTopics, searchExperts, suggestTopics, type ExpertMatch } from './search';
import { useSearchAllowance } from './search-allowance';

export const PAGE_SIZE = 5;

export type FindExpertsResult =
  | { kind: 'not_allowed' }
  | { kind: 'rate_limited'; perHour: number }
  | {
      kind: 'results';
      matches: ExpertMatch[];
      hasMore: boolean;
      /** Topics to try instead, when nobody matched. */
      suggestions: string[];
      /** Topics to look at too, beside the first page of results. */
      related: string[];
    };

/**
 * One page of `/find-expert`: only people who may see someone can search, each page counts
 * against the hourly allowance; an empty answer comes with topics to try, a first page with related
 * topics to look at too.
 */
export async function findExperts(
  deps: ServiceDeps,
  input: { actor: Actor; query: string; offset: number; perHour: number },
): Promise<FindExpertsResult> {
  const viewer = await resolveViewer(deps, input.actor);
  if (viewer.audience === 'none') return { kind: 'not_allowed' };
  if (!(await useSearchAllowance(deps, input.actor.slackUserId, input.perHour))) {
    return { kind: 'rate_limited', perHour: input.perHour };
  }
  const { matches, hasMore } = await searchExperts(deps, {
    viewer,
    viewerSlackUserId: input.actor.slackUserId,
    query: input.query,
    limit: PAGE_SIZE,
    offset: input.offset,
  });
  const suggestions = matches.length === 0 ? suggestTopics(input.query, 5) : [];
  // What staff ask for that nobody offers, for organizers (topics only; a later empty page is no new search).
  if (matches.length === 0 && input.offset === 0) await recordUnansweredSearch(deps, suggestions);
  return {
    kind: 'results',
    matches,
    hasMore,
    suggestions,
    related: matches.length > 0 && input.offset === 0 ? relatedTopics(input.query) : [],
  };
}
