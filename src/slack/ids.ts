/** Every identifier shared between the Block Kit builders and the listeners that handle them. */

export const COMMANDS = {
  profile: '/alumni-profile',
  admin: '/alumni-admin',
  findExpert: '/find-expert',
} as const;

export const SHORTCUTS = {
  editProfile: 'edit_profile',
} as const;

export const MESSAGE_SHORTCUTS = {
  findExpertFromMessage: 'find_expert_from_message',
} as const;

export const EVENTS = {
  appHomeOpened: 'app_home_opened',
} as const;

export const VIEWS = {
  profile: 'profile_modal',
  introductionRequest: 'introduction_request_modal',
  declineIntroduction: 'decline_introduction_modal',
} as const;

export const ACTIONS = {
  approveMember: 'approve_member',
  declineMember: 'decline_member',
  openProfileModal: 'open_profile_modal',
  confirmErase: 'confirm_erase',
  keepProfile: 'keep_profile',
  showMoreExperts: 'show_more_experts',
  askIntroduction: 'ask_introduction',
  postOpenRequest: 'post_open_request',
  acceptIntroduction: 'accept_introduction',
  declineIntroduction: 'decline_introduction',
  offerHelp: 'offer_help',
  pickVolunteer: 'pick_volunteer',
} as const;

/** block_id and action_id of each input in the introduction request modal. */
export const INTRODUCTION_FIELDS = {
  purpose: 'intro_purpose',
  details: 'intro_details',
  format: 'intro_format',
  dueDate: 'intro_due_date',
  requesterDivision: 'intro_division',
  coiAcknowledged: 'intro_coi_ack',
} as const;

/** block_id and action_id of each input in the decline modal. */
export const DECLINE_FIELDS = {
  reason: 'decline_reason',
  unavailableUntil: 'decline_unavailable_until',
} as const;

/** block_id and action_id of each input in the profile modal (one action per block). */
export const PROFILE_FIELDS = {
  name: 'profile_name',
  memberType: 'profile_member_type',
  yearJoined: 'profile_year_joined',
  yearLeft: 'profile_year_left',
  formerDivisions: 'profile_former_divisions',
  organisation: 'profile_organisation',
  jobTitle: 'profile_title',
  sector: 'profile_sector',
  topics: 'profile_topics',
  helpText: 'profile_help_text',
  helpKinds: 'profile_help_kinds',
  capacity: 'profile_capacity',
  consent: 'profile_consent',
  coi: 'profile_coi',
  coiDescription: 'profile_coi_description',
  codeOfConduct: 'profile_code_of_conduct',
  referredBy: 'profile_referred_by',
  returning: 'profile_returning',
} as const;

export type ProfileField = keyof typeof PROFILE_FIELDS;
