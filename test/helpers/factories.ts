import type { IntroductionRow, MemberRow } from '../../src/db/schema';
import type { EventRow } from '../../src/db/schema/events';
import { EVENT_LIMITS } from '../../src/services/event-types';
import { INTRODUCTION_LIMITS } from '../../src/services/introduction-rules';
import { CODE_OF_CONDUCT_VERSION, CONSENT_TEXT_VERSION, LIMITS, type ProfileInput } from '../../src/services/profile-rules';
import { HELP_KIND_KEYS, TOPIC_KEYS } from '../../src/services/taxonomy';

let sequence = 0;

/** Distinct, stable identifiers for each row a test makes. */
function nextIds() {
  sequence += 1;
  const n = String(sequence).padStart(12, '0');
  return {
    id: `7c9e6679-7425-40de-944b-${n}`,
    pseudonym: `M-${sequence.toString(16).toUpperCase().padStart(8, '0')}`,
    slackUserId: `U0${n}`,
    email: `hanako.sato+${sequence}@example.co.jp`,
  };
}

/**
 * A complete, realistic member as the database returns it: an active alumna who answered every
 * question and shares her profile with staff only. A test states only what differs.
 */
export function memberRow(overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    ...nextIds(),
    slackStanding: 'member',
    name: '佐藤 花子',
    locale: 'ja',
    memberType: 'alumni',
    status: 'active',
    yearJoined: 2008,
    yearLeft: 2019,
    formerDivisions: '資源エネルギー庁 省エネルギー課、経済産業政策局 産業組織課',
    organisation: '株式会社グリーンパワー総研',
    title: '主席研究員',
    sector: 'consulting',
    topics: ['energy_gx', 'renewable_energy', 'regulatory_reform'],
    helpText: '再エネ事業者の立場から、FIP制度の運用や系統接続の実務についてお話しできます。',
    helpKinds: ['opinion_exchange', 'draft_feedback'],
    monthlyCapacity: 2,
    unavailableUntil: null,
    shareWithStaff: true,
    shareWithAlumni: false,
    consentTextVersion: CONSENT_TEXT_VERSION,
    consentRecordedAt: new Date('2026-04-01T09:00:00Z'),
    coiDeclared: false,
    coiDescription: null,
    coiRelations: [],
    coiDivisions: null,
    monthLeft: null,
    currentDivision: null,
    officialDuties: [],
    dutySectors: [],
    dutyOrganisations: null,
    ethicsSupervisorSlackUserId: null,
    declarationsConfirmedAt: null,
    declineReason: null,
    codeOfConductVersion: CODE_OF_CONDUCT_VERSION,
    codeOfConductAcceptedAt: new Date('2026-04-01T09:00:00Z'),
    referredBySlackUserId: 'U0REFERRER1',
    interestedInReturning: false,
    profileConfirmedAt: new Date('2026-04-01T09:00:00Z'),
    staleReminderSentAt: null,
    decidedBySlackUserId: 'U0ORGANIZER',
    decidedAt: new Date('2026-04-02T01:30:00Z'),
    approvalChannelId: 'C0APPROVALS',
    approvalMessageTs: '1775093400.000100',
    createdAt: new Date('2026-04-01T09:00:00Z'),
    updatedAt: new Date('2026-04-01T09:00:00Z'),
    erasedAt: null,
    ...overrides,
  };
}

/** `fill` repeated to exactly `length` characters. */
export function textOfLength(length: number, fill: string): string {
  return fill.repeat(Math.ceil(length / fill.length)).slice(0, length);
}

/** Mixed Japanese and Latin text with the characters mrkdwn escaping lengthens. */
export const TYPICAL_FILL = '経済産業政策 & GX <2030> について、';
/** The worst case for escaping: every character becomes five (`&amp;`). */
export const ESCAPE_HEAVY_FILL = '&';

/**
 * The longest profile a member can save (LIMITS in src/services/profile.ts): every text at its
 * maximum length, every topic and kind of help, a declared conflict of interest.
 */
export function maximalMemberRow(overrides: Partial<MemberRow> = {}, fill = TYPICAL_FILL): MemberRow {
  return memberRow({
    name: textOfLength(LIMITS.name, fill),
    yearJoined: LIMITS.minYear,
    yearLeft: 2026,
    formerDivisions: textOfLength(LIMITS.formerDivisions, fill),
    organisation: textOfLength(LIMITS.organisation, fill),
    title: textOfLength(LIMITS.jobTitle, fill),
    sector: 'international_org',
    topics: [...TOPIC_KEYS],
    helpText: textOfLength(LIMITS.helpText, fill),
    helpKinds: [...HELP_KIND_KEYS],
    monthlyCapacity: LIMITS.maxCapacity,
    shareWithAlumni: true,
    coiDeclared: true,
    coiDescription: textOfLength(LIMITS.coiDescription, fill),
    interestedInReturning: true,
    ...overrides,
  });
}

/** A complete, valid profile as a member submits it (alumni, consenting to both audiences). */
export function profileInput(overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name: 'Expert',
    memberType: 'alumni',
    yearJoined: 2000,
    yearLeft: 2015,
    formerDivisions: null,
    organisation: 'Some Fund',
    jobTitle: 'Partner',
    sector: 'investment',
    topics: [],
    helpText: null,
    helpKinds: ['opinion_exchange'],
    monthlyCapacity: 2,
    shareWithStaff: true,
    shareWithAlumni: true,
    coiDeclared: false,
    coiDescription: null,
    codeOfConductAccepted: true,
    referredBySlackUserId: null,
    interestedInReturning: false,
    ...overrides,
  };
}

/** A direct introduction request as the database returns it: pending, from staff, with a disclosure seen. */
export function introductionRow(overrides: Partial<IntroductionRow> = {}): IntroductionRow {
  sequence += 1;
  return {
    id: `9d1f2c3a-1111-4222-8333-${String(sequence).padStart(12, '0')}`,
    kind: 'direct',
    status: 'pending',
    submissionKey: null,
    requesterSlackUserId: 'U0STAFF',
    requesterMemberId: null,
    requesterName: '経産 太郎',
    requesterAudience: 'staff',
    requesterDivision: '資源エネルギー庁 新エネルギー課',
    alumnusMemberId: '7c9e6679-7425-40de-944b-000000000001',
    topic: '再エネ 系統',
    purpose: 'policy_research',
    details: '系統接続の実務で、現場が困っている点を知りたい。',
    format: 'call',
    dueDate: '2026-12-10',
    coiDisclosure: null,
    coiAcknowledgedAt: null,
    ethicsNotices: [],
    ethicsMatch: null,
    ethicsAcknowledgedAt: null,
    ethicsSupervisorSlackUserId: null,
    ethicsSupervisorNotifiedAt: null,
    declineReason: null,
    createdAt: new Date('2026-11-24T09:00:00Z'),
    answeredAt: null,
    reminderSentAt: null,
    expiryNoticeSentAt: null,
    deliveredChannelId: 'D0ALUMNA',
    deliveredMessageTs: '1800000000.000100',
    groupChannelId: null,
    ...overrides,
  };
}

/** The longest request a requester can send, every text at its limit. */
export function maximalIntroductionRow(overrides: Partial<IntroductionRow> = {}, fill = TYPICAL_FILL): IntroductionRow {
  return introductionRow({
    requesterName: textOfLength(LIMITS.name, fill),
    requesterDivision: textOfLength(INTRODUCTION_LIMITS.division, fill),
    topic: textOfLength(INTRODUCTION_LIMITS.topic, fill),
    details: textOfLength(INTRODUCTION_LIMITS.details, fill),
    coiDisclosure: textOfLength(LIMITS.coiDescription, fill),
    coiAcknowledgedAt: new Date('2026-11-24T09:00:00Z'),
    declineReason: textOfLength(INTRODUCTION_LIMITS.declineReason, fill),
    ...overrides,
  });
}

/**
 * A scheduled meetup as the database returns it: an evening in Tokyo for alumni, 30 places, with
 * an answer-by date and its announcement posted.
 */
export function eventRow(overrides: Partial<EventRow> = {}): EventRow {
  sequence += 1;
  return {
    id: `3b8f5a2e-2222-4333-8444-${String(sequence).padStart(12, '0')}`,
    title: '2026年 忘年交流会',
    startsAt: new Date('2026-12-05T09:00:00Z'), // 18:00 in Tokyo
    endsAt: new Date('2026-12-05T11:00:00Z'),
    place: '霞が関ビル 35階 東京倶楽部',
    description: '今年の振り返りと近況報告の会です。会費 5,000円（当日現金）。',
    audience: 'alumni',
    capacity: 30,
    feePerPerson: 5000,
    feePayer: 'each_attendee',
    format: 'standing',
    rsvpDeadline: new Date('2026-12-01T14:59:00Z'),
    status: 'scheduled',
    organizerSlackUserId: 'U0ORGANIZER',
    channelId: 'C0EVENTS',
    messageTs: '1795000000.000100',
    submissionKey: null,
    editSubmissionKey: null,
    revision: 0,
    postingToldAt: null,
    createdAt: new Date('2026-11-20T01:00:00Z'),
    updatedAt: new Date('2026-11-20T01:00:00Z'),
    cancelledAt: null,
    ...overrides,
  };
}

/** The longest event an organizer can save (EVENT_LIMITS), every text at its limit. */
export function maximalEventRow(overrides: Partial<EventRow> = {}, fill = TYPICAL_FILL): EventRow {
  return eventRow({
    title: textOfLength(EVENT_LIMITS.title, fill),
    place: textOfLength(EVENT_LIMITS.place, fill),
    description: textOfLength(EVENT_LIMITS.description, fill),
    capacity: EVENT_LIMITS.maxCapacity,
    ...overrides,
  });
}
