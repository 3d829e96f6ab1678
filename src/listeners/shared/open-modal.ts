import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { buildLoadingModal, buildModalNotice } from '../../blocks/loading-modal';
import { channelLanguages, lines, type Languages } from '../../blocks/bilingual';
import { AppError } from '../../services/errors';
import { refusalFor } from '../../services/slack-standing';
import type { ListenerDeps } from '../deps';
import { describeError, isExpected, userMessageFor } from './errors';
import { identify, type IdentifiedUser } from './identify';

/** What fills a modal once its lookups are done: the form, or why it cannot be shown (mrkdwn, escaped). */
export type ModalContent = ModalView | { refusal: string };

/** How it ended: the form shown, a refusal shown, or the modal left loading (the update failed). */
export type ModalOutcome = 'shown' | 'refused' | 'failed';

/**
 * Opens a modal with the trigger before anything slow (the trigger lasts 3 s; the database and
 * users.info may take longer): a loading view in both languages at once, then the user is
 * identified, `load` runs, and the view is replaced by the form, or by the refusal in their language.
 * A views.open failure is thrown to the listener's guard as before; everything after is told in the
 * modal. The hash makes Slack refuse the update if the view changed meanwhile.
 */
export async function openModalFirst(
  deps: ListenerDeps,
  client: WebClient,
  input: { triggerId: string; slackUserId: string; load: (user: IdentifiedUser) => Promise<ModalContent> },
): Promise<ModalOutcome> {
  const languages = channelLanguages(deps.config.defaultLocale);
  const opened = await client.views.open({ trigger_id: input.triggerId, view: buildLoadingModal({ languages }) });
  const viewId = opened.view?.id;
  const context = { slackUserId: input.slackUserId };
  if (!viewId) {
    deps.logger.error('views.open answered without a view', context);
    return 'failed';
  }
  const { view, outcome } = await fill(deps, input, languages);
  try {
    await client.views.update({ view_id: viewId, hash: opened.view?.hash, view });
    return outcome;
  } catch (error) {
    // The user still sees the loading view, which tells them to close it and try again.
    deps.logger.error('modal update failed', { ...context, view: view.callback_id, ...describeError(error) });
    return 'failed';
  }
}

async function fill(
  deps: ListenerDeps,
  input: { slackUserId: string; load: (user: IdentifiedUser) => Promise<ModalContent> },
  bothLanguages: Languages,
): Promise<{ view: ModalView; outcome: ModalOutcome }> {
  let user: IdentifiedUser | undefined;
  try {
    // Identified with any standing first, so that a refusal of the account reads in its language.
    user = await identify(deps, input.slackUserId, { anyAccount: true });
    const refusal = refusalFor(user.standing);
    if (refusal) throw new AppError(refusal);
    const content = await input.load(user);
    if ('refusal' in content) return { view: buildModalNotice({ languages: [user.t], text: content.refusal }), outcome: 'refused' };
    return { view: content, outcome: 'shown' };
  } catch (error) {
    const logged = { slackUserId: input.slackUserId, ...describeError(error) };
    if (isExpected(error)) deps.logger.info('refused', logged);
    else deps.logger.error('modal content failed', logged);
    const languages: Languages = user ? [user.t] : bothLanguages;
    return { view: buildModalNotice({ languages, text: lines(languages, (m) => userMessageFor(error, m)) }), outcome: 'refused' };
  }
}
