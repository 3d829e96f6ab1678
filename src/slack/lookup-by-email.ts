import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import type { SlackUserRecord } from '../services/slack-accounts';
import type { Installation } from '../services/slack-standing';
import { toSlackUserRecord, type SlackUserObject } from './user-record';

/** Slack could not say whether someone has this email: an import must not go on without knowing. */
export class SlackLookupError extends Error {
  override readonly name = 'SlackLookupError';
  constructor(
    readonly email: string,
    readonly reason: string,
  ) {
    super(`users.lookupByEmail failed: ${reason}`);
  }
}

/**
 * users.lookupByEmail, read as the bot reads users.info (guest, deactivated, bot, team), as the
 * import CLI does; "users_not_found" means the person is not in the workspace (yet).
 */
export function slackLookupByEmail(client: WebClient): (email: string) => Promise<SlackUserRecord | null> {
  let installation: Promise<Installation> | undefined;
  return async (email) => {
    try {
      installation ??= client.auth.test().then((answer) => ({ teamId: answer.team_id ?? '', enterpriseId: answer.enterprise_id || null }));
      const { user } = await client.users.lookupByEmail({ email });
      return user?.id ? toSlackUserRecord(user.id, user as SlackUserObject, await installation) : null;
    } catch (error) {
      if (error instanceof WebAPIPlatformError && error.data.error === 'users_not_found') return null;
      throw new SlackLookupError(email, error instanceof WebAPIPlatformError ? error.data.error : (error as Error).message);
    }
  };
}
