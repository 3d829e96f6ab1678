import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { MemberRow, NewMemberRow } from '../db/schema';
import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';
import { searchDocumentFor } from './search-text';
import { isStaffEmail, type Actor } from './identity';
import { HELP_KIND_KEYS, SECTOR_KEYS, TOPIC_KEYS } from './taxonomy';

/** Versions of the texts members agree to; bump when the wording changes (stored with each answer). */
export const CONSENT_TEXT_VERSION = 'v1';
export const CODE_OF_CONDUCT_VERSION = 'v1';

export const MEMBER_TYPES = ['alumni', 'staff', 'returnee'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

export const LIMITS = {
  name: 100,
  formerDivisions: 500,
  organisation: 200,
  jobTitle: 200,
  helpText: 1000,
  coiDescription: 1000,
  minYear: 1950,
  maxCapacity: 10,
} as const;

export interface ProfileInput {
  name: string;
  memberType: MemberType;
  yearJoined: number | null;
  yearLeft: number | null;
  formerDivisions: string | null;
  organisation: string | null;
  jobTitle: string | null;
  sector: string | null;
  topics: string[];
  helpText: string | null;
  helpKinds: string[];
  monthlyCapacity: number;
  shareWithStaff: boolean;
  shareWithAlumni: boolean;
  coiDeclared: boolean;
  coiDescription: string | null;
  codeOfConductAccepted: boolean;
  referredBySlackUserId: string | null;
  interestedInReturning: boolean;
}

export type ProfileErrorCode =
  | 'required'
  | 'tooLong'
  | 'yearRange'
  | 'leftBeforeJoined'
  | 'leftNotForStaff'
  | 'capacityRange'
  | 'coiDescriptionRequired'
  | 'codeRequired'
  | 'staffEmailRequired'
  | 'unknownChoice';

export interface ProfileFieldError {
  field: keyof ProfileInput;
  code: ProfileErrorCode;
  /** For tooLong: the limit; for yearRange: the bounds. */
  params?: { max?: number; min?: number };
}

// Each check's message is the error code; listeners turn codes into the user's language.
const optionalText = (max: number) => z.string().max(max, 'tooLong').nullable();

function profileSchema(currentYear: number) {
  const year = z.number().int('yearRange').min(LIMITS.minYear, 'yearRange').max(currentYear, 'yearRange').nullable();
  return z
    .object({
      name: z.string().min(1, 'required').max(LIMITS.name, 'tooLong'),
      memberType: z.enum(MEMBER_TYPES, 'unknownChoice'),
      yearJoined: year,
      yearLeft: year,
      formerDivisions: optionalText(LIMITS.formerDivisions),
      organisation: optionalText(LIMITS.organisation),
      jobTitle: optionalText(LIMITS.jobTitle),
      sector: z.enum(SECTOR_KEYS, 'unknownChoice').nullable(),
      topics: z.array(z.enum(TOPIC_KEYS, 'unknownChoice')),
      helpText: optionalText(LIMITS.helpText),
      helpKinds: z.array(z.enum(HELP_KIND_KEYS, 'unknownChoice')),
      monthlyCapacity: z
        .number('capacityRange')
        .int('capacityRange')
        .min(0, 'capacityRange')
        .max(LIMITS.maxCapacity, 'capacityRange'),
      shareWithStaff: z.boolean(),
      shareWithAlumni: z.boolean(),
      coiDeclared: z.boolean(),
      coiDescription: optionalText(LIMITS.coiDescription),
      codeOfConductAccepted: z.literal(true, 'codeRequired'),
      referredBySlackUserId: z.string().nullable(),
      interestedInReturning: z.boolean(),
    })
    .superRefine((input, ctx) => {
      if (input.yearLeft !== null && input.memberType === 'staff') {
        ctx.addIssue({ code: 'custom', path: ['yearLeft'], message: 'leftNotForStaff' });
      } else if (input.yearLeft !== null && input.yearJoined !== null && input.yearLeft < input.yearJoined) {
        ctx.addIssue({ code: 'custom', path: ['yearLeft'], message: 'leftBeforeJoined' });
      }
      if (input.coiDeclared && !input.coiDescription?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['coiDescription'], message: 'coiDescriptionRequired' });
      }
    });
}

/** Checks a profile against the network's rules; returns at most one error per field. */
export function validateProfile(
  input: ProfileInput,
  context: { currentYear: number; actorEmail: string | null; staffEmailDomains: readonly string[] },
): ProfileFieldError[] {
  const errors = new Map<keyof ProfileInput, ProfileFieldError>();
  const result = profileSchema(context.currentYear).safeParse({ ...input, name: input.name.trim() });
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.path[0] as keyof ProfileInput;
    if (errors.has(field)) continue;
    const code = issue.message as ProfileErrorCode;
    const params =
      code === 'yearRange'
        ? { min: LIMITS.minYear, max: context.currentYear }
        : issue.code === 'too_big'
          ? { max: Number(issue.maximum) }
          : undefined;
    errors.set(field, { field, code, params });
  }
  if (input.memberType === 'staff' && !errors.has('memberType') && !isStaffEmail(context.actorEmail, context.staffEmailDomains)) {
    errors.set('memberType', { field: 'memberType', code: 'staffEmailRequired' });
  }
  return [...errors.values()];
}

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
 * active at once. Call validateProfile first.
 */
export async function saveProfile(
  deps: ServiceDeps,
  actor: Actor & { locale: string | null },
  input: ProfileInput,
): Promise<{ member: MemberRow; outcome: SaveOutcome }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const existing = await repos.members.findBySlackUserId(actor.slackUserId);
    const isOrganizer = await repos.organizers.isActive(actor.slackUserId);
    const activeAtOnce =
      isOrganizer || (input.memberType !== 'alumni' && isStaffEmail(actor.email, deps.staffEmailDomains));

    const consentChanged =
      !existing ||
      existing.shareWithStaff !== input.shareWithStaff ||
      existing.shareWithAlumni !== input.shareWithAlumni ||
      existing.consentTextVersion !== CONSENT_TEXT_VERSION;
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
      coiDeclared: input.coiDeclared,
      coiDescription: input.coiDeclared ? blankToNull(input.coiDescription) : null,
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
        ...(existing.status === 'declined' ? { decidedAt: null, decidedBySlackUserId: null } : {}),
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
    return { member, outcome };
  });
}

/** The actor's own profile, if any (erased rows are not theirs any more). */
export async function findOwnProfile(deps: ServiceDeps, slackUserId: string): Promise<MemberRow | undefined> {
  return createRepositories(deps.db).members.findBySlackUserId(slackUserId);
}
