import type { KnownBlock, SectionBlock } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { listEntries, OFFICIAL_DUTIES } from '../services/ethics';
import { holdsAPost } from '../services/profile-rules';
import { HELP_KINDS, POLICY_TOPICS, SECTORS, termLabel } from '../services/taxonomy';
import { escapeMrkdwn, escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { coiRelationLabels } from './coi-disclosure';
import { plain, truncate } from './common';
import { slackDate } from './event-time';

export interface ProfileCardProps {
  t: Messages;
  locale: Locale;
  member: MemberRow;
  /** Organizers (and the member themself) also see status, consents and organizer-only answers. */
  showPrivate: boolean;
  /** The languages taxonomy terms are named in: a shared channel's two (`再エネ / Renewables`); else `locale`. */
  termLocales?: readonly Locale[];
}

function field(label: string, value: string): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${value}`, 2000) };
}

function consentLabel(t: Messages, value: boolean | null): string {
  return value === null ? t.profileCard.consentNever : value ? t.common.yes : t.common.no;
}

/** A member's profile as a card; every user-typed value is escaped. */
export function buildProfileCard({ t, locale, member, showPrivate, termLocales = [locale] }: ProfileCardProps): KnownBlock[] {
  const c = t.profileCard;
  const term = (terms: Parameters<typeof termLabel>[0], key: string) =>
    [...new Set(termLocales.map((language) => termLabel(terms, key, language)))].join(' / ');
  // Budgets per field keep the whole card (and the approval message around it) under Slack's
  // ~13,000-character limit for a message's blocks, even for text of nothing but `&`.
  const text = (value: string | null, budget: number) => (value ? escapeMrkdwnWithin(value, budget) : t.common.notSet);
  // The reader's separator (、 in Japanese); on a card in two languages, a comma reads in both.
  const separator = termLocales.length > 1 ? ', ' : t.common.listSeparator;
  const list = (values: string[]) => (values.length > 0 ? escapeMrkdwn(values.join(separator)) : t.common.notSet);
  const d = t.declarations;
  const left = member.yearLeft ? (member.monthLeft ? d.card.monthLeftValue(member.yearLeft, member.monthLeft) : String(member.yearLeft)) : '';
  const years =
    member.yearJoined || member.yearLeft
      ? c.yearsValue(member.yearJoined ? String(member.yearJoined) : '', left)
      : t.common.notSet;
  // Only the listed keys are named (a stored value from elsewhere is left out, never shown raw).
  const relations = coiRelationLabels(t, member.coiRelations);
  const coiLines = member.coiDeclared
    ? [
        ...(relations.length > 0 ? [`:warning: *${d.card.coiRelations}:* ${relations.join(separator)}`] : []),
        ...(member.coiDivisions ? [`*${d.card.coiDivisions}:* ${text(listEntries(member.coiDivisions).join(separator), 400)}`] : []),
        ...(member.coiDescription || relations.length === 0 ? [`${relations.length > 0 ? '' : ':warning: '}${text(member.coiDescription, 1000)}`] : []),
      ]
    : [c.coiNone];

  const overview: SectionBlock = {
    type: 'section',
    fields: [
      field(c.type, t.memberType[member.memberType]),
      field(c.organisation, text(member.organisation, 300)),
      field(c.jobTitle, text(member.title, 300)),
      field(c.sector, member.sector ? escapeMrkdwn(term(SECTORS, member.sector)) : t.common.notSet),
      field(c.years, years),
      field(c.capacity, String(member.monthlyCapacity)),
    ],
  };
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(c.heading(member.name ?? member.pseudonym), 150) },
    overview,
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*${c.formerDivisions}*\n${text(member.formerDivisions, 700)}`, 3000) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${c.topics}*\n${list(member.topics.map((key) => term(POLICY_TOPICS, key)))}`, 3000),
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*${c.helpText}*\n${text(member.helpText, 1600)}`, 3000) } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${c.helpKinds}*\n${list(member.helpKinds.map((key) => term(HELP_KINDS, key)))}`, 3000),
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${c.coi}*\n${coiLines.join('\n')}`, 3000),
      },
    },
  ];
  // A staff member's declarations are for the ethics checks: seen by organizers and themself only.
  if (showPrivate && holdsAPost(member.memberType)) {
    const duties = OFFICIAL_DUTIES.filter((duty) => member.officialDuties.includes(duty)).map((duty) => d.duties[duty]);
    blocks.push(
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: `*${d.card.staffHeading}*` } },
      {
        type: 'section',
        fields: [
          field(d.card.currentDivision, text(member.currentDivision, 300)),
          field(d.card.officialDuties, duties.length > 0 ? duties.join(separator) : t.common.notSet),
          field(d.card.dutySectors, list(member.dutySectors.map((key) => term(SECTORS, key)))),
          field(d.card.dutyOrganisations, text(member.dutyOrganisations ? listEntries(member.dutyOrganisations).join(separator) : null, 600)),
          field(d.card.ethicsSupervisor, member.ethicsSupervisorSlackUserId ? mention(member.ethicsSupervisorSlackUserId) : t.common.notSet),
          field(d.card.confirmed, member.declarationsConfirmedAt ? slackDate(member.declarationsConfirmedAt) : t.common.notSet),
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: d.card.staffOnly }] },
    );
  }
  if (showPrivate) {
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        fields: [
          field(c.status, t.status[member.status]),
          field(c.consentStaff, consentLabel(t, member.shareWithStaff)),
          field(c.consentAlumni, consentLabel(t, member.shareWithAlumni)),
          field(c.referredBy, member.referredBySlackUserId ? mention(member.referredBySlackUserId) : t.common.notSet),
          field(c.returning, member.interestedInReturning ? t.common.yes : t.common.no),
          field(c.lastConfirmed, member.profileConfirmedAt ? slackDate(member.profileConfirmedAt) : t.common.notSet),
        ],
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: c.organizerOnly }] },
    );
  }
  return blocks;
}
