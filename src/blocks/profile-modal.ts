import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { MemberRow } from '../db/schema';
import type { Locale, Messages } from '../i18n';
import { OFFICIAL_DUTIES, OFFICIAL_RELATIONS } from '../services/ethics';
import { CODE_OF_CONDUCT_VERSION, CONSENT_TEXT_VERSION, LIMITS, MEMBER_TYPES } from '../services/profile-rules';
import { HELP_KINDS, POLICY_TOPICS, SECTORS } from '../services/taxonomy';
import { PROFILE_FIELDS, VIEWS } from '../slack/ids';
import { buildUnavailableNotice } from './availability';
import { inputBlock, option, plain, termOption } from './common';

export interface ProfileModalProps {
  t: Messages;
  locale: Locale;
  /** The stored profile to prefill, if any. */
  member: MemberRow | undefined;
  /** A name to suggest for a new profile (the Slack display name). */
  suggestedName: string | null;
  currentYear: number;
  /** While a date set when declining still hides the member: shown with "Available again" (see buildUnavailableNotice). */
  unavailableUntil?: string;
}

const CONSENT_STAFF = 'staff';
const CONSENT_ALUMNI = 'alumni';
const YES = 'yes';
const NO = 'no';
export const PROFILE_OPTION_VALUES = { consentStaff: CONSENT_STAFF, consentAlumni: CONSENT_ALUMNI, yes: YES, no: NO } as const;


function textInput(field: keyof typeof PROFILE_FIELDS, value: string | null | undefined, maxLength: number, multiline = false, placeholder?: string) {
  return {
    type: 'plain_text_input' as const,
    action_id: PROFILE_FIELDS[field],
    max_length: maxLength,
    multiline,
    ...(value ? { initial_value: value.slice(0, maxLength) } : {}),
    ...(placeholder ? { placeholder: plain(placeholder, 150) } : {}),
  };
}

function yearInput(field: 'yearJoined' | 'yearLeft', value: number | null | undefined, currentYear: number) {
  return {
    type: 'number_input' as const,
    action_id: PROFILE_FIELDS[field],
    is_decimal_allowed: false,
    min_value: String(LIMITS.minYear),
    max_value: String(currentYear),
    ...(value ? { initial_value: String(value) } : {}),
  };
}

/** Options with the ones matching `selected` (stored keys) picked out as initial options. */
function initialOf(options: PlainTextOption[], selected: readonly string[]) {
  const initial = options.filter((candidate) => candidate.value !== undefined && selected.includes(candidate.value));
  return initial.length > 0 ? { initial_options: initial } : {};
}

export function buildProfileModal({ t, locale, member, suggestedName, currentYear, unavailableUntil }: ProfileModalProps): ModalView {
  const m = t.profileModal;
  const typeOptions = MEMBER_TYPES.map((type) => option(t.memberType[type], type));
  const sectorOptions = SECTORS.map((term) => termOption(term, locale));
  const topicOptions = POLICY_TOPICS.map((term) => termOption(term, locale));
  const helpKindOptions = HELP_KINDS.map((term) => termOption(term, locale));
  const consentOptions = [option(m.consentStaff, CONSENT_STAFF), option(m.consentAlumni, CONSENT_ALUMNI)];
  const coiOptions = [option(m.coiYes, YES), option(m.coiNo, NO)];
  const codeOption = option(m.codeAccept, YES);
  const returningOption = option(m.returningOption, YES);
  // A consent or acceptance given to an older text is asked again, so nobody agrees to words unseen.
  const consentCurrent = member?.consentTextVersion === CONSENT_TEXT_VERSION;
  const consented = !consentCurrent ? [] : [
    ...(member?.shareWithStaff ? [CONSENT_STAFF] : []),
    ...(member?.shareWithAlumni ? [CONSENT_ALUMNI] : []),
  ];
  const d = t.declarations;
  const monthOptions = d.months.map((label, index) => option(label, String(index + 1)));
  const dutyOptions = OFFICIAL_DUTIES.map((duty) => option(d.duties[duty], duty));
  const relationOptions = OFFICIAL_RELATIONS.map((relation) => option(d.relations[relation], relation));
  const dutySectorOptions = SECTORS.map((term) => termOption(term, locale));
  const coiAnswer = member?.coiDeclared === true ? YES : member?.coiDeclared === false ? NO : undefined;

  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: m.intro } },
    ...(unavailableUntil ? [buildUnavailableNotice(t, unavailableUntil)] : []),
    inputBlock(PROFILE_FIELDS.name, m.name, textInput('name', member?.name ?? suggestedName, LIMITS.name, false, m.namePlaceholder)),
    inputBlock(PROFILE_FIELDS.memberType, m.memberType, {
      type: 'static_select',
      action_id: PROFILE_FIELDS.memberType,
      options: typeOptions,
      ...(member ? { initial_option: typeOptions.find((candidate) => candidate.value === member.memberType) } : {}),
    }),
    inputBlock(PROFILE_FIELDS.yearJoined, m.yearJoined, yearInput('yearJoined', member?.yearJoined, currentYear), { optional: true }),
    inputBlock(PROFILE_FIELDS.yearLeft, m.yearLeft, yearInput('yearLeft', member?.yearLeft, currentYear), { optional: true, hint: m.yearLeftHint }),
    inputBlock(PROFILE_FIELDS.monthLeft,
      d.monthLeft,
      {
        type: 'static_select',
        action_id: PROFILE_FIELDS.monthLeft,
        options: monthOptions,
        ...(member?.monthLeft ? { initial_option: monthOptions[member.monthLeft - 1] } : {}),
      },
      { optional: true, hint: d.monthLeftHint },
    ),
    inputBlock(PROFILE_FIELDS.formerDivisions, m.formerDivisions, textInput('formerDivisions', member?.formerDivisions, LIMITS.formerDivisions, true, m.formerDivisionsPlaceholder), { optional: true }),
    inputBlock(PROFILE_FIELDS.organisation, m.organisation, textInput('organisation', member?.organisation, LIMITS.organisation), { optional: true }),
    inputBlock(PROFILE_FIELDS.jobTitle, m.jobTitle, textInput('jobTitle', member?.title, LIMITS.jobTitle), { optional: true }),
    inputBlock(PROFILE_FIELDS.sector,
      m.sector,
      {
        type: 'static_select',
        action_id: PROFILE_FIELDS.sector,
        options: sectorOptions,
        ...(member?.sector ? { initial_option: sectorOptions.find((candidate) => candidate.value === member.sector) } : {}),
      },
      { optional: true },
    ),
    inputBlock(PROFILE_FIELDS.topics,
      m.topics,
      {
        type: 'multi_static_select',
        action_id: PROFILE_FIELDS.topics,
        placeholder: plain(m.topicsPlaceholder, 150),
        options: topicOptions,
        ...initialOf(topicOptions, member?.topics ?? []),
      },
      { optional: true },
    ),
    inputBlock(PROFILE_FIELDS.helpText, m.helpText, textInput('helpText', member?.helpText, LIMITS.helpText, true, m.helpTextPlaceholder), { optional: true }),
    inputBlock(PROFILE_FIELDS.helpKinds,
      m.helpKinds,
      { type: 'checkboxes', action_id: PROFILE_FIELDS.helpKinds, options: helpKindOptions, ...initialOf(helpKindOptions, member?.helpKinds ?? []) },
      { optional: true },
    ),
    inputBlock(PROFILE_FIELDS.capacity,
      m.capacity,
      {
        type: 'number_input',
        action_id: PROFILE_FIELDS.capacity,
        is_decimal_allowed: false,
        min_value: '0',
        max_value: String(LIMITS.maxCapacity),
        initial_value: String(member?.monthlyCapacity ?? 2),
      },
      { hint: m.capacityHint },
    ),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `${m.consentHeading}\n${m.consentText(CONSENT_TEXT_VERSION)}` } },
    inputBlock(PROFILE_FIELDS.consent,
      m.consent,
      { type: 'checkboxes', action_id: PROFILE_FIELDS.consent, options: consentOptions, ...initialOf(consentOptions, consented) },
      { optional: true },
    ),
    { type: 'divider' },
    inputBlock(PROFILE_FIELDS.coi, m.coiQuestion, {
      type: 'radio_buttons',
      action_id: PROFILE_FIELDS.coi,
      options: coiOptions,
      ...(coiAnswer ? { initial_option: coiOptions.find((candidate) => candidate.value === coiAnswer) } : {}),
    }),
    // Slack cannot show a field only for one member type (without redrawing the view as it is
    // filled in): each side's section is labelled, optional, and cleared on save for the other.
    { type: 'section', text: { type: 'mrkdwn', text: `${d.alumniHeading}\n${d.alumniIntro}` } },
    inputBlock(PROFILE_FIELDS.coiRelations,
      d.coiRelations,
      { type: 'checkboxes', action_id: PROFILE_FIELDS.coiRelations, options: relationOptions, ...initialOf(relationOptions, member?.coiRelations ?? []) },
      { optional: true, hint: d.coiRelationsHint },
    ),
    inputBlock(PROFILE_FIELDS.coiDivisions, d.coiDivisions, textInput('coiDivisions', member?.coiDivisions, LIMITS.coiDivisions, true), {
      optional: true,
      hint: d.coiDivisionsHint,
    }),
    inputBlock(PROFILE_FIELDS.coiDescription, m.coiDescription, textInput('coiDescription', member?.coiDescription, LIMITS.coiDescription, true), {
      optional: true,
      hint: m.coiDescriptionHint,
    }),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `${d.staffHeading}\n${d.staffIntro}` } },
    inputBlock(PROFILE_FIELDS.currentDivision, d.currentDivision, textInput('currentDivision', member?.currentDivision, LIMITS.currentDivision), {
      optional: true,
      hint: d.currentDivisionHint,
    }),
    inputBlock(PROFILE_FIELDS.officialDuties,
      d.officialDuties,
      { type: 'checkboxes', action_id: PROFILE_FIELDS.officialDuties, options: dutyOptions, ...initialOf(dutyOptions, member?.officialDuties ?? []) },
      { optional: true, hint: d.officialDutiesHint },
    ),
    inputBlock(PROFILE_FIELDS.dutySectors,
      d.dutySectors,
      {
        type: 'multi_static_select',
        action_id: PROFILE_FIELDS.dutySectors,
        placeholder: plain(d.dutySectorsPlaceholder, 150),
        options: dutySectorOptions,
        ...initialOf(dutySectorOptions, member?.dutySectors ?? []),
      },
      { optional: true },
    ),
    inputBlock(PROFILE_FIELDS.dutyOrganisations,
      d.dutyOrganisations,
      textInput('dutyOrganisations', member?.dutyOrganisations, LIMITS.dutyOrganisations, true),
      { optional: true, hint: d.dutyOrganisationsHint },
    ),
    inputBlock(PROFILE_FIELDS.ethicsSupervisor,
      d.ethicsSupervisor,
      {
        type: 'users_select',
        action_id: PROFILE_FIELDS.ethicsSupervisor,
        ...(member?.ethicsSupervisorSlackUserId ? { initial_user: member.ethicsSupervisorSlackUserId } : {}),
      },
      { optional: true, hint: d.ethicsSupervisorHint },
    ),
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', text: `${m.codeHeading}\n${m.codeText(CODE_OF_CONDUCT_VERSION)}` } },
    inputBlock(PROFILE_FIELDS.codeOfConduct, m.codeAccept, {
      type: 'checkboxes',
      action_id: PROFILE_FIELDS.codeOfConduct,
      options: [codeOption],
      ...(member?.codeOfConductVersion === CODE_OF_CONDUCT_VERSION ? { initial_options: [codeOption] } : {}),
    }),
    { type: 'divider' },
    inputBlock(PROFILE_FIELDS.referredBy,
      m.referredBy,
      {
        type: 'users_select',
        action_id: PROFILE_FIELDS.referredBy,
        ...(member?.referredBySlackUserId ? { initial_user: member.referredBySlackUserId } : {}),
      },
      { optional: true },
    ),
    inputBlock(PROFILE_FIELDS.returning,
      m.returning,
      { type: 'checkboxes', action_id: PROFILE_FIELDS.returning, options: [returningOption], ...(member?.interestedInReturning ? { initial_options: [returningOption] } : {}) },
      { optional: true, hint: m.returningHint },
    ),
  ];

  return {
    type: 'modal',
    callback_id: VIEWS.profile,
    title: plain(m.title, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks,
  };
}
