import type { WebClient } from '@slack/web-api';
import {
  alumnusEthicsReminders,
  buildIntroductionPost,
  buildRequesterNotice,
  buildRequestMessage,
  buildSupervisorNotice,
  buildVolunteerNotice,
  type RequestMessageState,
} from '../blocks/introductions';
import { buildOpenRequestPost, openRequestPostText, type OpenRequestState } from '../blocks/open-request';
import { channelLanguages } from '../blocks/bilingual';
import type { DeliveryRow, IntroductionRow, MemberRow } from '../db/schema';
import { t, toLocale, type Locale, type Messages } from '../i18n';
import type { ListenerDeps } from '../listeners/deps';
import type { IntroductionNotice } from '../services/deliveries';
import {
  findNextMatch,
  introductionFollowUps,
  listVolunteers,
  loadIntroduction,
  loadVolunteer,
  recordDelivery,
  recordSupervisorNotified,
  pickNoticeApplies,
} from '../services/introductions';
import { ethicsTexts } from '../services/ethics-texts';
import { escapeMrkdwnWithin } from '../slack/mrkdwn';
import { UndeliverableError } from './failures';
import type { DeliveryHandler } from './worker';

const NAME_BUDGET = 120;
const TOPIC_BUDGET = 200;

const nameOf = (member: Pick<MemberRow, 'name' | 'pseudonym'>) => escapeMrkdwnWithin(member.name ?? member.pseudonym, NAME_BUDGET);
const requesterNameOf = (request: IntroductionRow) => escapeMrkdwnWithin(request.requesterName ?? '', NAME_BUDGET);

/** Erased requesters are named by their pseudonym, which is no Slack user to write to. */
const isSlackUser = (id: string) => /^[UW][A-Z0-9]{2,}$/.test(id);

/**
 * How each introduction side effect is carried out, from the request's current state (a
 * delivery retried an hour later shows what is true then). Each throws what Slack threw.
 */
export function introductionHandlers(deps: ListenerDeps) {
  const localeOfMember = (member: Pick<MemberRow, 'locale'>): Locale => toLocale(member.locale, deps.config.defaultLocale);
  const postRetirementYears = deps.config.ethics.postRetirementYears;
  /** What the alumnus's DM needs of the ethics rules, in their language. */
  const reminderProps = (locale: Locale) => ({ postRetirementYears, locale, texts: ethicsTexts(deps.config.ethicsTexts, locale) });

  async function load(delivery: DeliveryRow) {
    const loaded = await loadIntroduction(deps.services, String(delivery.payload.requestId));
    if (!loaded) throw new UndeliverableError('request_not_found');
    return loaded;
  }

  function alumnusOf(alumnus: MemberRow | undefined): MemberRow & { slackUserId: string } {
    if (!alumnus?.slackUserId) throw new UndeliverableError('not_linked_to_slack');
    return alumnus as MemberRow & { slackUserId: string };
  }

  async function dm(client: WebClient, channel: string, text: string, blocks?: ReturnType<typeof buildRequesterNotice>) {
    await client.chat.postMessage({ channel, text, ...(blocks ? { blocks } : {}), unfurl_links: false });
  }

  /** The requester hears an outcome politely, with the next person who may help. */
  async function tellRequester(
    client: WebClient,
    request: IntroductionRow,
    text: (m: Messages['introductions']) => string,
    note?: (m: Messages['introductions']) => string | undefined,
  ) {
    if (!isSlackUser(request.requesterSlackUserId)) return;
    const requester = await deps.directory.lookup(request.requesterSlackUserId);
    const messages = t(requester.locale);
    const next = await findNextMatch(deps.services, { requester, request });
    const summary = text(messages.introductions);
    await dm(
      client,
      requester.slackUserId,
      summary,
      buildRequesterNotice({
        t: messages,
        locale: requester.locale,
        text: summary,
        note: note?.(messages.introductions),
        next,
        topic: request.topic,
        openRequestsEnabled: Boolean(deps.config.requestsChannelId),
      }),
    );
  }

  const openState = (request: IntroductionRow): OpenRequestState =>
    request.status === 'accepted' || request.status === 'expired' || request.status === 'closed' ? request.status : 'open';
  const outcomeState = (request: IntroductionRow): RequestMessageState =>
    request.status === 'pending' || request.status === 'open' ? 'pending' : request.status;

  const handlers = {
    /** The ask arrives in the alumnus's DM, in their language; where it landed is kept to update it. */
    async 'introduction.request'(delivery, client) {
      const { request, alumnus } = await load(delivery);
      if (request.status !== 'pending') return;
      const to = alumnusOf(alumnus);
      const locale = localeOfMember(to);
      const messages = t(locale);
      const posted = await client.chat.postMessage({
        channel: to.slackUserId,
        text: messages.introductions.requestHeader,
        blocks: buildRequestMessage({ t: messages, request, state: 'pending', ...reminderProps(locale) }),
        unfurl_links: false,
      });
      if (posted.channel && posted.ts) await recordDelivery(deps.services, request.id, { channelId: posted.channel, ts: posted.ts });
    },

    /** The gentle reminder: the request again, with its buttons, as a new DM. */
    async 'introduction.reminder'(delivery, client) {
      const { request, alumnus } = await load(delivery);
      if (request.status !== 'pending' || !alumnus?.slackUserId) return;
      const locale = localeOfMember(alumnus);
      const messages = t(locale);
      await client.chat.postMessage({
        channel: alumnus.slackUserId,
        text: messages.introductions.reminder(requesterNameOf(request)),
        blocks: buildRequestMessage({ t: messages, request, state: 'reminder', ...reminderProps(locale) }),
        unfurl_links: false,
      });
    },

    /** The alumnus's copy of the ask shows its outcome (the buttons go). */
    async 'introduction.outcome'(delivery, client) {
      const { request, alumnus } = await load(delivery);
      if (!alumnus || !request.deliveredChannelId || !request.deliveredMessageTs) return;
      const locale = localeOfMember(alumnus);
      const messages = t(locale);
      await client.chat.update({
        channel: request.deliveredChannelId,
        ts: request.deliveredMessageTs,
        text: messages.introductions.requestHeader,
        blocks: buildRequestMessage({ t: messages, request, state: outcomeState(request), ...reminderProps(locale) }),
      });
    },

    /**
     * The introduction: a group DM with both people (and the bot) and the post in each one's
     * language. The channel is recorded with the notices that follow, in one transaction, so the
     * notices go out once and only after the group DM exists.
     */
    async 'introduction.introduce'(delivery, client) {
      const { request, alumnus } = await load(delivery);
      const to = alumnusOf(alumnus);
      if (request.groupChannelId) return;
      const requesterLocale = await deps.directory.localeOf(request.requesterSlackUserId);
      const languages: Messages[] = [...new Set([requesterLocale, localeOfMember(to)])].map((locale) => t(locale));
      const opened = await client.conversations.open({ users: `${request.requesterSlackUserId},${to.slackUserId}` });
      const channel = opened.channel?.id;
      if (!channel) throw new Error('conversations.open returned no channel');
      await client.chat.postMessage({
        channel,
        text: languages[0]!.introductions.introPost(requesterNameOf(request), nameOf(to)),
        blocks: buildIntroductionPost({ messages: languages, request, alumnus: to }),
        unfurl_links: false,
      });
      return introductionFollowUps(deps.services, request, channel);
    },

    async 'introduction.notice'(delivery, client) {
      const { request, alumnus } = await load(delivery);
      const notice = delivery.payload.notice as IntroductionNotice;
      const topic = escapeMrkdwnWithin(request.topic, TOPIC_BUDGET);
      switch (notice) {
        case 'accepted':
        case 'picked': {
          if (!alumnus || !isSlackUser(request.requesterSlackUserId)) return;
          const m = t(await deps.directory.localeOf(request.requesterSlackUserId)).introductions;
          await dm(client, request.requesterSlackUserId, notice === 'accepted' ? m.acceptedNotice(nameOf(alumnus)) : m.picked(nameOf(alumnus)));
          return;
        }
        case 'picked_you': {
          if (!alumnus?.slackUserId) return;
          const locale = localeOfMember(alumnus);
          const messages = t(locale);
          // The ethics notices recorded at the pick: the alumnus is reminded of their side.
          const { texts } = reminderProps(locale);
          const reminders = alumnusEthicsReminders(messages, request, postRetirementYears, { locale, texts });
          await dm(client, alumnus.slackUserId, [messages.introductions.pickedYou(requesterNameOf(request)), ...reminders].join('\n\n'));
          return;
        }
        case 'supervisor': {
          // Only the supervisor the requester chose, in the supervisor's language.
          const supervisor = request.ethicsSupervisorSlackUserId;
          if (!supervisor || !isSlackUser(supervisor) || !alumnus) return;
          const locale = await deps.directory.localeOf(supervisor);
          const texts = ethicsTexts(deps.config.ethicsTexts, locale);
          const notice = buildSupervisorNotice({ t: t(locale), locale, request, alumnus, texts });
          await client.chat.postMessage({ channel: supervisor, text: notice.text, blocks: notice.blocks, unfurl_links: false });
          // The record says "notified" from this, also once the requester's erasure clears the ID.
          await recordSupervisorNotified(deps.services, request.id);
          return;
        }
        case 'declined':
          if (!alumnus) return;
          await tellRequester(
            client,
            request,
            (m) => m.declinedNotice(nameOf(alumnus), topic),
            (m) => (request.declineReason ? m.declinedReason(escapeMrkdwnWithin(request.declineReason, 600)) : undefined),
          );
          return;
        case 'expired':
          await tellRequester(client, request, (m) => m.expiredNotice(topic));
          return;
        case 'closed':
          if (!alumnus) return;
          await tellRequester(client, request, (m) => m.closedNotice(nameOf(alumnus), topic));
          return;
      }
    },

    /** An open request in the requests channel (in both languages, the network's first). */
    async 'introduction.open_post'(delivery, client) {
      const { request } = await load(delivery);
      const channel = deps.config.requestsChannelId;
      if (!channel) throw new UndeliverableError('requests_channel_not_set');
      if (request.deliveredMessageTs) return;
      const messages = channelLanguages(deps.config.defaultLocale);
      const volunteers = (await listVolunteers(deps.services, request.id)).length;
      const posted = await client.chat.postMessage({
        channel,
        text: openRequestPostText(messages),
        blocks: buildOpenRequestPost({ t: messages, request, volunteers, state: openState(request) }),
        unfurl_links: false,
      });
      if (posted.channel && posted.ts) await recordDelivery(deps.services, request.id, { channelId: posted.channel, ts: posted.ts });
    },

    /** The open request's post, as it stands now: volunteers, matched, expired or closed. */
    async 'introduction.open_refresh'(delivery, client) {
      const { request } = await load(delivery);
      if (!request.deliveredChannelId || !request.deliveredMessageTs) return;
      const messages = channelLanguages(deps.config.defaultLocale);
      const volunteers = (await listVolunteers(deps.services, request.id)).length;
      await client.chat.update({
        channel: request.deliveredChannelId,
        ts: request.deliveredMessageTs,
        text: openRequestPostText(messages),
        blocks: buildOpenRequestPost({ t: messages, request, volunteers, state: openState(request) }),
      });
    },

    /** Someone volunteered: the requester sees their profile with "Choose". */
    async 'introduction.volunteer'(delivery, client) {
      const { request } = await load(delivery);
      const volunteer = await loadVolunteer(deps.services, request.id, String(delivery.payload.memberId));
      if (request.status !== 'open' || !volunteer || !isSlackUser(request.requesterSlackUserId)) return;
      // Slack's record of the requester says whether the ethics rules concern them; unknown, the pick checks anyway.
      const requester = await deps.directory.lookup(request.requesterSlackUserId).catch(() => undefined);
      const locale = requester?.locale ?? (await deps.directory.localeOf(request.requesterSlackUserId));
      const messages = t(locale);
      const noticeApplies = requester
        ? await pickNoticeApplies(deps.services, { requester, request, volunteer, ethics: deps.config.ethics })
        : false;
      await client.chat.postMessage({
        channel: request.requesterSlackUserId,
        text: messages.introductions.volunteerNotice(nameOf(volunteer), escapeMrkdwnWithin(request.topic, TOPIC_BUDGET)),
        blocks: buildVolunteerNotice({ t: messages, locale, request, volunteer, noticeApplies }),
        unfurl_links: false,
      });
    },

    /** A volunteer the requester did not choose is thanked, in their language (if they still are a volunteer). */
    async 'introduction.not_chosen'(delivery, client) {
      const { request } = await load(delivery);
      const memberId = String(delivery.payload.memberId);
      if (!request.alumnusMemberId || request.alumnusMemberId === memberId) return;
      const volunteer = await loadVolunteer(deps.services, request.id, memberId);
      if (!volunteer?.slackUserId) return;
      const m = t(localeOfMember(volunteer)).introductions;
      await dm(client, volunteer.slackUserId, m.notChosen(requesterNameOf(request), escapeMrkdwnWithin(request.topic, TOPIC_BUDGET)));
    },
  } satisfies Record<string, DeliveryHandler>;
  return handlers;
}
