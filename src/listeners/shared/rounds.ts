import type { WebClient } from '@slack/web-api';
import { buildRoundJoinModal, buildRoundSetupModal } from '../../blocks/round-modals';
import { roundRefusalText } from '../../blocks/rounds';
import { roundSideOf } from '../../services/round-rules';
import { roundSettingsForOrganizer, roundsStanding } from '../../services/rounds';
import type { ListenerDeps } from '../deps';
import { openModalFirst } from './open-modal';

/** The join form (or why they may not join), opened with the trigger before any lookup. */
export async function openRoundJoinModal(deps: ListenerDeps, client: WebClient, input: { slackUserId: string; triggerId: string }) {
  await openModalFirst(deps, client, {
    ...input,
    load: async (user) => {
      const standing = await roundsStanding(deps.services, user.slackUserId);
      if (standing.refusal || !standing.member) {
        return { refusal: roundRefusalText(user.t, standing.refusal ?? 'no_profile', standing.settings?.staffMaxYears ?? null) };
      }
      return buildRoundJoinModal({ t: user.t, locale: user.locale, side: roundSideOf(standing.member), participant: standing.participant });
    },
  });
}

/** A week from now at 12:00 in Japan: where the settings form's first start is suggested. */
function suggestedStart(now: Date): Date {
  const day = new Date(now.getTime() + 7 * 24 * 60 * 60_000);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 3, 0));
}

/** The organizers' settings form; anyone else is told it is for organizers (checked again on submit). */
export async function openRoundSetupModal(deps: ListenerDeps, client: WebClient, input: { slackUserId: string; triggerId: string }) {
  await openModalFirst(deps, client, {
    ...input,
    load: async (user) => {
      const settings = await roundSettingsForOrganizer(deps.services, user.slackUserId);
      if (settings === null) return { refusal: user.t.common.notOrganizer };
      const now = deps.services.clock();
      // The stored start while it is ahead: saving the form for another change must not move the round.
      const stored = settings?.nextStartAt && settings.nextStartAt.getTime() > now.getTime() ? settings.nextStartAt : undefined;
      return buildRoundSetupModal({ t: user.t, settings, initialStart: stored ?? suggestedStart(now) });
    },
  });
}
