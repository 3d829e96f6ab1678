/**
 * Who may see a profile, as one definition: `visibleTo` in src/db/repositories/members.ts builds
 * its SQL from it, and the save feedback (profileAudience in profile-changes.ts) tells the member
 * from it, so the two cannot drift apart.
 */

/** Member types other members may see; current staff's profiles are seen by organizers only. */
export const SHOWN_MEMBER_TYPES = ['alumni', 'returnee'] as const;

/** The audiences of members a profile may be shown to, besides organizers (who see every profile). */
export type MemberAudience = 'staff' | 'alumni';

/** The consent that shows a profile to each audience. Consent is opt-in: only `true` counts (null is no). */
export const CONSENT_FOR: Record<MemberAudience, 'shareWithStaff' | 'shareWithAlumni'> = {
  staff: 'shareWithStaff',
  alumni: 'shareWithAlumni',
};

export function isShownMemberType(memberType: string): boolean {
  return (SHOWN_MEMBER_TYPES as readonly string[]).includes(memberType);
}

/**
 * The audiences the profile's type and consents admit. `visibleTo` also requires the profile to
 * be active and its Slack account able to take part; those are states, not the member's choice.
 */
export function consentedAudiences(
  member: { memberType: string; shareWithStaff: boolean | null; shareWithAlumni: boolean | null },
): MemberAudience[] {
  if (!isShownMemberType(member.memberType)) return [];
  return (['staff', 'alumni'] as const).filter((audience) => member[CONSENT_FOR[audience]] === true);
}
