import { describe, expect, it } from 'vitest';
import { coiDisclosureText } from '../../src/blocks/coi-disclosure';
import { buildDeclarationsReminder } from '../../src/blocks/declarations-reminder';
import { buildOwnDataSummary } from '../../src/blocks/own-data';
import { buildProfileCard } from '../../src/blocks/profile-card';
import { buildProfileModal } from '../../src/blocks/profile-modal';
import type { MemberRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import { OFFICIAL_DUTIES, OFFICIAL_RELATIONS } from '../../src/services/ethics';
import { ownProfile } from '../../src/services/own-data';
import { LIMITS } from '../../src/services/profile-rules';
import { SECTOR_KEYS, SECTORS, termLabel } from '../../src/services/taxonomy';
import { ACTIONS, PROFILE_FIELDS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow, textOfLength } from '../helpers/factories';
import { assertValidMessage, assertValidModal } from '../helpers/slack-limits';
import { buttonsIn, initialValues, inputElement, mrkdwnTexts, visibleText } from './inspect';

const CONFIRMED = new Date('2026-03-01T00:00:00Z');

/** A staff member with every declaration filled in. */
function staffRow(overrides: Partial<MemberRow> = {}): MemberRow {
  return memberRow({
    memberType: 'staff',
    yearLeft: null,
    organisation: null,
    currentDivision: '製造産業局 素材産業課',
    officialDuties: ['subsidies', 'inspection'],
    dutySectors: ['investment', 'consulting'],
    dutyOrganisations: 'Green Capital Partners\n東都電力',
    ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
    declarationsConfirmedAt: CONFIRMED,
    ...overrides,
  });
}

/** An alumnus whose employer has relations with the ministry. */
function disclosingAlumnus(overrides: Partial<MemberRow> = {}): MemberRow {
  return memberRow({
    coiDeclared: true,
    coiRelations: ['subsidy', 'bid'],
    coiDivisions: '資源エネルギー庁 省エネルギー課\n産業技術環境局',
    coiDescription: '当社は省エネ補助金の交付先です。',
    monthLeft: 3,
    ...overrides,
  });
}

/** Every declaration at its longest, of `fill` (both sides: the row is not normalised). */
function maximalDeclarations(fill = 'あ'): Partial<MemberRow> {
  return {
    coiRelations: [...OFFICIAL_RELATIONS],
    coiDivisions: textOfLength(LIMITS.coiDivisions, fill),
    monthLeft: 12,
    currentDivision: textOfLength(LIMITS.currentDivision, fill),
    officialDuties: [...OFFICIAL_DUTIES],
    dutySectors: [...SECTOR_KEYS],
    dutyOrganisations: textOfLength(LIMITS.dutyOrganisations, fill),
    ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
    declarationsConfirmedAt: CONFIRMED,
  };
}

const HOSTILE_TEXT = '<!channel> & <https://evil.example|click>';

describe.each(['ja', 'en'] as const)('the declarations in %s', (locale) => {
  const messages = t(locale);
  const d = messages.declarations;

  describe('in the profile modal', () => {
    const build = (member: MemberRow | undefined) => buildProfileModal({ t: messages, locale, member, suggestedName: null, currentYear: 2026 });

    it('stays within Slack limits with every declaration at its longest', () => {
      assertValidModal(build(maximalMemberRow(maximalDeclarations())));
      assertValidModal(build(maximalMemberRow({ ...maximalDeclarations(ESCAPE_HEAVY_FILL), memberType: 'staff' }, ESCAPE_HEAVY_FILL)));
    });

    it('labels the sections “Current staff only” and “Alumni only”, each optional and explaining why it is asked', () => {
      const view = build(undefined);
      const texts = mrkdwnTexts(view).join('\n');
      expect(texts).toContain(d.staffHeading);
      expect(texts).toContain(d.alumniHeading);
      expect(texts).toContain(d.staffIntro);
      expect(texts).toContain(d.alumniIntro);
      for (const id of [
        PROFILE_FIELDS.monthLeft,
        PROFILE_FIELDS.coiRelations,
        PROFILE_FIELDS.coiDivisions,
        PROFILE_FIELDS.currentDivision,
        PROFILE_FIELDS.officialDuties,
        PROFILE_FIELDS.dutySectors,
        PROFILE_FIELDS.dutyOrganisations,
        PROFILE_FIELDS.ethicsSupervisor,
      ]) {
        const block = view.blocks.find((candidate) => candidate.type === 'input' && candidate.block_id === id);
        expect(block, id).toMatchObject({ optional: true });
        expect(initialValues(inputElement(view, id))).toEqual([]);
      }
    });

    it('offers the matters, relations, sectors and twelve months, named in the reader’s language', () => {
      const view = build(undefined);
      const labels = (id: string) => (inputElement(view, id).options as { text: { text: string }; value: string }[]).map((o) => [o.value, o.text.text]);
      expect(labels(PROFILE_FIELDS.officialDuties)).toEqual(OFFICIAL_DUTIES.map((duty) => [duty, d.duties[duty]]));
      expect(labels(PROFILE_FIELDS.coiRelations)).toEqual(OFFICIAL_RELATIONS.map((relation) => [relation, d.relations[relation]]));
      expect(labels(PROFILE_FIELDS.dutySectors)).toEqual(SECTORS.map((term) => [term.key, term[locale]]));
      expect(labels(PROFILE_FIELDS.monthLeft)).toEqual(d.months.map((month, index) => [String(index + 1), month]));
      expect(inputElement(view, PROFILE_FIELDS.ethicsSupervisor).type).toBe('users_select');
    });

    it('prefills a staff member’s declarations', () => {
      const member = staffRow();
      const view = build(member);
      expect(inputElement(view, PROFILE_FIELDS.currentDivision).initial_value).toBe(member.currentDivision);
      expect(initialValues(inputElement(view, PROFILE_FIELDS.officialDuties))).toEqual(['subsidies', 'inspection']);
      expect(initialValues(inputElement(view, PROFILE_FIELDS.dutySectors))).toEqual(['consulting', 'investment']);
      expect(inputElement(view, PROFILE_FIELDS.dutyOrganisations).initial_value).toBe(member.dutyOrganisations);
      expect(inputElement(view, PROFILE_FIELDS.ethicsSupervisor).initial_user).toBe('U0SUPERVISOR');
    });

    it('prefills an alumnus’s disclosure and month left', () => {
      const member = disclosingAlumnus();
      const view = build(member);
      expect(initialValues(inputElement(view, PROFILE_FIELDS.coiRelations))).toEqual(['subsidy', 'bid']);
      expect(inputElement(view, PROFILE_FIELDS.coiDivisions).initial_value).toBe(member.coiDivisions);
      expect(initialValues(inputElement(view, PROFILE_FIELDS.monthLeft))).toEqual(['3']);
    });
  });

  describe('on the profile card', () => {
    const build = (member: MemberRow, showPrivate: boolean) => buildProfileCard({ t: messages, locale, member, showPrivate });

    it.each([false, true])('with showPrivate %s, stays within Slack limits with every declaration at its longest, of "&"', (showPrivate) => {
      assertValidMessage(build(maximalMemberRow(maximalDeclarations(ESCAPE_HEAVY_FILL), ESCAPE_HEAVY_FILL), showPrivate));
      assertValidMessage(build(maximalMemberRow({ ...maximalDeclarations(ESCAPE_HEAVY_FILL), memberType: 'staff' }, ESCAPE_HEAVY_FILL), showPrivate));
    });

    it('shows an alumnus’s relations and divisions with the free text to whoever sees the profile, and the month left', () => {
      const text = visibleText(build(disclosingAlumnus(), false));
      expect(text).toContain(`${d.relations.subsidy}${messages.common.listSeparator}${d.relations.bid}`);
      expect(text).toContain(`資源エネルギー庁 省エネルギー課${messages.common.listSeparator}産業技術環境局`);
      expect(text).toContain('当社は省エネ補助金の交付先です。');
      expect(text).toContain(d.card.monthLeftValue(2019, 3));
    });

    it('shows only the relations when no free text was given', () => {
      const text = visibleText(build(disclosingAlumnus({ coiDescription: null, coiDivisions: null }), false));
      expect(text).toContain(d.relations.subsidy);
      expect(text).not.toContain(messages.common.notSet);
    });

    it('shows a staff member’s declarations to organizers and themself only', () => {
      const member = staffRow();
      const hidden = visibleText(build(member, false));
      expect(hidden).not.toContain(d.card.staffHeading);
      expect(hidden).not.toContain(member.currentDivision!);
      expect(hidden).not.toContain(d.duties.subsidies);

      const shown = visibleText(build(member, true));
      expect(shown).toContain(d.card.staffHeading);
      expect(shown).toContain(member.currentDivision!);
      expect(shown).toContain(`${d.duties.subsidies}${messages.common.listSeparator}${d.duties.inspection}`);
      expect(shown).toContain(termLabel(SECTORS, 'investment', locale));
      expect(shown).toContain(`Green Capital Partners${messages.common.listSeparator}東都電力`);
      expect(shown).toContain('<@U0SUPERVISOR>');
      expect(shown).toContain(d.card.staffOnly);
    });

    it('escapes what the member typed in the declarations', () => {
      const all = mrkdwnTexts([
        ...build(disclosingAlumnus({ coiDivisions: HOSTILE_TEXT }), true),
        ...build(staffRow({ currentDivision: HOSTILE_TEXT, dutyOrganisations: HOSTILE_TEXT }), true),
      ]).join('\n');
      expect(all).not.toContain('<!channel>');
      expect(all).not.toContain('<https://evil');
      expect(all).toContain('&lt;!channel&gt; &amp;');
    });

    it('leaves out a stored relation or matter not on the list, instead of showing it raw', () => {
      const text = visibleText([
        ...build(disclosingAlumnus({ coiRelations: ['subsidy', '<!channel>'] }), true),
        ...build(staffRow({ officialDuties: ['<!here>'] }), true),
      ]);
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<!here>');
    });
  });

  describe('in search results and other places showing the disclosure', () => {
    it('joins relations, divisions and the free text on one escaped line within its budget', () => {
      const text = coiDisclosureText(messages, disclosingAlumnus({ coiDescription: HOSTILE_TEXT }), 400);
      const separator = messages.common.listSeparator;
      expect(text).toContain(`${d.card.coiRelations}: ${d.relations.subsidy}${separator}${d.relations.bid}`);
      expect(text).toContain(`資源エネルギー庁 省エネルギー課${separator}産業技術環境局`);
      expect(text).toContain('&lt;!channel&gt; &amp;');
      const longest = coiDisclosureText(messages, maximalMemberRow(maximalDeclarations(ESCAPE_HEAVY_FILL), ESCAPE_HEAVY_FILL), 400);
      expect(longest.length).toBeLessThanOrEqual(600);
    });

    it('is the free text alone for a disclosure made before relations were asked', () => {
      expect(coiDisclosureText(messages, memberRow({ coiDeclared: true, coiDescription: 'Advises a subsidised firm' }), 400)).toBe('Advises a subsidised firm');
    });
  });

  describe('in the own-data summary', () => {
    const summary = (member: MemberRow) =>
      buildOwnDataSummary({
        t: messages,
        locale,
        data: {
          exportedAt: '2026-11-24T09:00:00.000Z',
          slackAccount: null,
          organizer: false,
          profile: ownProfile(member),
          consentHistory: [],
          introductionsRequested: [],
          introductionsAddressedToYou: [],
          openRequestsVolunteered: [],
          eventAnswers: [],
          rounds: { participation: null, pairs: [] },
          recentSearches: [],
          auditTrail: [],
        },
      });

    it('lists every declaration stored, and the file holds them', () => {
      const member = staffRow({ coiRelations: ['contract'], monthLeft: 4 });
      const text = visibleText(summary(member));
      expect(text).toContain(d.ownData.heading);
      expect(text).toContain(member.currentDivision!);
      expect(text).toContain(d.duties.subsidies);
      expect(text).toContain(d.relations.contract);
      expect(text).toContain(d.months[3]!);
      expect(ownProfile(member)).toMatchObject({
        currentDivision: member.currentDivision,
        officialDuties: member.officialDuties,
        dutySectors: member.dutySectors,
        dutyOrganisations: member.dutyOrganisations,
        ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
        declarationsConfirmedAt: CONFIRMED.toISOString(),
        coiRelations: ['contract'],
        monthLeft: 4,
      });
    });

    it('stays within Slack limits with every declaration at its longest, of "&"', () => {
      assertValidMessage(summary(maximalMemberRow(maximalDeclarations(ESCAPE_HEAVY_FILL), ESCAPE_HEAVY_FILL)));
    });
  });

  it('the yearly reminder asks to confirm as is or edit, citing the Ethics Code and that it is not legal advice', () => {
    const blocks = buildDeclarationsReminder({ t: messages, months: 12 });
    assertValidMessage(blocks, d.reminder.text(12));
    expect(buttonsIn(blocks).map((button) => [button.action_id, button.text.text])).toEqual([
      [ACTIONS.confirmDeclarations, d.reminder.confirm],
      [ACTIONS.openProfileModal, d.reminder.edit],
    ]);
    expect(d.reminder.text(12)).toContain(locale === 'ja' ? '国家公務員倫理規程' : 'National Public Service Ethics Code');
    expect(d.reminder.text(12)).toContain(locale === 'ja' ? '法的助言ではありません' : 'not legal advice');
  });
});
