import { ethicsMatchRecord } from './ethics-match';
import { createRepositories, type Repositories } from '../db/repositories';
import { isUniqueViolation, type IntroductionListItem } from '../db/repositories/introductions';
import type { IntroductionRow, MemberRow } from '../db/schema';
import { networkToday } from './calendar';
import type { ServiceDeps } from './deps';
import { isCurrentOfficial, resolveViewer, type Actor, type Viewer } from './identity';
import { holdsAPost } from './profile-rules';
import {
  checkFutureDate,
  INTRODUCTION_LIMITS,
  REMINDER_AFTER_DAYS,
  validateIntroduction,
  type IntroductionErrorCode,
  type IntroductionFieldError,
  type IntroductionInput,
} from './introduction-rules';
import { searchExperts, type ExpertMatch } from './search';
import { isUuid } from './uuid';
import { DELIVERIES } from './deliveries';
import { disclosureSummary, type EthicsCheck } from './ethics';
import {
  checkEthicsAnswers,
  ethicsCheckFor,
  type EthicsAnswers,
  type EthicsFieldError,
  type IntroductionEthicsSettings,
} from './introduction-ethics';

// The ethics parts live in introduction-ethics.ts; listeners import these names from here too.
export type { EthicsAnswers, EthicsErrorCode, EthicsField, EthicsFieldError, IntroductionEthicsSettings } from './introduction-ethics';
export { recordSupervisorNotified } from './introduction-ethics';

/** Who is asking: a Slack user as Slack describes them, with the name shown to the alumnus. */
export type Requester = Actor;

/** The audience whose consent an ask needs: organizers ask as staff do, as they search. */
function askingAudience(viewer: Viewer): 'staff' | 'alumni' | undefined {
  if (viewer.audience === 'none') return undefined;
  return viewer.audience === 'alumni' ? 'alumni' : 'staff';
}

/**
 * The side whose rules apply to the requester: 'staff' only for a current official, by their active
 * profile or Slack's record (an organizer who is an alumnus asks as staff but holds no post).
 */
function ethicsSide(deps: ServiceDeps, viewer: Viewer, requester: Requester): 'staff' | 'alumni' {
  const member = viewer.member?.status === 'active' ? viewer.member : undefined;
  const facts = { memberType: member?.memberType ?? null, slackStanding: requester.standing, email: requester.email };
  return isCurrentOfficial(facts, deps.staffEmailDomains) ? 'staff' : 'alumni';
}

/**
 * Whether this requester may ask this member now: visible to the requester's audience (consent,
 * checked in the query layer), taking requests at all, not themselves, not marked unavailable.
 */
async function findAskable(
  repos: Repositories,
  viewer: Viewer,
  requesterSlackUserId: string,
  memberId: string,
  today: string,
): Promise<MemberRow | undefined> {
  const audience = askingAudience(viewer);
  if (!audience) return undefined;
  const member = await repos.members.findVisibleById(audience, memberId);
  // Not on Slack (yet): nobody to deliver the ask to, so not askable.
  if (!member?.slackUserId || member.monthlyCapacity <= 0 || member.slackUserId === requesterSlackUserId) return undefined;
  if (member.unavailableUntil && member.unavailableUntil >= today) return undefined;
  return member;
}

export type PrepareResult =
  | { kind: 'not_allowed' }
  | { kind: 'not_available' }
  | { kind: 'already_asked'; alumnus: MemberRow }
  | { kind: 'ready'; alumnus: MemberRow; requesterDivision: string; ethics: EthicsCheck; supervisorSlackUserId: string | null };

/** Before the request modal opens: whether the ask is possible, and what to prefill. */
export async function prepareIntroduction(
  deps: ServiceDeps,
  input: { requester: Requester; memberId: string; ethics: IntroductionEthicsSettings },
): Promise<PrepareResult> {
  const repos = createRepositories(deps.db);
  const viewer = await resolveViewer(deps, input.requester);
  if (!askingAudience(viewer)) return { kind: 'not_allowed' };
  const alumnus = await findAskable(repos, viewer, input.requester.slackUserId, input.memberId, networkToday(deps.clock()));
  if (!alumnus) return { kind: 'not_available' };
  if (await repos.introductions.findPending(input.requester.slackUserId, alumnus.id)) return { kind: 'already_asked', alumnus };
  const requesterDivision = defaultDivision(viewer.member);
  const ethics = ethicsCheckFor(ethicsSide(deps, viewer, input.requester), viewer.member, requesterDivision, alumnus, deps.clock(), input.ethics);
  return {
    kind: 'ready',
    alumnus,
    requesterDivision,
    ethics,
    supervisorSlackUserId: viewer.member?.ethicsSupervisorSlackUserId ?? null,
  };
}

/** Whether the requester may post an open request at all, and what to prefill. */
export async function prepareOpenRequest(
  deps: ServiceDeps,
  requester: Requester,
): Promise<{ kind: 'not_allowed' } | { kind: 'ready'; requesterDivision: string }> {
  const viewer = await resolveViewer(deps, requester);
  if (!askingAudience(viewer)) return { kind: 'not_allowed' };
  return { kind: 'ready', requesterDivision: defaultDivision(viewer.member) };
}

function defaultDivision(member: MemberRow | undefined): string {
  if (!member) return '';
  // Staff and returnees declare their division; their organisation is the ministry, no division (and would match too much).
  if (holdsAPost(member.memberType)) return member.currentDivision ?? '';
  return member.organisation ?? '';
}

export type RequestResult =
  | { kind: 'invalid'; errors: IntroductionFieldError[] }
  | { kind: 'not_allowed' }
  | { kind: 'not_available' }
  | { kind: 'already_asked'; alumnus: MemberRow }
  /** A notice applies that the modal did not show (declarations or the typed division changed): show it first. */
  | { kind: 'ethics_unshown'; alumnus: MemberRow; check: EthicsCheck; supervisorSlackUserId: string | null }
  | { kind: 'ethics_invalid'; errors: EthicsFieldError[] }
  /** `supervisorDeliveryIds`: the DM to the ethics supervisor, if the requester chose to tell them. */
  | { kind: 'sent'; request: IntroductionRow; alumnus: MemberRow; deliveryIds: string[]; supervisorDeliveryIds: string[] };

/**
 * Sends an ask to one alumnus. Everything is checked again here (consent may have been withdrawn
 * since the results were shown), and the record, with any conflict-of-interest acknowledgement, is
 * written with its audit event in one transaction.
 */
export async function requestIntroduction(
  deps: ServiceDeps,
  input: {
    requester: Requester;
    memberId: string;
    topic: string;
    form: IntroductionInput;
    ethics: { settings: IntroductionEthicsSettings; answers: EthicsAnswers };
  },
): Promise<RequestResult> {
  const now = deps.clock();
  const today = networkToday(now);
  const viewer = await resolveViewer(deps, input.requester);
  const audience = askingAudience(viewer);
  if (!audience) return { kind: 'not_allowed' };
  try {
    return await deps.db.transaction(async (tx): Promise<RequestResult> => {
      const repos = createRepositories(tx);
      const alumnus = await findAskable(repos, viewer, input.requester.slackUserId, input.memberId, today);
      if (!alumnus) return { kind: 'not_available' };
      const coiDisclosed = alumnus.coiDeclared === true;
      const checked = validateIntroduction(input.form, { today, coiDisclosed });
      if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
      if (await repos.introductions.findPending(input.requester.slackUserId, alumnus.id)) return { kind: 'already_asked', alumnus };
      // Checked again with the declarations as they are now: a notice never shown is never sent past.
      const check = ethicsCheckFor(ethicsSide(deps, viewer, input.requester), viewer.member, checked.value.requesterDivision, alumnus, now, input.ethics.settings);
      const { answers } = input.ethics;
      if (!check.notices.every((notice) => answers.shown.includes(notice))) {
        return { kind: 'ethics_unshown', alumnus, check, supervisorSlackUserId: viewer.member?.ethicsSupervisorSlackUserId ?? null };
      }
      const ethicsErrors = checkEthicsAnswers(check, answers, input.requester.slackUserId, deps.staffEmailDomains);
      if (ethicsErrors.length > 0) return { kind: 'ethics_invalid', errors: ethicsErrors };
      const noticed = check.notices.length > 0;
      const supervisor = noticed && answers.notifySupervisor ? answers.supervisorSlackUserId : null;
      const request = await repos.introductions.insert({
        kind: 'direct',
        status: 'pending',
        requesterSlackUserId: input.requester.slackUserId,
        requesterMemberId: viewer.member?.id ?? null,
        requesterName: input.requester.realName,
        requesterAudience: audience,
        requesterDivision: checked.value.requesterDivision,
        alumnusMemberId: alumnus.id,
        topic: input.topic.slice(0, INTRODUCTION_LIMITS.topic),
        purpose: checked.value.purpose,
        details: checked.value.details,
        format: checked.value.format,
        dueDate: checked.value.dueDate,
        coiDisclosure: coiDisclosed ? disclosureSummary(alumnus) : null,
        coiAcknowledgedAt: coiDisclosed ? now : null,
        ethicsNotices: check.notices,
        ethicsMatch: ethicsMatchRecord(check),
        ethicsAcknowledgedAt: noticed ? now : null,
        ethicsSupervisorSlackUserId: supervisor,
        createdAt: now,
      });
      await repos.audit.record({
        actor: input.requester.slackUserId,
        action: 'introduction.requested',
        subjectMemberId: alumnus.id,
        details: {
          requestId: request.id,
          purpose: request.purpose,
          topic: request.topic,
          coiAcknowledged: coiDisclosed,
          ethicsNotices: check.notices,
          supervisorNotified: supervisor !== null,
        },
        occurredAt: now,
      });
      const deliveryIds = await repos.deliveries.enqueue([DELIVERIES.introductionRequest(request.id, input.requester.slackUserId)], now);
      const supervisorDeliveryIds = supervisor ? await repos.deliveries.enqueue([DELIVERIES.introductionNotice(request.id, 'supervisor', input.requester.slackUserId)], now) : [];
      return { kind: 'sent', request, alumnus, deliveryIds, supervisorDeliveryIds };
    });
  } catch (error) {
    // Two submissions at once: the unique index lets one through; the other is "already asked".
    if (isUniqueViolation(error)) {
      const alumnus = await createRepositories(deps.db).members.findById(input.memberId);
      if (alumnus) return { kind: 'already_asked', alumnus };
    }
    throw error;
  }
}

export type OpenRequestResult =
  | { kind: 'invalid'; errors: IntroductionFieldError[] }
  | { kind: 'not_allowed' }
  | { kind: 'sent'; request: IntroductionRow; deliveryIds: string[] };

/** Records an open request for the requests channel, where alumni may volunteer. */
export async function postOpenRequest(
  deps: ServiceDeps,
  input: { requester: Requester; topic: string; form: IntroductionInput; submissionKey: string },
): Promise<OpenRequestResult> {
  const now = deps.clock();
  const viewer = await resolveViewer(deps, input.requester);
  const audience = askingAudience(viewer);
  if (!audience) return { kind: 'not_allowed' };
  const checked = validateIntroduction(input.form, { today: networkToday(now), coiDisclosed: false });
  if (!checked.ok) return { kind: 'invalid', errors: checked.errors };
  try {
    return await deps.db.transaction(async (tx) => {
      const repos = createRepositories(tx);
      // The same form again (a Slack retry, a second instance): what the first recorded, nothing new.
      const already = await repos.introductions.findBySubmissionKey(input.submissionKey);
      if (already) return { kind: 'sent', request: already, deliveryIds: [] };
      const request = await repos.introductions.insert({
        submissionKey: input.submissionKey,
        kind: 'open',
        status: 'open',
        requesterSlackUserId: input.requester.slackUserId,
        requesterMemberId: viewer.member?.id ?? null,
        requesterName: input.requester.realName,
        requesterAudience: audience,
        requesterDivision: checked.value.requesterDivision,
        topic: input.topic.slice(0, INTRODUCTION_LIMITS.topic),
        purpose: checked.value.purpose,
        details: checked.value.details,
        format: checked.value.format,
        dueDate: checked.value.dueDate,
        createdAt: now,
      });
      await repos.audit.record({
        actor: input.requester.slackUserId,
        action: 'introduction.open_posted',
        details: { requestId: request.id, purpose: request.purpose, topic: request.topic },
        occurredAt: now,
      });
      const deliveryIds = await repos.deliveries.enqueue([DELIVERIES.openRequestPost(request.id, input.requester.slackUserId)], now);
      return { kind: 'sent', request, deliveryIds };
    });
  } catch (error) {
    // The same form at the same moment on another instance: the unique key let one through.
    if (!isUniqueViolation(error)) throw error;
    const already = await createRepositories(deps.db).introductions.findBySubmissionKey(input.submissionKey);
    if (!already) throw error;
    return { kind: 'sent', request: already, deliveryIds: [] };
  }
}

/** Where a delivered request lives in Slack, so its message can be updated when answered. */
export async function recordDelivery(deps: ServiceDeps, requestId: string, message: { channelId: string; ts: string }) {
  await createRepositories(deps.db).introductions.update(requestId, {
    deliveredChannelId: message.channelId,
    deliveredMessageTs: message.ts,
  });
}

/**
 * The introduction was posted in `channelId`: recorded with what follows it (the alumnus's copy or
 * the open request's post updated, both people told), in one transaction. Returns what to deliver.
 */
export async function introductionFollowUps(deps: ServiceDeps, request: IntroductionRow, channelId: string): Promise<string[]> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    await repos.introductions.update(request.id, { groupChannelId: channelId });
    return repos.deliveries.enqueue(
      request.kind === 'direct'
        ? [DELIVERIES.introductionOutcome(request.id, 'accepted'), DELIVERIES.introductionNotice(request.id, 'accepted')]
        : [
            DELIVERIES.openRequestRefresh(request.id, 'accepted'),
            DELIVERIES.introductionNotice(request.id, 'picked'),
            DELIVERIES.introductionNotice(request.id, 'picked_you'),
          ],
      now,
    );
  });
}

/** A volunteer of an open request, if they still are one. */
export async function loadVolunteer(deps: ServiceDeps, requestId: string, memberId: string): Promise<MemberRow | undefined> {
  return (await createRepositories(deps.db).introductions.listVolunteers(requestId)).find((member) => member.id === memberId);
}

export type AnswerResult =
  | { kind: 'not_yours' }
  | { kind: 'invalid'; field: 'unavailableUntil' | 'reason'; code: IntroductionErrorCode; max?: number }
  | { kind: 'already_answered'; request: IntroductionRow; alumnus: MemberRow }
  | { kind: 'accepted'; request: IntroductionRow; alumnus: MemberRow; deliveryIds: string[] }
  /** `reasonGiven`: a note went to the requester with the decline. */
  | { kind: 'declined'; request: IntroductionRow; alumnus: MemberRow; deliveryIds: string[]; reasonGiven: boolean };

/**
 * The alumnus answers an ask. Only the member it was addressed to may answer, whatever request ID
 * the click carries, and only once: a second click reports the answer already given.
 */
export async function answerIntroduction(
  deps: ServiceDeps,
  input: {
    alumnusSlackUserId: string;
    requestId: string;
    answer: 'accept' | 'decline';
    reason?: string | null;
    unavailableUntil?: string | null;
  },
): Promise<AnswerResult> {
  const now = deps.clock();
  const today = networkToday(now);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > INTRODUCTION_LIMITS.declineReason) {
    return { kind: 'invalid', field: 'reason', code: 'tooLong', max: INTRODUCTION_LIMITS.declineReason };
  }
  if (input.unavailableUntil) {
    const problem = checkFutureDate(input.unavailableUntil, today);
    if (problem) return { kind: 'invalid', field: 'unavailableUntil', code: problem };
  }
  return deps.db.transaction(async (tx): Promise<AnswerResult> => {
    const repos = createRepositories(tx);
    const alumnus = await repos.members.findBySlackUserId(input.alumnusSlackUserId);
    const existing = isUuid(input.requestId) ? await repos.introductions.findById(input.requestId) : undefined;
    if (!alumnus || !existing || existing.kind !== 'direct' || existing.alumnusMemberId !== alumnus.id) return { kind: 'not_yours' };
    const status = input.answer === 'accept' ? 'accepted' : 'declined';
    const answered = await repos.introductions.answer(existing.id, alumnus.id, {
      status,
      at: now,
      declineReason: input.answer === 'decline' ? reason : null,
    });
    if (!answered) return { kind: 'already_answered', request: existing, alumnus };
    let updatedAlumnus = alumnus;
    if (input.answer === 'decline' && input.unavailableUntil) {
      updatedAlumnus = await repos.members.update(alumnus.id, { unavailableUntil: input.unavailableUntil });
    }
    await repos.audit.record({
      actor: input.alumnusSlackUserId,
      action: input.answer === 'accept' ? 'introduction.accepted' : 'introduction.declined',
      subjectMemberId: alumnus.id,
      details: {
        requestId: answered.id,
        ...(input.answer === 'decline' ? { reasonGiven: reason !== null, unavailableUntil: input.unavailableUntil ?? null } : {}),
      },
      occurredAt: now,
    });
    // Accepted: the introduction, whose notices follow it (introductionFollowUps). Declined: the
    // alumnus's copy shows it, and the requester hears it with the next match.
    const deliveryIds = await repos.deliveries.enqueue(
      status === 'accepted'
        ? [DELIVERIES.introduction(answered.id, answered.requesterSlackUserId)]
        : [DELIVERIES.introductionOutcome(answered.id, 'declined'), DELIVERIES.introductionNotice(answered.id, 'declined')],
      now,
    );
    if (status === 'accepted') return { kind: 'accepted', request: answered, alumnus: updatedAlumnus, deliveryIds };
    return { kind: 'declined', request: answered, alumnus: updatedAlumnus, deliveryIds, reasonGiven: reason !== null };
  });
}

export type VolunteerResult =
  | { kind: 'not_allowed' }
  | { kind: 'closed'; request: IntroductionRow }
  | { kind: 'already'; request: IntroductionRow }
  | { kind: 'volunteered'; request: IntroductionRow; volunteer: MemberRow; deliveryIds: string[] };

/**
 * "I can help" on an open request: only an active alumnus or returnee who shares their profile with
 * the requester's audience may volunteer (the requester will see their profile), once.
 */
export async function volunteerForRequest(
  deps: ServiceDeps,
  input: { volunteerSlackUserId: string; requestId: string },
): Promise<VolunteerResult> {
  const now = deps.clock();
  return deps.db.transaction(async (tx): Promise<VolunteerResult> => {
    const repos = createRepositories(tx);
    const request = isUuid(input.requestId) ? await repos.introductions.findById(input.requestId) : undefined;
    const member = await repos.members.findBySlackUserId(input.volunteerSlackUserId);
    if (!request || request.kind !== 'open' || !member) return { kind: 'not_allowed' };
    const volunteer = await repos.members.findVisibleById(request.requesterAudience, member.id);
    if (!volunteer || volunteer.slackUserId === request.requesterSlackUserId) return { kind: 'not_allowed' };
    if (request.status !== 'open') return { kind: 'closed', request };
    if (!(await repos.introductions.addVolunteer(request.id, volunteer.id, now))) return { kind: 'already', request };
    await repos.audit.record({
      actor: input.volunteerSlackUserId,
      action: 'introduction.volunteered',
      subjectMemberId: volunteer.id,
      details: { requestId: request.id },
      occurredAt: now,
    });
    const deliveryIds = await repos.deliveries.enqueue(
      [DELIVERIES.volunteerNotice(request.id, volunteer.id), DELIVERIES.openRequestRefresh(request.id, `volunteer:${volunteer.id}`)],
      now,
    );
    return { kind: 'volunteered', request, volunteer, deliveryIds };
  });
}

export type PickResult =
  | { kind: 'not_yours' }
  | { kind: 'not_available' }
  | { kind: 'already_decided'; request: IntroductionRow }
  /** A notice applies that the requester has not been shown (and acknowledged): nothing is picked yet. */
  | { kind: 'ethics_unshown'; request: IntroductionRow; alumnus: MemberRow; check: EthicsCheck; supervisorSlackUserId: string | null }
  | { kind: 'ethics_invalid'; errors: EthicsFieldError[] }
  /** `deliveryIds`: the introduction; `noticeIds`: the thanks to each volunteer not chosen; `supervisorDeliveryIds`: the supervisor's DM. */
  | {
      kind: 'accepted';
      request: IntroductionRow;
      alumnus: MemberRow;
      deliveryIds: string[];
      noticeIds: string[];
      supervisorDeliveryIds: string[];
    };

/**
 * Whether an ethics notice applies to this requester choosing this volunteer, as the "Choose" button
 * is made: it then opens the notice to acknowledge instead of picking at once (a modal needs the
 * click's trigger before anything slow). The pick checks again.
 */
export async function pickNoticeApplies(
  deps: ServiceDeps,
  input: { requester: Requester; request: IntroductionRow; volunteer: MemberRow; ethics: IntroductionEthicsSettings },
): Promise<boolean> {
  const viewer = await resolveViewer(deps, input.requester);
  const check = ethicsCheckFor(ethicsSide(deps, viewer, input.requester), viewer.member, input.request.requesterDivision, input.volunteer, deps.clock(), input.ethics);
  return check.notices.length > 0;
}

/**
 * The requester picks one volunteer of their open request, which makes the introduction, once; the
 * other volunteers are told, in the same transaction, that someone else was chosen. When an ethics
 * notice applies to the volunteer chosen, the pick is made only with the requester's answers to it
 * (`answers`: acknowledged, and the supervisor told if they chose so), recorded with the pick.
 */
export async function pickVolunteer(
  deps: ServiceDeps,
  input: { requester: Requester; requestId: string; memberId: string; ethics: IntroductionEthicsSettings; answers?: EthicsAnswers },
): Promise<PickResult> {
  const now = deps.clock();
  const requesterSlackUserId = input.requester.slackUserId;
  const viewer = await resolveViewer(deps, input.requester);
  return deps.db.transaction(async (tx): Promise<PickResult> => {
    const repos = createRepositories(tx);
    const request = isUuid(input.requestId) ? await repos.introductions.findById(input.requestId) : undefined;
    if (!request || request.kind !== 'open' || request.requesterSlackUserId !== requesterSlackUserId) return { kind: 'not_yours' };
    if (request.status !== 'open') return { kind: 'already_decided', request };
    // The volunteer must still share their profile with the requester (consent can be withdrawn).
    const alumnus = isUuid(input.memberId) ? await repos.members.findVisibleById(request.requesterAudience, input.memberId) : undefined;
    if (!alumnus) return { kind: 'not_available' };
    // Checked with the declarations as they are now: a notice never shown is never picked past.
    const check = ethicsCheckFor(ethicsSide(deps, viewer, input.requester), viewer.member, request.requesterDivision, alumnus, now, input.ethics);
    const answers = input.answers;
    if (check.notices.length > 0 && !(answers && check.notices.every((notice) => answers.shown.includes(notice)))) {
      return { kind: 'ethics_unshown', request, alumnus, check, supervisorSlackUserId: viewer.member?.ethicsSupervisorSlackUserId ?? null };
    }
    const ethicsErrors = answers ? checkEthicsAnswers(check, answers, requesterSlackUserId, deps.staffEmailDomains) : [];
    if (ethicsErrors.length > 0) return { kind: 'ethics_invalid', errors: ethicsErrors };
    const chosen = await repos.introductions.pickVolunteer(request.id, requesterSlackUserId, alumnus.id, now);
    if (!chosen) {
      const current = await repos.introductions.findById(request.id);
      return current?.status === 'open' ? { kind: 'not_available' } : { kind: 'already_decided', request: current ?? request };
    }
    const noticed = check.notices.length > 0;
    const supervisor = noticed && answers?.notifySupervisor ? answers.supervisorSlackUserId : null;
    const ethicsRecord = {
      ethicsNotices: check.notices,
      ethicsMatch: ethicsMatchRecord(check),
      ethicsAcknowledgedAt: noticed ? now : null,
      ethicsSupervisorSlackUserId: supervisor,
    };
    if (noticed) await repos.introductions.update(chosen.id, ethicsRecord);
    const picked: IntroductionRow = { ...chosen, ...ethicsRecord };
    await repos.audit.record({
      actor: requesterSlackUserId,
      action: 'introduction.matched',
      subjectMemberId: alumnus.id,
      details: { requestId: picked.id, ethicsNotices: check.notices, supervisorNotified: supervisor !== null },
      occurredAt: now,
    });
    const deliveryIds = await repos.deliveries.enqueue([DELIVERIES.introduction(picked.id, picked.requesterSlackUserId)], now);
    const others = (await repos.introductions.listVolunteers(picked.id)).filter((volunteer) => volunteer.id !== alumnus.id);
    const noticeIds = await repos.deliveries.enqueue(
      others.map((volunteer) => DELIVERIES.notChosenNotice(picked.id, volunteer.id)),
      now,
    );
    const supervisorDeliveryIds = supervisor
      ? await repos.deliveries.enqueue([DELIVERIES.introductionNotice(picked.id, 'supervisor', requesterSlackUserId)], now)
      : [];
    return { kind: 'accepted', request: picked, alumnus, deliveryIds, noticeIds, supervisorDeliveryIds };
  });
}

/**
 * After a decline or an expiry: the best match for the same topic whom the requester has not asked
 * yet, searched with the requester's current rights (no search allowance is spent on it).
 */
export async function findNextMatch(
  deps: ServiceDeps,
  input: { requester: Requester; request: IntroductionRow },
): Promise<ExpertMatch | undefined> {
  const viewer = await resolveViewer(deps, input.requester);
  if (viewer.audience === 'none') return undefined;
  const asked = await createRepositories(deps.db).introductions.askedForTopic(input.requester.slackUserId, input.request.topic);
  const { matches } = await searchExperts(deps, {
    viewer,
    viewerSlackUserId: input.requester.slackUserId,
    query: input.request.topic,
    limit: 1,
    offset: 0,
    excludeMemberIds: asked,
  });
  return matches[0];
}

export interface ParticipantView {
  request: IntroductionRow;
  alumnus: MemberRow | undefined;
}

/** A request with its alumnus, for messages that describe it. */
export async function loadIntroduction(deps: ServiceDeps, requestId: string): Promise<ParticipantView | undefined> {
  const repos = createRepositories(deps.db);
  const request = isUuid(requestId) ? await repos.introductions.findById(requestId) : undefined;
  if (!request) return undefined;
  return { request, alumnus: request.alumnusMemberId ? await repos.members.findById(request.alumnusMemberId) : undefined };
}

export async function listVolunteers(deps: ServiceDeps, requestId: string): Promise<MemberRow[]> {
  return createRepositories(deps.db).introductions.listVolunteers(requestId);
}

/**
 * Records each due reminder once, with its delivery, in one transaction: claimed with SKIP LOCKED,
 * so several instances never double it; the delivery worker carries it out (and retries it).
 */
export async function sendIntroductionReminders(deps: ServiceDeps, options: { batchSize?: number } = {}): Promise<string[]> {
  const now = deps.clock();
  const createdBefore = new Date(now.getTime() - REMINDER_AFTER_DAYS * 86_400_000);
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const claimed = await repos.introductions.claimReminders(createdBefore, networkToday(now), now, options.batchSize ?? 50);
    return repos.deliveries.enqueue(claimed.map((request) => DELIVERIES.introductionReminder(request.id)), now);
  });
}

/**
 * Expires requests nobody answered by their date and, in the same transaction, records what tells
 * of it: the alumnus's copy or the open request's post, and the requester's notice.
 */
export async function expireIntroductions(deps: ServiceDeps): Promise<{ expired: number; deliveryIds: string[] }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const rows = await repos.introductions.expireOverdue(networkToday(now), now);
    const deliveries = [];
    for (const request of rows) {
      await repos.audit.record({
        actor: null,
        action: 'introduction.expired',
        subjectMemberId: request.alumnusMemberId,
        details: { requestId: request.id },
        occurredAt: now,
      });
      deliveries.push(
        request.kind === 'open' ? DELIVERIES.openRequestRefresh(request.id, 'expired') : DELIVERIES.introductionOutcome(request.id, 'expired'),
        DELIVERIES.introductionNotice(request.id, 'expired'),
      );
    }
    return { expired: rows.length, deliveryIds: await repos.deliveries.enqueue(deliveries, now) };
  });
}

/** How many of each list the App Home shows. */
export const HOME_REQUESTS_LIMIT = 10;

/** Requests I made, and requests addressed to me, newest first. */
export async function listMyIntroductions(
  deps: ServiceDeps,
  input: { slackUserId: string; member: MemberRow | undefined },
): Promise<{ made: IntroductionListItem[]; toMe: IntroductionListItem[] }> {
  const repos = createRepositories(deps.db);
  const [made, toMe] = await Promise.all([
    repos.introductions.listMadeBy(input.slackUserId, HOME_REQUESTS_LIMIT),
    input.member ? repos.introductions.listAddressedTo(input.member.id, HOME_REQUESTS_LIMIT) : Promise.resolve([]),
  ]);
  return { made, toMe };
}
