import type { WebClient } from '@slack/web-api';
import { buildHomeView, HOME_PENDING_LIMIT, HOME_UNLINKED_LIMIT } from '../../blocks/home';
import { listPendingRegistrations, listUnlinkedMembers } from '../../services/approvals';
import { listOrganizedEvents, listUpcomingEvents } from '../../services/events';
import { listMyIntroductions } from '../../services/introductions';
import { listFailedDeliveries } from '../../services/deliveries';
import { resolveViewer } from '../../services/identity';
import { activeUnavailability } from '../../services/availability';
import { lastBackupFailure } from '../../services/backup-daily';
import { buildAccessHomeView } from '../../blocks/access-home';
import { AppError } from '../../services/errors';
import { refusalFor } from '../../services/slack-standing';
import { roundsStanding } from '../../services/rounds';
import type { ListenerDeps } from '../deps';
import { userMessageFor } from './errors';
import type { IdentifiedUser } from './identify';

/**
 * Renders and publishes a user's App Home from the current state. An account that takes no part
 * sees only why, in the same words it gets everywhere else.
 */
export async function publishHome(deps: ListenerDeps, client: WebClient, user: IdentifiedUser): Promise<void> {
  const refusal = refusalFor(user.standing);
  if (refusal) {
    const reason = userMessageFor(new AppError(refusal), user.t);
    await client.views.publish({ user_id: user.slackUserId, view: buildAccessHomeView({ t: user.t, reason }) });
    return;
  }
  const viewer = await resolveViewer(deps.services, user);
  const pending = viewer.isOrganizer ? await listPendingRegistrations(deps.services, HOME_PENDING_LIMIT) : undefined;
  const [introductions, upcoming, organized, failedDeliveries, unlinked] = await Promise.all([
    listMyIntroductions(deps.services, { slackUserId: user.slackUserId, member: viewer.member }),
    listUpcomingEvents(deps.services, user),
    viewer.isOrganizer ? listOrganizedEvents(deps.services) : Promise.resolve(undefined),
    viewer.isOrganizer ? listFailedDeliveries(deps.services) : Promise.resolve(undefined),
    viewer.isOrganizer ? listUnlinkedMembers(deps.services, HOME_UNLINKED_LIMIT) : Promise.resolve(undefined),
  ]);
  const backupFailure = viewer.isOrganizer ? await lastBackupFailure(deps.services) : undefined;
  const rounds = await roundsStanding(deps.services, user.slackUserId);
  const view = buildHomeView({
    t: user.t,
    locale: user.locale,
    member: viewer.member,
    unavailableUntil: activeUnavailability(viewer.member, deps.services.clock()),
    pending,
    introductions,
    events: { upcoming, organized },
    failedDeliveries,
    unlinked,
    backupFailure,
    // Rounds show to whoever takes part or could, and to organizers; not to someone who could never join while they are off.
    rounds: rounds.organizer || rounds.participant || (rounds.settings?.enabled && !rounds.refusal) ? rounds : undefined,
  });
  await client.views.publish({ user_id: user.slackUserId, view });
}
