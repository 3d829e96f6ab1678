import type { MemberRow } from '../db/schema';
import { createRepositories, type Audience } from '../db/repositories';
import { linkImportedMember } from '../db/repositories/members';
import type { ServiceDeps } from './deps';

/** A Slack user as Slack describes them (users.info), without Slack types. */
export interface Actor {
  slackUserId: string;
  email: string | null;
  realName: string | null;
}

export function isStaffEmail(email: string | null, staffEmailDomains: readonly string[]): boolean {
  if (!email) return false;
  const domain = email.toLowerCase().split('@')[1];
  return domain !== undefined && staffEmailDomains.some((staff) => domain === staff || domain.endsWith(`.${staff}`));
}

export interface Viewer {
  audience: Audience;
  isOrganizer: boolean;
  member: MemberRow | undefined;
}

/**
 * Who this user is to the network. Staff are recognised by email even before they register;
 * a pending or declined alumnus sees no one.
 */
export async function resolveViewer(deps: ServiceDeps, actor: Actor): Promise<Viewer> {
  const repos = createRepositories(deps.db);
  const [member, isOrganizer] = await Promise.all([
    repos.members.findBySlackUserId(actor.slackUserId),
    repos.organizers.isActive(actor.slackUserId),
  ]);
  return { audience: audienceOf({ member, isOrganizer, actor, staffEmailDomains: deps.staffEmailDomains }), isOrganizer, member };
}

function audienceOf(input: {
  member: MemberRow | undefined;
  isOrganizer: boolean;
  actor: Actor;
  staffEmailDomains: readonly string[];
}): Audience {
  if (input.isOrganizer) return 'organizer';
  if (isStaffEmail(input.actor.email, input.staffEmailDomains)) return 'staff';
  if (input.member?.status !== 'active') return 'none';
  return input.member.memberType === 'alumni' ? 'alumni' : 'staff';
}

/** An imported member is linked to their Slack user on their first interaction, by email. */
export async function linkOnFirstInteraction(deps: ServiceDeps, actor: Actor): Promise<void> {
  if (actor.email) await linkImportedMember(deps.db, actor.slackUserId, actor.email);
}

/** The target's profile if this viewer may see it (the rule itself lives in the query layer). */
export async function findVisibleProfile(
  deps: ServiceDeps,
  viewer: Viewer,
  targetSlackUserId: string,
): Promise<MemberRow | undefined> {
  return createRepositories(deps.db).members.findVisibleBySlackUserId(viewer.audience, targetSlackUserId);
}
