import { pickVolunteer, type PickResult } from '../../services/introductions';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { parseJsonValue, pickVolunteerButtonValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';
import { openModalFirst } from '../shared/open-modal';
import { pickEthicsModalFor } from '../views/pick-volunteer-ethics';

type Accepted = Extract<PickResult, { kind: 'accepted' }>;

/**
 * "Choose …" on a volunteer notice: only the requester may pick, once; that makes the introduction,
 * and the other volunteers are thanked. When an ethics notice applies to the volunteer chosen (the
 * button says so, `n`, as it was made), the click opens it first, to acknowledge, with the option to
 * tell the ethics supervisor; the pick is made on its submission. Otherwise it stays one click.
 */
export function handlePickVolunteer(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action, client } = args;
    const value = parseJsonValue(pickVolunteerButtonValue, action.type === 'button' ? action.value : undefined);
    const deliver = async (result: Accepted) => {
      const delivered = await deps.deliveries.deliverNow(result.deliveryIds);
      // The thanks to the volunteers not chosen: what the requester hears does not wait for them.
      await deps.deliveries.deliverNow(result.noticeIds);
      return delivered;
    };

    if (value?.n) {
      // The modal opens with the trigger before anything slow; the pick is checked (and made, if no
      // notice applies any more) while it loads.
      let picked: Accepted | undefined;
      await openModalFirst(deps, client, {
        triggerId: body.trigger_id,
        slackUserId: body.user.id,
        load: async (user) => {
          const m = user.t.introductions;
          const result = await pickVolunteer(deps.services, { requester: user, requestId: value.r, memberId: value.m, ethics: deps.config.ethics });
          if (result.kind === 'not_yours') return { refusal: m.notYours };
          if (result.kind === 'not_available' || result.kind === 'ethics_invalid') return { refusal: m.notAvailable };
          if (result.kind === 'already_decided') return { refusal: m.alreadyDecided };
          if (result.kind === 'ethics_unshown') return pickEthicsModalFor(deps, user, result);
          picked = result;
          return { refusal: user.t.pickEthics.picked(escapeMrkdwnWithin(result.alumnus.name ?? result.alumnus.pseudonym, 120)) };
        },
      });
      if (picked) await deliver(picked);
      return;
    }

    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    if (!value) return tell(m.notYours);
    const result = await pickVolunteer(deps.services, { requester: user, requestId: value.r, memberId: value.m, ethics: deps.config.ethics });
    if (result.kind === 'not_yours') return tell(m.notYours);
    if (result.kind === 'not_available' || result.kind === 'ethics_invalid') return tell(m.notAvailable);
    if (result.kind === 'already_decided') return tell(m.alreadyDecided);
    if (result.kind === 'ethics_unshown') {
      // A notice applies since the button was made (declarations changed): shown now, with this
      // click's trigger (still valid: the check above is a few queries).
      await openModalFirst(deps, client, {
        triggerId: body.trigger_id,
        slackUserId: user.slackUserId,
        load: async (again) => pickEthicsModalFor(deps, again, result),
      });
      return;
    }
    if ((await deliver(result)) !== 'sent') await tell(m.acceptedDelivering);
  });
}
