import { buildIntroductionModal } from '../../blocks/introductions';
import { addDays, networkToday } from '../../services/calendar';
import { ethicsTexts } from '../../services/ethics-texts';
import { prepareIntroduction } from '../../services/introductions';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { askIntroductionValue, parseJsonValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton } from '../shared/guard';
import { openModalFirst } from '../shared/open-modal';

/** How far ahead "by when" is suggested. */
export const DEFAULT_DUE_IN_DAYS = 14;

/**
 * "Ask for an introduction" on a result: the request modal, if the ask is possible (opened loading
 * first, as the checks read the database; a refusal is told in the modal).
 */
export function handleAskIntroduction(deps: ListenerDeps) {
  return guardButton(deps, async ({ body, action, client }) => {
    const value = parseJsonValue(askIntroductionValue, action.type === 'button' ? action.value : undefined);
    await openModalFirst(deps, client, {
      triggerId: body.trigger_id,
      slackUserId: body.user.id,
      load: async (user) => {
        const m = user.t.introductions;
        if (!value) return { refusal: m.notAvailable };
        const prepared = await prepareIntroduction(deps.services, { requester: user, memberId: value.m, ethics: deps.config.ethics });
        if (prepared.kind === 'not_allowed') return { refusal: user.t.findExpert.notAllowed };
        if (prepared.kind === 'not_available') return { refusal: m.notAvailable };
        if (prepared.kind === 'already_asked') {
          return { refusal: m.alreadyAsked(escapeMrkdwnWithin(prepared.alumnus.name ?? prepared.alumnus.pseudonym, 120)) };
        }
        return buildIntroductionModal({
          t: user.t,
          topic: value.q,
          alumnus: prepared.alumnus,
          requesterDivision: prepared.requesterDivision,
          initialDueDate: addDays(networkToday(deps.services.clock()), DEFAULT_DUE_IN_DAYS),
          ethics: {
            check: prepared.ethics,
            locale: user.locale,
            postRetirementYears: deps.config.ethics.postRetirementYears,
            supervisorSlackUserId: prepared.supervisorSlackUserId,
            // The organizers' rule texts (ETHICS_TEXTS_FILE), as on the form shown again after a change.
            texts: ethicsTexts(deps.config.ethicsTexts, user.locale),
          },
        });
      },
    });
  });
}
