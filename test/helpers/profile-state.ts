import { PROFILE_OPTION_VALUES } from '../../src/blocks/profile-modal';
import { PROFILE_FIELDS } from '../../src/slack/ids';

export interface ProfileAnswers {
  name?: string;
  memberType?: string;
  yearJoined?: string | null;
  yearLeft?: string | null;
  formerDivisions?: string | null;
  organisation?: string | null;
  jobTitle?: string | null;
  sector?: string | null;
  topics?: string[];
  helpText?: string | null;
  helpKinds?: string[];
  capacity?: string | null;
  shareWithStaff?: boolean;
  shareWithAlumni?: boolean;
  coi?: 'yes' | 'no';
  coiDescription?: string | null;
  acceptCode?: boolean;
  referredBy?: string | null;
  returning?: boolean;
  /** The month left (1–12), as the select's value. */
  monthLeft?: string | null;
  coiRelations?: string[];
  coiDivisions?: string | null;
  currentDivision?: string | null;
  officialDuties?: string[];
  dutySectors?: string[];
  dutyOrganisations?: string | null;
  ethicsSupervisor?: string | null;
}

const defaults: Required<ProfileAnswers> = {
  name: '山田 花子',
  memberType: 'alumni',
  yearJoined: '2005',
  yearLeft: '2018',
  formerDivisions: '資源エネルギー庁 省エネルギー課',
  organisation: 'Green Capital Partners',
  jobTitle: 'Partner',
  sector: 'investment',
  topics: ['energy_gx', 'renewable_energy'],
  helpText: '再エネ投資の実務と、系統接続の課題をお話しできます。',
  helpKinds: ['opinion_exchange', 'mentoring'],
  capacity: '2',
  shareWithStaff: true,
  shareWithAlumni: false,
  coi: 'no',
  coiDescription: null,
  acceptCode: true,
  referredBy: null,
  returning: false,
  monthLeft: null,
  coiRelations: [],
  coiDivisions: null,
  currentDivision: null,
  officialDuties: [],
  dutySectors: [],
  dutyOrganisations: null,
  ethicsSupervisor: null,
};

const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

/** view.state.values as Slack sends them for the profile modal. */
export function profileState(answers: ProfileAnswers = {}) {
  const a = { ...defaults, ...answers };
  const f = PROFILE_FIELDS;
  const entry = (id: string, value: Record<string, unknown>) => ({ [id]: { [id]: value } });
  return {
    ...entry(f.name, { type: 'plain_text_input', value: a.name }),
    ...entry(f.memberType, { type: 'static_select', selected_option: a.memberType ? option(a.memberType) : null }),
    ...entry(f.yearJoined, { type: 'number_input', value: a.yearJoined }),
    ...entry(f.yearLeft, { type: 'number_input', value: a.yearLeft }),
    ...entry(f.formerDivisions, { type: 'plain_text_input', value: a.formerDivisions }),
    ...entry(f.organisation, { type: 'plain_text_input', value: a.organisation }),
    ...entry(f.jobTitle, { type: 'plain_text_input', value: a.jobTitle }),
    ...entry(f.sector, { type: 'static_select', selected_option: a.sector ? option(a.sector) : null }),
    ...entry(f.topics, { type: 'multi_static_select', selected_options: a.topics.map(option) }),
    ...entry(f.helpText, { type: 'plain_text_input', value: a.helpText }),
    ...entry(f.helpKinds, { type: 'checkboxes', selected_options: a.helpKinds.map(option) }),
    ...entry(f.capacity, { type: 'number_input', value: a.capacity }),
    ...entry(f.consent, {
      type: 'checkboxes',
      selected_options: [
        ...(a.shareWithStaff ? [option(PROFILE_OPTION_VALUES.consentStaff)] : []),
        ...(a.shareWithAlumni ? [option(PROFILE_OPTION_VALUES.consentAlumni)] : []),
      ],
    }),
    ...entry(f.coi, { type: 'radio_buttons', selected_option: option(a.coi) }),
    ...entry(f.coiDescription, { type: 'plain_text_input', value: a.coiDescription }),
    ...entry(f.codeOfConduct, { type: 'checkboxes', selected_options: a.acceptCode ? [option(PROFILE_OPTION_VALUES.yes)] : [] }),
    ...entry(f.referredBy, { type: 'users_select', selected_user: a.referredBy }),
    ...entry(f.returning, { type: 'checkboxes', selected_options: a.returning ? [option(PROFILE_OPTION_VALUES.yes)] : [] }),
    ...entry(f.monthLeft, { type: 'static_select', selected_option: a.monthLeft ? option(a.monthLeft) : null }),
    ...entry(f.coiRelations, { type: 'checkboxes', selected_options: a.coiRelations.map(option) }),
    ...entry(f.coiDivisions, { type: 'plain_text_input', value: a.coiDivisions }),
    ...entry(f.currentDivision, { type: 'plain_text_input', value: a.currentDivision }),
    ...entry(f.officialDuties, { type: 'checkboxes', selected_options: a.officialDuties.map(option) }),
    ...entry(f.dutySectors, { type: 'multi_static_select', selected_options: a.dutySectors.map(option) }),
    ...entry(f.dutyOrganisations, { type: 'plain_text_input', value: a.dutyOrganisations }),
    ...entry(f.ethicsSupervisor, { type: 'users_select', selected_user: a.ethicsSupervisor }),
  };
}
