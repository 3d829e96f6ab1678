/** Why a file shared in Slack could not be fetched. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}

/** Where Slack serves files to apps. */
const SLACK_FILES_ORIGIN = 'https://files.slack.com';

/**
 * Whether the bot token may be sent to this URL: Slack's file host over https, or the host of the
 * Web API the bot already talks to (`slackApiUrl`: slack.com, or the local sandbox and the tests,
 * which serve files there). Anything else in an event (a forged one) never sees the token.
 */
export function isSlackFileUrl(url: string, slackApiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  return target.origin === SLACK_FILES_ORIGIN || target.origin === new URL(slackApiUrl).origin;
}

/**
 * Downloads a file shared in Slack (url_private_download) with the bot token (scope files:read),
 * only from Slack (isSlackFileUrl). Slack answers a request it does not accept with its HTML
 * sign-in page rather than an error, so HTML is refused as a failure; a body longer than
 * `maxBytes` stops at the first byte too many. Errors name the host at most, never the token.
 */
export async function downloadSlackFile(
  url: string,
  input: { botToken: string; slackApiUrl: string; maxBytes: number; timeoutMs?: number },
): Promise<{ bytes: Uint8Array } | { tooLarge: number }> {
  if (!isSlackFileUrl(url, input.slackApiUrl)) throw new DownloadError('download refused: the file is not on a Slack host');
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${input.botToken}` },
    signal: AbortSignal.timeout(input.timeoutMs ?? 15_000),
  }).catch((error: Error) => {
    throw new DownloadError(`download failed: ${error.message}`);
  });
  if (!response.ok) throw new DownloadError(`download failed: HTTP ${response.status}`);
  if ((response.headers.get('content-type') ?? '').includes('text/html')) throw new DownloadError('download answered with a web page');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > input.maxBytes) {
    await response.body?.cancel();
    return { tooLarge: declared };
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of response.body ?? []) {
    chunks.push(chunk);
    length += chunk.byteLength;
    if (length > input.maxBytes) return { tooLarge: length };
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}
