import type { WebClient } from '@slack/web-api';
import {
  buildIntroductionPost,
  buildOpenRequestPost,
  buildRequesterNotice,
  buildRequestMessage,
  type OpenRequestState,
  type RequestMessageState,
} from '../../blocks/introductions';
import type { IntroductionRow, MemberRow } from '../../db/schema';
import { t, toLocale, type Locale, type Messages } from '../../i18n';
import { findNextMatch, listVolunteers, recordDelivery, recordGroupChannel } from '../../services/introductions';
import type { ClosedRequest } from '../../services/slack-accounts';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import type { ListenerDeps } from '../deps';
import { describeError } from './errors';

const NAME_BUDGET = 120;

function localeOfMember(deps: ListenerDeps, member: Pick<MemberRow, 'locale'>): Locale {
  return toLocale(member.locale, deps.config.defaultLocale);
}

function nameOf(member: Pick<MemberRow, 'name' | 'pseudonym'>): string {
  return escapeMrkdwnWithin(member.name ?? member.pseudonym, NAME_BUDGET);
}

/** Erased requesters are named by their pseudonym, which is no Slack user to write to. */
function isSlackUser(id: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(id);
}

/** The ask arrives in the alumnus's DM, in their language; where it landed is kept to update it. */
export async function deliverRequest(deps: ListenerDeps, client: WebClient, request: IntroductionRow, alumnus: MemberRow): Promise<void> {
  const messages = t(localeOfMember(deps, alumnus));
  const posted = await client.chat.postMessage({
    channel: alumnus.slackUserId!,
    text: messages.introductions.requestHeader,
    blocks: buildRequestMessage({ t: messages, request, state: 'pending' }),
    unfurl_links: false,
  });
  if (posted.channel && posted.ts) await recordDelivery(deps.services, request.id, { channelId: posted.channel, ts: posted.ts });
}

/** The gentle reminder: the request again, with its buttons, as a new DM. */
export async function remindAlumnus(deps: ListenerDeps, client: WebClient, request: IntroductionRow, alumnus: MemberRow): Promise<void> {
  const messages = t(localeOfMember(deps, alumnus));
  await client.chat.postMessage({
    channel: alumnus.slackUserId!,
    text: messages.introductions.reminder(escapeMrkdwnWithin(request.requesterName ?? '', NAME_BUDGET)),
    blocks: buildRequestMessage({ t: messages, request, state: 'reminder' }),
    unfurl_links: false,
  });
}

/** Shows the answer on the alumnus's copy of the request (the buttons go). */
async function updateRequestMessage(
  deps: ListenerDeps,
  client: WebClient,
  request: IntroductionRow,
  alumnus: MemberRow,
  state: RequestMessageState,
): Promise<void> {
  if (!request.deliveredChannelId || !request.deliveredMessageTs) return;
  const messages = t(localeOfMember(deps, alumnus));
  await client.chat.update({
    channel: request.deliveredChannelId,
    ts: request.deliveredMessageTs,
    text: messages.introductions.requestHeader,
    blocks: buildRequestMessage({ t: messages, request, state }),
  });
}

/** Posts an open request to the requests channel (in the network's language). */
export async function postOpenRequestMessage(deps: ListenerDeps, client: WebClient, request: IntroductionRow): Promise<void> {
  const channel = deps.config.requestsChannelId;
  if (!channel) return;
  const messages = t(deps.config.defaultLocale);
  const posted = await client.chat.postMessage({
    channel,
    text: messages.introductions.openHeader,
    blocks: buildOpenRequestPost({ t: messages, request, volunteers: 0, state: 'open' }),
    unfurl_links: false,
  });
  if (posted.channel && posted.ts) await recordDelivery(deps.services, request.id, { channelId: posted.channel, ts: posted.ts });
}

/** Refreshes the open request's message: volunteer count, or that it closed. */
export async function updateOpenRequestMessage(
  deps: ListenerDeps,
  client: WebClient,
  request: IntroductionRow,
  state: OpenRequestState,
): Promise<void> {
  if (!request.deliveredChannelId || !request.deliveredMessageTs) return;
  const messages = t(deps.config.defaultLocale);
  const volunteers = (await listVolunteers(deps.services, request.id)).length;
  await client.chat.update({
    channel: request.deliveredChannelId,
    ts: request.deliveredMessageTs,
    text: messages.introductions.openHeader,
    blocks: buildOpenRequestPost({ t: messages, request, volunteers, state }),
  });
}

async function dm(client: WebClient, slackUserId: string, text: string, blocks?: ReturnType<typeof buildRequesterNotice>) {
  await client.chat.postMessage({ channel: slackUserId, text, ...(blocks ? { blocks } : {}), unfurl_links: false });
}

/**
 * Makes an accepted introduction: a group DM with both people (and the bot) and the introduction
 * post in each one's language, then both are told. Safe to run again when a step failed: it starts
 * from what is recorded.
 */
export async function completeIntroduction(
  deps: ListenerDeps,
  client: WebClient,
  request: IntroductionRow,
  alumnus: MemberRow,
): Promise<void> {
  if (!alumnus.slackUserId) return;
  const requesterLocale = await deps.directory.localeOf(request.requesterSlackUserId);
  const alumnusLocale = localeOfMember(deps, alumnus);
  const languages: Messages[] = [...new Set([requesterLocale, alumnusLocale])].map((locale) => t(locale));
  if (!request.groupChannelId) {
    const opened = await client.conversations.open({ users: `${request.requesterSlackUserId},${alumnus.slackUserId}` });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await client.chat.postMessage({
      channel,
      text: languages[0]!.introductions.introPost(escapeMrkdwnWithin(request.requesterName ?? '', NAME_BUDGET), nameOf(alumnus)),
      blocks: buildIntroductionPost({ messages: languages, request, alumnus }),
      unfurl_links: false,
    });
    await recordGroupChannel(deps.services, request.id, channel);
  }
  const requesterText = t(requesterLocale).introductions;
  const alumnusText = t(alumnusLocale).introductions;
  if (request.kind === 'direct') {
    await updateRequestMessage(deps, client, request, alumnus, 'accepted');
    await dm(client, request.requesterSlackUserId, requesterText.acceptedNotice(nameOf(alumnus)));
  } else {
    await updateOpenRequestMessage(deps, client, request, 'accepted');
    await dm(client, request.requesterSlackUserId, requesterText.picked(nameOf(alumnus)));
    await dm(client, alumnus.slackUserId, alumnusText.pickedYou(escapeMrkdwnWithin(request.requesterName ?? '', NAME_BUDGET)));
  }
}

/** The requester hears a decline or an expiry politely, with the next person who may help. */
async function tellRequester(
  deps: ListenerDeps,
  request: IntroductionRow,
  client: WebClient,
  text: (m: Messages['introductions']) => string,
  note?: (m: Messages['introductions']) => string | undefined,
): Promise<void> {
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

export async function announceDecline(deps: ListenerDeps, client: WebClient, request: IntroductionRow, alumnus: MemberRow): Promise<void> {
  await updateRequestMessage(deps, client, request, alumnus, 'declined');
  const topic = escapeMrkdwnWithin(request.topic, 200);
  await tellRequester(
    deps,
    request,
    client,
    (m) => m.declinedNotice(nameOf(alumnus), topic),
    (m) => (request.declineReason ? m.declinedReason(escapeMrkdwnWithin(request.declineReason, 600)) : undefined),
  );
}

export async function announceExpiry(
  deps: ListenerDeps,
  client: WebClient,
  request: IntroductionRow,
  alumnus: MemberRow | undefined,
): Promise<void> {
  if (request.kind === 'open') await updateOpenRequestMessage(deps, client, request, 'expired');
  else if (alumnus) await updateRequestMessage(deps, client, request, alumnus, 'expired');
  const topic = escapeMrkdwnWithin(request.topic, 200);
  await tellRequester(deps, request, client, (m) => m.expiredNotice(topic));
}

/**
 * A request closed because one side's account stopped taking part: the alumnus's copy loses its
 * buttons, an open request says it closed, and a requester still here hears it with the next match.
 */
export async function announceClosure(deps: ListenerDeps, client: WebClient, closed: ClosedRequest): Promise<void> {
  const { request, alumnus, lostSide } = closed;
  if (request.kind === 'open') await updateOpenRequestMessage(deps, client, request, 'closed');
  else if (alumnus) await updateRequestMessage(deps, client, request, alumnus, 'closed');
  if (lostSide === 'alumnus' && alumnus) {
    const topic = escapeMrkdwnWithin(request.topic, 200);
    await tellRequester(deps, request, client, (m) => m.closedNotice(nameOf(alumnus), topic));
  }
}

/**
 * Tells everyone concerned about requests closed because an account stopped taking part. Each
 * notice stands alone: one Slack failure does not keep the others from going out.
 */
export async function announceClosures(deps: ListenerDeps, client: WebClient, closed: ClosedRequest[]): Promise<void> {
  for (const item of closed) {
    await announceClosure(deps, client, item).catch((error: unknown) =>
      deps.logger.error('closure notice failed', { requestId: item.request.id, ...describeError(error) }),
    );
  }
}
