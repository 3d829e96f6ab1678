/** Errors a user can be told about in their language; listeners map each code to a message. */
export type ErrorCode =
  | 'not_organizer'
  | 'not_found'
  | 'already_decided'
  | 'last_organizer'
  /** The Slack account takes no part: a guest not let in, another workspace's user, or inactive. */
  | 'guest_account'
  | 'external_account'
  | 'inactive_account';

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(readonly code: ErrorCode, message?: string) {
    super(message ?? code);
  }
}

export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

export { isDatabaseUnavailable } from '../db/unavailable';
