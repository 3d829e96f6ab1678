import { buildExpertResults, MAX_QUERY_LENGTH } from '../../blocks/expert-results';
import { findExperts } from '../../services/find-experts';
import { takesPart } from '../../services/slack-standing';
import { escapeMrkdwn } from '../../slack/mrkdwn';
import type { ListenerDeps } from '../deps';
import { identify } from './identify';

/** Runs a search for a user and returns the ephemeral reply (text and blocks) in their language. */
export async function expertSearchReply(
  deps: ListenerDeps,
  input: { slackUserId: string; query: string; offset: number },
): Promise<{ text: string; blocks?: ReturnType<typeof buildExpertResults> }> {
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
