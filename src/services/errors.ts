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

// postgres.js and Node network codes, and server states that mean "cannot reach the database now".
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

/** True when the error (or one it wraps, as Drizzle's query errors do) means the database is down. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === 'string' && UNAVAILABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.message === 'string' && /PGlite is closed/i.test(candidate.message)) return true;
    if (Array.isArray(candidate.errors) && candidate.errors.some(isDatabaseUnavailable)) return true;
    current = candidate.cause;
  }
  return false;
}
