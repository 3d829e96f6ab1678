import { createRepositories, type Repositories } from '../db/repositories';
import type { MemberRow } from '../db/schema';
import { appendToErasureLedger } from './backup-ledger';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import { withdrawAllAnswersOf, type WithdrawnAnswers } from './event-answers';
import { collectOwnData, type OwnData } from './own-data';
import { searchDocumentFor } from './search-text';

/**
 * Everything stored about a person, for `/alumni-profile export` (their right of access), without
 * internal bookkeeping; undefined when nothing is stored.
 */
export async function exportOwnData(deps: ServiceDeps, slackUserId: string): Promise<OwnData | undefined> {
  return collectOwnData(deps, slackUserId);
}

export interface Erasure {
  pseudonym: string;
  /**
   * The member's answers to events still ahead, withdrawn with the rest; what Slack must be told of it (their reminders
   * deleted, counts, promotions) is recorded in the same transaction, to deliver (`deliveryIds`).
   */
  withdrawn: WithdrawnAnswers;
  /** The organizers' registration card, redrawn without the profile (if there is one), to deliver. */
  cardDeliveryIds: string[];
}

/**
 * Erases a member's personal data for good, in one transaction. The row stays as a tombstone with
 * only its pseudonym, status and dates, so the audit trail still refers to someone; the consent
 * history stays too (it holds no personal data beyond the member's pseudonymous ID). Their answers
 * to events still ahead are withdrawn, and the places they held go to the waitlists (attendance at
 * events held stays, naming only the tombstone, for the contact log); the outbox records, in the
 * same transaction, the reminders to delete and the announcements and members to tell. The
 * erasure is noted in the erasure ledger beside the backups, so a restore cannot undo it.
 */
export async function eraseOwnData(deps: ServiceDeps, slackUserId: string): Promise<Erasure | undefined> {
  const now = deps.clock();
  const erased = await deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const member = await repos.members.lockForErasure({ slackUserId });
    if (!member) return undefined;
    const erasure = await eraseMemberRow(tx, repos, member, { erasedAt: now, now, staffEmailDomains: deps.staffEmailDomains, ethics: deps.ethics });
    await repos.audit.record({
      actor: member.pseudonym,
      action: 'member.erased',
      subjectMemberId: member.id,
      details: { eventAnswersDeleted: erasure.withdrawn.answers.length },
      occurredAt: now,
    });
    return { erasure, memberId: member.id };
  });
  if (!erased) return undefined;
  await appendToErasureLedger([{ memberId: erased.memberId, erasedAt: now.toISOString() }]);
  return erased.erasure;
}

/**
 * Applies an erasure again, by member ID: after a restore brought back a member who had erased
 * their data (the erasure ledger or the replaced database's tombstones name them). Does what the
 * member's own erasure did, Slack side effects included, and records it in the audit trail as a
 * re-application; undefined when the member is not in the database or is already a tombstone.
 */
export async function reapplyErasure(
  deps: ServiceDeps,
  input: { memberId: string; erasedAt: Date; reason: string },
): Promise<Erasure | undefined> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    // Locked: instances starting together re-apply it once.
    const member = await repos.members.lockForErasure({ id: input.memberId });
    if (!member || member.status === 'erased') return undefined;
    const erasure = await eraseMemberRow(tx, repos, member, { erasedAt: input.erasedAt, now, staffEmailDomains: deps.staffEmailDomains, ethics: deps.ethics });
    await repos.audit.record({
      actor: null,
      action: 'member.erasure_reapplied',
      subjectMemberId: member.id,
      details: { erasedAt: input.erasedAt.toISOString(), reason: input.reason, eventAnswersDeleted: erasure.withdrawn.answers.length },
      occurredAt: now,
    });
    return erasure;
  });
}

/**
 * The erasure itself, inside the caller's transaction: `erasedAt` is when the member asked for it,
 * `now` when this transaction withdraws their answers and records what Slack must be told.
 */
async function eraseMemberRow(
  tx: ServiceDeps['db'],
  repos: Repositories,
  member: MemberRow,
  { erasedAt, now, staffEmailDomains, ethics }: { erasedAt: Date; now: Date; staffEmailDomains: readonly string[]; ethics: ServiceDeps['ethics'] },
): Promise<Erasure> {
  const { slackUserId } = member;
  // The member's row is locked by this update before any event's row: the order answers take them in.
  await repos.members.update(member.id, {
    status: 'erased',
    erasedAt,
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
    referredBySlackUserId: null,
    interestedInReturning: false,
    // The registration card's place is kept (no personal data): the card is redrawn without the
    // profile, so the organizers' channel does not keep what the member erased.
    searchDocument: searchDocumentFor({}),
  });
  if (slackUserId) {
    await repos.audit.pseudonymiseActor(slackUserId, member.pseudonym);
    // Nothing Slack said about them is kept either, nor when they searched, nor a guest allowance
    // naming their account.
    await repos.slackUsers.forget(slackUserId);
    await repos.searchAllowances.forget(slackUserId);
    await repos.slackUsers.disallowGuest(slackUserId);
    await repos.introductions.pseudonymiseRequester(slackUserId, member.pseudonym);
  }
  await repos.introductions.eraseAlumnusWords(member.id);
  // Out of rounds, and what they said they are curious about gone; the pairs they were in stay,
  // naming only the pseudonymous tombstone (the contact log keeps the contact), without what the
  // ethics check found there (it names what they declared).
  await repos.roundParticipants.forget(member.id);
  await repos.rounds.eraseFindingsOf(member.id);
  const withdrawn = await withdrawAllAnswersOf(tx, member.id, now, { staffEmailDomains, ethics });
  const cardDeliveryIds = member.approvalChannelId
    ? await repos.deliveries.enqueue([DELIVERIES.approvalRefresh(member.id, 'erased', now)], now)
    : [];
  return { pseudonym: member.pseudonym, withdrawn, cardDeliveryIds };
}
