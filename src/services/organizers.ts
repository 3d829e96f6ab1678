import { createRepositories } from '../db/repositories';
import type { ServiceDeps } from './deps';
import { AppError } from './errors';

export async function isOrganizer(deps: ServiceDeps, slackUserId: string): Promise<boolean> {
  return createRepositories(deps.db).organizers.isActive(slackUserId);
}

export async function listOrganizers(deps: ServiceDeps): Promise<string[]> {
  return createRepositories(deps.db).organizers.listActive();
}

/** Organizers grant and revoke the role; the last organizer cannot be removed (nobody could approve). */
export async function setOrganizer(
  deps: ServiceDeps,
  input: { bySlackUserId: string; targetSlackUserId: string; active: boolean },
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    if (!(await repos.organizers.isActive(input.bySlackUserId))) throw new AppError('not_organizer');
    const wasActive = await repos.organizers.isActive(input.targetSlackUserId);
    if (wasActive === input.active) return;
    if (!input.active && (await repos.organizers.countActive()) <= 1) throw new AppError('last_organizer');
    await repos.organizers.setActive(input.targetSlackUserId, input.active, input.bySlackUserId, now);
    const target = await repos.members.findBySlackUserId(input.targetSlackUserId);
    await repos.audit.record({
      actor: input.bySlackUserId,
      action: input.active ? 'organizer.granted' : 'organizer.revoked',
      subjectMemberId: target?.id ?? null,
      details: { slackUserId: input.targetSlackUserId },
      occurredAt: now,
    });
  });
}

export async function seedOrganizers(deps: ServiceDeps, slackUserIds: readonly string[]): Promise<void> {
  await createRepositories(deps.db).organizers.seed(slackUserIds);
}
