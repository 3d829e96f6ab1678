import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import {
  buildEventAnnouncement,
  buildEventCancelledNotice,
  buildEventChangeNotice,
  buildNoLongerOpenNotice,
  buildRsvpReminder,
  buildWaitlistPromotion,
  eventAnnouncementText,
} from '../../blocks/events';
import type { EventRow, EventRsvpRow, MemberRow } from '../../db/schema';
import { t, toLocale, type Messages } from '../../i18n';
import { mayAttend, type EventChange } from '../../services/event-types';
import {
  findMemberById,
  forgetReminder,
  listAnswers,
  loadEventView,
  recordReminder,
  reminderTime,
  withdrawIneligibleAnswers,
  type WithdrawnAnswers,
} from '../../services/events';
import type { ListenerDeps } from '../deps';

function messagesFor(deps: ListenerDeps, member: Pick<MemberRow, 'locale'>): Messages {
  return t(toLocale(member.locale, deps.config.defaultLocale));
}

/** Redraws the announcement with the current counts (or as cancelled). */
export async function refreshAnnouncement(deps: ListenerDeps, client: WebClient, eventId: string): Promise<void> {
  const view = await loadEventView(deps.services, eventId);
  if (!view?.event.messageTs) return;
  const messages = t(deps.config.defaultLocale);
  await client.chat.update({
    channel: view.event.channelId,
    ts: view.event.messageTs,
    text: eventAnnouncementText(messages, view.event),
    blocks: buildEventAnnouncement({ t: messages, view }),
  });
}

/** Slack forgets a scheduled message once it was posted or deleted; that is not a failure here. */
function isGoneScheduledMessage(error: unknown): boolean {
  return error instanceof WebAPIPlatformError && ['invalid_scheduled_message_id', 'channel_not_found'].includes(error.data.error);
}

/** Deletes the reminder Slack holds for an answer, if any, and forgets it. */
async function deleteReminder(deps: ListenerDeps, client: WebClient, rsvp: EventRsvpRow): Promise<void> {
  const held = rsvp.reminderScheduledMessageId;
  if (!held || !rsvp.reminderChannelId) return;
  await client.chat.deleteScheduledMessage({ channel: rsvp.reminderChannelId, scheduled_message_id: held }).catch((error: unknown) => {
    if (!isGoneScheduledMessage(error)) throw error;
  });
  await forgetReminder(deps.services, rsvp, held);
}

/**
 * Makes the reminder Slack holds for one answer match what it should be: scheduled 24 hours before
 * the start for members going who may attend, moved when the start moved, deleted otherwise. Slack
 * keeps the schedule, so restarts and other instances neither lose nor double it.
 */
export async function syncReminder(
  deps: ListenerDeps,
  client: WebClient,
  event: EventRow,
  rsvp: EventRsvpRow,
  member: MemberRow,
): Promise<void> {
  const wanted = mayAttend(member, event) ? reminderTime(event, rsvp, deps.services.clock()) : null;
  const held = rsvp.reminderScheduledMessageId;
  if (held && rsvp.reminderChannelId && rsvp.reminderPostAt?.getTime() === wanted?.getTime()) return;
  await deleteReminder(deps, client, rsvp);
  if (!wanted || !member.slackUserId) return;
  const opened = await client.conversations.open({ users: member.slackUserId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  const reminder = buildRsvpReminder({ t: messagesFor(deps, member), event });
  const scheduled = await client.chat.scheduleMessage({
    channel,
    post_at: Math.floor(wanted.getTime() / 1000),
    text: reminder.text,
    blocks: reminder.blocks,
    unfurl_links: false,
  });
  if (scheduled.scheduled_message_id) {
    await recordReminder(deps.services, rsvp, { channelId: channel, scheduledMessageId: scheduled.scheduled_message_id, postAt: wanted });
  }
}

/** Members moved up from the waitlist: a DM each, and their reminder. */
export async function announcePromotions(deps: ListenerDeps, client: WebClient, event: EventRow, promoted: EventRsvpRow[]): Promise<void> {
  for (const rsvp of promoted) {
    const member = await findMemberById(deps.services, rsvp.memberId);
    if (!member?.slackUserId || !mayAttend(member, event)) continue;
    const notice = buildWaitlistPromotion({ t: messagesFor(deps, member), event });
    await client.chat.postMessage({ channel: member.slackUserId, text: notice.text, blocks: notice.blocks, unfurl_links: false });
    await syncReminder(deps, client, event, rsvp, member);
  }
}

/**
 * After an edit: members going or waitlisted hear what changed; reminders follow the new time.
 * Members the edit shut out (alumni-only now, staff had answered) lose their answer and reminder
 * and hear only that the event is no longer open to them, never its new details.
 */
export async function announceChanges(deps: ListenerDeps, client: WebClient, event: EventRow, changes: EventChange[]): Promise<void> {
  const { withdrawn, promoted } = await withdrawIneligibleAnswers(deps.services, event.id);
  for (const { rsvp, member } of withdrawn) {
    await deleteReminder(deps, client, rsvp);
    if (!member.slackUserId) continue;
    const notice = buildNoLongerOpenNotice({ t: messagesFor(deps, member), event });
    await client.chat.postMessage({ channel: member.slackUserId, text: notice.text, blocks: notice.blocks, unfurl_links: false });
  }
  if (withdrawn.length > 0) await refreshAnnouncement(deps, client, event.id);
  await announcePromotions(deps, client, event, promoted);
  for (const { rsvp, member } of await listAnswers(deps.services, event.id)) {
    if (rsvp.answer !== 'going' || !member.slackUserId || !mayAttend(member, event)) continue;
    if (changes.length > 0) {
      const notice = buildEventChangeNotice({ t: messagesFor(deps, member), event, changes });
      await client.chat.postMessage({ channel: member.slackUserId, text: notice.text, blocks: notice.blocks, unfurl_links: false });
    }
    await syncReminder(deps, client, event, rsvp, member);
  }
}

/** After a cancellation: everyone who answered hears it, and every reminder is deleted. */
export async function announceCancellation(
  deps: ListenerDeps,
  client: WebClient,
  event: EventRow,
  answered: Array<{ rsvp: EventRsvpRow; member: MemberRow }>,
): Promise<void> {
  await refreshAnnouncement(deps, client, event.id);
  for (const { rsvp, member } of answered) {
    await syncReminder(deps, client, event, rsvp, member);
    if (!member.slackUserId || !mayAttend(member, event)) continue;
    const notice = buildEventCancelledNotice({ t: messagesFor(deps, member), event });
    await client.chat.postMessage({ channel: member.slackUserId, text: notice.text, blocks: notice.blocks, unfurl_links: false });
  }
}

/**
 * After answers were withdrawn in a transaction that has committed (an erasure): the erased member's
 * reminders are deleted, each announcement shows the new counts and members moved up get their DM,
 * as after "Can't go". Each follow-up that fails is logged and the others still run: what was
 * committed stands.
 */
export async function announceWithdrawnAnswers(deps: ListenerDeps, client: WebClient, withdrawn: WithdrawnAnswers): Promise<void> {
  const attempt = async (what: string, eventId: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      deps.logger.warn(`Answers withdrawn but Slack was not updated: ${what}`, { event: eventId, error: String(error) });
    }
  };
  for (const rsvp of withdrawn.answers) await attempt('reminder', rsvp.eventId, () => deleteReminder(deps, client, rsvp));
  for (const { event, promoted } of withdrawn.events) {
    await attempt('announcement', event.id, () => refreshAnnouncement(deps, client, event.id));
    await attempt('promotions', event.id, () => announcePromotions(deps, client, event, promoted));
  }
}
