/**
 * The national public-service ethics rules, as checks the bot can make from what each side
 * declared (facts: 国家公務員倫理法・倫理規程; 国家公務員法 再就職等規制). The bot informs and records;
 * it gives no legal advice, and where nothing matches it adds no friction.
 */

/** Matters a staff member's post may handle, which make the other side an interested party (利害関係者). */
export const OFFICIAL_DUTIES = ['permits', 'subsidies', 'procurement', 'inspection'] as const;
export type OfficialDuty = (typeof OFFICIAL_DUTIES)[number];

/** Relations an alumnus's employer may have with the ministry (their conflict-of-interest disclosure). */
export const OFFICIAL_RELATIONS = ['contract', 'subsidy', 'permit', 'regulatory', 'bid'] as const;
export type OfficialRelation = (typeof OFFICIAL_RELATIONS)[number];

/** What an introduction's requester may be shown before sending, and the alumnus reminded of. */
export const ETHICS_NOTICES = ['interested_party', 'post_retirement'] as const;
export type EthicsNotice = (typeof ETHICS_NOTICES)[number];

/**
 * An event's format: a stand-up party with many attendees is exempt from the meal notice; an event
 * with no food or drink (a talk, a seminar) is no meal at all, so no meal notice is ever due.
 */
export const EVENT_FORMATS = ['standing', 'seated', 'no_meal'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** Who pays an event's cost. A company's sponsorship is not accepted for events open to staff. */
export const EVENT_FEE_PAYERS = ['each_attendee', 'organizers', 'free'] as const;
export type EventFeePayer = (typeof EVENT_FEE_PAYERS)[number];

/** Which of an employer's relations each kind of matter concerns. */
const RELATIONS_OF_DUTY: Record<OfficialDuty, readonly OfficialRelation[]> = {
  permits: ['permit', 'regulatory'],
  subsidies: ['subsidy'],
  procurement: ['contract', 'bid'],
  inspection: ['regulatory', 'permit'],
};

/** The thresholds, as settings (config.ts): they change, and organizers may be stricter. */
export interface EthicsSettings {
  /** Own share of a seated meal with an interested party above which the ethics supervisor is told in advance (yen). */
  mealNoticeYen: number;
  /** Years after leaving during which a former official may not ask their former office for favours. */
  postRetirementYears: number;
  /** Months after which staff are asked to confirm their declarations again. */
  declarationsConfirmMonths: number;
}

export const DEFAULT_ETHICS_SETTINGS: EthicsSettings = { mealNoticeYen: 10_000, postRetirementYears: 2, declarationsConfirmMonths: 12 };

/** What a staff member declared of their post. */
export interface StaffDeclaration {
  currentDivision: string | null;
  /** The division typed on a request, checked as well as the declared one. */
  requestDivision?: string | null;
  officialDuties: readonly string[];
  dutySectors: readonly string[];
  dutyOrganisations: string | null;
}

/** What an alumnus declared of their employer and their career at the ministry. */
export interface AlumnusDeclaration {
  memberType: 'alumni' | 'staff' | 'returnee';
  organisation: string | null;
  sector: string | null;
  coiRelations: readonly string[];
  coiDivisions: string | null;
  formerDivisions: string | null;
  yearLeft: number | null;
  monthLeft: number | null;
}

/** Why the alumnus's employer is an interested party of the staff member: what was named on both sides. */
export type InterestedPartyMatch =
  | { by: 'division'; division: string }
  | { by: 'sector'; sector: string; relations: OfficialRelation[] }
  | { by: 'organisation'; organisation: string; relations: OfficialRelation[] };

/** A former official within the post-retirement period, asked by someone in their former division. */
export interface PostRetirementMatch {
  division: string;
  /** The month (YYYY-MM) the period ends, counted from the end of the month they left. */
  until: string;
}

export interface EthicsCheck {
  notices: EthicsNotice[];
  interestedParty?: InterestedPartyMatch;
  postRetirement?: PostRetirementMatch;
}

/**
 * An alumnus's conflict-of-interest disclosure as plain text, as a requester saw it (kept with the
 * request): the employer's relations with the ministry, the divisions concerned, the free text.
 */
export function disclosureSummary(member: { coiRelations: readonly string[]; coiDivisions: string | null; coiDescription: string | null }): string {
  const relations = OFFICIAL_RELATIONS.filter((relation) => member.coiRelations.includes(relation));
  return [relations.join(', '), listEntries(member.coiDivisions).join(', '), member.coiDescription?.trim() ?? '']
    .filter((part) => part !== '')
    .join(' / ');
}

/** Text as compared: width, case and spacing do not matter (`資源エネルギー庁　省エネ課` = `資源エネルギー庁 省エネ課`). */
function comparable(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
}

/**
 * The entries of a free-text list: one per line, or separated by 、 or ; — not by commas, which
 * English names hold ("Energy Agency, Energy Conservation Division"), nor ・.
 */
export function listEntries(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[\n、;；]+/u)
    .map((entry) => entry.trim())
    .filter((entry) => comparable(entry).length > 0);
}

/** Shortest text that can name a division or an organisation: shorter ones would match too much. */
const MIN_NAME = 3;

/**
 * Whether two names name the same thing: one contains the other (`省エネルギー課` and `資源エネルギー庁
 * 省エネルギー課`). A bureau named alone then matches its divisions too: a reminder too many rather
 * than one too few.
 */
function sameName(a: string, b: string): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (x.length < MIN_NAME || y.length < MIN_NAME) return false;
  return x.includes(y) || y.includes(x);
}

/** The staff member's divisions to check: the declared one and the one typed on a request. */
function divisionsOf(staff: Pick<StaffDeclaration, 'currentDivision' | 'requestDivision'>): string[] {
  return [...new Set([staff.currentDivision, staff.requestDivision].map((division) => division?.trim() ?? '').filter((division) => division !== ''))];
}

function knownDuties(duties: readonly string[]): OfficialDuty[] {
  return duties.filter((duty): duty is OfficialDuty => (OFFICIAL_DUTIES as readonly string[]).includes(duty));
}

/**
 * Whether the alumnus's employer is an interested party of the staff member: the staff member's post
 * handles some matter (permits, subsidies, procurement, inspection) and the employer declared a
 * relation with the ministry, and either the employer deals with the staff member's own division, or
 * the staff member's matters concern the employer's sector or name the employer and the kinds meet.
 * Only alumni have an employer here (returnees work at the ministry again).
 */
export function interestedPartyMatch(staff: StaffDeclaration, alumnus: AlumnusDeclaration): InterestedPartyMatch | undefined {
  const duties = knownDuties(staff.officialDuties);
  const relations = alumnus.coiRelations.filter((relation): relation is OfficialRelation =>
    (OFFICIAL_RELATIONS as readonly string[]).includes(relation),
  );
  if (alumnus.memberType !== 'alumni' || duties.length === 0 || relations.length === 0) return undefined;
  for (const own of divisionsOf(staff)) {
    const division = listEntries(alumnus.coiDivisions).find((named) => sameName(named, own));
    if (division) return { by: 'division', division };
  }
  const meeting = relations.filter((relation) => duties.some((duty) => RELATIONS_OF_DUTY[duty].includes(relation)));
  if (meeting.length === 0) return undefined;
  if (alumnus.sector && staff.dutySectors.includes(alumnus.sector)) return { by: 'sector', sector: alumnus.sector, relations: meeting };
  const organisation = alumnus.organisation;
  if (organisation && listEntries(staff.dutyOrganisations).some((named) => sameName(organisation, named))) {
    return { by: 'organisation', organisation, relations: meeting };
  }
  return undefined;
}

/** The month (YYYY-MM) a period of `years` ends, counted from the end of the month left (December when only the year is known). */
function periodEnd(yearLeft: number, monthLeft: number | null, years: number): { year: number; month: number } {
  return { year: yearLeft + years, month: monthLeft ?? 12 };
}

/**
 * Whether the alumnus left the ministry less than `postRetirementYears` ago and the staff member
 * works in a division the alumnus was in: asking the former office for favours on contracts or
 * dispositions is prohibited then, and a staff member asked must report it. Introductions stay
 * allowed. When only the year is known, the period is counted from its end (the later date: a
 * reminder too many is better than one too few).
 */
export function postRetirementMatch(
  staff: Pick<StaffDeclaration, 'currentDivision' | 'requestDivision'>,
  alumnus: AlumnusDeclaration,
  now: Date,
  settings: Pick<EthicsSettings, 'postRetirementYears'>,
): PostRetirementMatch | undefined {
  const own = divisionsOf(staff);
  if (alumnus.memberType !== 'alumni' || alumnus.yearLeft === null || own.length === 0) return undefined;
  const end = periodEnd(alumnus.yearLeft, alumnus.monthLeft, settings.postRetirementYears);
  // The period runs to the end of that month, in Japan (UTC+9, no daylight saving).
  const endsAt = Date.UTC(end.year, end.month, 1) - 9 * 3_600_000;
  if (now.getTime() >= endsAt) return undefined;
  const division = listEntries(alumnus.formerDivisions).find((former) => own.some((name) => sameName(former, name)));
  return division ? { division, until: `${end.year}-${String(end.month).padStart(2, '0')}` } : undefined;
}

/** Every ethics notice an introduction between these two calls for; none when nothing matches. */
export function checkIntroduction(
  staff: StaffDeclaration,
  alumnus: AlumnusDeclaration,
  now: Date,
  settings: Pick<EthicsSettings, 'postRetirementYears'>,
): EthicsCheck {
  const interestedParty = interestedPartyMatch(staff, alumnus);
  const postRetirement = postRetirementMatch(staff, alumnus, now, settings);
  return {
    notices: [...(interestedParty ? (['interested_party'] as const) : []), ...(postRetirement ? (['post_retirement'] as const) : [])],
    ...(interestedParty ? { interestedParty } : {}),
    ...(postRetirement ? { postRetirement } : {}),
  };
}

/**
 * What a staff member going to an event with an interested party of theirs is told before it:
 * `advance_notice`, their own share of a seated meal is over the threshold: notify the ethics
 * supervisor in advance (倫理規程第8条); `hospitality`, a seated meal the organizers pay for or
 * that is free: a meal paid by others is hospitality, not allowed with an interested party whatever
 * the amount (第3条第1項第6号), so they pay their own share.
 */
export const MEAL_NOTICES = ['advance_notice', 'hospitality'] as const;
export type MealNotice = (typeof MEAL_NOTICES)[number];

/** An event's costs as stored (null: made before they were asked). */
export interface EventCosts {
  format: string | null;
  feePayer: string | null;
  feePerPerson: number | null;
}

/**
 * The meal notice a staff member going to this event is due, if any. Nothing without an interested
 * party attending (no false alarm), nor at a stand-up party with many attendees (exempt from the
 * notice, and food there is allowed: 第3条第2項第6号, 第8条第1号), nor at one whose own share is
 * at or under the threshold, nor at an event made before its costs were asked.
 */
export function mealNoticeFor(event: EventCosts, interestedPartyAttends: boolean, settings: Pick<EthicsSettings, 'mealNoticeYen'>): MealNotice | undefined {
  if (!interestedPartyAttends || event.format !== 'seated') return undefined;
  if (event.feePayer === 'organizers' || event.feePayer === 'free') return 'hospitality';
  if (event.feePayer === 'each_attendee' && (event.feePerPerson ?? 0) > settings.mealNoticeYen) return 'advance_notice';
  return undefined;
}
