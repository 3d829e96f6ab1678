import type { ErrorCode } from './errors';

/**
 * Who a Slack account is to the network, from Slack's own user record (never from an email domain
 * alone). Only full members of the installed workspace (or its Enterprise Grid organisation) take
 * part; a guest does only when organizers let that account in by name.
 */
export const SLACK_STANDINGS = [
  'member',
  'allowed_guest',
  'guest',
  'external',
  'deactivated',
  'not_a_person',
  'invited',
] as const;
export type SlackStanding = (typeof SLACK_STANDINGS)[number];

/** The facts of a Slack user record that decide their standing (users.info, user_change …). */
export interface SlackAccountFacts {
  teamId: string | null;
  enterpriseId: string | null;
  deleted: boolean;
  /** is_bot, is_app_user or is_workflow_bot, or Slackbot itself. */
  notAPerson: boolean;
  /** is_restricted (multi-channel) or is_ultra_restricted (single-channel). */
  guest: boolean;
  invited: boolean;
}

/** The workspace the bot is installed in (auth.test). */
export interface Installation {
  teamId: string;
  enterpriseId: string | null;
}

/** The account's standing before any guest allowance: what Slack says. */
export function accountStandingOf(facts: SlackAccountFacts, installation: Installation): Exclude<SlackStanding, 'allowed_guest'> {
  if (facts.deleted) return 'deactivated';
  if (facts.notAPerson) return 'not_a_person';
  const sameTeam = facts.teamId === installation.teamId;
  const sameOrganisation = installation.enterpriseId !== null && facts.enterpriseId === installation.enterpriseId;
  if (!sameTeam && !sameOrganisation) return 'external';
  if (facts.invited) return 'invited';
  if (facts.guest) return 'guest';
  return 'member';
}

/** A guest named by organizers takes part; every other standing is what Slack says. */
export function effectiveStanding(accountStanding: SlackStanding, guestAllowed: boolean): SlackStanding {
  return accountStanding === 'guest' && guestAllowed ? 'allowed_guest' : accountStanding;
}

/** Whether the account may take part at all (see, register, ask, be asked, answer). */
export function takesPart(standing: SlackStanding): boolean {
  return standing === 'member' || standing === 'allowed_guest';
}

/** Staff, organizers and automatic activation need a full member: an allowed guest is never staff by email. */
export function isFullMember(standing: SlackStanding): boolean {
  return standing === 'member';
}

/** Why an account that takes no part is refused: one clear message each (see userMessageFor). */
export function refusalFor(standing: SlackStanding): ErrorCode | undefined {
  if (takesPart(standing)) return undefined;
  if (standing === 'guest') return 'guest_account';
  if (standing === 'external') return 'external_account';
  return 'inactive_account';
}
