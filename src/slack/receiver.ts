import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions as http, HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
// Bolt's own test of what it can route (not re-exported at the top level): kept exact, not copied.
import { getTypeAndConversation } from '@slack/bolt/dist/helpers.js';

/** Slack's window for a request's timestamp, either way (Bolt checks only the past). */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

/**
 * Whether a request claims a time more than 5 minutes ahead: a signed request captured and
 * post-dated would otherwise stay replayable for as long as its timestamp lies in the future.
 * Compared with the wall clock, as Bolt's own check of the past is.
 */
export function isFromTheFuture(req: IncomingMessage, nowMs: number): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(timestamp) && timestamp - Math.floor(nowMs / 1000) > MAX_CLOCK_SKEW_SECONDS;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether Bolt can do something with a parsed body: answer it itself (ssl_check, url_verification)
 * or route it to a listener. Anything else it mishandles: `payload=null` throws inside Bolt (an
 * unhandled rejection, no answer at all), `payload=42` or `{}` is never acknowledged (404 after 3 s).
 */
export function isUsableBody(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (body.ssl_check === '1' || body.type === 'url_verification') return true;
  // Bolt reads `event` as an object (`'channel' in event`), and throws on anything else.
  if (body.event !== undefined) return isRecord(body.event);
  return getTypeAndConversation(body).type !== undefined;
}

/** What kind of body it was, for the log: never the body itself (it may carry tokens or user text). */
function kindOf(body: unknown): string {
  if (body === null) return 'null';
  if (Array.isArray(body)) return 'an array';
  return isRecord(body) ? 'an object of no known type' : `a ${typeof body}`;
}

/**
 * Reads and checks a request to the events endpoint before Bolt does; true when it answered. A
 * signed body Bolt cannot use gets 400 and a short JSON reason. What Bolt refuses itself (a bad
 * signature: 401; a body that is not JSON: 400) is left to Bolt, which finds the body already read.
 */
async function answeredBeforeBolt(
  req: IncomingMessage,
  res: ServerResponse,
  options: HTTPReceiverOptions,
  logger: Logger,
): Promise<boolean> {
  const bodyLimit = options.bodyLimit ?? http.defaultBodyLimit;
  try {
    await http.bufferIncomingMessage(req, bodyLimit);
  } catch (error) {
    // Bolt would wait on the half-read stream for ever: answer as it does (413 when too large).
    const status = http.isRawBodyError(error) ? error.statusCode : 400;
    logger.warn(`Could not read the request body (HTTP ${status})`);
    http.buildNoBodyResponse(res, status);
    return true;
  }
  // Parsed as sent first: a usable body goes on to Bolt, which checks its signature, so a normal
  // request is not verified twice. Only an unusable one is verified here, and parsed again (an
  // ssl_check loses any smuggled payload in verification).
  const parsed = () => {
    try {
      return { body: http.parseHTTPRequestBody(req as Parameters<typeof http.parseHTTPRequestBody>[0]) as unknown };
    } catch {
      return undefined;
    }
  };
  const asSent = parsed();
  if (!asSent || isUsableBody(asSent.body)) return false;
  try {
    await http.parseAndVerifyHTTPRequest(
      { enabled: options.signatureVerification ?? true, signingSecret: options.signingSecret, bodyLimit },
      req,
    );
  } catch {
    return false;
  }
  const verified = parsed();
  if (!verified || isUsableBody(verified.body)) return false;
  const body = verified.body;
  logger.warn(`Refused a signed request Kakehashi cannot use (HTTP 400): its body is ${kindOf(body)}`);
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ ok: false, error: 'unusable_payload' }));
  return true;
}

/**
 * Bolt's HTTP receiver, refusing (401, as Bolt does for a stale one) requests dated in the future,
 * and answering 400 to a signed body it cannot use instead of failing silently.
 */
export function createHttpReceiver(options: HTTPReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver(options);
  // Bolt keeps the logger it built (from `logger` or `logLevel`) private: ours warns in the same place.
  const logger = options.logger ?? (receiver as unknown as { logger: Logger }).logger;
  const endpoints = [options.endpoints ?? '/slack/events'].flat();
  const verifyAndDispatch = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (isFromTheFuture(req, Date.now())) {
      res.writeHead(401).end();
      return;
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // Custom routes (/healthz) and unknown paths stay Bolt's: it routes those synchronously.
    if (req.method !== 'POST' || !endpoints.includes(pathname)) {
      verifyAndDispatch(req, res);
      return;
    }
    void answeredBeforeBolt(req, res, options, logger).then((answered) => {
      if (!answered) verifyAndDispatch(req, res);
    });
  };
  return receiver;
}
