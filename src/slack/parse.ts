import { z } from 'zod';
import type { ProfileInput } from '../services/profile-rules';
import { PROFILE_OPTION_VALUES } from '../blocks/profile-modal';
import { COI_ACK_VALUE, ETHICS_ACK_VALUE, ETHICS_NOTIFY_VALUE } from '../blocks/introductions';
import { ETHICS_NOTICES } from '../services/ethics';
import type { IntroductionInput } from '../services/introduction-rules';
import type { EventInput } from '../services/events';
import { readTypedNumber, readTypedText, textProblem, type TextProblem, type TextShape } from '../services/typed-text';
import { DECLINE_FIELDS, DECLINE_REGISTRATION_FIELDS, EVENT_FIELDS, INTRODUCTION_FIELDS, PROFILE_FIELDS } from './ids';
import { INTRODUCTION_ETHICS_FIELDS, ROUNDS } from './ids';

/** The shapes Slack sends in view.state.values, read leniently: a forged or odd value becomes a validation error later, not a crash. */
const stateValue = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_date_time: z.number().nullish(),
    selected_conversation: z.string().nullish(),
  })
  .loose();

const stateValues = z.record(z.string(), z.record(z.string(), stateValue));
export type StateValues = z.infer<typeof stateValues>;

/** A typed field whose characters cannot be kept (the block and its input share the ID). */
export interface TextFieldProblem {
  blockId: string;
  problem: TextProblem;
}

/**
 * A form's input for its service to validate, or the typed fields that cannot be kept as they are
 * (control characters; see typed-text.ts), reported before any other rule and before anything is
 * stored.
 */
export type ParsedForm<T> = { ok: true; input: T } | { ok: false; problems: TextFieldProblem[] };

function reader(values: unknown) {
  const parsed = stateValues.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const get = (id: string) => state[id]?.[id];
  const problems: TextFieldProblem[] = [];
  return {
    /** Typed text; null when nothing visible was typed. A problem is kept for `form`. */
    text: (id: string, shape: TextShape = 'line') => {
      const typed = readTypedText(get(id)?.value, shape);
      if (typed.ok) return typed.text;
      problems.push({ blockId: id, problem: typed.problem });
      return null;
    },
    /** A typed number (full-width digits read as ASCII ones); null when empty, NaN when not a number. */
    number: (id: string) => readTypedNumber(get(id)?.value),
    selected: (id: string) => get(id)?.selected_option?.value ?? null,
    selectedMany: (id: string) => (get(id)?.selected_options ?? []).map((chosen) => chosen.value),
    user: (id: string) => get(id)?.selected_user ?? null,
    date: (id: string) => get(id)?.selected_date ?? null,
    dateTime: (id: string) => {
      const seconds = get(id)?.selected_date_time;
      return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
    },
    conversation: (id: string) => get(id)?.selected_conversation ?? null,
    /** The parsed input, unless a typed field cannot be kept. */
    form: <T>(input: T): ParsedForm<T> => (problems.length > 0 ? { ok: false, problems } : { ok: true, input }),
  };
}

/** Turns the profile modal's state into a ProfileInput; validateProfile checks it. */
export function parseProfileSubmission(values: unknown): ParsedForm<ProfileInput> {
  const read = reader(values);
  const f = PROFILE_FIELDS;
  const consent = read.selectedMany(f.consent);
  const capacity = read.number(f.capacity);
  return read.form({
    name: read.text(f.name) ?? '',
    memberType: (read.selected(f.memberType) ?? '') as ProfileInput['memberType'],
    yearJoined: read.number(f.yearJoined),
    yearLeft: read.number(f.yearLeft),
    formerDivisions: read.text(f.formerDivisions, 'lines'),
    organisation: read.text(f.organisation),
    jobTitle: read.text(f.jobTitle),
    sector: read.selected(f.sector),
    topics: read.selectedMany(f.topics),
    helpText: read.text(f.helpText, 'lines'),
    helpKinds: read.selectedMany(f.helpKinds),
    monthlyCapacity: capacity ?? Number.NaN,
    shareWithStaff: consent.includes(PROFILE_OPTION_VALUES.consentStaff),
    shareWithAlumni: consent.includes(PROFILE_OPTION_VALUES.consentAlumni),
    coiDeclared: read.selected(f.coi) === PROFILE_OPTION_VALUES.yes,
    coiDescription: read.text(f.coiDescription, 'lines'),
    codeOfConductAccepted: read.selectedMany(f.codeOfConduct).includes(PROFILE_OPTION_VALUES.yes),
    referredBySlackUserId: read.user(f.referredBy),
    interestedInReturning: read.selectedMany(f.returning).includes(PROFILE_OPTION_VALUES.yes),
    monthLeft: read.selected(f.monthLeft) === null ? null : Number(read.selected(f.monthLeft)),
    coiRelations: read.selectedMany(f.coiRelations),
    coiDivisions: read.text(f.coiDivisions, 'lines'),
    currentDivision: read.text(f.currentDivision),
    officialDuties: read.selectedMany(f.officialDuties),
    dutySectors: read.selectedMany(f.dutySectors),
    dutyOrganisations: read.text(f.dutyOrganisations, 'lines'),
    ethicsSupervisorSlackUserId: read.user(f.ethicsSupervisor),
  });
}

/** `<@U123|name>` (escaped command text) or a bare `U123`; undefined when the text names no user. */
export function parseUserMention(text: string): string | undefined {
  const match = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text.trim()) ?? /^([UW][A-Z0-9]{6,})$/.exec(text.trim());
  return match?.[1];
}

/** A button value that must be a member ID; anything else is a forgery or garbage. */
export const memberIdValue = z.uuid();

/** Turns the introduction modal's state into an IntroductionInput; the service validates it. */
export function parseIntroductionSubmission(values: unknown): ParsedForm<IntroductionInput> {
  const read = reader(values);
  const f = INTRODUCTION_FIELDS;
  return read.form({
    purpose: read.selected(f.purpose),
    details: read.text(f.details, 'lines') ?? '',
    format: read.selected(f.format),
    dueDate: read.date(f.dueDate),
    requesterDivision: read.text(f.requesterDivision) ?? '',
    coiAcknowledged: read.selectedMany(f.coiAcknowledged).includes(COI_ACK_VALUE),
  });
}

export function parseDeclineSubmission(values: unknown): ParsedForm<{ reason: string | null; unavailableUntil: string | null }> {
  const read = reader(values);
  return read.form({ reason: read.text(DECLINE_FIELDS.reason, 'lines'), unavailableUntil: read.date(DECLINE_FIELDS.unavailableUntil) });
}

/** Reads a JSON button value or private_metadata against a schema; a forged or broken one is undefined. */
export function parseJsonValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The search a request is about, carried in buttons and metadata; stored with the request. */
const topic = z
  .string()
  .max(500)
  .refine((text) => textProblem(text, 'lines') === undefined);
/** "Ask for an introduction": the member and the topic. */
export const askIntroductionValue = z.object({ m: z.uuid(), q: topic });
/** "Post an open request": the topic. */
export const openRequestValue = z.object({ q: topic });
/** The request modal's metadata: the member (absent for an open request) and the topic. */
export const introductionMetadata = z.object({ m: z.uuid().optional(), q: topic });
/** "Choose …": the open request and the volunteer. */
export const pickVolunteerValue = z.object({ r: z.uuid(), m: z.uuid() });

/** Turns the event modal's state into an EventInput; the service validates it. */
export function parseEventSubmission(values: unknown): ParsedForm<EventInput> {
  const read = reader(values);
  const f = EVENT_FIELDS;
  return read.form({
    title: read.text(f.title) ?? '',
    startsAt: read.dateTime(f.startsAt),
    endsAt: read.dateTime(f.endsAt),
    place: read.text(f.place) ?? '',
    description: read.text(f.description, 'lines'),
    audience: read.selected(f.audience),
    capacity: read.number(f.capacity),
    rsvpDeadline: read.dateTime(f.rsvpDeadline),
    channelId: read.conversation(f.channel),
    feePerPerson: read.number(f.feePerPerson),
    feePayer: read.selected(f.feePayer),
    format: read.selected(f.format),
  });
}

/** An organizer menu value: `edit:<event id>` and so on. */
export function parseEventMenuValue(raw: string | undefined): { verb: string; eventId: string } | undefined {
  const match = /^([a-z]+):([0-9a-f-]{36})$/i.exec(raw ?? '');
  return match ? { verb: match[1]!, eventId: match[2]! } : undefined;
}

/** The organizer's reason for declining a registration (optional; its length is the service's rule). */
export function parseDeclineRegistrationSubmission(values: unknown): ParsedForm<{ reason: string | null }> {
  const read = reader(values);
  return read.form({ reason: read.text(DECLINE_REGISTRATION_FIELDS.reason, 'lines') });
}

/** The decline-registration modal's private_metadata: the member, and whether it was opened from the App Home. */
export const declineRegistrationMetadata = z.object({ m: z.uuid(), h: z.boolean().optional() });

/** A button value that must be a member import draft's ID. */
export const memberImportDraftValue = z.uuid();

/** A file shared in the bot's DM as the message event describes it (files.info is not needed). */
const sharedFile = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  filetype: z.string().optional(),
  size: z.number().optional(),
  url_private_download: z.url().optional(),
});

/** A message event in the bot's DM that shares files, from a person; undefined for anything else. */
/** A message someone typed in the bot's DM (no subtype: not a file, an edit or a bot's post). */
export function parseTypedDirectMessage(event: unknown): { user: string } | undefined {
  const parsed = z
    .object({ channel_type: z.literal('im'), subtype: z.undefined().optional(), user: z.string().min(1), bot_id: z.undefined().optional() })
    .safeParse(event);
  return parsed.success ? { user: parsed.data.user } : undefined;
}

export function parseDmFileShare(event: unknown): { user: string; files: z.infer<typeof sharedFile>[] } | undefined {
  const parsed = z
    .object({
      channel_type: z.literal('im'),
      subtype: z.literal('file_share'),
      user: z.string().min(1),
      bot_id: z.undefined().optional(),
      files: z.array(sharedFile).min(1),
    })
    .safeParse(event);
  return parsed.success ? { user: parsed.data.user, files: parsed.data.files } : undefined;
}

/** The request modal's metadata with the ethics notices it showed (`e`), as the submission re-checks them. */
export const introductionRequestMetadata = introductionMetadata.extend({ e: z.array(z.enum(ETHICS_NOTICES)).max(2).optional() });

/** The ethics inputs of the request modal: present only when a notice was shown. */
export function parseIntroductionEthics(values: unknown): {
  acknowledged: boolean;
  notifySupervisor: boolean;
  supervisorSlackUserId: string | null;
} {
  const read = reader(values);
  const f = INTRODUCTION_ETHICS_FIELDS;
  return {
    acknowledged: read.selectedMany(f.acknowledged).includes(ETHICS_ACK_VALUE),
    notifySupervisor: read.selectedMany(f.notifySupervisor).includes(ETHICS_NOTIFY_VALUE),
    supervisorSlackUserId: read.user(f.supervisor),
  };
}

/** The rounds join form: topics a staff member is curious about and free text (checked by checkJoinInput). */
export function parseRoundJoinSubmission(values: unknown): ParsedForm<{ curiousTopics: string[]; curiousText: string | null }> {
  const read = reader(values);
  const f = ROUNDS.joinFields;
  return read.form({ curiousTopics: read.selectedMany(f.topics), curiousText: read.text(f.text, 'lines') });
}

const roundCadence = z.enum(['weekly', 'biweekly', 'every_4_weeks']);
const roundMix = z.enum(['staff_alumni', 'also_alumni_alumni']);
const roundFlagged = z.enum(['notice', 'avoid']);

/** The organizers' rounds settings form (checked by checkRoundSettings); an odd or forged choice falls back to the default. */
export function parseRoundSetupSubmission(values: unknown) {
  const read = reader(values);
  const f = ROUNDS.setupFields;
  const years = read.number(f.staffMaxYears);
  return {
    enabled: read.selectedMany(f.enabled).includes('on'),
    cadence: roundCadence.catch('biweekly').parse(read.selected(f.cadence)),
    nextStartAt: read.dateTime(f.nextStart),
    staffMaxYears: years,
    pairSize: read.selected(f.pairSize) === '3' ? 3 : 2,
    mix: roundMix.catch('staff_alumni').parse(read.selected(f.mix)),
    flaggedPairs: roundFlagged.catch('notice').parse(read.selected(f.flagged)),
    noRepeatRounds: read.number(f.noRepeat) ?? Number.NaN,
  };
}

/** A pair's answer button: the value is the pair's ID. */
export const roundPairValue = z.uuid();

/** "Choose" on a volunteer notice; `n`: an ethics notice applied when it was made (the click opens it to acknowledge). */
export const pickVolunteerButtonValue = pickVolunteerValue.extend({ n: z.literal(1).optional() });

/** The pick modal's metadata: the request, the volunteer, and the notices it showed. */
export const pickVolunteerEthicsMetadata = pickVolunteerValue.extend({ e: z.array(z.enum(ETHICS_NOTICES)).max(2) });
