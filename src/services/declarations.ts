import { createRepositories } from '../db/repositories';
import { DELIVERIES } from './deliveries';
import type { ServiceDeps } from './deps';
import type { EthicsSettings } from './ethics';
import { holdsAPost } from './profile-rules';

/** The delivery that asks a staff member to confirm their declarations (see DELIVERIES.declarationsReminder). */
export const DECLARATIONS_REMINDER_KIND = 'profile.declarations_reminder';

/** Declarations confirmed before this are due to be confirmed again. */
export function declarationsCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * Records each due "please confirm your ethics declarations" DM once, with its delivery, in one
 * transaction: active staff whose declarations were confirmed more than `declarationsConfirmMonths`
 * ago (or never: staff who registered before they were asked) and who were not asked since. Rows
 * are locked with SKIP LOCKED and the delivery's key names the confirmation it follows, so several
 * instances sweeping at once never double it. Returns the deliveries.
 */
export async function sendDeclarationReminders(
  deps: ServiceDeps,
  settings: Pick<EthicsSettings, 'declarationsConfirmMonths'>,
  options: { batchSize?: number } = {},
): Promise<string[]> {
  if (settings.declarationsConfirmMonths <= 0) return [];
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const due = await repos.members.lockDueDeclarationReminders(
      declarationsCutoff(now, settings.declarationsConfirmMonths),
      DECLARATIONS_REMINDER_KIND,
      options.batchSize ?? 50,
    );
    return repos.deliveries.enqueue(due.map((member) => DELIVERIES.declarationsReminder(member.id, member.declarationsConfirmedAt)), now);
  });
}

export type ConfirmDeclarationsOutcome = 'confirmed' | 'not_staff' | 'no_profile';

/**
 * "Confirm as is": the staff member confirms their declarations as they stand. Checked on the
 * server (the button may be forged or outlive a change of member type); a second click confirms
 * again, which changes nothing that matters.
 */
export async function confirmDeclarations(deps: ServiceDeps, slackUserId: string): Promise<ConfirmDeclarationsOutcome> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const member = await repos.members.findBySlackUserId(slackUserId);
    if (!member || member.status !== 'active') return 'no_profile';
    if (!holdsAPost(member.memberType)) return 'not_staff';
    await repos.members.update(member.id, { declarationsConfirmedAt: now });
    await repos.audit.record({ actor: slackUserId, action: 'declarations.confirmed', subjectMemberId: member.id, occurredAt: now });
    return 'confirmed';
  });
}
