import { buildExpertResults, MAX_QUERY_LENGTH } from '../../blocks/expert-results';
import { findExperts } from '../../services/find-experts';
import { takesPart } from '../../services/slack-standing';
import { escapeMrkdwn } from '../../slack/mrkdwn';
import { t } from '../../i18n';
import type { ListenerDeps } from '../deps';
import { identify } from './identify';

/** Searches running in this instance now (a bound, not state: nothing is lost when it resets). */
const running = new WeakMap<ListenerDeps, number>();

type SearchReply = { text: string; blocks?: ReturnType<typeof buildExpertResults> };

/**
 * Runs a search for a user and returns the ephemeral reply (text and blocks) in their language.
 * Past `searchConcurrency` searches at once in this instance, the user is told at once to try again
 * in a minute: a burst is answered, not queued until Slack and the user give up.
 */
export async function expertSearchReply(deps: ListenerDeps, input: { slackUserId: string; query: string; offset: number }): Promise<SearchReply> {
  const now = running.get(deps) ?? 0;
  if (now >= deps.config.searchConcurrency) return { text: t(await deps.directory.localeOf(input.slackUserId)).findExpert.busy };
  running.set(deps, now + 1);
  try {
    return await search(deps, input);
  } finally {
    running.set(deps, (running.get(deps) ?? 1) - 1);
  }
}

async function search(deps: ListenerDeps, input: { slackUserId: string; query: string; offset: number }): Promise<SearchReply> {
  const user = await identify(deps, input.slackUserId);
  const f = user.t.findExpert;
  const query = input.query.trim().slice(0, MAX_QUERY_LENGTH);
  if (query === '') return { text: f.usage };
  const result = await findExperts(deps.services, {
    actor: user,
    query,
    offset: input.offset,
    perHour: deps.config.searchRateLimitPerHour,
  });
  if (result.kind === 'not_allowed') return { text: f.notAllowed };
  if (result.kind === 'rate_limited') return { text: f.rateLimited(result.perHour) };
  // An imported member who never used Kakehashi may be on Slack by now: linked before being shown,
  // so that they can be asked; whoever Slack does not know is shown as not reachable.
  for (const match of result.matches) {
    if (match.member.slackUserId || !match.member.email) continue;
    const linked = await deps.directory.linkByEmail(match.member.email);
    if (linked) match.member = { ...match.member, slackUserId: linked.slackUserId, slackStanding: linked.standing };
  }
  result.matches = result.matches.filter((match) => !match.member.slackStanding || takesPart(match.member.slackStanding));
  return {
    text: result.matches.length > 0 ? f.resultsFor(escapeMrkdwn(query)) : f.noMatch(escapeMrkdwn(query)),
    blocks: buildExpertResults({
      t: user.t,
      locale: user.locale,
      query,
      offset: input.offset,
      openRequestsEnabled: Boolean(deps.config.requestsChannelId),
      ...result,
    }),
  };
}
