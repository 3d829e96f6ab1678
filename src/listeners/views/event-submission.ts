import { WebAPIPlatformError } from '@slack/web-api';
import { buildEventAnnouncement, eventAnnouncementText } from '../../blocks/events';
import type { Messages } from '../../i18n';
import { t } from '../../i18n';
import { createEvent, deleteUnannouncedEvent, loadEventView, recordAnnouncement, updateEvent, type EventFieldError } from '../../services/events';
import { EVENT_FIELDS } from '../../slack/ids';
import { parseEventSubmission } from '../../slack/parse';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { guardSubmission } from '../shared/guard';
import { identify } from '../shared/identify';
import { announceChanges, announcePromotions, refreshAnnouncement } from '../shared/events';

function errorsForSlack(errors: EventFieldError[], t: Messages): Record<string, string> {
  const e = t.events.errors;
  const result: Record<string, string> = {};
  for (const error of errors) {
    const block = EVENT_FIELDS[error.field === 'channelId' ? 'channel' : error.field];
    result[block] ??= error.code === 'tooLong' ? e.tooLong(error.max ?? 0) : e[error.code];
  }
  return result;
}

/** Slack refuses to post where the bot is not a member (or the channel is gone). */
function isChannelProblem(error: unknown): boolean {
  return error instanceof WebAPIPlatformError && ['not_in_channel', 'channel_not_found', 'is_archived'].includes(error.data.error);
}

/**
 * Announces a new event, or saves an edit. A new event is posted before the form closes, so a
 * channel the bot cannot post in is reported on the channel field and nothing is kept.
 */
export function handleEventSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, EVENT_FIELDS.title, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const parsed = parseEventSubmission(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    const form = parsed.input;
    const editing = view.private_metadata;

    if (editing) {
      const result = await updateEvent(deps.services, { organizerSlackUserId: user.slackUserId, eventId: editing, form });
      if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: errorsForSlack(result.errors, user.t) });
      await ack();
      if (result.kind !== 'updated') return;
      await refreshAnnouncement(deps, client, result.event.id);
      await announcePromotions(deps, client, result.event, result.promoted);
      await announceChanges(deps, client, result.event, result.changes);
      await client.chat.postMessage({ channel: user.slackUserId, text: user.t.events.updated });
      return;
    }

    const result = await createEvent(deps.services, { organizerSlackUserId: user.slackUserId, form });
    if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: errorsForSlack(result.errors, user.t) });
    if (result.kind !== 'created') return ack();
    const eventView = (await loadEventView(deps.services, result.event.id))!;
    const messages = t(deps.config.defaultLocale);
    try {
      const posted = await client.chat.postMessage({
        channel: result.event.channelId,
        text: eventAnnouncementText(messages, result.event),
        blocks: buildEventAnnouncement({ t: messages, view: eventView }),
        unfurl_links: false,
      });
      await recordAnnouncement(deps.services, result.event.id, { channelId: posted.channel ?? result.event.channelId, ts: posted.ts! });
    } catch (error) {
      if (!isChannelProblem(error)) throw error;
      await deleteUnannouncedEvent(deps.services, result.event.id);
      return ack({ response_action: 'errors', errors: { [EVENT_FIELDS.channel]: user.t.events.errors.notInChannel } });
    }
    await ack();
    await client.chat.postMessage({ channel: user.slackUserId, text: user.t.events.posted(`<#${result.event.channelId}>`) });
  });
}
