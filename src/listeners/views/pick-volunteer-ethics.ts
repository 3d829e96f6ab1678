import type { ModalView } from '@slack/types';
import { buildPickEthicsModal } from '../../blocks/pick-volunteer-ethics';
import type { Messages } from '../../i18n';
import { ethicsTexts } from '../../services/ethics-texts';
import { pickVolunteer, type EthicsErrorCode, type EthicsFieldError, type PickResult } from '../../services/introductions';
import { INTRODUCTION_ETHICS_FIELDS } from '../../slack/ids';
import { parseIntroductionEthics, parseJsonValue, pickVolunteerEthicsMetadata } from '../../slack/parse';
import type { ListenerDeps } from '../deps';
import { guardSubmission } from '../shared/guard';
import { identify, type IdentifiedUser } from '../shared/identify';

/** The pick modal for a notice the pick found (also used by the "Choose" button). */
export function pickEthicsModalFor(
  deps: ListenerDeps,
  user: IdentifiedUser,
  result: Extract<PickResult, { kind: 'ethics_unshown' }>,
  changed = false,
): ModalView {
  return buildPickEthicsModal({
    t: user.t,
    request: result.request,
    volunteer: result.alumnus,
    ethics: {
      check: result.check,
      locale: user.locale,
      postRetirementYears: deps.config.ethics.postRetirementYears,
      supervisorSlackUserId: result.supervisorSlackUserId,
      changed,
      // The organizers' rule texts (ETHICS_TEXTS_FILE), in the requester's language.
      texts: ethicsTexts(deps.config.ethicsTexts, user.locale),
    },
  });
}

function ethicsErrorsForSlack(errors: EthicsFieldError[], t: Messages): Record<string, string> {
  const text: Record<EthicsErrorCode, string> = t.introductionEthics.errors;
  const block = { acknowledged: INTRODUCTION_ETHICS_FIELDS.acknowledged, supervisor: INTRODUCTION_ETHICS_FIELDS.supervisor };
  return Object.fromEntries(errors.map((error) => [block[error.field], text[error.code]]));
}

/**
 * The pick modal submitted: the introduction is made with the acknowledgement (and the supervisor's
 * DM, if chosen) recorded in the same transaction. Problems come back on the fields; a second
 * submission of the same pick closes the modal and changes nothing.
 */
export function handlePickVolunteerEthicsSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, INTRODUCTION_ETHICS_FIELDS.acknowledged, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { [INTRODUCTION_ETHICS_FIELDS.acknowledged]: text } });
    const metadata = parseJsonValue(pickVolunteerEthicsMetadata, view.private_metadata);
    if (!metadata) return refuse(m.notYours);
    const typed = parseIntroductionEthics(view.state.values);
    // Who the chosen supervisor is comes from Slack's user record, as for anyone.
    const supervisor = typed.notifySupervisor && typed.supervisorSlackUserId ? await deps.directory.lookup(typed.supervisorSlackUserId) : undefined;
    const result = await pickVolunteer(deps.services, {
      requester: user,
      requestId: metadata.r,
      memberId: metadata.m,
      ethics: deps.config.ethics,
      answers: { shown: metadata.e, ...typed, ...(supervisor ? { supervisor } : {}) },
    });
    if (result.kind === 'not_yours') return refuse(m.notYours);
    if (result.kind === 'not_available') return refuse(m.notAvailable);
    if (result.kind === 'already_decided') {
      // The same pick submitted twice (a double click, a retry): done already, nothing more.
      if (result.request.status === 'accepted' && result.request.alumnusMemberId === metadata.m) return ack();
      return refuse(m.alreadyDecided);
    }
    if (result.kind === 'ethics_invalid') return ack({ response_action: 'errors', errors: ethicsErrorsForSlack(result.errors, user.t) });
    if (result.kind === 'ethics_unshown') return ack({ response_action: 'update', view: pickEthicsModalFor(deps, user, result, true) });
    await ack();
    const delivered = await deps.deliveries.deliverNow(result.deliveryIds);
    if (delivered !== 'sent' && delivered !== 'failed') await client.chat.postMessage({ channel: user.slackUserId, text: m.acceptedDelivering });
    // The thanks to the volunteers not chosen and the supervisor's DM do not hold up the introduction.
    await deps.deliveries.deliverNow(result.noticeIds);
    await deps.deliveries.deliverNow(result.supervisorDeliveryIds);
  });
}
