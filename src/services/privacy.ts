import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';
import { searchDocumentFor } from './search-text';

/** Everything stored about a member, for `/alumni-profile export` (their right of access). */
export async function exportOwnData(deps: ServiceDeps, slackUserId: string): Promise<Record<string, unknown> | undefined> {
  const repos = createRepositories(deps.db);
  const member = await repos.members.findBySlackUserId(slackUserId);
  if (!member) return undefined;
  const [consentHistory, auditTrail, isOrganizer, requestsMade, requestsToMe] = await Promise.all([
    repos.members.listConsentEvents(member.id),
    repos.audit.listForMember(member.id),
    repos.organizers.isActive(slackUserId),
    repos.introductions.listMadeBy(slackUserId, 1000),
    repos.introductions.listAddressedTo(member.id, 1000),
  ]);
  return {
    exportedAt: deps.clock().toISOString(),
    profile: member,
    organizer: isOrganizer,
    consentHistory,
    auditTrail,
    introductionsRequested: requestsMade.map((item) => item.request),
    introductionsAddressedToMe: requestsToMe.map((item) => item.request),
  };
}

/**
 * Erases a member's personal data for good, in one transaction. The row stays as a tombstone with
 * only its pseudonym, status and dates, so the audit trail still refers to someone; the consent
 * history stays too (it holds no personal data beyond the member's pseudonymous ID).
 */
export async function eraseOwnData(deps: ServiceDeps, slackUserId: string): Promise<{ pseudonym: string } | undefined> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const member = await repos.members.findBySlackUserId(slackUserId);
    if (!member) return undefined;
    await repos.members.update(member.id, {
      status: 'erased',
      erasedAt: now,
      slackUserId: null,
      email: null,
      name: null,
      locale: null,
      yearJoined: null,
      yearLeft: null,
      formerDivisions: null,
      organisation: null,
      title: null,
      sector: null,
      topics: [],
      helpText: null,
      helpKinds: [],
      monthlyCapacity: 0,
      shareWithStaff: false,
      shareWithAlumni: false,
      coiDeclared: null,
      coiDescription: null,
      referredBySlackUserId: null,
      interestedInReturning: false,
      approvalChannelId: null,
      approvalMessageTs: null,
      searchDocument: searchDocumentFor({}),
    });
    await repos.audit.pseudonymiseActor(slackUserId, member.pseudonym);
    await repos.introductions.pseudonymiseRequester(slackUserId, member.pseudonym);
    await repos.introductions.eraseAlumnusWords(member.id);
    await repos.audit.record({
      actor: member.pseudonym,
      action: 'member.erased',
      subjectMemberId: member.id,
      occurredAt: now,
    });
    return { pseudonym: member.pseudonym };
  });
}
