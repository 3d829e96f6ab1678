import { randomBytes } from 'node:crypto';
import type { MemberRow, NewMemberRow } from '../db/schema';
import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';
import {
  holdsAPost,
  CODE_OF_CONDUCT_VERSION,
  CONSENT_TEXT_VERSION,
  coiDeclaredFor,
  normaliseDeclarations,
  type ProfileInput,
  validateProfile,
} from './profile-rules';
import { searchDocumentFor } from './search-text';
import { isStaffAccount, type Actor } from './identity';
import { DELIVERIES } from './deliveries';
import { AppError } from './errors';
import { refusalFor } from './slack-standing';

export type SaveOutcome = 'created_pending' | 'created_active' | 'resubmitted' | 'updated';

export function newPseudonym(): string {
  return `M-${randomBytes(4).toString('hex').toUpperCase()}`;
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Saves the actor's profile in one transaction, recording consent answers that changed. A new
 * alumni registration is pending; staff (by email), returnees on a staff address and organizers are
 * active at once. Only the declarations of the member's type are stored (normaliseDeclarations);
 * staff confirm theirs by saving. Call validateProfile first.
 */
export async function saveProfile(
  deps: ServiceDeps,
  actor: Actor & { locale: string | null },
  input: ProfileInput,
): Promise<{ member: MemberRow; outcome: SaveOutcome; deliveryIds: string[] }> {
  const now = deps.clock();
  const refusal = refusalFor(actor.standing);
  if (refusal) throw new AppError(refusal);
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const existing = await repos.members.findBySlackUserId(actor.slackUserId);
    const isOrganizer = await repos.organizers.isActive(actor.slackUserId);
    const activeAtOnce =
      isOrganizer || (input.memberType !== 'alumni' && isStaffAccount(actor, deps.staffEmailDomains));

    const consentChanged =
      !existing ||
      existing.shareWithStaff !== input.shareWithStaff ||
      existing.shareWithAlumni !== input.shareWithAlumni ||
      existing.consentTextVersion !== CONSENT_TEXT_VERSION;
    // Only the member type's own declarations are kept (the form shows both sections).
    const declarations = normaliseDeclarations(input);
    const coiDeclared = coiDeclaredFor(input);
    const profile: Partial<NewMemberRow> = {
      name: input.name.trim(),
      memberType: input.memberType,
      yearJoined: input.yearJoined,
      yearLeft: input.memberType === 'staff' ? null : input.yearLeft,
      formerDivisions: blankToNull(input.formerDivisions),
      organisation: blankToNull(input.organisation),
      title: blankToNull(input.jobTitle),
      sector: input.sector,
      topics: input.topics,
      helpText: blankToNull(input.helpText),
      helpKinds: input.helpKinds,
      monthlyCapacity: input.monthlyCapacity,
      shareWithStaff: input.shareWithStaff,
      shareWithAlumni: input.shareWithAlumni,
      ...(consentChanged ? { consentTextVersion: CONSENT_TEXT_VERSION, consentRecordedAt: now } : {}),
      coiDeclared,
      coiDescription: coiDeclared ? blankToNull(input.coiDescription) : null,
      ...declarations,
      // Staff confirm their declarations by saving the form (and yearly, see declarations.ts).
      ...(holdsAPost(input.memberType) ? { declarationsConfirmedAt: now } : { declarationsConfirmedAt: null }),
      ...(existing?.codeOfConductVersion === CODE_OF_CONDUCT_VERSION
        ? {}
        : { codeOfConductVersion: CODE_OF_CONDUCT_VERSION, codeOfConductAcceptedAt: now }),
      referredBySlackUserId: input.referredBySlackUserId,
      interestedInReturning: input.interestedInReturning,
      profileConfirmedAt: now,
      email: actor.email?.toLowerCase() ?? existing?.email ?? null,
      locale: actor.locale ?? existing?.locale ?? null,
    };
    profile.searchDocument = searchDocumentFor(profile);

    let member: MemberRow;
    let outcome: SaveOutcome;
    if (!existing) {
      member = await repos.members.insert({
        ...profile,
        memberType: input.memberType,
        pseudonym: newPseudonym(),
        slackUserId: actor.slackUserId,
        slackStanding: actor.standing,
        status: activeAtOnce ? 'active' : 'pending',
        createdAt: now,
        updatedAt: now,
      });
      outcome = activeAtOnce ? 'created_active' : 'created_pending';
    } else {
      // A declined applicant who submits again asks again; otherwise the status stays.
      const status = existing.status === 'declined' ? (activeAtOnce ? 'active' : 'pending') : existing.status;
      const becomesActive = existing.status === 'pending' && activeAtOnce;
      member = await repos.members.update(existing.id, {
        ...profile,
        status: becomesActive ? 'active' : status,
        // The declined card keeps its decision; the new submission gets a card of its own.
        ...(existing.status === 'declined'
          ? { decidedAt: null, decidedBySlackUserId: null, approvalChannelId: null, approvalMessageTs: null, declineReason: null }
          : {}),
      });
      outcome = existing.status === 'declined' && member.status === 'pending' ? 'resubmitted' : 'updated';
    }

    if (consentChanged) {
      for (const audience of ['staff', 'alumni'] as const) {
        const granted = audience === 'staff' ? input.shareWithStaff : input.shareWithAlumni;
        const before = audience === 'staff' ? existing?.shareWithStaff : existing?.shareWithAlumni;
        if (before === granted && existing?.consentTextVersion === CONSENT_TEXT_VERSION) continue;
        await repos.members.recordConsent({
          memberId: member.id,
          audience,
          granted,
          textVersion: CONSENT_TEXT_VERSION,
          recordedAt: now,
        });
      }
    }
    await repos.audit.record({
      actor: actor.slackUserId,
      action: existing ? 'profile.updated' : 'profile.created',
      subjectMemberId: member.id,
      details: { status: member.status },
      occurredAt: now,
    });
    // A registration waiting for approval goes to the organizers' channel, once per submission; an
    // edit while it waits (or one that made it active at once) redraws that card.
    const deliveries =
      outcome === 'created_pending' || outcome === 'resubmitted'
        ? [DELIVERIES.approvalPost(member.id, actor.slackUserId)]
        : existing?.status === 'pending'
          ? [DELIVERIES.approvalRefresh(member.id, member.status, now)]
          : [];
    const deliveryIds = deliveries.length > 0 ? await repos.deliveries.enqueue(deliveries, now) : [];
    return { member, outcome, deliveryIds };
  });
}

/** The actor's own profile, if any (erased rows are not theirs any more). */
export async function findOwnProfile(deps: ServiceDeps, slackUserId: string): Promise<MemberRow | undefined> {
  return createRepositories(deps.db).members.findBySlackUserId(slackUserId);
}
