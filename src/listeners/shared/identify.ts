import { AppError } from '../../services/errors';
import { refusalFor } from '../../services/slack-standing';
import type { SlackUser } from '../../slack/directory';
import type { ListenerDeps } from '../deps';
import { t, type Messages } from '../../i18n';

export type IdentifiedUser = SlackUser & { t: Messages };

/**
 * Looks the Slack user up, once per request (an imported profile is linked by email whenever
 * Slack's record of the user is fetched: src/services/slack-accounts.ts).
 * An account that takes no part (guest, other workspace, deactivated, not a person) is refused
 * here, for every listener, unless `anyAccount` (what stays open to anyone: help, and a former
 * member's export and erasure of their own data).
 */
export async function identify(
  deps: ListenerDeps,
  slackUserId: string,
  options: { anyAccount?: boolean } = {},
): Promise<IdentifiedUser> {
  const user = await deps.directory.lookup(slackUserId);
  const refusal = refusalFor(user.standing);
  if (refusal && !options.anyAccount) throw new AppError(refusal);
  return { ...user, t: t(user.locale) };
}
