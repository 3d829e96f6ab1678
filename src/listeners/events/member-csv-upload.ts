import type { WebClient } from '@slack/web-api';
import { buildImportPreview, buildImportProblem } from '../../blocks/member-import-preview';
import { isOrganizer } from '../../services/organizers';
import {
  discardDraft,
  draftMemberImport,
  DRAFT_LIFETIME_MS,
  looksLikeCsv,
  MAX_UPLOAD_BYTES,
  type UploadProblem,
} from '../../services/member-import-draft';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { parseDmFileShare } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { DownloadError, downloadSlackFile } from '../shared/download';
import { userMessageFor } from '../shared/errors';
import { guardEvent } from '../shared/guard';
import { identify, type IdentifiedUser } from '../shared/identify';

type SharedFile = NonNullable<ReturnType<typeof parseDmFileShare>>['files'][number];

const LIFETIME_HOURS = DRAFT_LIFETIME_MS / 3_600_000;

/** The file's bytes, or why they cannot be imported, judged from Slack's description before downloading where possible. */
async function fetchUpload(file: SharedFile, client: WebClient, botToken: string): Promise<{ bytes: Uint8Array } | { problem: UploadProblem }> {
  if (!looksLikeCsv(file) || !file.url_private_download) return { problem: { kind: 'not_csv' } };
  if ((file.size ?? 0) > MAX_UPLOAD_BYTES) return { problem: { kind: 'too_large', bytes: file.size! } };
  const downloaded = await downloadSlackFile(file.url_private_download, {
    botToken,
    slackApiUrl: client.slackApiUrl,
    maxBytes: MAX_UPLOAD_BYTES,
  });
  return 'bytes' in downloaded ? downloaded : { problem: { kind: 'too_large', bytes: downloaded.tooLarge } };
}

/** One uploaded file: read, kept as a draft, and previewed in the DM (once, however often Slack sends the event). */
async function previewFile(deps: ListenerDeps, client: WebClient, user: IdentifiedUser, file: SharedFile, botToken: string) {
  const m = user.t.memberImport;
  let content: Awaited<ReturnType<typeof fetchUpload>>;
  try {
    content = await fetchUpload(file, client, botToken);
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    deps.logger.warn('member CSV download failed', { fileId: file.id, reason: error.message });
    await client.chat.postMessage({ channel: user.slackUserId, text: m.downloadFailed(escapeMrkdwnWithin(file.name, 150)) });
    return;
  }
  const result = await draftMemberImport(deps.services, {
    organizerSlackUserId: user.slackUserId,
    fileId: file.id,
    fileName: file.name,
    content,
  });
  if (result.kind === 'repeated') return;
  const message =
    result.kind === 'ready'
      ? buildImportPreview({ t: user.t, ...result, lifetimeHours: LIFETIME_HOURS })
      : buildImportProblem({ t: user.t, fileName: result.fileName, problem: result.problem, maxBytes: MAX_UPLOAD_BYTES });
  try {
    await client.chat.postMessage({ channel: user.slackUserId, ...message });
  } catch (error) {
    // A draft nobody saw cannot be confirmed; forgotten, the same file's event (a retry) can show it again.
    await discardDraft(deps.services, result.draftId);
    throw error;
  }
}

/**
 * A file shared in the bot's DM: an organizer's member spreadsheet, previewed with Confirm / Cancel.
 * Bolt acknowledges events before this runs. Messages without files, the bot's own uploads (the
 * exports) and other people's files are left alone; someone who is not an organizer is told once
 * (not again on Slack's retries of the same event).
 */
export function handleMemberCsvUpload(deps: ListenerDeps) {
  return guardEvent<'message'>(deps, async ({ event, client, context }) => {
    const share = parseDmFileShare(event);
    if (!share || share.user === context.botUserId) return;
    const user = await identify(deps, share.user);
    if (!(await isOrganizer(deps.services, user.slackUserId))) {
      if (!context.retryNum) await client.chat.postMessage({ channel: user.slackUserId, text: user.t.memberImport.notOrganizer });
      return;
    }
    for (const file of share.files) {
      try {
        await previewFile(deps, client, user, file, context.botToken ?? '');
      } catch (error) {
        deps.logger.error('member CSV upload failed', { fileId: file.id, error: error instanceof Error ? error.message : String(error) });
        await client.chat.postMessage({ channel: user.slackUserId, text: userMessageFor(error, user.t) }).catch(() => undefined);
      }
    }
  });
}
