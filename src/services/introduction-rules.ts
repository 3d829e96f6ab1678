import {
  INTRODUCTION_FORMATS,
  INTRODUCTION_PURPOSES,
  type IntroductionFormat,
  type IntroductionPurpose,
} from '../db/schema';
import { addDays, isIsoDate } from './calendar';

export { INTRODUCTION_FORMATS, INTRODUCTION_PURPOSES, type IntroductionFormat, type IntroductionPurpose };

export const INTRODUCTION_LIMITS = {
  details: 1000,
  division: 100,
  topic: 200,
  declineReason: 500,
  /** How far ahead "by when" and "unavailable until" may be. */
  maxDaysAhead: 180,
} as const;

/** Days an ask waits before its alumnus gets one gentle reminder. */
export const REMINDER_AFTER_DAYS = 3;

/** What a requester fills in; the topic comes from their search. */
export interface IntroductionInput {
  purpose: string | null;
  details: string;
  format: string | null;
  dueDate: string | null;
  requesterDivision: string;
  coiAcknowledged: boolean;
}

export type IntroductionField = 'purpose' | 'details' | 'format' | 'dueDate' | 'requesterDivision' | 'coiAcknowledged';
export type IntroductionErrorCode = 'required' | 'tooLong' | 'unknownChoice' | 'dateInPast' | 'dateTooFar' | 'coiAckRequired';

export interface IntroductionFieldError {
  field: IntroductionField;
  code: IntroductionErrorCode;
  max?: number;
}

export interface ValidIntroduction {
  purpose: IntroductionPurpose;
  details: string;
  format: IntroductionFormat;
  dueDate: string;
  requesterDivision: string;
}

/** A date a person picks for the future: today or later, within the allowed horizon. */
export function checkFutureDate(value: string | null, today: string): IntroductionErrorCode | undefined {
  if (!value || !isIsoDate(value)) return 'required';
  if (value < today) return 'dateInPast';
  if (value > addDays(today, INTRODUCTION_LIMITS.maxDaysAhead)) return 'dateTooFar';
  return undefined;
}

/**
 * Checks a request. `coiDisclosed` is true when the alumnus disclosed a conflict of interest: the
 * requester must then acknowledge it before the request can be sent.
 */
export function validateIntroduction(
  input: IntroductionInput,
  context: { today: string; coiDisclosed: boolean },
): { ok: true; value: ValidIntroduction } | { ok: false; errors: IntroductionFieldError[] } {
  const errors: IntroductionFieldError[] = [];
  const purpose = INTRODUCTION_PURPOSES.find((key) => key === input.purpose);
  if (!input.purpose) errors.push({ field: 'purpose', code: 'required' });
  else if (!purpose) errors.push({ field: 'purpose', code: 'unknownChoice' });
  const format = INTRODUCTION_FORMATS.find((key) => key === input.format);
  if (!input.format) errors.push({ field: 'format', code: 'required' });
  else if (!format) errors.push({ field: 'format', code: 'unknownChoice' });
  const details = input.details.trim();
  if (!details) errors.push({ field: 'details', code: 'required' });
  else if (details.length > INTRODUCTION_LIMITS.details) errors.push({ field: 'details', code: 'tooLong', max: INTRODUCTION_LIMITS.details });
  const division = input.requesterDivision.trim();
  if (!division) errors.push({ field: 'requesterDivision', code: 'required' });
  else if (division.length > INTRODUCTION_LIMITS.division) {
    errors.push({ field: 'requesterDivision', code: 'tooLong', max: INTRODUCTION_LIMITS.division });
  }
  const dateProblem = checkFutureDate(input.dueDate, context.today);
  if (dateProblem) errors.push({ field: 'dueDate', code: dateProblem });
  if (context.coiDisclosed && !input.coiAcknowledged) errors.push({ field: 'coiAcknowledged', code: 'coiAckRequired' });
  if (errors.length > 0 || !purpose || !format || !input.dueDate) return { ok: false, errors };
  return { ok: true, value: { purpose, details, format, dueDate: input.dueDate, requesterDivision: division } };
}
