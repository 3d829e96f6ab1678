import { ethicsTexts } from '../services/ethics-texts';
import { WebAPIPlatformError, type WebClient } from '@slack/web-api';
import { buildEventAnnouncement, eventAnnouncementText } from '../blocks/event-announcement';
import {
  buildEventCancelledNotice,
  buildEventChangeNotice,
  buildMealNotice,
  buildNoLongerOpenNotice,
  buildRsvpReminder,
  buildWaitlistPromotion,
  type EventMessage,
} from '../blocks/events';
import { channelLanguages } from '../blocks/bilingual';
import type { DeliveryRow, MemberRow } from '../db/schema';
import { t, toLocale, type Messages } from '../i18n';
import type { ListenerDeps } from '../listeners/deps';
import type { EventNotice } from '../services/deliveries';
import { loadAnswerState, recordAnnouncement, recordReminder, settleUnpostedEvent, withdrawUnpostedEvent } from '../services/event-deliveries';
import { checkMealNotice, MEAL_NOTICE, recordMealNoticeGiven } from '../services/meal-notices';
import { reminderTime } from '../services/event-rules';
import { mayAttend, type EventChange } from '../services/event-types';
import { loadEventView } from '../services/events';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';
import type { DeliveryHandler } from './worker';

/** Slack forgets a scheduled message once it was posted or deleted: deleting it again is done, not failed. */
function isGoneScheduledMessage(error: unknown): boolean {
  return error instanceof WebAPIPlatformError && ['invalid_scheduled_message_id', 'channel_not_found'].includes(error.data.error);
}

/**
 * How each event side effect is carried out, from the event's current state: a delivery retried an
 * hour later shows the counts, details and answers of then, and skips what is no longer true (a
 * promotion given up since, a reminder for an answer changed since). Each throws what Slack threw.
 */
export function eventHandlers(deps: ListenerDeps) {
  // An announcement's channel is shared by readers of both languages: it carries both, the network's first.
  const network = () => channelLanguages(deps.config.defaultLocale);
  const messagesFor = (member: Pick<MemberRow, 'locale'>): Messages => t(toLocale(member.locale, deps.config.defaultLocale));
  const dm = async (client: WebClient, slackUserId: string, message: EventMessage) => {
    await client.chat.postMessage({ channel: slackUserId, text: message.text, blocks: message.blocks, unfurl_links: false });
  };
  const state = (payload: Record<string, unknown>) => loadAnswerState(deps.services, String(payload.eventId), String(payload.memberId));
  /**
   * The ethics notice to a staff member going with an interested party, only if it is still due as
   * it goes (checkMealNotice); a skip is logged with its reason, and a notice given is recorded.
   */
  const mealNotice = async (delivery: DeliveryRow, client: WebClient) => {
    // Recorded before notices had kinds: the only one there was then.
    const { eventId, memberId, meal = 'advance_notice' } = delivery.payload;
    const settings = deps.config.ethics;
    const check = await checkMealNotice(deps.services, { eventId: String(eventId), memberId: String(memberId), meal, settings });
    if (!check.due) {
      deps.logger.info('meal notice skipped', { delivery: delivery.id, reason: check.reason });
      return;
    }
    const { event, member } = check;
    const locale = toLocale(member.locale, deps.config.defaultLocale);
    const message = buildMealNotice({
      t: t(locale),
      event,
      notice: check.meal,
      thresholdYen: settings.mealNoticeYen,
      supervisorSlackUserId: member.ethicsSupervisorSlackUserId,
      texts: ethicsTexts(deps.config.ethicsTexts, locale),
    });
    await dm(client, member.slackUserId!, message);
    await recordMealNoticeGiven(deps.services, { eventId: event.id, memberId: member.id, meal: check.meal, deliveryId: delivery.id });
  };

  return {
    /** The announcement, in both languages, in the channel the organizer chose; where it landed is kept. */
    async 'event.announce'(delivery, client) {
      const view = await loadEventView(deps.services, String(delivery.payload.eventId));
      if (!view || view.event.messageTs || view.event.status !== 'scheduled') return;
      const messages = network();
      const posted = await client.chat.postMessage({
        channel: view.event.channelId,
        text: eventAnnouncementText(messages, view.event),
        blocks: buildEventAnnouncement({ t: messages, view }),
        unfurl_links: false,
      });
      if (posted.ts) await recordAnnouncement(deps.services, view.event.id, { channelId: posted.channel ?? view.event.channelId, ts: posted.ts });
    },

    /**
     * Slack refused the announcement for good: the event is withdrawn. An organizer who was told
     * "saved, posting" hears why first (the event is kept until they have); one still on the form saw it there.
     */
    async 'event.not_posted'(delivery, client) {
      const unposted = await settleUnpostedEvent(deps.services, String(delivery.payload.eventId));
      if (!unposted) return;
      const { event, error } = unposted;
      const m = t(await deps.directory.localeOf(event.organizerSlackUserId)).events;
      await client.chat.postMessage({
        channel: event.organizerSlackUserId,
        text: m.notPosted(escapeMrkdwnWithin(event.title, 300), `<#${event.channelId}>`, error),
      });
      await withdrawUnpostedEvent(deps.services, event.id);
    },

    /** The announcement as it stands: counts, details, or cancelled. */
    async 'event.refresh'(delivery, client) {
      const view = await loadEventView(deps.services, String(delivery.payload.eventId));
      if (!view?.event.messageTs) return;
      // A later change has a refresh of its own, showing the state then: this one could only go back in time.
      if (Number(delivery.payload.revision) < view.event.revision) return;
      const messages = network();
      await client.chat.update({
        channel: view.event.channelId,
        ts: view.event.messageTs,
        text: eventAnnouncementText(messages, view.event),
        blocks: buildEventAnnouncement({ t: messages, view }),
      });
    },

    /**
     * A reminder in the member's DM a day before, held by Slack (chat.scheduleMessage). Its ID is
     * recorded under the event's lock; if the answer changed meanwhile, it is deleted again at once.
     */
    async 'event.reminder'(delivery, client) {
      const answer = await state(delivery.payload);
      const to = answer?.member.slackUserId;
      // None due any more (the answer changed, the event moved), or one is held already (recorded by an earlier delivery).
      if (!answer?.rsvp || !to || answer.rsvp.reminderScheduledMessageId) return;
      const { event, member, rsvp } = answer;
      const postAt = mayAttend(member, event) ? reminderTime(event, rsvp, deps.services.clock()) : null;
      if (!postAt) return;
      const opened = await client.conversations.open({ users: to });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      const reminder = buildRsvpReminder({ t: messagesFor(member), event });
      const scheduled = await client.chat.scheduleMessage({
        channel,
        post_at: Math.floor(postAt.getTime() / 1000),
        text: reminder.text,
        blocks: reminder.blocks,
        unfurl_links: false,
      });
      if (!scheduled.scheduled_message_id) return;
      return recordReminder(deps.services, { eventId: event.id, memberId: member.id, channelId: channel, scheduledMessageId: scheduled.scheduled_message_id, postAt });
    },

    /** A reminder that must not go out (the answer changed, the event moved or was cancelled, an erasure). */
    async 'event.reminder_delete'(delivery, client) {
      await client.chat
        .deleteScheduledMessage({ channel: String(delivery.payload.channelId), scheduled_message_id: String(delivery.payload.scheduledMessageId) })
        .catch((error: unknown) => {
          if (!isGoneScheduledMessage(error)) throw error;
        });
    },

    /** A DM to a member about an event, if it is still true when it goes and the event is still theirs to see. */
    async 'event.notice'(delivery, client) {
      if (delivery.payload.notice === MEAL_NOTICE) return mealNotice(delivery, client);
      const answer = await state(delivery.payload);
      const to = answer?.member.slackUserId;
      if (!answer || !to) return;
      const { event, member, rsvp } = answer;
      const messages = messagesFor(member);
      const going = event.status === 'scheduled' && rsvp?.answer === 'going' && mayAttend(member, event);
      switch (delivery.payload.notice as EventNotice) {
        case 'promoted':
          if (going && !rsvp!.waitlisted) await dm(client, to, buildWaitlistPromotion({ t: messages, event }));
          return;
        case 'changed': {
          const all = Array.isArray(delivery.payload.changes) ? (delivery.payload.changes as unknown[]) : [];
          const changes = all.filter((change): change is EventChange => typeof change === 'string' && change in messages.events.changes);
          if (going && changes.length > 0) await dm(client, to, buildEventChangeNotice({ t: messages, event, changes }));
          return;
        }
        case 'no_longer_open':
          // The title they knew and who can join now: nothing more of an event they may not attend.
          await dm(client, to, buildNoLongerOpenNotice({ t: messages, event }));
          return;
        case 'cancelled':
          if (event.status === 'cancelled' && mayAttend(member, event)) await dm(client, to, buildEventCancelledNotice({ t: messages, event }));
          return;
      }
    },
  } satisfies Record<string, DeliveryHandler>;
}
