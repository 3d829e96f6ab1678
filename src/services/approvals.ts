import type { MemberRow } from '../db/schema';
import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';
import { DELIVERIES } from './deliveries';
import { AppError } from './errors';

export type Decision = 'approve' | 'decline';

/**
 * An organizer decides a pending registration. Checked here, not trusted from the button: the
 * clicker must be an organizer, and a registration is decided once (a second click changes nothing).
 */
export async function decideRegistration(
  deps: ServiceDeps,
  input: { organizerSlackUserId: string; memberId: string; decision: Decision },
): Promise<{ member: MemberRow; deliveryIds: string[] }> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    if (!(await repos.organizers.isActive(input.organizerSlackUserId))) throw new AppError('not_organizer');
    const decided = await repos.members.decidePending(input.memberId, {
      status: input.decision === 'approve' ? 'active' : 'declined',
      bySlackUserId: input.organizerSlackUserId,
      at: now,
    });
    if (!decided) {
      const existing = await repos.members.findById(input.memberId);
      throw new AppError(existing && existing.status !== 'erased' ? 'already_decided' : 'not_found');
    }
    await repos.audit.record({
      actor: input.organizerSlackUserId,
      action: input.decision === 'approve' ? 'registration.approved' : 'registration.declined',
      subjectMemberId: decided.id,
      occurredAt: now,
    });
    const deliveryIds = await repos.deliveries.enqueue(
      [DELIVERIES.approvalRefresh(decided.id, decided.status, now), DELIVERIES.decisionNotice(decided.id, decided.status, now)],
      now,
    );
    return { member: decided, deliveryIds };
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
