/** Every identifier shared between the Block Kit builders and the listeners that handle them. */

export const COMMANDS = {
  profile: '/alumni-profile',
  admin: '/alumni-admin',
  findExpert: '/find-expert',
  event: '/alumni-event',
} as const;

export const SHORTCUTS = {
  editProfile: 'edit_profile',
  announceEvent: 'announce_event',
} as const;

export const MESSAGE_SHORTCUTS = {
  findExpertFromMessage: 'find_expert_from_message',
} as const;

export const EVENTS = {
  appHomeOpened: 'app_home_opened',
  userChange: 'user_change',
  teamJoin: 'team_join',
  userGuestStatusChanged: 'user_guest_status_changed',
  /** Messages in the bot's DM (subscribed as message.im): organizers upload the member CSV there. */
  message: 'message',
} as const;

export const VIEWS = {
  profile: 'profile_modal',
  introductionRequest: 'introduction_request_modal',
  declineIntroduction: 'decline_introduction_modal',
  event: 'event_modal',
  declineRegistration: 'decline_registration_modal',
  /** Opened at once with the trigger, then replaced by the form or by why it cannot be shown. */
  loading: 'loading_modal',
  /** A modal that only says something (a refusal, "temporarily unavailable"), with Close. */
  modalNotice: 'modal_notice',
  /** Choosing a volunteer an ethics notice applies to: the notice to acknowledge, then the pick. */
  pickVolunteerEthics: 'pick_volunteer_ethics_modal',
} as const;

export const ACTIONS = {
  approveMember: 'approve_member',
  declineMember: 'decline_member',
  openProfileModal: 'open_profile_modal',
  confirmErase: 'confirm_erase',
  keepProfile: 'keep_profile',
  confirmDeclarations: 'confirm_declarations',
  showMoreExperts: 'show_more_experts',
  askIntroduction: 'ask_introduction',
  postOpenRequest: 'post_open_request',
  acceptIntroduction: 'accept_introduction',
  declineIntroduction: 'decline_introduction',
  offerHelp: 'offer_help',
  pickVolunteer: 'pick_volunteer',
  rsvpGoing: 'rsvp_going',
  rsvpMaybe: 'rsvp_maybe',
  rsvpNotGoing: 'rsvp_not_going',
  /** The organizer's overflow menu on an announcement: edit, cancel, attendee list. */
  eventOrganizerMenu: 'event_organizer_menu',
  /** "Add to calendar" is a link button; Slack still sends its click, which is acknowledged and ignored. */
  addToCalendar: 'add_to_calendar',
  confirmCancelEvent: 'confirm_cancel_event',
  keepEvent: 'keep_event',
  /** The organizer tools on the App Home. */
  organizerAnnounceEvent: 'organizer_announce_event',
  organizerMembers: 'organizer_members',
  organizerImportCsv: 'organizer_import_csv',
  /** Confirm / Cancel under a member CSV's import preview (the value is the draft's ID). */
  confirmMemberImport: 'confirm_member_import',
  cancelMemberImport: 'cancel_member_import',
  /** "Available again" beside the "unavailable until" notice (App Home and profile modal); carries no ID. */
  clearUnavailable: 'clear_unavailable',
} as const;

/** Values of the organizer's overflow menu options (each carries the event ID after a colon). */
export const EVENT_MENU = {
  edit: 'edit',
  cancel: 'cancel',
  attendees: 'attendees',
} as const;

/** block_id and action_id of each input in the event modal. */
export const EVENT_FIELDS = {
  title: 'event_title',
  startsAt: 'event_starts_at',
  endsAt: 'event_ends_at',
  place: 'event_place',
  description: 'event_description',
  audience: 'event_audience',
  capacity: 'event_capacity',
  rsvpDeadline: 'event_rsvp_deadline',
  channel: 'event_channel',
  feePerPerson: 'event_fee_per_person',
  feePayer: 'event_fee_payer',
  format: 'event_format',
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
  monthLeft: 'profile_month_left',
  coiRelations: 'profile_coi_relations',
  coiDivisions: 'profile_coi_divisions',
  currentDivision: 'profile_current_division',
  officialDuties: 'profile_official_duties',
  dutySectors: 'profile_duty_sectors',
  dutyOrganisations: 'profile_duty_organisations',
  ethicsSupervisor: 'profile_ethics_supervisor',
} as const;

export type ProfileField = keyof typeof PROFILE_FIELDS;

/** block_id and action_id of the input in the organizer's "decline registration" modal. */
export const DECLINE_REGISTRATION_FIELDS = {
  reason: 'decline_registration_reason',
} as const;

/** block_id and action_id of the ethics inputs in the introduction request modal (shown only when a notice applies). */
export const INTRODUCTION_ETHICS_FIELDS = {
  acknowledged: 'intro_ethics_ack',
  notifySupervisor: 'intro_ethics_notify',
  supervisor: 'intro_ethics_supervisor',
} as const;

/** Rounds (pairings of staff with alumni): the command, its modals, inputs and buttons. */
export const ROUNDS = {
  command: '/alumni-rounds',
  joinView: 'round_join_modal',
  setupView: 'round_setup_modal',
  /** App Home buttons (no value) and the pair's answers (the value is the pair's ID). */
  actions: {
    join: 'round_join',
    pause: 'round_pause',
    leave: 'round_leave',
    setup: 'round_setup',
    met: 'round_met',
    notYet: 'round_not_yet',
    skip: 'round_skip',
  },
  /** The App Home section's buttons; a pair's answer buttons (block_id prefix, then the pair's ID). */
  blocks: { buttons: 'round_buttons', answersPrefix: 'round_answers_' },
  joinFields: { topics: 'round_curious_topics', text: 'round_curious_text' },
  setupFields: {
    enabled: 'round_enabled',
    cadence: 'round_cadence',
    nextStart: 'round_next_start',
    staffMaxYears: 'round_staff_max_years',
    pairSize: 'round_pair_size',
    mix: 'round_mix',
    flagged: 'round_flagged',
    noRepeat: 'round_no_repeat',
  },
} as const;
