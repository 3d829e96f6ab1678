import type { KnownBlock } from '@slack/types';
import type { IntroductionRow } from '../db/schema';
import type { Messages } from '../i18n';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { both, buttonText, labelled, lines } from './bilingual';
import { plain } from './common';

/** A shared channel's two languages (channelLanguages), the network's first. */
type ChannelLanguages = readonly [Messages, Messages];

// Budgets for user text, far within Slack's 3,000 characters per section.
const BUDGET = { name: 120, division: 120, topic: 200, details: 1200 } as const;

export type OpenRequestState = 'open' | 'accepted' | 'expired' | 'closed';

/** Who asks, in a shared channel: the requester once, then what they want in every language. */
function channelRequesterLine(languages: ChannelLanguages, request: IntroductionRow): string {
  const who = `${escapeMrkdwnWithin(request.requesterName ?? '', BUDGET.name)} (${mention(request.requesterSlackUserId)})`;
  const division = escapeMrkdwnWithin(request.requesterDivision ?? languages[0].common.notSet, BUDGET.division);
  return `*${who}* (${division}) — ${both(languages, (m) => m.introductions.openSeeking)}`;
}

/** The request's facts in a shared channel: each label in every language, what the requester typed once. */
function channelRequestFacts(languages: ChannelLanguages, request: IntroductionRow): string {
  const label = (key: keyof Messages['introductions']['labels']) => (m: Messages) => m.introductions.labels[key];
  return [
    labelled(languages, label('topic'), escapeMrkdwnWithin(request.topic, BUDGET.topic)),
    labelled(languages, label('purpose'), both(languages, (m) => m.introductions.purposes[request.purpose])),
    labelled(languages, label('format'), both(languages, (m) => m.introductions.formats[request.format])),
    labelled(languages, label('due'), request.dueDate),
    `*${both(languages, label('details'))}:*\n${escapeMrkdwnWithin(request.details, BUDGET.details)}`,
  ].join('\n');
}

/**
 * The open request in the requests channel, with "I can help" while it is open. Members read
 * different languages, so the channel's post carries both (`t`: channelLanguages).
 */
export function buildOpenRequestPost(props: {
  t: ChannelLanguages;
  request: IntroductionRow;
  volunteers: number;
  state: OpenRequestState;
}): KnownBlock[] {
  const { request, t: languages } = props;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(both(languages, (m) => m.introductions.openHeader), 150) },
    { type: 'section', text: { type: 'mrkdwn', text: channelRequesterLine(languages, request) } },
    { type: 'section', text: { type: 'mrkdwn', text: channelRequestFacts(languages, request) } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: lines(languages, (m) => m.introductions.volunteerCount(props.volunteers)) },
        { type: 'mrkdwn', text: lines(languages, (m) => m.introductions.notice) },
      ],
    },
  ];
  if (props.state === 'open') {
    const text = plain(buttonText(languages, (m) => m.introductions.offerHelp), 75);
    blocks.push({ type: 'actions', elements: [{ type: 'button', action_id: ACTIONS.offerHelp, style: 'primary', text, value: request.id }] });
  } else {
    const state = props.state;
    const outcome = (m: Messages) => ({ accepted: m.introductions.openMatched, expired: m.introductions.openExpired, closed: m.introductions.closedState })[state];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines(languages, outcome) } });
  }
  return blocks;
}

/** The notification text beside the open request's post. */
export function openRequestPostText(languages: ChannelLanguages): string {
  return both(languages, (m) => m.introductions.openHeader);
}
