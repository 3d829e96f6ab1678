import { z } from 'zod';
import type { ProfileInput } from '../services/profile-rules';
import { PROFILE_OPTION_VALUES } from '../blocks/profile-modal';
import { PROFILE_FIELDS } from './ids';

/** The shapes Slack sends in view.state.values, read leniently: a forged or odd value becomes a validation error later, not a crash. */
const stateValue = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
  })
  .loose();

const stateValues = z.record(z.string(), z.record(z.string(), stateValue));
export type StateValues = z.infer<typeof stateValues>;

function reader(values: unknown) {
  const parsed = stateValues.safeParse(values);
  const state = parsed.success ? parsed.data : {};
  const get = (id: string) => state[id]?.[id];
  return {
    text: (id: string) => get(id)?.value ?? null,
    number: (id: string) => {
      const raw = get(id)?.value;
      return raw === null || raw === undefined || raw.trim() === '' ? null : Number(raw);
    },
    selected: (id: string) => get(id)?.selected_option?.value ?? null,
    selectedMany: (id: string) => (get(id)?.selected_options ?? []).map((chosen) => chosen.value),
    user: (id: string) => get(id)?.selected_user ?? null,
  };
}

/** Turns the profile modal's state into a ProfileInput; the service validates it. */
export function parseProfileSubmission(values: unknown): ProfileInput {
  const read = reader(values);
  const f = PROFILE_FIELDS;
  const consent = read.selectedMany(f.consent);
  const capacity = read.number(f.capacity);
  return {
    name: read.text(f.name) ?? '',
    memberType: (read.selected(f.memberType) ?? '') as ProfileInput['memberType'],
    yearJoined: read.number(f.yearJoined),
    yearLeft: read.number(f.yearLeft),
    formerDivisions: read.text(f.formerDivisions),
    organisation: read.text(f.organisation),
    jobTitle: read.text(f.jobTitle),
    sector: read.selected(f.sector),
    topics: read.selectedMany(f.topics),
    helpText: read.text(f.helpText),
    helpKinds: read.selectedMany(f.helpKinds),
    monthlyCapacity: capacity ?? Number.NaN,
    shareWithStaff: consent.includes(PROFILE_OPTION_VALUES.consentStaff),
    shareWithAlumni: consent.includes(PROFILE_OPTION_VALUES.consentAlumni),
    coiDeclared: read.selected(f.coi) === PROFILE_OPTION_VALUES.yes,
    coiDescription: read.text(f.coiDescription),
    codeOfConductAccepted: read.selectedMany(f.codeOfConduct).includes(PROFILE_OPTION_VALUES.yes),
    referredBySlackUserId: read.user(f.referredBy),
    interestedInReturning: read.selectedMany(f.returning).includes(PROFILE_OPTION_VALUES.yes),
  };
}

/** `<@U123|name>` (escaped command text) or a bare `U123`; undefined when the text names no user. */
export function parseUserMention(text: string): string | undefined {
  const match = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text.trim()) ?? /^([UW][A-Z0-9]{6,})$/.exec(text.trim());
  return match?.[1];
}

/** A button value that must be a member ID; anything else is a forgery or garbage. */
export const memberIdValue = z.uuid();
