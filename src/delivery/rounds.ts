import type { WebClient } from '@slack/web-api';
import { buildRoundCheckIn, buildRoundPairPost } from '../blocks/rounds';
import type { RoundPairWithPeople } from '../db/repositories/rounds';
import { t, toLocale, type Locale } from '../i18n';
import type { ListenerDeps } from '../listeners/deps';
import { findMemberForDelivery } from '../services/deliveries';
import { ethicsTexts } from '../services/ethics-texts';
import { findRoundPair, recordRoundGroupChannel, stillPausedForIgnoring } from '../services/round-pairs';
import { roundSideOf } from '../services/round-rules';
import type { DeliveryHandler } from './worker';

/** Rounds: each pair's group DM, the check-in midway, and the notice to someone paused for ignoring rounds. */
export function roundHandlers(deps: ListenerDeps) {
  const localeOf = (member: { locale: string | null }): Locale => toLocale(member.locale, deps.config.defaultLocale);

  /** Who of the pair can still be reached: their profile active and on Slack (an erased or departed one is left out). */
  const reachable = (found: RoundPairWithPeople) =>
    found.people.filter(({ member }) => member.status === 'active' && member.slackUserId !== null);

  /** Each person's language once, the network's first: everyone reads the post in their own. */
  const languagesOf = (people: ReturnType<typeof reachable>): Locale[] => {
    const locales = new Set(people.map(({ member }) => localeOf(member)));
    return [deps.config.defaultLocale, ...locales].filter((locale, index, all) => locales.has(locale) && all.indexOf(locale) === index);
  };

  /** The group DM of the pair: Slack gives the same conversation for the same people, so opening it again is harmless. */
  async function openGroup(client: WebClient, people: ReturnType<typeof reachable>): Promise<string> {
    const opened = await client.conversations.open({ users: people.map(({ member }) => member.slackUserId).join(',') });
    const channel = opened.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    return channel;
  }

  return {
    /** The pair's group DM: skipped once posted, or when fewer than two of them can still be reached. */
    async 'round.introduce'(delivery, client) {
      const found = await findRoundPair(deps.services, String(delivery.payload.pairId));
      if (!found || found.pair.groupChannelId) return;
      const people = reachable(found);
      // Fewer than two left, or only staff (an alumnus erased or gone from Slack since): no group DM;
      // nobody of it is then counted as ignoring the round.
      if (people.length < 2 || people.every(({ member }) => roundSideOf(member) === 'staff')) {
        deps.logger.info('round pair not introduced: too few of them can be reached', { pairId: found.pair.id });
        return;
      }
      const channel = await openGroup(client, people);
      const post = buildRoundPairPost({
        messages: languagesOf(people).map((locale) => ({ t: t(locale), locale, ethicsTexts: ethicsTexts(deps.config.ethicsTexts, locale) })),
        pair: found.pair,
        round: found.round,
        people,
        postRetirementYears: deps.config.ethics.postRetirementYears,
      });
      await client.chat.postMessage({ channel, text: post.text, blocks: post.blocks, unfurl_links: false });
      await recordRoundGroupChannel(deps.services, found.pair.id, channel);
    },

    /** "Did you meet?" midway: not once the round is over, nor when everyone has answered already. */
    async 'round.check_in'(delivery, client) {
      const found = await findRoundPair(deps.services, String(delivery.payload.pairId));
      if (!found || found.round.status === 'finished') return;
      const people = reachable(found);
      if (people.length < 2 || people.every((person) => person.answer !== null)) return;
      const channel = found.pair.groupChannelId ?? (await openGroup(client, people));
      const checkIn = buildRoundCheckIn({ messages: languagesOf(people).map((locale) => t(locale)), pairId: found.pair.id });
      await client.chat.postMessage({ channel, text: checkIn.text, blocks: checkIn.blocks });
    },

    /** Told they were paused after ignoring rounds: unless they have rejoined since. */
    async 'round.paused'(delivery, client) {
      const member = await findMemberForDelivery(deps.services, String(delivery.payload.memberId));
      if (!member?.slackUserId || member.status !== 'active' || !(await stillPausedForIgnoring(deps.services, member.id))) return;
      await client.chat.postMessage({ channel: member.slackUserId, text: t(localeOf(member)).rounds.pausedNotice });
    },
  } satisfies Record<string, DeliveryHandler>;
}
