/** Registers the judged set as members do it (saveProfile), then approves them as organizers would. */
import type { Db } from '../../src/db/client';
import { createRepositories } from '../../src/db/repositories';
import type { MemberRow } from '../../src/db/schema';
import type { Actor } from '../../src/services/identity';
import { saveProfile } from '../../src/services/profile';
import { validateProfile, type ProfileInput } from '../../src/services/profile-rules';
import type { Returned } from './metrics';
import type { JudgedProfile } from './types';

export const STAFF_EMAIL_DOMAINS = ['meti.go.jp'];
/** Profiles are registered from here on, a minute apart, so ties in ranking always break the same way. */
export const REGISTERED_FROM = new Date('2026-04-01T00:00:00Z');
/** When staff search. */
export const SEARCHED_AT = new Date('2026-06-01T01:00:00Z');

/** Who searches: a full member of the workspace on a staff domain, without a profile. */
export const SEARCHER: Actor = {
  slackUserId: 'U0RELSEARCHER',
  standing: 'member',
  email: 'tanaka-taro@meti.go.jp',
  realName: '経産 太郎',
};

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Staff and returnees register from a staff address; alumni from where they work now. */
export function actorFor(profile: JudgedProfile): Actor & { locale: string } {
  const onStaffDomain = profile.memberType === 'staff' || profile.memberType === 'returnee';
  return {
    slackUserId: `U0REL${profile.key.toUpperCase()}`,
    standing: 'member',
    email: onStaffDomain ? `${profile.key}@meti.go.jp` : `${profile.key}@alumni.example`,
    realName: profile.name,
    locale: JAPANESE.test(profile.help) ? 'ja' : 'en',
  };
}

export function profileInput(profile: JudgedProfile): ProfileInput {
  const memberType = profile.memberType ?? 'alumni';
  return {
    name: profile.name,
    memberType,
    yearJoined: profile.years[0],
    yearLeft: memberType === 'staff' ? null : profile.years[1],
    formerDivisions: profile.divisions,
    organisation: profile.organisation,
    jobTitle: profile.title,
    sector: profile.sector,
    topics: [...profile.topics],
    helpText: profile.help,
    helpKinds: ['opinion_exchange', 'talks'],
    monthlyCapacity: profile.trap === 'zero_capacity' ? 0 : 2,
    shareWithStaff: profile.trap !== 'no_staff_consent',
    shareWithAlumni: true,
    coiDeclared: false,
    coiDescription: null,
    codeOfConductAccepted: true,
    referredBySlackUserId: null,
    interestedInReturning: false,
  };
}

/** The errors the profile form would show for this profile (none, for a valid set). */
export function profileErrors(profile: JudgedProfile) {
  return validateProfile(profileInput(profile), {
    currentYear: SEARCHED_AT.getUTCFullYear(),
    actor: actorFor(profile),
    staffEmailDomains: STAFF_EMAIL_DOMAINS,
  });
}

/**
 * Saves every profile; alumni are then approved, except the pending trap. Returns how to name a
 * returned member: by the profile's key, and whether the row is one staff must never see.
 */
export async function seedJudgedSet(db: Db, profiles: readonly JudgedProfile[]): Promise<(member: MemberRow) => Returned> {
  const keys = new Map<string, string>();
  for (const [i, profile] of profiles.entries()) {
    const errors = profileErrors(profile);
    if (errors.length > 0) throw new Error(`${profile.key}: invalid profile ${JSON.stringify(errors)}`);
    const actor = actorFor(profile);
    const registeredAt = new Date(REGISTERED_FROM.getTime() + i * 60_000);
    const deps = { db, clock: () => registeredAt, staffEmailDomains: STAFF_EMAIL_DOMAINS };
    const { member } = await saveProfile(deps, actor, profileInput(profile));
    if (member.status === 'pending' && profile.trap !== 'pending') {
      await createRepositories(db).members.update(member.id, { status: 'active' });
    }
    keys.set(actor.slackUserId, profile.key);
  }
  return (member) => ({
    key: (member.slackUserId && keys.get(member.slackUserId)) ?? `unknown:${member.id}`,
    forbidden:
      member.memberType === 'staff' || member.status !== 'active' || member.shareWithStaff !== true || member.monthlyCapacity <= 0,
  });
}
