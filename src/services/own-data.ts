import { createRepositories } from '../db/repositories';
import { createOwnDataRepository } from '../db/repositories/own-data';
import type { IntroductionRow, MemberRow } from '../db/schema';
import type { ServiceDeps } from './deps';
import { storedEthicsMatch, type StoredEthicsMatch } from './ethics-match';
import { ownRounds, type OwnRounds } from './own-data-rounds';

/** A stored time as the file shows it. */
type Time = string | null;

/**
 * What is stored about a person, for their right of access: what they told us, what Slack told us
 * about them, and what they did or was asked of them. Internal bookkeeping is left out field by
 * field (row ids, the pseudonym, where messages were posted, claims of reminders and notices, the
 * search document, delivery rows), as are other people's Slack IDs (organizers who decided).
 */
export interface OwnData {
  exportedAt: string;
  slackAccount: {
    name: string | null;
    email: string | null;
    locale: string | null;
    timeZone: string | null;
    /** Slack's view of the account: member, guest, deactivated … */
    standing: string;
    lastReadFromSlackAt: string;
    /** When organizers let this guest account in by name. */
    guestAllowedAt: Time;
  } | null;
  organizer: boolean;
  profile: OwnProfile | null;
  consentHistory: { audience: 'staff' | 'alumni'; granted: boolean; textVersion: string; recordedAt: string }[];
  introductionsRequested: (OwnRequest & {
    alumnus: string | null;
    coiAcknowledgedAt: Time;
    /**
     * What the ethics check found, as stored (the names as declared; a request made before findings
     * were kept as data has `{ summary }` in English); the summary in Slack says it in the reader's
     * language. Then what they did.
     */
    ethicsMatch: StoredEthicsMatch | null;
    ethicsAcknowledgedAt: Time;
    ethicsSupervisorSlackUserId: string | null;
  })[];
  introductionsAddressedToYou: (OwnRequest & { requester: string | null; requesterDivision: string | null; coiDisclosure: string | null })[];
  openRequestsVolunteered: { topic: string; purpose: string; status: string; dueDate: string; picked: boolean; volunteeredAt: string }[];
  eventAnswers: {
    event: string;
    startsAt: string;
    endsAt: string;
    place: string;
    eventCancelled: boolean;
    answer: 'going' | 'maybe' | 'not_going';
    waitlisted: boolean;
    waitlistedAt: Time;
    answeredAt: string;
  }[];
  /** Rounds: whether they take part (null: never joined) and the pairs they were in. */
  rounds: OwnRounds;
  /** Kept for the hourly search limit. */
  recentSearches: string[];
  /** Decisions about the person (approval, role, standing): what and when, not who acted. */
  auditTrail: { action: string; occurredAt: string }[];
}

/** The profile as the file shows it. */
export type OwnProfile = ReturnType<typeof ownProfile>;

interface OwnRequest {
  kind: IntroductionRow['kind'];
  status: IntroductionRow['status'];
  topic: string;
  purpose: string;
  details: string;
  format: string;
  dueDate: string;
  declineReason: string | null;
  /** The ethics notices the introduction called for (ETHICS_NOTICES); empty when nothing matched. */
  ethicsNotices: string[];
  createdAt: string;
  answeredAt: Time;
}

/** Far above what one person makes or receives: the lists are complete. */
const ALL = 100_000;

const iso = (value: Date | null): Time => value?.toISOString() ?? null;

/** The profile as the file shows it: what the member told us, and when it was decided and confirmed. */
export function ownProfile(member: MemberRow) {
  return {
    name: member.name,
    email: member.email,
    locale: member.locale,
    memberType: member.memberType,
    status: member.status,
    yearJoined: member.yearJoined,
    yearLeft: member.yearLeft,
    formerDivisions: member.formerDivisions,
    organisation: member.organisation,
    title: member.title,
    sector: member.sector,
    topics: member.topics,
    helpText: member.helpText,
    helpKinds: member.helpKinds,
    monthlyCapacity: member.monthlyCapacity,
    unavailableUntil: member.unavailableUntil,
    shareWithStaff: member.shareWithStaff,
    shareWithAlumni: member.shareWithAlumni,
    consentTextVersion: member.consentTextVersion,
    consentRecordedAt: iso(member.consentRecordedAt),
    coiDeclared: member.coiDeclared,
    coiDescription: member.coiDescription,
    coiRelations: member.coiRelations,
    coiDivisions: member.coiDivisions,
    monthLeft: member.monthLeft,
    currentDivision: member.currentDivision,
    officialDuties: member.officialDuties,
    dutySectors: member.dutySectors,
    dutyOrganisations: member.dutyOrganisations,
    ethicsSupervisorSlackUserId: member.ethicsSupervisorSlackUserId,
    declarationsConfirmedAt: iso(member.declarationsConfirmedAt),
    codeOfConductVersion: member.codeOfConductVersion,
    codeOfConductAcceptedAt: iso(member.codeOfConductAcceptedAt),
    referredBySlackUserId: member.referredBySlackUserId,
    interestedInReturning: member.interestedInReturning,
    profileConfirmedAt: iso(member.profileConfirmedAt),
    registrationDecidedAt: iso(member.decidedAt),
    registrationDeclineReason: member.declineReason,
    createdAt: member.createdAt.toISOString(),
    updatedAt: member.updatedAt.toISOString(),
  };
}

function ownRequest(request: IntroductionRow): OwnRequest {
  return {
    kind: request.kind,
    status: request.status,
    topic: request.topic,
    purpose: request.purpose,
    details: request.details,
    format: request.format,
    dueDate: request.dueDate,
    declineReason: request.declineReason,
    ethicsNotices: request.ethicsNotices,
    createdAt: request.createdAt.toISOString(),
    answeredAt: iso(request.answeredAt),
  };
}

/**
 * Everything stored about the person with this Slack account, or undefined when nothing is (not
 * even what Slack said of them). A person without a profile may still have made requests.
 */
export async function collectOwnData(deps: ServiceDeps, slackUserId: string): Promise<OwnData | undefined> {
  const repos = createRepositories(deps.db);
  const own = createOwnDataRepository({ db: deps.db });
  const member = await repos.members.findBySlackUserId(slackUserId);
  const memberId = member?.id;
  const [account, isOrganizer, made, searches, consents, addressed, volunteered, answers, trail, participation, pairs] = await Promise.all([
    own.slackAccount(slackUserId),
    repos.organizers.isActive(slackUserId),
    own.requestsMade(slackUserId),
    own.recentSearches(slackUserId),
    memberId ? repos.members.listConsentEvents(memberId) : [],
    memberId ? repos.introductions.listAddressedTo(memberId, ALL) : [],
    memberId ? own.volunteered(memberId) : [],
    memberId ? own.eventAnswers(memberId) : [],
    memberId ? repos.audit.listForMember(memberId) : [],
    memberId ? own.roundParticipation(memberId) : undefined,
    memberId ? own.roundPairs(memberId) : [],
  ]);
  if (!member && !account.user && !isOrganizer && made.length === 0 && searches.length === 0) return undefined;
  return {
    exportedAt: deps.clock().toISOString(),
    slackAccount: account.user
      ? {
          name: account.user.realName,
          email: account.user.email,
          locale: account.user.slackLocale,
          timeZone: account.user.tz,
          standing: account.user.accountStanding,
          lastReadFromSlackAt: account.user.fetchedAt.toISOString(),
          guestAllowedAt: iso(account.guestAllowedAt),
        }
      : null,
    organizer: isOrganizer,
    profile: member ? ownProfile(member) : null,
    consentHistory: consents.map((event) => ({
      audience: event.audience,
      granted: event.granted,
      textVersion: event.textVersion,
      recordedAt: event.recordedAt.toISOString(),
    })),
    introductionsRequested: made.map(({ request, alumnusName }) => ({
      ...ownRequest(request),
      alumnus: alumnusName,
      coiAcknowledgedAt: iso(request.coiAcknowledgedAt),
      ethicsMatch: storedEthicsMatch(request.ethicsMatch),
      ethicsAcknowledgedAt: iso(request.ethicsAcknowledgedAt),
      ethicsSupervisorSlackUserId: request.ethicsSupervisorSlackUserId,
    })),
    introductionsAddressedToYou: addressed.map(({ request }) => ({
      ...ownRequest(request),
      requester: request.requesterName,
      requesterDivision: request.requesterDivision,
      coiDisclosure: request.coiDisclosure,
    })),
    openRequestsVolunteered: volunteered.map((row) => ({
      topic: row.topic,
      purpose: row.purpose,
      status: row.status,
      dueDate: row.dueDate,
      picked: row.alumnusMemberId === memberId,
      volunteeredAt: row.volunteeredAt.toISOString(),
    })),
    eventAnswers: answers.map((row) => ({
      event: row.title,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      place: row.place,
      eventCancelled: row.eventStatus === 'cancelled',
      answer: row.answer,
      waitlisted: row.waitlisted,
      waitlistedAt: iso(row.waitlistedAt),
      answeredAt: row.answeredAt.toISOString(),
    })),
    rounds: ownRounds(participation, pairs),
    recentSearches: searches.map((at) => at.toISOString()),
    auditTrail: trail.map((event) => ({ action: event.action, occurredAt: event.occurredAt.toISOString() })),
  };
}
