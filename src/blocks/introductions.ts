import type { KnownBlock, ModalView } from '@slack/types';
import type { IntroductionRow, MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import type { EthicsNotice } from '../services/ethics';
import type { EthicsTexts } from '../services/ethics-texts';
import { coiDisclosureText } from './coi-disclosure';
import type { IntroductionListItem } from '../db/repositories/introductions';
import { INTRODUCTION_FORMATS, INTRODUCTION_LIMITS, INTRODUCTION_PURPOSES } from '../services/introduction-rules';
import type { ExpertMatch } from '../services/search';
import { ACTIONS, DECLINE_FIELDS, INTRODUCTION_FIELDS, VIEWS } from '../slack/ids';
import { escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { inputBlock, option, plain, truncate } from './common';
import { slackDateTime } from './event-time';
import { buildMatchBlocks, openRequestButton } from './expert-results';
import { alumnusEthicsReminders, ethicsBlocks, type ModalEthics } from './introduction-ethics';

// The ethics parts live in introduction-ethics.ts; listeners and parsers import these names from here too.
export {
  alumnusEthicsReminders,
  buildSupervisorNotice,
  ETHICS_ACK_VALUE,
  ETHICS_NOTIFY_VALUE,
  ethicsMatchTexts,
  ethicsNoticeTexts,
  type ModalEthics,
} from './introduction-ethics';

/** What the request modal carries between opening and submission (Slack keeps it, unseen). */
export interface IntroductionModalMetadata {
  /** The alumnus asked; absent for an open request. */
  m?: string;
  /** The topic: the search that led here. */
  q: string;
  /** The ethics notices shown (absent when none applies): the submission checks them again. */
  e?: EthicsNotice[];
}

/** What "Choose …" on a volunteer notice carries. */
export interface PickVolunteerValue {
  r: string;
  m: string;
}

export const COI_ACK_VALUE = 'acknowledged';

// Budgets for user text in messages, far within Slack's 3,000 characters per section.
const BUDGET = { name: 120, division: 120, topic: 200, details: 1200, coi: 600, reason: 600 } as const;

export interface IntroductionModalProps {
  t: Messages;
  topic: string;
  /** The alumnus asked; absent for an open request. */
  alumnus?: Pick<MemberRow, 'id' | 'name' | 'pseudonym' | 'coiDeclared' | 'coiDescription' | 'coiRelations' | 'coiDivisions'>;
  requesterDivision: string;
  /** Suggested "by when" (YYYY-MM-DD). */
  initialDueDate: string;
  /** The ethics check of this introduction (direct asks by staff); nothing is added when no notice applies. */
  ethics?: ModalEthics;
}

function displayName(member: Pick<MemberRow, 'name' | 'pseudonym'>): string {
  return member.name ?? member.pseudonym;
}

/** The form behind "Ask for an introduction" and "Post an open request". */
export function buildIntroductionModal({ t, topic, alumnus, requesterDivision, initialDueDate, ethics }: IntroductionModalProps): ModalView {
  const m = t.introductions;
  const shownTopic = escapeMrkdwnWithin(topic, BUDGET.topic);
  const noticed = ethics && ethics.check.notices.length > 0 ? ethics : undefined;
  const metadata: IntroductionModalMetadata = alumnus ? { m: alumnus.id, q: topic, ...(noticed ? { e: noticed.check.notices } : {}) } : { q: topic };
  const ethicsParts = noticed ? ethicsBlocks(t, noticed) : { notices: [], inputs: [] };
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: alumnus ? m.modalIntro(escapeMrkdwnWithin(displayName(alumnus), BUDGET.name), shownTopic) : m.openModalIntro(shownTopic),
      },
    },
  ];
  const coiDisclosed = alumnus?.coiDeclared === true;
  if (coiDisclosed) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: m.coiDisclosure(coiDisclosureText(t, alumnus!, BUDGET.coi)) },
    });
  }
  blocks.push(...ethicsParts.notices);
  blocks.push(
    { type: 'context', elements: [{ type: 'mrkdwn', text: m.notice }] },
    inputBlock(INTRODUCTION_FIELDS.purpose, m.purpose, {
      type: 'static_select',
      action_id: INTRODUCTION_FIELDS.purpose,
      options: INTRODUCTION_PURPOSES.map((key) => option(m.purposes[key], key)),
    }),
    inputBlock(INTRODUCTION_FIELDS.details, m.details, {
      type: 'plain_text_input',
      action_id: INTRODUCTION_FIELDS.details,
      multiline: true,
      max_length: INTRODUCTION_LIMITS.details,
      placeholder: plain(m.detailsPlaceholder, 150),
    }),
    inputBlock(INTRODUCTION_FIELDS.format, m.format, {
      type: 'radio_buttons',
      action_id: INTRODUCTION_FIELDS.format,
      options: INTRODUCTION_FORMATS.map((key) => option(m.formats[key], key)),
    }),
    inputBlock(
      INTRODUCTION_FIELDS.dueDate,
      m.dueDate,
      { type: 'datepicker', action_id: INTRODUCTION_FIELDS.dueDate, initial_date: initialDueDate },
      { hint: m.dueDateHint },
    ),
    inputBlock(INTRODUCTION_FIELDS.requesterDivision, m.division, {
      type: 'plain_text_input',
      action_id: INTRODUCTION_FIELDS.requesterDivision,
      max_length: INTRODUCTION_LIMITS.division,
      placeholder: plain(m.divisionPlaceholder, 150),
      ...(requesterDivision ? { initial_value: requesterDivision.slice(0, INTRODUCTION_LIMITS.division) } : {}),
    }),
  );
  if (coiDisclosed) {
    blocks.push(
      inputBlock(INTRODUCTION_FIELDS.coiAcknowledged, m.coiAckLabel, {
        type: 'checkboxes',
        action_id: INTRODUCTION_FIELDS.coiAcknowledged,
        options: [option(m.coiAck, COI_ACK_VALUE)],
      }),
    );
  }
  blocks.push(...ethicsParts.inputs);
  return {
    type: 'modal',
    callback_id: VIEWS.introductionRequest,
    private_metadata: JSON.stringify(metadata),
    title: plain(alumnus ? m.modalTitle : m.openModalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks,
  };
}


/** The request's facts, in the reader's language: topic, purpose, format, date and what to learn. */
function requestFacts(t: Messages, request: IntroductionRow): string {
  const m = t.introductions;
  return [
    m.topicLine(escapeMrkdwnWithin(request.topic, BUDGET.topic)),
    m.purposeLine(m.purposes[request.purpose]),
    m.formatLine(m.formats[request.format]),
    m.dueLine(request.dueDate),
    m.detailsLine(escapeMrkdwnWithin(request.details, BUDGET.details)),
  ].join('\n');
}

function requesterLine(t: Messages, request: IntroductionRow, text: (who: string, division: string) => string): string {
  return text(
    `${escapeMrkdwnWithin(request.requesterName ?? '', BUDGET.name)} (${mention(request.requesterSlackUserId)})`,
    escapeMrkdwnWithin(request.requesterDivision ?? t.common.notSet, BUDGET.division),
  );
}

export type RequestMessageState = 'pending' | 'reminder' | 'accepted' | 'declined' | 'expired' | 'closed';

/** The DM to the alumnus: who asks, what for, the code of conduct, and Accept / Decline while pending. */
export function buildRequestMessage(props: {
  t: Messages;
  request: IntroductionRow;
  state: RequestMessageState;
  /** deps.config.ethics.postRetirementYears, for the post-retirement reminder. */
  postRetirementYears: number;
  /** The alumnus's language: what matched is shown in it. */
  locale: Locale;
  /** The rule texts in that language (ethicsTexts(config.ethicsTexts, locale)); the catalogue's when absent. */
  texts?: EthicsTexts;
}): KnownBlock[] {
  const { t, request, state } = props;
  const m = t.introductions;
  const blocks: KnownBlock[] = [{ type: 'header', text: plain(m.requestHeader, 150) }];
  if (state === 'reminder') {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: m.reminder(escapeMrkdwnWithin(request.requesterName ?? '', BUDGET.name)) } });
  }
  blocks.push(
    { type: 'section', text: { type: 'mrkdwn', text: requesterLine(t, request, m.requestText) } },
    { type: 'section', text: { type: 'mrkdwn', text: requestFacts(t, request) } },
  );
  const context = [m.codeReminder, ...(request.coiAcknowledgedAt ? [m.coiSeen] : [])];
  blocks.push({ type: 'context', elements: context.map((text) => ({ type: 'mrkdwn' as const, text })) });
  const reminders = alumnusEthicsReminders(t, request, props.postRetirementYears, { locale: props.locale, texts: props.texts });
  if (reminders.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(reminders.join('\n'), 3000) } });
  if (state === 'pending' || state === 'reminder') {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', action_id: ACTIONS.acceptIntroduction, style: 'primary', text: plain(m.accept, 75), value: request.id },
        { type: 'button', action_id: ACTIONS.declineIntroduction, text: plain(m.decline, 75), value: request.id },
      ],
    });
  } else {
    const outcome = { accepted: m.acceptedState, declined: m.declinedState, expired: m.openExpired, closed: m.closedState }[state];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: outcome } });
  }
  return blocks;
}

/** "Decline": an optional reason and an optional "unavailable until". */
export function buildDeclineModal(props: { t: Messages; request: IntroductionRow }): ModalView {
  const m = props.t.introductions;
  return {
    type: 'modal',
    callback_id: VIEWS.declineIntroduction,
    private_metadata: props.request.id,
    title: plain(m.declineTitle, 24),
    submit: plain(m.declineSubmit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: m.declineIntro(escapeMrkdwnWithin(props.request.requesterName ?? '', BUDGET.name)) } },
      inputBlock(
        DECLINE_FIELDS.reason,
        m.declineReason,
        { type: 'plain_text_input', action_id: DECLINE_FIELDS.reason, multiline: true, max_length: INTRODUCTION_LIMITS.declineReason },
        { optional: true },
      ),
      inputBlock(
        DECLINE_FIELDS.unavailableUntil,
        m.unavailableUntil,
        { type: 'datepicker', action_id: DECLINE_FIELDS.unavailableUntil },
        { optional: true, hint: m.unavailableHint },
      ),
    ],
  };
}

/**
 * The post that opens the group DM. Both people read it, so it is written in each one's language
 * (once when they share one).
 */
export function buildIntroductionPost(props: {
  messages: Messages[];
  request: IntroductionRow;
  alumnus: MemberRow;
}): KnownBlock[] {
  const { request, alumnus } = props;
  const blocks: KnownBlock[] = [];
  for (const t of props.messages) {
    const m = t.introductions;
    if (blocks.length > 0) blocks.push({ type: 'divider' });
    const alumnusName = `${escapeMrkdwnWithin(displayName(alumnus), BUDGET.name)}${alumnus.slackUserId ? ` (${mention(alumnus.slackUserId)})` : ''}`;
    const requesterName = `${escapeMrkdwnWithin(request.requesterName ?? '', BUDGET.name)} (${mention(request.requesterSlackUserId)})`;
    blocks.push(
      { type: 'section', text: { type: 'mrkdwn', text: m.introPost(requesterName, alumnusName) } },
      { type: 'section', text: { type: 'mrkdwn', text: requestFacts(t, request) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: m.introFollowUp }] },
    );
  }
  return blocks;
}

/** Told to the requester when their ask was declined or expired, with the next match if any. */
export function buildRequesterNotice(props: {
  t: Messages;
  locale: Locale;
  text: string;
  note?: string;
  next: ExpertMatch | undefined;
  topic: string;
  openRequestsEnabled: boolean;
}): KnownBlock[] {
  const m = props.t.introductions;
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: props.text } }];
  if (props.note) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: props.note }] });
  if (props.next) {
    blocks.push(
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: m.nextMatch } },
      ...buildMatchBlocks({ t: props.t, locale: props.locale, query: props.topic }, props.next),
    );
  } else {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: m.noNextMatch } });
    if (props.openRequestsEnabled) blocks.push(openRequestButton(props.t, props.topic));
  }
  return blocks;
}

/** Told to the requester when someone volunteers: who, their profile in short, and "Choose". */
export function buildVolunteerNotice(props: {
  t: Messages;
  locale: Locale;
  request: IntroductionRow;
  volunteer: MemberRow;
  /** An ethics notice applies to choosing them: "Choose" opens it to acknowledge first. */
  noticeApplies?: boolean;
}): KnownBlock[] {
  const { t, request, volunteer } = props;
  const m = t.introductions;
  const name = escapeMrkdwnWithin(displayName(volunteer), BUDGET.name);
  const value: PickVolunteerValue & { n?: 1 } = { r: request.id, m: volunteer.id, ...(props.noticeApplies ? { n: 1 as const } : {}) };
  return [
    { type: 'section', text: { type: 'mrkdwn', text: m.volunteerNotice(name, escapeMrkdwnWithin(request.topic, BUDGET.topic)) } },
    ...buildMatchBlocks({ t, locale: props.locale, query: request.topic }, {
      member: volunteer,
      matchedTopics: [],
      matchedFields: [],
      score: 0,
      capacityLeft: volunteer.monthlyCapacity,
    }, { askButton: false }),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.pickVolunteer,
          style: 'primary',
          text: plain(m.pick(displayName(volunteer)), 75),
          value: JSON.stringify(value),
        },
      ],
    },
  ];
}

/** The App Home's lists: requests I made and requests addressed to me, with their state. */
export function buildHomeIntroductions(props: {
  t: Messages;
  made: IntroductionListItem[];
  toMe: IntroductionListItem[];
}): KnownBlock[] {
  const m = props.t.introductions;
  const section = (title: string, items: IntroductionListItem[]): KnownBlock[] => [
    { type: 'header', text: plain(title, 150) },
    ...(items.length === 0
      ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: m.homeNone }] }]
      : items.map(
          ({ request, otherName }): KnownBlock => ({
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: m.homeItem(
                otherName ? escapeMrkdwnWithin(otherName, BUDGET.name) : m.homeOpenRequest,
                escapeMrkdwnWithin(request.topic, BUDGET.topic),
                m.states[request.status],
                slackDateTime(request.createdAt),
              ),
            },
          }),
        )),
  ];
  return [{ type: 'divider' }, ...section(m.homeMade, props.made), { type: 'divider' }, ...section(m.homeToMe, props.toMe)];
}

