import type { MemberRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import type { Actor } from './identity';
import { findOwnProfile, saveProfile, type SaveOutcome } from './profile';
import type { ProfileInput } from './profile-rules';
import { consentedAudiences, isShownMemberType } from './visibility';

/** A part of the profile a member can change in the form, named as the save feedback names it. */
export type ProfileChange =
  | 'name'
  | 'memberType'
  | 'yearJoined'
  | 'yearLeft'
  | 'formerDivisions'
  | 'organisation'
  | 'jobTitle'
  | 'sector'
  | 'topics'
  | 'helpText'
  | 'helpKinds'
  | 'capacity'
  | 'consent'
  | 'coi'
  | 'referredBy'
  | 'returning'
  | 'monthLeft'
  | 'coiRelations'
  | 'coiDivisions'
  | 'currentDivision'
  | 'officialDuties'
  | 'dutySectors'
  | 'dutyOrganisations'
  | 'ethicsSupervisor';

/** Who may see a profile, as the search and profile look-ups decide (visibleTo in the members repository). */
export type ProfileAudience = 'staffAndAlumni' | 'staff' | 'alumni' | 'organizers' | 'staffMember';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** What the form changed, in the form's order; everything on a first save. */
export function profileChanges(before: MemberRow | undefined, after: MemberRow): ProfileChange[] {
  const changes: ProfileChange[] = [];
  const differs = (change: ProfileChange, same: boolean) => {
    if (!before || !same) changes.push(change);
  };
  const b = before ?? after;
  differs('name', b.name === after.name);
  differs('memberType', b.memberType === after.memberType);
  differs('yearJoined', b.yearJoined === after.yearJoined);
  differs('yearLeft', b.yearLeft === after.yearLeft);
  differs('monthLeft', b.monthLeft === after.monthLeft);
  differs('formerDivisions', b.formerDivisions === after.formerDivisions);
  differs('organisation', b.organisation === after.organisation);
  differs('jobTitle', b.title === after.title);
  differs('sector', b.sector === after.sector);
  differs('topics', sameSet(b.topics, after.topics));
  differs('helpText', b.helpText === after.helpText);
  differs('helpKinds', sameSet(b.helpKinds, after.helpKinds));
  differs('capacity', b.monthlyCapacity === after.monthlyCapacity);
  differs('consent', b.shareWithStaff === after.shareWithStaff && b.shareWithAlumni === after.shareWithAlumni);
  differs('coi', b.coiDeclared === after.coiDeclared && b.coiDescription === after.coiDescription);
  differs('coiRelations', sameSet(b.coiRelations, after.coiRelations));
  differs('coiDivisions', b.coiDivisions === after.coiDivisions);
  differs('currentDivision', b.currentDivision === after.currentDivision);
  differs('officialDuties', sameSet(b.officialDuties, after.officialDuties));
  differs('dutySectors', sameSet(b.dutySectors, after.dutySectors));
  differs('dutyOrganisations', b.dutyOrganisations === after.dutyOrganisations);
  differs('ethicsSupervisor', b.ethicsSupervisorSlackUserId === after.ethicsSupervisorSlackUserId);
  differs('referredBy', b.referredBySlackUserId === after.referredBySlackUserId);
  differs('returning', b.interestedInReturning === after.interestedInReturning);
  return changes;
}

/**
 * Who sees the profile by its consent (organizers always do). Current staff's profiles are shown to
 * nobody else, whatever they ticked: only alumni and returnees are found.
 */
export function profileAudience(member: Pick<MemberRow, 'memberType' | 'shareWithStaff' | 'shareWithAlumni'>): ProfileAudience {
  // The same definition as visibleTo's (src/services/visibility.ts).
  if (!isShownMemberType(member.memberType)) return 'staffMember';
  const audiences = consentedAudiences(member);
  const staff = audiences.includes('staff');
  const alumni = audiences.includes('alumni');
  return staff && alumni ? 'staffAndAlumni' : staff ? 'staff' : alumni ? 'alumni' : 'organizers';
}

/** What the member is told after saving: what changed, who sees it now (when that may be news), any warning. */
export interface ProfileSaveReport {
  outcome: SaveOutcome;
  changes: ProfileChange[];
  /** Shown on a first save, when consent or the member type changed, and when a registration is sent again. */
  audience: ProfileAudience | undefined;
  /** The profile waits for approval: the audience is who will see it once approved. */
  pending: boolean;
  /** An alumnus or returnee who shares with nobody: nobody will find them. */
  sharedWithNobody: boolean;
}

export function reportProfileSave(before: MemberRow | undefined, after: MemberRow, outcome: SaveOutcome): ProfileSaveReport {
  const changes = profileChanges(before, after);
  const audienceNews = !before || outcome === 'resubmitted' || changes.includes('consent') || changes.includes('memberType');
  const audience = profileAudience(after);
  return {
    outcome,
    changes,
    audience: audienceNews ? audience : undefined,
    pending: after.status === 'pending',
    sharedWithNobody: audience === 'organizers',
  };
}

/**
 * Saves the profile (see saveProfile) and reports what the save changed. The profile as it stood is
 * read just before the save: two saves of one member at the same instant may each report the
 * other's change, which only affects the feedback.
 */
export async function saveProfileWithReport(
  deps: ServiceDeps,
  actor: Actor & { locale: string | null },
  input: ProfileInput,
): Promise<Awaited<ReturnType<typeof saveProfile>> & { report: ProfileSaveReport }> {
  const before = await findOwnProfile(deps, actor.slackUserId);
  const saved = await saveProfile(deps, actor, input);
  return { ...saved, report: reportProfileSave(before, saved.member, saved.outcome) };
}
