import { describe, expect, it } from 'vitest';
import { alumnusEthicsReminders, buildSupervisorNotice, ethicsMatchTexts, ethicsNoticeTexts } from '../../src/blocks/introduction-ethics';
import { buildRequestMessage } from '../../src/blocks/introductions';
import { t, type Locale } from '../../src/i18n';
import { ethicsTexts } from '../../src/services/ethics-texts';
import { SECTORS, termLabel } from '../../src/services/taxonomy';
import { introductionRow, memberRow } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { visibleText } from './inspect';

describe.each(['ja', 'en'] as Locale[])('what an ethics check matched, as each reader sees it (%s)', (locale) => {
  const messages = t(locale);
  const e = messages.ethicsMatch;
  const relations = messages.introductionEthics.relations;

  it('says each finding in the reader’s language, with sectors and relations named in it', () => {
    const lines = ethicsMatchTexts(messages, locale, {
      interestedParty: { by: 'sector', sector: 'finance', relations: ['subsidy', 'permit'] },
      postRetirement: { division: '新エネルギー課', until: '2027-04' },
    });
    expect(lines).toEqual([
      e.sector(`${relations.subsidy}${messages.common.listSeparator}${relations.permit}`, termLabel(SECTORS, 'finance', locale)),
      e.postRetirement('新エネルギー課', locale === 'ja' ? '2027年4月末' : 'the end of April 2027'),
    ]);
  });

  it('escapes the names people typed, and shows a row stored before findings were data as it is (escaped)', () => {
    expect(ethicsMatchTexts(messages, locale, { interestedParty: { by: 'organisation', organisation: '<!channel> & Co', relations: ['bid'] } })).toEqual([
      e.organisation(relations.bid, '&lt;!channel&gt; &amp; Co'),
    ]);
    expect(ethicsMatchTexts(messages, locale, { interestedParty: { by: 'division', division: '<@U0BOSS>' } })).toEqual([e.division('&lt;@U0BOSS&gt;')]);
    expect(ethicsMatchTexts(messages, locale, { summary: 'interested party: same division (A & B)' })).toEqual([
      'interested party: same division (A &amp; B)',
    ]);
    expect(ethicsMatchTexts(messages, locale, null)).toEqual([]);
  });

  it('the alumnus’s reminder and the supervisor’s DM show what matched in their reader’s language', () => {
    const request = introductionRow({
      requesterSlackUserId: 'U0STAFF',
      ethicsNotices: ['interested_party'],
      ethicsMatch: { interestedParty: { by: 'division', division: '新エネルギー課' } },
    });
    const matched = e.division('新エネルギー課');
    const reminders = alumnusEthicsReminders(messages, request, 2, { locale });
    expect(reminders).toEqual([messages.introductionEthics.alumnusInterestedParty, e.alumnusMatched(matched), messages.introductionEthics.notLegalAdvice]);
    const dm = buildRequestMessage({ t: messages, request, state: 'pending', postRetirementYears: 2, locale });
    expect(visibleText(dm)).toContain(e.alumnusMatched(matched));
    const notice = buildSupervisorNotice({ t: messages, locale, request, alumnus: memberRow({ name: 'Hanako' }) });
    assertValidMessage(notice.blocks, notice.text);
    expect(visibleText(notice.blocks)).toContain(messages.introductionEthics.supervisorMatched(matched));
  });

  it('uses the organizers’ rule texts where the settings replace them, the catalogue’s elsewhere', () => {
    const texts = ethicsTexts(
      { [locale]: { interestedParty: 'RULE {what} END', alumnusPostRetirement: '{years} years', notLegalAdvice: 'Ask the ethics office.' } },
      locale,
    );
    const [notice] = ethicsNoticeTexts(messages, locale, { notices: ['interested_party'], interestedParty: { by: 'division', division: 'A&B' } }, 2, texts);
    expect(notice).toBe(`RULE ${messages.introductionEthics.matchedDivision('A&amp;B')} END`);
    const request = introductionRow({ ethicsNotices: ['interested_party', 'post_retirement'] });
    expect(alumnusEthicsReminders(messages, request, 3, { locale, texts })).toEqual([
      messages.introductionEthics.alumnusInterestedParty,
      '3 years',
      'Ask the ethics office.',
    ]);
    const notice2 = buildSupervisorNotice({ t: messages, locale, request, alumnus: memberRow(), texts });
    expect(visibleText(notice2.blocks)).toContain('Ask the ethics office.');
    expect(visibleText(notice2.blocks)).not.toContain(messages.introductionEthics.notLegalAdvice);
  });
});
