import { z } from 'zod';
import { isStaffAccount, type Actor } from './identity';
import { OFFICIAL_DUTIES, OFFICIAL_RELATIONS } from './ethics';
import { supervisorProblem } from './ethics-supervisor';
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
  coiDivisions: 500,
  currentDivision: 200,
  dutyOrganisations: 1000,
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
  /*
   * The ethics declarations (issue 13). Optional so that callers other than the form (seed data)
   * may leave them out: absent is the same as empty. Which apply depends on the member type; see
   * normaliseDeclarations.
   */
  /** Alumni and returnees: the month (1–12) of the year they left. */
  monthLeft?: number | null;
  /** Alumni: their employer's relations with the ministry (OFFICIAL_RELATIONS) and with which divisions. */
  coiRelations?: string[];
  coiDivisions?: string | null;
  /** Staff: their current division, the matters their post handles, for which sectors and organisations. */
  currentDivision?: string | null;
  officialDuties?: string[];
  dutySectors?: string[];
  dutyOrganisations?: string | null;
  ethicsSupervisorSlackUserId?: string | null;
}

/** The declarations as stored: those of the other member types are cleared. */
export interface ProfileDeclarations {
  monthLeft: number | null;
  coiRelations: string[];
  coiDivisions: string | null;
  currentDivision: string | null;
  officialDuties: string[];
  dutySectors: string[];
  dutyOrganisations: string | null;
  ethicsSupervisorSlackUserId: string | null;
}

const blank = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * Keeps the declarations that apply to the member type and clears the others, so a form filled in
 * both sections (Slack cannot hide them) stores only what the member is: staff declare their post
 * (division, matters, sectors, organisations, ethics supervisor); alumni their employer's relations
 * with the ministry; alumni and returnees the month they left (with the year: none without it).
 * Returnees work at the ministry again, so they have no employer relations to declare.
 */
/** Members who hold a post at the ministry now, and so declare it: staff, and returnees (back at the ministry). */
export function holdsAPost(memberType: MemberType): boolean {
  return memberType === 'staff' || memberType === 'returnee';
}

/** What normaliseDeclarations reads: the form's fields, or a spreadsheet row's (member-import-plan.ts). */
export type DeclarationsInput = Pick<ProfileInput, 'memberType' | 'yearLeft'> & Partial<ProfileDeclarations>;

export function normaliseDeclarations(input: DeclarationsInput): ProfileDeclarations {
  const staff = holdsAPost(input.memberType);
  const alumni = input.memberType === 'alumni';
  const hasYearLeft = input.memberType !== 'staff' && input.yearLeft !== null;
  return {
    monthLeft: hasYearLeft ? (input.monthLeft ?? null) : null,
    coiRelations: alumni ? [...new Set(input.coiRelations ?? [])] : [],
    coiDivisions: alumni ? blank(input.coiDivisions) : null,
    currentDivision: staff ? blank(input.currentDivision) : null,
    officialDuties: staff ? [...new Set(input.officialDuties ?? [])] : [],
    dutySectors: staff ? [...new Set(input.dutySectors ?? [])] : [],
    dutyOrganisations: staff ? blank(input.dutyOrganisations) : null,
    ethicsSupervisorSlackUserId: staff ? (input.ethicsSupervisorSlackUserId ?? null) : null,
  };
}

/**
 * Whether the member declares a conflict of interest: they answered yes, or (alumni) ticked a
 * relation of their employer with the ministry. Ticking a relation while answering "no" is
 * refused by validateProfile (coiRelationsContradict), so the two never disagree when stored.
 */
export function coiDeclaredFor(input: ProfileInput): boolean {
  return input.coiDeclared || normaliseDeclarations(input).coiRelations.length > 0;
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
  | 'unknownChoice'
  | 'monthRange'
  | 'monthWithoutYear'
  | 'coiRelationsContradict'
  /** The ethics supervisor named: not oneself, and a current official by Slack's record (as on the introduction form). */
  | 'supervisorSelf'
  | 'supervisorNotStaff';

export interface ProfileFieldError {
  field: keyof ProfileInput;
  code: ProfileErrorCode;
  /** For tooLong: the limit; for yearRange: the bounds. */
  params?: { max?: number; min?: number };
}

// Each check's message is the error code; listeners turn codes into the user's language.
const optionalText = (max: number) => z.string().max(max, 'tooLong').nullable();

function profileSchema(currentYear: number) {
  const year = z.number('yearRange').int('yearRange').min(LIMITS.minYear, 'yearRange').max(currentYear, 'yearRange').nullable();
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
      monthLeft: z.number('monthRange').int('monthRange').min(1, 'monthRange').max(12, 'monthRange').nullish(),
      coiRelations: z.array(z.enum(OFFICIAL_RELATIONS, 'unknownChoice')).optional(),
      coiDivisions: optionalText(LIMITS.coiDivisions).optional(),
      currentDivision: optionalText(LIMITS.currentDivision).optional(),
      officialDuties: z.array(z.enum(OFFICIAL_DUTIES, 'unknownChoice')).optional(),
      dutySectors: z.array(z.enum(SECTOR_KEYS, 'unknownChoice')).optional(),
      dutyOrganisations: optionalText(LIMITS.dutyOrganisations).optional(),
      ethicsSupervisorSlackUserId: z.string().nullish(),
    })
    .superRefine((input, ctx) => {
      if (input.yearLeft !== null && input.memberType === 'staff') {
        ctx.addIssue({ code: 'custom', path: ['yearLeft'], message: 'leftNotForStaff' });
      } else if (input.yearLeft !== null && input.yearJoined !== null && input.yearLeft < input.yearJoined) {
        ctx.addIssue({ code: 'custom', path: ['yearLeft'], message: 'leftBeforeJoined' });
      }
      // The free text is required with "yes" unless the structured relations already say what it is.
      const relations = input.memberType === 'alumni' ? (input.coiRelations ?? []) : [];
      if (input.coiDeclared && relations.length === 0 && !input.coiDescription?.trim()) {
        ctx.addIssue({ code: 'custom', path: ['coiDescription'], message: 'coiDescriptionRequired' });
      }
      if (!input.coiDeclared && relations.length > 0) {
        ctx.addIssue({ code: 'custom', path: ['coiDeclared'], message: 'coiRelationsContradict' });
      }
      if (input.monthLeft != null && input.memberType !== 'staff' && input.yearLeft === null) {
        ctx.addIssue({ code: 'custom', path: ['monthLeft'], message: 'monthWithoutYear' });
      }
    });
}

/** What validateProfile needs besides the form: the year, who saves it, and Slack's record of the supervisor named. */
export interface ProfileContext {
  currentYear: number;
  actor: Pick<Actor, 'slackUserId' | 'standing' | 'email'>;
  staffEmailDomains: readonly string[];
  /** Slack's user record (users.info) of the ethics supervisor the form names, when it names one. */
  supervisor?: Pick<Actor, 'slackUserId' | 'standing' | 'email'>;
}

/** Checks a profile against the network's rules; returns at most one error per field. */
export function validateProfile(input: ProfileInput, context: ProfileContext): ProfileFieldError[] {
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
  if (input.memberType === 'staff' && !errors.has('memberType') && !isStaffAccount(context.actor, context.staffEmailDomains)) {
    errors.set('memberType', { field: 'memberType', code: 'staffEmailRequired' });
  }
  // Only those who hold a post keep a supervisor (normaliseDeclarations clears it for the others).
  const supervisorSlackUserId = input.ethicsSupervisorSlackUserId;
  if (supervisorSlackUserId && holdsAPost(input.memberType) && !errors.has('ethicsSupervisorSlackUserId')) {
    const problem = supervisorProblem({
      supervisorSlackUserId,
      ownSlackUserId: context.actor.slackUserId,
      supervisor: context.supervisor,
      staffEmailDomains: context.staffEmailDomains,
    });
    if (problem) errors.set('ethicsSupervisorSlackUserId', { field: 'ethicsSupervisorSlackUserId', code: problem });
  }
  return [...errors.values()];
}
