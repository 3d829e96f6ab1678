import { describe, expect, it } from 'vitest';
import { channelLanguages } from '../../src/blocks/bilingual';
import { buildLoadingModal, buildModalNotice } from '../../src/blocks/loading-modal';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { t } from '../../src/i18n';
import { VIEWS } from '../../src/slack/ids';
import { assertValidModal } from '../helpers/slack-limits';

describe('the loading modal', () => {
  it('reads in Japanese and English, says what to do if it stays, and has only Close', () => {
    const view = buildLoadingModal({ languages: channelLanguages('ja') });
    assertValidModal(view);
    expect(view.callback_id).toBe(VIEWS.loading);
    expect(view.submit).toBeUndefined();
    expect(view.title.text).toBe(`${ja.common.appName} / ${en.common.appName}`);
    expect(view.close?.text).toBe(`${ja.modalNotice.close} / ${en.modalNotice.close}`);
    const text = JSON.stringify(view.blocks);
    for (const m of [ja, en]) {
      expect(text).toContain(m.modalNotice.loading);
      expect(text).toContain(m.modalNotice.stuck);
    }
  });
});

describe('a modal notice', () => {
  it('says the sentence in the reader’s language with Close, and keeps a long one within Slack’s limit', () => {
    const view = buildModalNotice({ languages: [t('en')], text: 'x'.repeat(4_000) });
    assertValidModal(view);
    expect(view.callback_id).toBe(VIEWS.modalNotice);
    expect(view.submit).toBeUndefined();
    expect(view.close?.text).toBe(en.modalNotice.close);
    expect(JSON.stringify(view.blocks).length).toBeLessThan(3_200);
  });
});
