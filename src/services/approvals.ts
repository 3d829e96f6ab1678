import type { MemberRow } from '../db/schema';
import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';
import { DELIVERIES } from './deliveries';
import { AppError } from './errors';

export type Decision = 'approve' | 'decline';

/** The longest reason an organizer may give the applicant for declining (the modal says so too). */
export const DECLINE_REASON_MAX = 500;

export type DecideResult =
  | { kind: 'decided'; member: MemberRow; deliveryIds: string[] }
  /** The same organizer made the same decision already (a double click, a resubmitted form): nothing more. */
  | { kind: 'already_done'; member: MemberRow }
  | { kind: 'invalid'; field: 'reason'; max: number };

/** A reason as kept: trimmed, none when blank. */
function reasonOf(reason: string | null | undefined): string | null {
  const trimmed = reason?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The registration an organizer is about to decide, before they are shown the decline form: only
 * an active organizer may, and only while it waits. The decision checks all of it again.
 */
export async function findRegistrationToDecide(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; memberId: string },
): Promise<MemberRow> {
  const repos = createRepositories(deps.db);
  if (!(await repos.organizers.isActive(input.organizerSlackUserId))) throw new AppError('not_organizer');
  const member = await repos.members.findById(input.memberId);
  if (!member || member.status === 'erased') throw new AppError('not_found');
  if (member.status !== 'pending') throw new AppError('already_decided');
  return member;
}

/**
 * An organizer decides a pending registration. Checked here, not trusted from the button: the
 * clicker must be an organizer, and a registration is decided once (a second click changes nothing).
 * A decline may carry a reason for the applicant: it is kept on the member's row alone (erasure and
 * a new submission clear it), which the applicant's DM reads when it is sent; the audit trail notes
 * only whether one was given.
 */
export async function decideRegistration(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; memberId: string; decision: Decision; reason?: string | null },
): Promise<DecideResult> {
  const reason = input.decision === 'decline' ? reasonOf(input.reason) : null;
  if (reason && reason.length > DECLINE_REASON_MAX) return { kind: 'invalid', field: 'reason', max: DECLINE_REASON_MAX };
  const now = deps.clock();
  return deps.db.transaction(async (tx): Promise<DecideResult> => {
    const repos = createRepositories(tx);
    if (!(await repos.organizers.isActive(input.organizerSlackUserId))) throw new AppError('not_organizer');
    const status = input.decision === 'approve' ? 'active' : 'declined';
    const decided = await repos.members.decidePending(input.memberId, {
      status,
      bySlackUserId: input.organizerSlackUserId,
      at: now,
    });
    if (!decided) {
      const existing = await repos.members.findById(input.memberId);
      if (!existing || existing.status === 'erased') throw new AppError('not_found');
      if (existing.status === status && existing.decidedBySlackUserId === input.organizerSlackUserId) {
        return { kind: 'already_done', member: existing };
      }
      throw new AppError('already_decided');
    }
    // The reason stays on the row, not in the audit trail or the outbox, so erasing the member erases
    // it; a reason left from an earlier decision goes too.
    const member = decided.declineReason !== reason ? await repos.members.update(decided.id, { declineReason: reason }) : decided;
    await repos.audit.record({
      actor: input.organizerSlackUserId,
      action: input.decision === 'approve' ? 'registration.approved' : 'registration.declined',
      subjectMemberId: decided.id,
      ...(input.decision === 'decline' ? { details: { reasonGiven: reason !== null } } : {}),
      occurredAt: now,
    });
    const deliveryIds = await repos.deliveries.enqueue(
      [DELIVERIES.approvalRefresh(decided.id, decided.status, now), DELIVERIES.decisionNotice(decided.id, decided.status, now)],
      now,
    );
    return { kind: 'decided', member, deliveryIds };
  });
}

/** Remembers where the approval request was posted, so the decision can update that message. */
export async function recordApprovalMessage(
  deps: ServiceDeps,
  memberId: string,
  message: { channelId: string; ts: string },
): Promise<void> {
  await createRepositories(deps.db).members.update(memberId, {
    approvalChannelId: message.channelId,
    approvalMessageTs: message.ts,
  });
}

/** Active members no one can reach on Slack yet, for organizers to follow up. */
export async function listUnlinkedMembers(deps: ServiceDeps, limit: number) {
  return createRepositories(deps.db).members.listUnlinked(limit);
}

export async function listPendingRegistrations(deps: ServiceDeps, limit: number) {
  return createRepositories(deps.db).members.listPending(limit);
}
