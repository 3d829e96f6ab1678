import { buildIntroductionModal } from '../../blocks/introductions';
import type { Messages } from '../../i18n';
import type { EthicsErrorCode, EthicsFieldError } from '../../services/introductions';
import { ethicsTexts } from '../../services/ethics-texts';
import { postOpenRequest, requestIntroduction } from '../../services/introductions';
import { INTRODUCTION_ETHICS_FIELDS, INTRODUCTION_FIELDS } from '../../slack/ids';
import { introductionErrorsForSlack } from '../../slack/introduction-errors';
import { escapeMrkdwnWithin } from '../../slack/mrkdwn';
import { introductionRequestMetadata, parseIntroductionEthics, parseIntroductionSubmission, parseJsonValue } from '../../slack/parse';
import { textErrorsForSlack } from '../../slack/text-errors';
import type { ListenerDeps } from '../deps';
import { guardSubmission } from '../shared/guard';
import { identify } from '../shared/identify';

/** The ethics inputs' errors as `response_action: "errors"` wants them. */
function ethicsErrorsForSlack(errors: EthicsFieldError[], t: Messages): Record<string, string> {
  const text: Record<EthicsErrorCode, string> = t.introductionEthics.errors;
  const block = { acknowledged: INTRODUCTION_ETHICS_FIELDS.acknowledged, supervisor: INTRODUCTION_ETHICS_FIELDS.supervisor };
  return Object.fromEntries(errors.map((error) => [block[error.field], text[error.code]]));
}

/**
 * Sends the request: to the alumnus's DM, or as an open request to the requests channel. Problems
 * come back on the fields; the modal closes only once the request is recorded. An ethics notice
 * the form did not show (the declarations or the division typed changed) is shown in the form
 * first, to acknowledge: nothing is sent past it.
 */
export function handleIntroductionSubmission(deps: ListenerDeps) {
  return guardSubmission(deps, INTRODUCTION_FIELDS.details, async ({ ack, body, view, client }) => {
    const user = await identify(deps, body.user.id);
    const m = user.t.introductions;
    const refuse = (text: string) => ack({ response_action: 'errors', errors: { [INTRODUCTION_FIELDS.details]: text } });
    const metadata = parseJsonValue(introductionRequestMetadata, view.private_metadata);
    if (!metadata) return refuse(m.notAvailable);
    const parsed = parseIntroductionSubmission(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: textErrorsForSlack(parsed.problems, user.t) });
    const form = parsed.input;

    if (!metadata.m) {
      if (!deps.config.requestsChannelId) return refuse(m.openRequestsOff);
      const result = await postOpenRequest(deps.services, { requester: user, topic: metadata.q, form, submissionKey: view.id });
      if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: introductionErrorsForSlack(result.errors, user.t) });
      if (result.kind === 'not_allowed') return refuse(user.t.findExpert.notAllowed);
      await ack();
      const posted = await deps.deliveries.deliverNow(result.deliveryIds);
      // "Posted" only once it is; a post Slack finally refused is told by the worker.
      if (posted !== 'failed') await client.chat.postMessage({ channel: user.slackUserId, text: posted === 'sent' ? m.openPosted : m.openSavedDelivering });
      return;
    }

    const typed = parseIntroductionEthics(view.state.values);
    // Who the chosen supervisor is comes from Slack's user record, as for anyone.
    const supervisor = typed.notifySupervisor && typed.supervisorSlackUserId ? await deps.directory.lookup(typed.supervisorSlackUserId) : undefined;
    const answers = { shown: metadata.e ?? [], ...typed, ...(supervisor ? { supervisor } : {}) };
    const result = await requestIntroduction(deps.services, {
      requester: user,
      memberId: metadata.m,
      topic: metadata.q,
      form,
      ethics: { settings: deps.config.ethics, answers },
    });
    if (result.kind === 'invalid') return ack({ response_action: 'errors', errors: introductionErrorsForSlack(result.errors, user.t) });
    if (result.kind === 'ethics_invalid') return ack({ response_action: 'errors', errors: ethicsErrorsForSlack(result.errors, user.t) });
    if (result.kind === 'not_allowed') return refuse(user.t.findExpert.notAllowed);
    if (result.kind === 'not_available') return refuse(m.notAvailable);
    if (result.kind === 'ethics_unshown') {
      // The same form with the notice to read and acknowledge; what was typed stays (same block IDs).
      const modal = buildIntroductionModal({
        t: user.t,
        topic: metadata.q,
        alumnus: result.alumnus,
        requesterDivision: form.requesterDivision,
        initialDueDate: form.dueDate ?? '',
        ethics: {
          check: result.check,
          locale: user.locale,
          postRetirementYears: deps.config.ethics.postRetirementYears,
          supervisorSlackUserId: result.supervisorSlackUserId,
          changed: true,
          texts: ethicsTexts(deps.config.ethicsTexts, user.locale),
        },
      });
      return ack({ response_action: 'update', view: modal });
    }
    const rawName = result.alumnus.name ?? result.alumnus.pseudonym;
    // A modal's field errors are plain text (Slack parses no mentions there): the name as typed.
    if (result.kind === 'already_asked') return refuse(m.alreadyAsked(rawName));
    const name = escapeMrkdwnWithin(rawName, 120);
    await ack();
    const delivered = await deps.deliveries.deliverNow(result.deliveryIds);
    // "Sent" only once it is; a request Slack finally refused is told by the worker.
    if (delivered !== 'failed') await client.chat.postMessage({ channel: user.slackUserId, text: delivered === 'sent' ? m.sent(name) : m.savedDelivering(name) });
    // The supervisor's DM does not hold up what the requester hears (the worker retries it).
    await deps.deliveries.deliverNow(result.supervisorDeliveryIds);
  });
}
