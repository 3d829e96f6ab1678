import type { ActionsBlock, ContextBlock, KnownBlock } from '@slack/types';
import type { Locale, Messages } from '../i18n';
import type { ExpertMatch } from '../services/search';
import { POLICY_TOPICS, termLabel } from '../services/taxonomy';
import { ACTIONS } from '../slack/ids';
import { escapeMrkdwn, escapeMrkdwnWithin } from '../slack/mrkdwn';
import { coiDisclosureText } from './coi-disclosure';
import { plain } from './common';

/** What the "Show more" button carries: the query and where the next page starts. */
export interface MoreExpertsValue {
  q: string;
  o: number;
}

export interface ExpertResultsProps {
  t: Messages;
  locale: Locale;
  query: string;
  matches: ExpertMatch[];
  offset: number;
  hasMore: boolean;
  /** Topic keys to suggest when nothing matched. */
  suggestions: string[];
  /** Topic keys related to the query, suggested beside the results. */
  related?: string[];
  /** Whether "Post an open request" is offered (a requests channel is configured). */
  openRequestsEnabled: boolean;
}

/** What "Ask for an introduction" carries: the member and the topic asked about. */
export interface AskIntroductionValue {
  m: string;
  q: string;
}

/** What "Post an open request" carries: the topic. */
export interface OpenRequestValue {
  q: string;
}

export function openRequestButton(t: Messages, topic: string): ActionsBlock {
  const value: OpenRequestValue = { q: topic };
  return {
    type: 'actions',
    elements: [
      { type: 'button', action_id: ACTIONS.postOpenRequest, text: plain(t.introductions.openRequestButton, 75), value: JSON.stringify(value) },
    ],
  };
}

/** The longest query kept, so the "Show more" value stays far below Slack's 2,000 characters. */
export const MAX_QUERY_LENGTH = 200;

// Per-result budgets: five results of the longest (or all-`&`) profiles stay under Slack's
// ~13,000 characters for a message's blocks; the full profile is one click away.
const BUDGET = { name: 120, role: 200, help: 280, coi: 400, reasons: 6 } as const;

/**
 * One member in results: name, organisation and title, how they help, why they matched, any
 * conflict-of-interest disclosure, and "Ask for an introduction".
 */
export function buildMatchBlocks(
  { t, locale, query }: Pick<ExpertResultsProps, 't' | 'locale' | 'query'>,
  match: ExpertMatch,
  options: { askButton?: boolean } = {},
): KnownBlock[] {
  const { member } = match;
  const f = t.findExpert;
  const role = [member.organisation, member.title].filter(Boolean).map((value) => escapeMrkdwnWithin(value!, BUDGET.role / 2)).join(' / ');
  const why = [
    ...match.matchedTopics.map((key) => termLabel(POLICY_TOPICS, key, locale)),
    ...match.matchedFields.filter((field) => field !== 'topics').map((field) => f.matchedFields[field]),
  ].slice(0, BUDGET.reasons);
  const help = member.helpText ? `\n${escapeMrkdwnWithin(member.helpText, BUDGET.help)}` : '';
  const ask: AskIntroductionValue = { m: member.id, q: query };
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwnWithin(member.name ?? member.pseudonym, BUDGET.name)}*${role ? `\n${role}` : ''}${help}`,
      },
      // Nobody to ask until they are on Slack: no button, and the context says why.
      ...(options.askButton === false || !member.slackUserId
        ? {}
        : {
            accessory: {
              type: 'button' as const,
              action_id: ACTIONS.askIntroduction,
              text: plain(t.introductions.askButton, 75),
              value: JSON.stringify(ask),
            },
          }),
    },
  ];
  const context: ContextBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${f.matched}: ${escapeMrkdwn(why.join(t.common.listSeparator) || '—')}` }],
  };
  if (match.capacityLeft <= 0) context.elements.push({ type: 'mrkdwn', text: t.introductions.capacityFull });
  if (!member.slackUserId) context.elements.push({ type: 'mrkdwn', text: t.introductions.notOnSlack });
  if (member.coiDeclared) {
    context.elements.push({ type: 'mrkdwn', text: f.coi(coiDisclosureText(t, member, BUDGET.coi)) });
  }
  blocks.push(context);
  return blocks;
}

/** The ephemeral answer to /find-expert: up to a page of members, why each matched, and paging. */
export function buildExpertResults(props: ExpertResultsProps): KnownBlock[] {
  const { t, locale, query, matches, offset, hasMore, suggestions, openRequestsEnabled } = props;
  const f = t.findExpert;
  const shownQuery = escapeMrkdwn(query);
  if (matches.length === 0) {
    const labels = suggestions.map((key) => termLabel(POLICY_TOPICS, key, locale));
    const blocks: KnownBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: f.noMatch(shownQuery) } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: labels.length > 0 ? f.suggestions(escapeMrkdwn(labels.join(t.common.listSeparator))) : f.noSuggestions }],
      },
    ];
    if (openRequestsEnabled) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t.introductions.openRequestOffer } }, openRequestButton(t, query));
    }
    return blocks;
  }
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(f.resultsFor(query), 150) },
    { type: 'context', elements: [{ type: 'mrkdwn', text: f.page(offset + 1, offset + matches.length) }] },
  ];
  for (const match of matches) blocks.push({ type: 'divider' }, ...buildMatchBlocks(props, match));
  if (props.related && props.related.length > 0) {
    const labels = props.related.map((key) => termLabel(POLICY_TOPICS, key, locale));
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: f.related(escapeMrkdwn(labels.join(t.common.listSeparator))) }] });
  }
  if (hasMore) {
    const value: MoreExpertsValue = { q: query, o: offset + matches.length };
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', action_id: ACTIONS.showMoreExperts, text: plain(f.showMore, 75), value: JSON.stringify(value) }],
    });
  }
  return blocks;
}
