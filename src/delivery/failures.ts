import { ErrorCode as WebApiErrorCode } from '@slack/web-api';
import { isDatabaseUnavailable } from '../services/errors';

/** What to do after a failed attempt: try again (after Slack's Retry-After, if it said), or give up. */
export type FailureVerdict =
  | { retry: true; code: string; afterMs?: number; rateLimited?: boolean }
  | { retry: false; code: string };

// Slack platform errors that say "not now" rather than "never".
const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
  'team_added_to_org',
]);

/** Nothing to deliver to, and no retry will change that (e.g. a member not linked to Slack). */
export class UndeliverableError extends Error {
  override readonly name = 'UndeliverableError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Reads a failed Slack call (or anything else a delivery threw). Rate limits, 5xx answers,
 * network errors and an unreachable database are retried; Slack's refusals (channel_not_found,
 * not_in_channel, invalid_blocks …) are final. The code kept is Slack's, never message text.
 */
export function judgeFailure(error: unknown): FailureVerdict {
  const slack = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown; data?: { error?: unknown } };
  switch (slack?.code) {
    case WebApiErrorCode.RateLimitedError:
      return { retry: true, code: 'ratelimited', afterMs: Number(slack.retryAfter ?? 1) * 1000, rateLimited: true };
    case WebApiErrorCode.RequestError:
      return { retry: true, code: 'request_error' };
    case WebApiErrorCode.HTTPError: {
      const status = Number(slack.statusCode);
      return status >= 500 || status === 429 || status === 408 ? { retry: true, code: `http_${status}` } : { retry: false, code: `http_${status}` };
    }
    case WebApiErrorCode.PlatformError: {
      const code = String(slack.data?.error ?? 'unknown_error');
      return { retry: TRANSIENT_PLATFORM_ERRORS.has(code), code };
    }
  }
  if (error instanceof UndeliverableError) return { retry: false, code: error.reason };
  if (isDatabaseUnavailable(error)) return { retry: true, code: 'database_unavailable' };
  return { retry: true, code: 'unexpected_error' };
}

/** Attempts before a delivery is given up (rate-limited attempts do not count). */
export const MAX_ATTEMPTS = 12;

/**
 * Exponential backoff with jitter: 5 s, 10 s, 20 s … up to 30 minutes between attempts, so twelve
 * attempts span about three hours: a Slack outage of that length loses nothing.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempt - 1), 30 * 60_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
