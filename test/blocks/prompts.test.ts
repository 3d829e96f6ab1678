import { describe, expect, it } from 'vitest';
import { buildEraseConfirmation, buildStaleReminder } from '../../src/blocks/prompts';
import { t } from '../../src/i18n';
import { STALE_AFTER_MONTHS } from '../../src/services/stale-profiles';
import { ACTIONS } from '../../src/slack/ids';
import { assertValidMessage } from '../helpers/slack-limits';
import { buttonsIn, mrkdwnTexts } from './inspect';

describe.each(['ja', 'en'] as const)('the prompts in %s', (locale) => {
  const messages = t(locale);

  describe('the erase confirmation', () => {
    const blocks = buildEraseConfirmation({ t: messages });

    it('stays within Slack limits', () => assertValidMessage(blocks));

    it('warns that erasing cannot be undone', () => {
      expect(mrkdwnTexts(blocks)[0]).toContain(messages.profileCommand.deleteConfirm);
    });

    it('erases only after a second, red confirmation', () => {
      const [button] = buttonsIn(blocks);
      expect(buttonsIn(blocks)).toHaveLength(1);
      expect(button).toMatchObject({
        action_id: ACTIONS.confirmErase,
        style: 'danger',
        text: { type: 'plain_text', text: messages.profileCommand.deleteButton },
        confirm: {
          title: { text: messages.profileCommand.deleteDialogTitle },
          text: { text: messages.profileCommand.deleteDialogText },
          confirm: { text: messages.profileCommand.deleteDialogConfirm },
          deny: { text: messages.profileCommand.deleteDialogDeny },
          style: 'danger',
        },
      });
    });
  });

  describe('the stale-profile reminder', () => {
    const blocks = buildStaleReminder({ t: messages });

    it('stays within Slack limits', () => assertValidMessage(blocks));

    it(`says the profile was last confirmed over ${STALE_AFTER_MONTHS} months ago`, () => {
      expect(mrkdwnTexts(blocks)).toContain(messages.stale.reminder(STALE_AFTER_MONTHS));
    });

    it('offers to keep the profile as is or to edit it', () => {
      expect(buttonsIn(blocks).map((button) => [button.action_id, button.text.text])).toEqual([
        [ACTIONS.keepProfile, messages.stale.keep],
        [ACTIONS.openProfileModal, messages.stale.edit],
      ]);
    });
  });
});
