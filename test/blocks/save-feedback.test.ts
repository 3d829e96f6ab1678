import { describe, expect, it } from 'vitest';
import { eventChangesText, introductionDeclinedText, profileSavedText } from '../../src/blocks/save-feedback';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import type { ProfileSaveReport } from '../../src/services/profile-changes';

const report = (overrides: Partial<ProfileSaveReport>): ProfileSaveReport => ({
  outcome: 'updated',
  changes: [],
  audience: undefined,
  pending: false,
  sharedWithNobody: false,
  ...overrides,
});

describe('the feedback after saving the profile', () => {
  it('an edit names the fields it changed, in the reader’s language and its list separator', () => {
    expect(profileSavedText({ t: ja, report: report({ changes: ['organisation', 'topics'] }) })).toBe(
      [ja.saveFeedback.profileSaved, ja.saveFeedback.changed('現在の所属、政策分野')].join('\n'),
    );
    expect(profileSavedText({ t: en, report: report({ changes: ['organisation', 'topics'] }) })).toBe(
      [en.saveFeedback.profileSaved, en.saveFeedback.changed(`${en.saveFeedback.fields.organisation}, ${en.saveFeedback.fields.topics}`)].join('\n'),
    );
  });

  it('an edit that changed nothing says so', () => {
    expect(profileSavedText({ t: en, report: report({}) })).toBe(en.saveFeedback.profileUnchanged);
  });

  it('a registration sent for approval says who will see it once approved, and lists no fields', () => {
    const text = profileSavedText({ t: en, report: report({ outcome: 'created_pending', changes: ['name', 'topics'], audience: 'alumni', pending: true }) });
    expect(text).toBe([en.profileCommand.submittedForApproval, en.saveFeedback.audienceOnceApproved.alumni].join('\n'));
  });

  it('nobody ticked: the member is warned that nobody will see the profile', () => {
    const text = profileSavedText({ t: en, report: report({ changes: ['consent'], audience: 'organizers', sharedWithNobody: true }) });
    expect(text).toBe(
      [en.saveFeedback.profileSaved, en.saveFeedback.changed(en.saveFeedback.fields.consent), en.saveFeedback.audience.organizers, en.saveFeedback.noConsentWarning].join('\n'),
    );
  });
});

describe('the feedback after other forms', () => {
  it('an event edit names what changed, or that nothing did', () => {
    expect(eventChangesText({ t: en, changes: ['time', 'place'] })).toBe(en.saveFeedback.eventChanged('time, place'));
    expect(eventChangesText({ t: ja, changes: ['time', 'place'] })).toBe(ja.saveFeedback.eventChanged(`${ja.events.changes.time}、${ja.events.changes.place}`));
    expect(eventChangesText({ t: ja, changes: [] })).toBe(ja.saveFeedback.eventUnchanged);
  });

  it('a declined introduction says who is told, and until when the member is not suggested', () => {
    expect(introductionDeclinedText({ t: en, requester: 'Taro', withNote: true, unavailableUntil: '2026-12-31' })).toBe(
      `${en.saveFeedback.introductionDeclinedWithNote('Taro')}\n${en.saveFeedback.unavailableUntil('2026-12-31')}`,
    );
    expect(introductionDeclinedText({ t: en, requester: 'Taro', withNote: false, unavailableUntil: null })).toBe(en.saveFeedback.introductionDeclined('Taro'));
  });
});
