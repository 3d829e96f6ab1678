import { buildIntroductionModal } from '../../blocks/introductions';
import { addDays, networkToday } from '../../services/calendar';
import { prepareIntroduction } from '../../services/introductions';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { askIntroductionValue, parseJsonValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';

/** How far ahead "by when" is suggested. */
export const DEFAULT_DUE_IN_DAYS = 14;

/** "Ask for an introduction" on a result: the request modal, if the ask is possible. */
export function handleAskIntroduction(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    const value = parseJsonValue(askIntroductionValue, action.type === 'button' ? action.value : undefined);
    if (!value) return tell(m.notAvailable);
    const prepared = await prepareIntroduction(deps.services, { requester: user, memberId: value.m, ethics: deps.config.ethics });
    if (prepared.kind === 'not_allowed') return tell(user.t.findExpert.notAllowed);
    if (prepared.kind === 'not_available') return tell(m.notAvailable);
    if (prepared.kind === 'already_asked') {
      return tell(m.alreadyAsked(escapeMrkdwnWithin(prepared.alumnus.name ?? prepared.alumnus.pseudonym, 120)));
    }
    await client.views.open({
      trigger_id: body.trigger_id,
      view: buildIntroductionModal({
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
        },
      }),
    });
  });
}
