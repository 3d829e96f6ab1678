import type { SlackUserRecord } from '../services/slack-accounts';
import { accountStandingOf, type Installation } from '../services/slack-standing';

/** The fields Kakehashi reads of a Slack user object (users.info, user_change, team_join …). */
export interface SlackUserObject {
  id?: string;
  team_id?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  is_workflow_bot?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_invited_user?: boolean;
  real_name?: string;
  locale?: string;
  tz?: string;
  enterprise_user?: { enterprise_id?: string };
  profile?: { email?: string; real_name?: string; display_name?: string; team?: string };
}

const SLACKBOT = 'USLACKBOT';

/** What a Slack user object says, as Kakehashi records it. */
export function toSlackUserRecord(slackUserId: string, user: SlackUserObject, installation: Installation): SlackUserRecord {
  const profile = user.profile;
  return {
    slackUserId,
    accountStanding: accountStandingOf(
      {
        teamId: user.team_id ?? profile?.team ?? null,
        enterpriseId: user.enterprise_user?.enterprise_id ?? null,
        deleted: user.deleted === true,
        notAPerson: user.is_bot === true || user.is_app_user === true || user.is_workflow_bot === true || slackUserId === SLACKBOT,
        guest: user.is_restricted === true || user.is_ultra_restricted === true,
        invited: user.is_invited_user === true,
      },
      installation,
    ),
    email: profile?.email?.toLowerCase() ?? null,
    realName: profile?.real_name || user.real_name || profile?.display_name || null,
    slackLocale: user.locale ?? null,
    tz: user.tz ?? null,
  };
}
