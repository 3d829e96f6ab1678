import { createHmac } from 'node:crypto';

/** Where the app listens (its /slack/events) and the secret Slack signs requests with. */
export interface BotLink {
  url: string;
  signingSecret: string;
  /** How long to wait for the app's acknowledgement (Slack waits 3 s; the sandbox is kinder). */
  timeoutMs?: number;
}

export interface BotReply {
  status: number;
  /** The acknowledgement's body: parsed JSON, text, or undefined when empty. */
  body: unknown;
}

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function signRequest(signingSecret: string, body: string, timestampSeconds: number): Record<string, string> {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSeconds), 'x-slack-signature': `v0=${digest}` };
}

/**
 * Sends one request to the app as Slack does: a form body (commands; interactions as `payload=`)
 * or JSON (events), signed with real time (Bolt refuses signatures more than five minutes off).
 * Network failures and time-outs come back as status 0.
 */
export async function sendToBot(link: BotLink, body: { form: Record<string, string> } | { json: unknown }): Promise<BotReply> {
  const isForm = 'form' in body;
  const raw = isForm ? new URLSearchParams(body.form).toString() : JSON.stringify(body.json);
  const headers = {
    'content-type': isForm ? 'application/x-www-form-urlencoded' : 'application/json',
    ...signRequest(link.signingSecret, raw, Math.floor(Date.now() / 1000)),
  };
  try {
    const response = await fetch(link.url, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(link.timeoutMs ?? 10_000) });
    const text = await response.text();
    let parsed: unknown = text === '' ? undefined : text;
    if (text !== '' && (response.headers.get('content-type') ?? '').includes('application/json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed };
  } catch {
    return { status: 0, body: undefined };
  }
}
