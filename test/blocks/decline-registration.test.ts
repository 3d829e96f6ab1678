import { describe, expect, it } from 'vitest';
import { buildDeclineNotice, buildDeclineRegistrationModal } from '../../src/blocks/decline-registration';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { VIEWS } from '../../src/slack/ids';
import { memberRow } from '../helpers/factories';
import { expectEscaped, hostile } from '../helpers/hostile-text';
import { assertValidModal } from '../helpers/slack-limits';
import { mrkdwnTexts } from './inspect';

describe('the decline registration form', () => {
  it('is a valid modal that escapes the applicant’s name and carries only the member and where it was opened', () => {
    const member = memberRow({ name: hostile('name') });
    for (const t of [en, ja]) {
      const view = buildDeclineRegistrationModal({ t, member, organizerSlackUserId: 'U0ORG', fromHome: true, reasonMax: 500 });
      assertValidModal(view);
      expect(view.callback_id).toBe(VIEWS.declineRegistration);
      expect(JSON.parse(view.private_metadata!)).toEqual({ m: member.id, h: true });
      expectEscaped(mrkdwnTexts(view.blocks as any[]).join('\n'));
    }
  });

  it('a member with no name (an imported one) is named by their pseudonym', () => {
    const member = memberRow({ name: null, pseudonym: 'M-ABCD1234' });
    const view = buildDeclineRegistrationModal({ t: en, member, organizerSlackUserId: 'U0ORG', fromHome: false, reasonMax: 500 });
    expect(JSON.stringify(view.blocks)).toContain('M-ABCD1234');
    expect(JSON.parse(view.private_metadata!)).toEqual({ m: member.id });
  });
});

describe('the applicant’s DM when declined', () => {
  it('names the organizer to contact and quotes the reason, escaped, line by line', () => {
    const text = buildDeclineNotice({ t: en, decidedBySlackUserId: 'U0ORG', reason: `${hostile('why')}\nsecond line` });
    expect(text.startsWith(en.declineRegistration.applicantDeclined('<@U0ORG>'))).toBe(true);
    expectEscaped(text);
    expect(text).toContain('\n> second line');
  });

  it('with no reason and no known organizer, points to the organizers', () => {
    expect(buildDeclineNotice({ t: ja, decidedBySlackUserId: null, reason: null })).toBe(
      ja.declineRegistration.applicantDeclined(ja.declineRegistration.anOrganizer),
    );
  });
});
