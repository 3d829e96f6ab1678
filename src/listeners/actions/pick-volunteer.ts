import { ethicsNoticeTexts } from '../../blocks/introductions';
import { ethicsTexts } from '../../services/ethics-texts';
import { pickVolunteer } from '../../services/introductions';
import { parseJsonValue, pickVolunteerValue } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardButton, privateReply } from '../shared/guard';
import { identify } from '../shared/identify';

/**
 * "Choose …" on a volunteer notice: only the requester may pick, once; that makes the introduction,
 * and the other volunteers are thanked. When an ethics notice applies to the volunteer chosen, the
 * requester reads it then (privately, beside their click) and it is recorded with the request; the
 * volunteer offered to help, so the pick is not held back for an acknowledgement.
 */
export function handlePickVolunteer(deps: ListenerDeps) {
  return guardButton(deps, async (args) => {
    const { body, action } = args;
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const tell = privateReply(args);
    const value = parseJsonValue(pickVolunteerValue, action.type === 'button' ? action.value : undefined);
    if (!value) return tell(m.notYours);
    const result = await pickVolunteer(deps.services, {
      requester: user,
      requestId: value.r,
      memberId: value.m,
      ethics: deps.config.ethics,
    });
    if (result.kind === 'not_yours') return tell(m.notYours);
    if (result.kind === 'not_available') return tell(m.notAvailable);
    if (result.kind === 'already_decided') return tell(m.alreadyDecided);
    if (result.ethics.notices.length > 0) {
      // The rule texts as the organizers set them (ETHICS_TEXTS_FILE), in the requester's language.
      const texts = ethicsTexts(deps.config.ethicsTexts, user.locale);
      const notices = ethicsNoticeTexts(user.t, user.locale, result.ethics, deps.config.ethics.postRetirementYears, texts);
      await tell([user.t.introductionEthics.pickedHeading, ...notices, texts.notLegalAdvice].join('\n\n'));
    }
    if ((await deps.deliveries.deliverNow(result.deliveryIds)) !== 'sent') await tell(m.acceptedDelivering);
    // The thanks to the volunteers not chosen: what the requester hears does not wait for them.
    await deps.deliveries.deliverNow(result.noticeIds);
  });
}
