import { describe, expect, it } from 'vitest';
import { buildProfileModal, PROFILE_OPTION_VALUES } from '../../src/blocks/profile-modal';
import type { MemberRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import { LIMITS } from '../../src/services/profile-rules';
import { HELP_KINDS, POLICY_TOPICS, SECTORS } from '../../src/services/taxonomy';
import { ACTIONS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidModal } from '../helpers/slack-limits';
import { initialValues, inputElement, mrkdwnTexts } from './inspect';

describe.each(['ja', 'en'] as const)('the profile modal in %s', (locale) => {
  const messages = t(locale);
  const build = (member: MemberRow | undefined, suggestedName: string | null = null) =>
    buildProfileModal({ t: messages, locale, member, suggestedName, currentYear: 2026 });

  describe('stays within Slack limits', () => {
    it('for a new member', () => assertValidModal(build(undefined, 'Hanako Sato')));
    it('for a realistic member', () => assertValidModal(build(memberRow())));
    it('for the longest profile a member can save', () => assertValidModal(build(maximalMemberRow())));
    it('for the longest profile made of characters escaping lengthens', () => assertValidModal(build(maximalMemberRow({}, ESCAPE_HEAVY_FILL))));
    it('for a stored row longer than the form allows (e.g. imported), cutting it to the field', () => {
      const imported = memberRow({ organisation: 'あ'.repeat(LIMITS.organisation + 50), helpText: 'x'.repeat(5000) });
      const view = build(imported);
      assertValidModal(view);
      expect(inputElement(view, PROFILE_FIELDS.organisation).initial_value).toHaveLength(LIMITS.organisation);
      expect(inputElement(view, PROFILE_FIELDS.helpText).initial_value).toHaveLength(LIMITS.helpText);
    });
  });

  it('is the profile modal, titled in the reader’s language', () => {
    const view = build(undefined);
    expect(view.callback_id).toBe(VIEWS.profile);
    expect(view.title.text).toBe(messages.profileModal.title);
    expect(view.submit?.text).toBe(messages.profileModal.submit);
  });

  it('gives each input the same block_id and action_id from PROFILE_FIELDS, as the submission parser expects', () => {
    const view = build(memberRow());
    for (const id of Object.values(PROFILE_FIELDS)) expect(inputElement(view, id).action_id).toBe(id);
  });

  it('prefills every stored answer', () => {
    const member = memberRow({
      shareWithAlumni: true,
      coiDeclared: true,
      coiDescription: '勤務先が当省の委託事業を受託しています。',
      interestedInReturning: true,
    });
    const view = build(member, 'Someone Else');
    const field = (id: string) => inputElement(view, id);
    expect(field(PROFILE_FIELDS.name).initial_value).toBe(member.name);
    expect(initialValues(field(PROFILE_FIELDS.memberType))).toEqual([member.memberType]);
    expect(field(PROFILE_FIELDS.yearJoined).initial_value).toBe(String(member.yearJoined));
    expect(field(PROFILE_FIELDS.yearLeft).initial_value).toBe(String(member.yearLeft));
    expect(field(PROFILE_FIELDS.formerDivisions).initial_value).toBe(member.formerDivisions);
    expect(field(PROFILE_FIELDS.organisation).initial_value).toBe(member.organisation);
    expect(field(PROFILE_FIELDS.jobTitle).initial_value).toBe(member.title);
    expect(initialValues(field(PROFILE_FIELDS.sector))).toEqual([member.sector]);
    expect(initialValues(field(PROFILE_FIELDS.topics))).toEqual(member.topics);
    expect(field(PROFILE_FIELDS.helpText).initial_value).toBe(member.helpText);
    expect(initialValues(field(PROFILE_FIELDS.helpKinds))).toEqual(member.helpKinds);
    expect(field(PROFILE_FIELDS.capacity).initial_value).toBe(String(member.monthlyCapacity));
    expect(initialValues(field(PROFILE_FIELDS.consent))).toEqual([PROFILE_OPTION_VALUES.consentStaff, PROFILE_OPTION_VALUES.consentAlumni]);
    expect(initialValues(field(PROFILE_FIELDS.coi))).toEqual([PROFILE_OPTION_VALUES.yes]);
    expect(field(PROFILE_FIELDS.coiDescription).initial_value).toBe(member.coiDescription);
    expect(initialValues(field(PROFILE_FIELDS.codeOfConduct))).toEqual([PROFILE_OPTION_VALUES.yes]);
    expect(field(PROFILE_FIELDS.referredBy).initial_user).toBe(member.referredBySlackUserId);
    expect(initialValues(field(PROFILE_FIELDS.returning))).toEqual([PROFILE_OPTION_VALUES.yes]);
  });

  it('shows "no" for a member who declared no conflict of interest', () => {
    expect(initialValues(inputElement(build(memberRow({ coiDeclared: false })), PROFILE_FIELDS.coi))).toEqual([PROFILE_OPTION_VALUES.no]);
  });

  it('suggests the Slack name for a new profile and preselects no other answer', () => {
    const view = build(undefined, 'Hanako Sato');
    expect(inputElement(view, PROFILE_FIELDS.name).initial_value).toBe('Hanako Sato');
    for (const id of [PROFILE_FIELDS.memberType, PROFILE_FIELDS.sector, PROFILE_FIELDS.topics, PROFILE_FIELDS.helpKinds, PROFILE_FIELDS.consent, PROFILE_FIELDS.coi, PROFILE_FIELDS.codeOfConduct, PROFILE_FIELDS.returning]) {
      expect(initialValues(inputElement(view, id)), id).toEqual([]);
    }
    for (const id of [PROFILE_FIELDS.yearJoined, PROFILE_FIELDS.formerDivisions, PROFILE_FIELDS.organisation, PROFILE_FIELDS.helpText, PROFILE_FIELDS.coiDescription]) {
      expect(inputElement(view, id).initial_value, id).toBeUndefined();
    }
    expect(inputElement(view, PROFILE_FIELDS.referredBy).initial_user).toBeUndefined();
  });

  it('leaves the name empty for a new profile when Slack gives no name', () => {
    expect(inputElement(build(undefined, null), PROFILE_FIELDS.name).initial_value).toBeUndefined();
  });

  it.each([null, false])('does not tick either consent for a member whose consent is %s (opt-in)', (consent) => {
    const view = build(memberRow({ shareWithStaff: consent, shareWithAlumni: consent }));
    const element = inputElement(view, PROFILE_FIELDS.consent);
    expect(initialValues(element)).toEqual([]);
    expect(element).not.toHaveProperty('initial_options');
  });

  it('ticks only the audience the member agreed to', () => {
    const view = build(memberRow({ shareWithStaff: null, shareWithAlumni: true }));
    expect(initialValues(inputElement(view, PROFILE_FIELDS.consent))).toEqual([PROFILE_OPTION_VALUES.consentAlumni]);
  });

  it('leaves "interested in returning" unticked unless the member said so', () => {
    const view = build(memberRow({ interestedInReturning: false }));
    expect(initialValues(inputElement(view, PROFILE_FIELDS.returning))).toEqual([]);
  });

  it('offers every sector, topic and kind of help, labelled in the reader’s language', () => {
    const view = build(undefined);
    const labels = (id: string) => (inputElement(view, id).options as { text: { text: string } }[]).map((option) => option.text.text);
    expect(labels(PROFILE_FIELDS.sector)).toEqual(SECTORS.map((term) => term[locale]));
    expect(labels(PROFILE_FIELDS.topics)).toEqual(POLICY_TOPICS.map((term) => term[locale]));
    expect(labels(PROFILE_FIELDS.helpKinds)).toEqual(HELP_KINDS.map((term) => term[locale]));
  });

  it('drops a stored topic that no longer exists instead of preselecting an unknown option', () => {
    const view = build(memberRow({ topics: ['energy_gx', 'retired_topic'], sector: 'retired_sector' }));
    assertValidModal(view);
    expect(initialValues(inputElement(view, PROFILE_FIELDS.topics))).toEqual(['energy_gx']);
  });
  describe('"unavailable until", set when declining', () => {
    const withNotice = (member: MemberRow | undefined) =>
      buildProfileModal({ t: messages, locale, member, suggestedName: null, currentYear: 2026, unavailableUntil: '2027-03-31' });

    it('shows it near the top with "Available again" carrying no ID, inputs unchanged', () => {
      const member = memberRow({ unavailableUntil: '2027-03-31' });
      const view = withNotice(member);
      const [, second] = view.blocks;
      expect(mrkdwnTexts(second)).toEqual([messages.availability.notice('2027-03-31')]);
      const button = (second as { accessory?: any }).accessory;
      expect(button).toMatchObject({ type: 'button', action_id: ACTIONS.clearUnavailable, text: { text: messages.availability.availableAgain } });
      expect(button.value).toBeUndefined();
      // Same inputs with the same IDs as without it: Slack keeps what was typed when the notice goes.
      const inputIds = (modal: typeof view) => modal.blocks.filter((block) => block.type === 'input').map((block) => block.block_id);
      expect(inputIds(view)).toEqual(inputIds(build(member)));
      assertValidModal(view);
    });

    it('shows nothing without a date that still hides them', () => {
      expect(JSON.stringify(build(memberRow({ unavailableUntil: '2027-03-31' })))).not.toContain(ACTIONS.clearUnavailable);
    });

    it('stays within Slack limits beside the longest profile', () => assertValidModal(withNotice(maximalMemberRow({}, ESCAPE_HEAVY_FILL))));
  });
});
