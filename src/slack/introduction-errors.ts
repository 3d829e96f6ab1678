import type { Messages } from '../i18n';
import { INTRODUCTION_LIMITS, type IntroductionErrorCode, type IntroductionFieldError } from '../services/introduction-rules';
import { INTRODUCTION_FIELDS } from './ids';

/** The sentence for one introduction field error, in the user's language. */
export function introductionErrorText(t: Messages, code: IntroductionErrorCode, max?: number): string {
  const e = t.introductions.errors;
  switch (code) {
    case 'required':
      return e.required;
    case 'tooLong':
      return e.tooLong(max ?? 0);
    case 'unknownChoice':
      return e.unknownChoice;
    case 'dateInPast':
      return e.dateInPast;
    case 'dateTooFar':
      return e.dateTooFar(INTRODUCTION_LIMITS.maxDaysAhead);
    case 'coiAckRequired':
      return e.coiAckRequired;
  }
}

/** Field errors as `response_action: "errors"` wants them: block_id → message (first per block). */
export function introductionErrorsForSlack(errors: IntroductionFieldError[], t: Messages): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) {
    const block = INTRODUCTION_FIELDS[error.field];
    result[block] ??= introductionErrorText(t, error.code, error.max);
  }
  return result;
}
