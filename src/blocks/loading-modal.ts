import type { KnownBlock, ModalView } from '@slack/types';
import { VIEWS } from '../slack/ids';
import { both, lines, type Languages } from './bilingual';
import { plain, truncate } from './common';

/** A modal with nothing to send: the app's name, the blocks, and Close. */
function closeOnlyModal(languages: Languages, callbackId: string, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(both(languages, (m) => m.common.appName), 24),
    close: plain(both(languages, (m) => m.modalNotice.close), 24),
    blocks,
  };
}

/**
 * What a modal shows the moment it opens, before the user (and so their language) is known: the
 * trigger lasts 3 s, the lookups behind the form may not. It stays only if filling it in failed.
 */
export function buildLoadingModal(props: { languages: Languages }): ModalView {
  const { languages } = props;
  return closeOnlyModal(languages, VIEWS.loading, [
    { type: 'section', text: { type: 'mrkdwn', text: lines(languages, (m) => m.modalNotice.loading) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: lines(languages, (m) => m.modalNotice.stuck) }] },
  ]);
}

/**
 * A modal that only tells something (why the form cannot be shown, or "temporarily unavailable"),
 * in the reader's language, or in both when it is not known. `text` is mrkdwn, escaped by the caller.
 */
export function buildModalNotice(props: { languages: Languages; text: string }): ModalView {
  return closeOnlyModal(props.languages, VIEWS.modalNotice, [
    { type: 'section', text: { type: 'mrkdwn', text: truncate(props.text, 3000) } },
  ]);
}
