import { z } from 'zod';
import { isStaffAccount, type Actor } from './identity';
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
  context: { currentYear: number; actor: Pick<Actor, 'standing' | 'email'>; staffEmailDomains: readonly string[] },
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
  if (input.memberType === 'staff' && !errors.has('memberType') && !isStaffAccount(context.actor, context.staffEmailDomains)) {
    errors.set('memberType', { field: 'memberType', code: 'staffEmailRequired' });
  }
  return [...errors.values()];
}
