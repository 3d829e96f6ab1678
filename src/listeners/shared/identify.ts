import { linkOnFirstInteraction } from '../../services/identity';
import type { SlackUser } from '../../slack/directory';
import type { ListenerDeps } from '../deps';
import { t, type Messages } from '../../i18n';

export type IdentifiedUser = SlackUser & { t: Messages };

/** Looks the Slack user up (cached) and links an imported profile on first contact; once per request. */
export async function identify(deps: ListenerDeps, slackUserId: string): Promise<IdentifiedUser> {
  const user = await deps.directory.lookup(slackUserId);
  await linkOnFirstInteraction(deps.services, user);
  return { ...user, t: t(user.locale) };
}
