import type { MemberRow } from '../db/schema';
import { createRepositories, type Audience } from '../db/repositories';
import type { ServiceDeps } from './deps';
import { holdsAPost } from './profile-rules';
import { isFullMember, takesPart, type SlackStanding } from './slack-standing';

/** A Slack user as Slack describes them (users.info), without Slack types. */
export interface Actor {
  slackUserId: string;
  /** From Slack's user record: guests, deactivated, external and non-person accounts take no part. */
  standing: SlackStanding;
  email: string | null;
  realName: string | null;
}

export function isStaffEmail(email: string | null, staffEmailDomains: readonly string[]): boolean {
  if (!email) return false;
  const domain = email.toLowerCase().split('@')[1];
  return domain !== undefined && staffEmailDomains.some((staff) => domain === staff || domain.endsWith(`.${staff}`));
}

/**
 * Current staff: a full member of the workspace on a staff email domain. The domain alone proves
 * nothing (a guest or a user of another workspace may have any address).
 */
export function isStaffAccount(actor: Pick<Actor, 'standing' | 'email'>, staffEmailDomains: readonly string[]): boolean {
  return isFullMember(actor.standing) && isStaffEmail(actor.email, staffEmailDomains);
}

/** What says whether someone holds a post at the ministry: their member type (if registered) and Slack's record. */
export interface OfficialFacts {
  /** As registered; null for someone with no (active) profile. */
  memberType: MemberRow['memberType'] | null;
  /** Slack's record of the account (null when none is known). */
  slackStanding: SlackStanding | null;
  email: string | null;
}

/**
 * Whether someone currently holds a post at the ministry: registered as staff or as a returnee
 * (holdsAPost), or a full member of the workspace on a staff email domain by Slack's record (the
 * domain alone proves nothing). The one rule for "staff": who sees what, who gets the meal notice,
 * who is on the contact log's staff side.
 */
export function isCurrentOfficial(person: OfficialFacts, staffEmailDomains: readonly string[]): boolean {
  if (person.memberType !== null && holdsAPost(person.memberType)) return true;
  return person.slackStanding !== null && isStaffAccount({ standing: person.slackStanding, email: person.email }, staffEmailDomains);
}

export interface Viewer {
  audience: Audience;
  isOrganizer: boolean;
  member: MemberRow | undefined;
}

/**
 * Who this user is to the network. Staff are recognised (full members on a staff email domain)
 * even before they register; a pending or declined alumnus, and any account that takes no part
 * (guest, deactivated, external, not a person), sees no one.
 */
export async function resolveViewer(deps: ServiceDeps, actor: Actor): Promise<Viewer> {
  const repos = createRepositories(deps.db);
  if (!takesPart(actor.standing)) return { audience: 'none', isOrganizer: false, member: undefined };
  const { member, isOrganizer } = await repos.members.findWithRole(actor.slackUserId);
  return { audience: audienceOf({ member, isOrganizer, actor, staffEmailDomains: deps.staffEmailDomains }), isOrganizer, member };
}

function audienceOf(input: {
  member: MemberRow | undefined;
  isOrganizer: boolean;
  actor: Actor;
  staffEmailDomains: readonly string[];
}): Audience {
  if (input.isOrganizer) return 'organizer';
  // Only an active profile says who someone is; Slack's record of the account, as it is now.
  const active = input.member?.status === 'active' ? input.member : undefined;
  const person = { memberType: active?.memberType ?? null, slackStanding: input.actor.standing, email: input.actor.email };
  if (isCurrentOfficial(person, input.staffEmailDomains)) return 'staff';
  return active ? 'alumni' : 'none';
}


/** The target's profile if this viewer may see it (the rule itself lives in the query layer). */
export async function findVisibleProfile(
  deps: ServiceDeps,
  viewer: Viewer,
  targetSlackUserId: string,
): Promise<MemberRow | undefined> {
  return createRepositories(deps.db).members.findVisibleBySlackUserId(viewer.audience, targetSlackUserId);
}
