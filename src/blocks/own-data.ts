import type { KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import type { Locale, Messages } from '../i18n';
import type { OwnData } from '../services/own-data';
import { OFFICIAL_DUTIES } from '../services/ethics';
import { coiRelationLabels } from './coi-disclosure';
import { ethicsMatchTexts } from './introduction-ethics';
import { HELP_KINDS, POLICY_TOPICS, SECTORS, termLabel } from '../services/taxonomy';
import { escapeMrkdwn, escapeMrkdwnWithin, mention } from '../slack/mrkdwn';
import { plain, truncate } from './common';
import { slackDateTime } from './event-time';

export interface OwnDataSummaryProps {
  t: Messages;
  locale: Locale;
  data: OwnData;
}

function field(label: string, value: string): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(`*${label}*\n${value}`, 2000) };
}

function section(text: string, fields?: MrkdwnElement[]): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) }, ...(fields ? { fields } : {}) };
}

/**
 * The readable summary posted with the `/alumni-profile export` file: the profile with labels in
 * the member's language, their consents, what Slack said of them and how many records are kept.
 * Every stored text is escaped, within budgets that keep each field under Slack's limits.
 */
export function buildOwnDataSummary({ t, locale, data }: OwnDataSummaryProps): KnownBlock[] {
  const o = t.ownData;
  const c = t.profileCard;
  const text = (value: string | null, budget = 300) => (value ? escapeMrkdwnWithin(value, budget) : t.common.notSet);
  // Slack date tokens: each reader sees the time in their own zone (Japan time as fallback).
  const when = (iso: string | null) => (iso ? slackDateTime(new Date(iso)) : t.common.notSet);
  const yesNo = (value: boolean) => (value ? t.common.yes : t.common.no);
  const consent = (value: boolean | null) => (value === null ? c.consentNever : yesNo(value));
  const labels = (terms: Parameters<typeof termLabel>[0], keys: string[]) =>
    keys.length > 0 ? escapeMrkdwnWithin(keys.map((key) => termLabel(terms, key, locale)).join(t.common.listSeparator), 1500) : t.common.notSet;

  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(o.heading, 150) },
    section(o.intro(when(data.exportedAt))),
    { type: 'divider' },
  ];

  const p = data.profile;
  if (!p) {
    blocks.push(section(`${o.profileHeading}\n${o.noProfile}`));
  } else {
    const d = t.declarations;
    const left = p.yearLeft ? (p.monthLeft ? d.card.monthLeftValue(p.yearLeft, p.monthLeft) : String(p.yearLeft)) : '';
    const years = p.yearJoined || p.yearLeft ? c.yearsValue(p.yearJoined ? String(p.yearJoined) : '', left) : t.common.notSet;
    const relations = coiRelationLabels(t, p.coiRelations);
    const duties = OFFICIAL_DUTIES.filter((duty) => p.officialDuties.includes(duty)).map((duty) => d.duties[duty]);
    blocks.push(
      section(o.profileHeading, [
        field(o.name, text(p.name)),
        field(o.email, text(p.email)),
        field(c.type, t.memberType[p.memberType]),
        field(c.status, t.status[p.status]),
        field(c.organisation, text(p.organisation)),
        field(c.jobTitle, text(p.title)),
        field(c.sector, p.sector ? escapeMrkdwn(termLabel(SECTORS, p.sector, locale)) : t.common.notSet),
        field(c.years, years),
        field(c.capacity, String(p.monthlyCapacity)),
        field(o.unavailableUntil, p.unavailableUntil ?? t.common.notSet),
      ]),
      {
        type: 'section',
        fields: [
          field(o.language, text(p.locale, 20)),
          field(c.returning, yesNo(p.interestedInReturning)),
          field(c.referredBy, p.referredBySlackUserId ? mention(p.referredBySlackUserId) : t.common.notSet),
          field(c.lastConfirmed, when(p.profileConfirmedAt)),
        ],
      },
      section(`*${c.formerDivisions}*\n${text(p.formerDivisions, 700)}`),
      section(`*${c.topics}*\n${labels(POLICY_TOPICS, p.topics)}`),
      section(`*${c.helpText}*\n${text(p.helpText, 1600)}`),
      section(`*${c.helpKinds}*\n${labels(HELP_KINDS, p.helpKinds)}`),
      section(`*${c.coi}*\n${p.coiDeclared ? text(p.coiDescription, 1200) : c.coiNone}`),
      // Every declaration stored, whatever the member type (the form clears the other type's).
      section(d.ownData.heading, [
        field(d.ownData.coiRelations, relations.length > 0 ? relations.join(t.common.listSeparator) : t.common.notSet),
        field(d.ownData.coiDivisions, text(p.coiDivisions, 500)),
        field(d.ownData.monthLeft, p.monthLeft ? d.months[p.monthLeft - 1] ?? String(p.monthLeft) : t.common.notSet),
        field(d.ownData.currentDivision, text(p.currentDivision, 200)),
        field(d.ownData.officialDuties, duties.length > 0 ? duties.join(t.common.listSeparator) : t.common.notSet),
        field(d.ownData.dutySectors, labels(SECTORS, p.dutySectors)),
        field(d.ownData.dutyOrganisations, text(p.dutyOrganisations, 800)),
        field(d.ownData.ethicsSupervisor, p.ethicsSupervisorSlackUserId ? mention(p.ethicsSupervisorSlackUserId) : t.common.notSet),
        field(d.ownData.confirmed, when(p.declarationsConfirmedAt)),
      ]),
      { type: 'divider' },
      section(o.consentHeading, [
        field(c.consentStaff, consent(p.shareWithStaff)),
        field(c.consentAlumni, consent(p.shareWithAlumni)),
        field(
          o.consentText,
          p.consentTextVersion ? o.consentTextValue(text(p.consentTextVersion, 50), when(p.consentRecordedAt)) : t.common.notSet,
        ),
        field(
          o.codeOfConduct,
          p.codeOfConductVersion ? o.codeAccepted(text(p.codeOfConductVersion, 50), when(p.codeOfConductAcceptedAt)) : o.codeNotAccepted,
        ),
      ]),
      { type: 'context', elements: [{ type: 'mrkdwn', text: o.consentAnswers(data.consentHistory.length) }] },
    );
  }

  const slack = data.slackAccount;
  blocks.push(
    { type: 'divider' },
    slack
      ? section(o.slackHeading, [
          field(o.name, text(slack.name)),
          field(o.email, text(slack.email)),
          field(o.slackLocale, text(slack.locale, 20)),
          field(o.timeZone, text(slack.timeZone, 100)),
        ])
      : section(`${o.slackHeading}\n${o.slackNothing}`),
    { type: 'divider' },
    section(o.recordsHeading, [
      field(o.organizer, yesNo(data.organizer)),
      field(o.introductionsRequested, String(data.introductionsRequested.length)),
      field(o.introductionsAddressedToYou, String(data.introductionsAddressedToYou.length)),
      field(o.volunteered, String(data.openRequestsVolunteered.length)),
      field(o.eventAnswers, String(data.eventAnswers.length)),
      field(o.auditTrail, String(data.auditTrail.length)),
      field(o.recentSearches, String(data.recentSearches.length)),
      field(t.rounds.ownData.participation, t.rounds.ownData.status[data.rounds.participation?.status ?? 'none']),
      field(t.rounds.ownData.pairs, String(data.rounds.pairs.length)),
    ]),
  );
  blocks.push(...ethicsMatchSection(t, locale, data));
  return blocks;
}

/** At most this many requests' findings in the summary (a section each, within the message's 50 blocks); the file has them all. */
const MATCHES_SHOWN = 5;

/**
 * The requests on which an ethics notice was shown, with what matched in the reader's language
 * (the file keeps the findings as data). Nothing when no notice was ever shown.
 */
function ethicsMatchSection(t: Messages, locale: Locale, data: OwnData): KnownBlock[] {
  const items = data.introductionsRequested.flatMap((request) => {
    const matched = ethicsMatchTexts(t, locale, request.ethicsMatch);
    return matched.length > 0 ? [t.ethicsMatch.ownDataItem(escapeMrkdwnWithin(request.topic, 200), matched.join(' / '))] : [];
  });
  if (items.length === 0) return [];
  const more = items.length - MATCHES_SHOWN;
  return [
    { type: 'divider' },
    section(t.ethicsMatch.ownDataHeading),
    ...items.slice(0, MATCHES_SHOWN).map((item) => section(item)),
    ...(more > 0 ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: t.ethicsMatch.ownDataMore(more) }] }] : []),
  ];
}
