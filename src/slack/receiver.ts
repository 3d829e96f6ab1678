import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, type HTTPReceiverOptions } from '@slack/bolt';

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

/** Bolt's HTTP receiver, refusing (401, as Bolt does for a stale one) requests dated in the future. */
export function createHttpReceiver(options: HTTPReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver(options);
  const verifyAndDispatch = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (isFromTheFuture(req, Date.now())) {
      res.writeHead(401).end();
      return;
    }
    verifyAndDispatch(req, res);
  };
  return receiver;
}
