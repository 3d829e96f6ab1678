import type { Messages } from '../../i18n';
import { eventChangesText } from '../../blocks/save-feedback';
import { findDelivery } from '../../services/deliveries';
import { awaitAnnouncement, withdrawUnpostedEvent } from '../../services/event-deliveries';
import { createEvent, updateEvent, type EventFieldError, type EventInput } from '../../services/events';
import { EVENT_FIELDS } from '../../slack/ids';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { parseEventSubmission } from '../../slack/parse';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { guardSubmission, type SubmissionArgs } from '../shared/guard';
import { identify, type IdentifiedUser } from '../shared/identify';

function errorsForSlack(errors: EventFieldError[], t: Messages): Record<string, string> {
  const e = t.events.errors;
  const result: Record<string, string> = {};
  for (const error of errors) {
    const block = EVENT_FIELDS[error.field === 'channelId' ? 'channel' : error.field];
    result[block] ??= error.code === 'tooLong' ? e.tooLong(error.max ?? 0) : e[error.code];
  }
  return result;
}

/**
 * Until when, after the submission arrived, the form waits for the announcement to be posted
 * before it closes anyway: Slack wants the answer within 3 seconds, and what follows a refusal
 * (withdrawing the event) needs a little of them.
 */
const ANNOUNCE_WAIT_MS = 2_000;

/** Slack refuses to post where the bot is not a member (or the channel is gone). */
const CHANNEL_PROBLEMS = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** What the posting came to within `ms`, or 'waiting' (the attempt goes on). */
async function within<T>(ms: number, work: Promise<T>): Promise<T | 'waiting'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'waiting'>((resolve) => (timer = setTimeout(() => resolve('waiting'), ms)));
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A new event: recorded with its announcement (one, however often the same form is submitted),
 * which the delivery worker posts at once. When Slack answers quickly, the form waits for it, so a
 * channel the bot cannot post in is reported on the channel field and nothing is kept. When it
 * does not (slow, down), the form closes within Slack's 3 seconds and the organizer hears "saved,
 * posting"; the worker posts it later, and a refusal then reaches them by DM (event.not_posted).
 */
async function announce(deps: ListenerDeps, { ack, view, client }: SubmissionArgs, user: IdentifiedUser, form: EventInput, arrivedAt: number) {
  const result = await createEvent(deps.services, { organizerSlackUserId: user.slackUserId, form, submissionKey: view.id });
  if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: errorsForSlack(result.errors, user.t) });
  // The same submission again: the first one announces the event and tells the organizer.
  if (result.kind === 'already_created') return ack();
  const m = user.t.events;
  const posting = deps.deliveries.deliverNow(result.deliveryIds);
  const outcome = await within(Math.max(0, arrivedAt + ANNOUNCE_WAIT_MS - Date.now()), posting);
  if (outcome === 'failed') {
    const refused = await findDelivery(deps.services, result.deliveryIds[0] ?? '');
    await withdrawUnpostedEvent(deps.services, result.event.id);
    const code = refused?.lastError ?? 'unknown';
    return ack({ response_action: 'errors', errors: { [EVENT_FIELDS.channel]: CHANNEL_PROBLEMS.has(code) ? m.errors.notInChannel : m.postRefused(code) } });
  }
  await ack();
  const channel = `<#${result.event.channelId}>`;
  const stands = outcome === 'sent' ? 'posted' : await awaitAnnouncement(deps.services, result.event.id);
  if (stands === 'withdrawn') {
    // Refused just as the form closed: told here, as the form can no longer show it.
    const refused = await findDelivery(deps.services, result.deliveryIds[0] ?? '');
    await client.chat.postMessage({ channel: user.slackUserId, text: m.notPosted(escapeMrkdwnWithin(result.event.title, 300), channel, refused?.lastError ?? 'unknown') });
  } else {
    await client.chat.postMessage({ channel: user.slackUserId, text: stands === 'posted' ? m.posted(channel) : m.savedPosting(channel) });
  }
  // The attempt finishes within this request (deliverNow never throws; what fails stays queued).
  await posting;
}

/**
 * An edit, saved with everything it must tell (once, however often the same form is submitted);
 * the form closes at once and the organizer hears whether Slack has taken it all.
 */
async function saveEdit(deps: ListenerDeps, { ack, view, client }: SubmissionArgs, user: IdentifiedUser, form: EventInput) {
  const result = await updateEvent(deps.services, { organizerSlackUserId: user.slackUserId, eventId: view.private_metadata, form, submissionKey: view.id, ethics: deps.config.ethics });
  if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: errorsForSlack(result.errors, user.t) });
  await ack();
  if (result.kind === 'already_saved') return;
  const delivered = await deps.deliveries.deliverNow(result.deliveryIds);
  // What the organizer changed; when nothing did, only that ("updated" would not be true).
  const changed = eventChangesText({ t: user.t, changes: result.changes });
  const saved = delivered === 'sent' ? user.t.events.updated : user.t.events.updatedDelivering;
  await client.chat.postMessage({ channel: user.slackUserId, text: result.changes.length === 0 ? changed : `${saved}\n${changed}` });
}

/** Announces a new event, or saves an edit (the event's ID in private_metadata). */
export function handleEventSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, EVENT_FIELDS.title, async (args) => {
    const arrivedAt = Date.now();
    const user = await identify(deps, args.body.user.id);
    const parsed = parseEventSubmission(args.view.state.values);
    if (!parsed.ok) return args.ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    return args.view.private_metadata ? saveEdit(deps, args, user, parsed.input) : announce(deps, args, user, parsed.input, arrivedAt);
  });
}
