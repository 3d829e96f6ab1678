import type { Messages } from '../../i18n';
import { isAppError, isDatabaseUnavailable } from '../../services/errors';

/**
 * The sentence a user reads for an error, in their language. `saved`: a change of this request was
 * committed before the failure, so "nothing was saved" would not be true.
 */
export function userMessageFor(error: unknown, t: Messages, saved = false): string {
  if (isDatabaseUnavailable(error)) return saved ? t.common.savedButUnfinished : t.common.unavailable;
  if (isAppError(error)) {
    switch (error.code) {
      case 'not_organizer':
        return t.common.notOrganizer;
      case 'already_decided':
        return t.approval.alreadyDecided;
      case 'not_found':
        return t.approval.notFound;
      case 'last_organizer':
        return t.admin.lastOrganizer;
      case 'guest_account':
        return t.access.guest;
      case 'external_account':
        return t.access.external;
      case 'inactive_account':
        return t.access.inactive;
    }
  }
  return t.common.unexpected;
}

/** Whether an error is expected (told to the user, logged quietly) rather than a fault. */
export function isExpected(error: unknown): boolean {
  return isAppError(error);
}

/** What to log about a failure: never the request, tokens or user text. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const withCode = error as Error & { code?: unknown; cause?: unknown };
  return {
    name: error.name,
    message: error.message,
    code: withCode.code,
    cause: withCode.cause instanceof Error ? withCode.cause.message : undefined,
    stack: error.stack?.split('\n').slice(0, 6).join('\n'),
  };
}
