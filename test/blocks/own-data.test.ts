import { describe, expect, it } from 'vitest';
import { slackDateTime } from '../../src/blocks/event-time';
import { buildOwnDataSummary } from '../../src/blocks/own-data';
import type { MemberRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import { ownProfile, type OwnData } from '../../src/services/own-data';
import { termLabel, POLICY_TOPICS, SECTORS } from '../../src/services/taxonomy';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow, textOfLength } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { mrkdwnTexts, visibleText } from './inspect';

/** What a realistic member's export holds: a test states only what differs. */
function ownData(overrides: Partial<OwnData> = {}, member: MemberRow | null = memberRow()): OwnData {
  return {
    exportedAt: '2026-11-24T09:00:00.000Z',
    slackAccount: {
      name: '山田 花子',
      email: 'hanako@greencap.example',
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      standing: 'member',
      lastReadFromSlackAt: '2026-11-24T08:55:00.000Z',
      guestAllowedAt: null,
    },
    organizer: false,
    profile: member ? ownProfile(member) : null,
    consentHistory: [
      { audience: 'staff', granted: true, textVersion: 'v1', recordedAt: '2026-04-01T09:00:00.000Z' },
      { audience: 'alumni', granted: false, textVersion: 'v1', recordedAt: '2026-04-01T09:00:00.000Z' },
    ],
    introductionsRequested: [],
    introductionsAddressedToYou: [],
    openRequestsVolunteered: [],
    eventAnswers: [],
    rounds: { participation: null, pairs: [] },
    recentSearches: [],
    auditTrail: [{ action: 'profile.created', occurredAt: '2026-04-01T09:00:00.000Z' }],
    ...overrides,
  };
}

const HOSTILE = '<!channel> & <https://evil.example|click> <@U0VICTIM>';
const HOSTILE_ESCAPED = '&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; &lt;@U0VICTIM&gt;';

describe.each(['ja', 'en'] as const)('the summary of a member’s own data in %s', (locale) => {
  const messages = t(locale);
  const o = messages.ownData;
  const c = messages.profileCard;
  const build = (data: OwnData) => buildOwnDataSummary({ t: messages, locale, data });

  it('labels the profile’s fields in the member’s language and shows its values', () => {
    const text = visibleText(build(ownData()));
    expect(text).toContain(o.heading);
    expect(text).toContain(o.intro(slackDateTime(new Date('2026-11-24T09:00:00.000Z'))));
    for (const label of [o.name, o.email, c.type, c.status, c.organisation, c.jobTitle, c.sector, c.topics, c.helpText, c.coi]) {
      expect(text).toContain(`*${label}*`);
    }
    expect(text).toContain('株式会社グリーンパワー総研');
    expect(text).toContain(messages.memberType.alumni);
    expect(text).toContain(messages.status.active);
    expect(text).toContain(termLabel(SECTORS, 'consulting', locale));
    expect(text).toContain(termLabel(POLICY_TOPICS, 'renewable_energy', locale));
    expect(text).toContain(c.yearsValue('2008', '2019'));
    expect(text).toContain('<@U0REFERRER1>');
  });

  it('shows the consents, the consent text answered and the code of conduct accepted', () => {
    const blocks = build(ownData());
    const text = visibleText(blocks);
    expect(text).toContain(`*${c.consentStaff}*\n${messages.common.yes}`);
    expect(text).toContain(`*${c.consentAlumni}*\n${messages.common.no}`);
    expect(text).toContain(o.consentAnswers(2));
    expect(text).toContain(`*${o.codeOfConduct}*\n${o.codeAccepted(memberRow().codeOfConductVersion!, slackDateTime(new Date('2026-04-01T09:00:00.000Z')))}`);
    expect(visibleText(build(ownData({}, memberRow({ shareWithStaff: null, codeOfConductVersion: null }))))).toContain(c.consentNever);
  });

  it('shows what Slack told Kakehashi of the account, and how many records of each kind are kept', () => {
    const request = ownData().introductionsRequested;
    const text = visibleText(
      build(
        ownData({
          organizer: true,
          introductionsRequested: [...request, ...request],
          eventAnswers: Array.from({ length: 3 }, () => ({
            event: '交流会',
            startsAt: '2026-12-01T09:00:00.000Z',
            endsAt: '2026-12-01T11:00:00.000Z',
            place: '本館',
            eventCancelled: false,
            answer: 'going' as const,
            waitlisted: false,
            waitlistedAt: null,
            answeredAt: '2026-11-20T09:00:00.000Z',
          })),
        }),
      ),
    );
    expect(text).toContain(o.slackHeading);
    expect(text).toContain(`*${o.slackLocale}*\nja-JP`);
    expect(text).toContain(`*${o.timeZone}*\nAsia/Tokyo`);
    expect(text).toContain(`*${o.organizer}*\n${messages.common.yes}`);
    expect(text).toContain(`*${o.eventAnswers}*\n3`);
    expect(text).toContain(`*${o.introductionsAddressedToYou}*\n0`);
  });

  it('says whether the member takes part in rounds and how many pairs they were in', () => {
    const pair = {
      round: 1,
      startsAt: '2026-11-02T00:00:00.000Z',
      endsAt: '2026-11-16T00:00:00.000Z',
      sharedTopics: [],
      partners: ['佐藤 花子'],
      yourAnswer: 'met' as const,
      answeredAt: null,
    };
    const joined = {
      status: 'paused' as const,
      pausedReason: 'self',
      curiousTopics: [],
      curiousText: null,
      joinedAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    };
    const r = messages.rounds.ownData;

    expect(visibleText(build(ownData({ rounds: { participation: joined, pairs: [pair, pair] } })))).toContain(`*${r.pairs}*\n2`);
    expect(visibleText(build(ownData({ rounds: { participation: joined, pairs: [] } })))).toContain(`*${r.participation}*\n${r.status.paused}`);
    expect(visibleText(build(ownData()))).toContain(`*${r.participation}*\n${r.status.none}`);
  });

  it('says when no profile is stored, and when Slack’s record of the account is not kept', () => {
    const text = visibleText(build(ownData({ slackAccount: null, consentHistory: [], auditTrail: [] }, null)));
    expect(text).toContain(o.noProfile);
    expect(text).toContain(o.slackNothing);
    expect(text).not.toContain(c.consentStaff);
  });

  it('escapes mentions, links and "&" in everything stored as typed or as Slack sent it', () => {
    const member = memberRow({ name: HOSTILE, organisation: HOSTILE, helpText: HOSTILE, coiDeclared: true, coiDescription: HOSTILE, formerDivisions: HOSTILE });
    const data = ownData({}, member);
    data.slackAccount = { ...data.slackAccount!, name: HOSTILE, email: HOSTILE, timeZone: HOSTILE };
    const texts = mrkdwnTexts(build(data));
    expect(texts.join('\n').split(HOSTILE_ESCAPED).length - 1).toBe(8);
    for (const text of texts) {
      expect(text).not.toMatch(/<!channel>/);
      expect(text).not.toContain('<https://evil');
      expect(text).not.toContain('<@U0VICTIM>');
    }
  });

  it('stays within Slack’s limits for a realistic, a sparse and the longest profile, even all "&"', () => {
    assertValidMessage(build(ownData()));
    assertValidMessage(build(ownData({ slackAccount: null }, null)));
    assertValidMessage(build(ownData({}, maximalMemberRow())));
    const worst = ownData({}, maximalMemberRow({}, ESCAPE_HEAVY_FILL));
    worst.slackAccount = { ...worst.slackAccount!, name: textOfLength(250, '&'), email: textOfLength(250, '&'), timeZone: textOfLength(100, '&') };
    assertValidMessage(build(worst));
  });

  it('shows what matched on the member’s requests in their language, names escaped, the first few with how many more', () => {
    const request = (topic: string, ethicsMatch: OwnData['introductionsRequested'][number]['ethicsMatch']) => ({
      kind: 'direct' as const,
      status: 'accepted' as const,
      topic,
      purpose: 'policy_research',
      details: '',
      format: 'call',
      dueDate: '2026-12-10',
      declineReason: null,
      ethicsNotices: ethicsMatch ? ['interested_party'] : [],
      createdAt: '2026-11-24T09:00:00.000Z',
      answeredAt: null,
      alumnus: 'Hanako',
      coiAcknowledgedAt: null,
      ethicsMatch,
      ethicsAcknowledgedAt: null,
      ethicsSupervisorSlackUserId: null,
    });
    expect(visibleText(build(ownData({ introductionsRequested: [request('no notice', null)] })))).not.toContain(messages.ethicsMatch.ownDataHeading);

    const matched = request('GX & 再エネ', { interestedParty: { by: 'division', division: '<!here> 課' } });
    const shown = visibleText(build(ownData({ introductionsRequested: [matched, request('old', { summary: 'interested party: x' })] })));
    expect(shown).toContain(messages.ethicsMatch.ownDataHeading);
    expect(shown).toContain(messages.ethicsMatch.ownDataItem('GX &amp; 再エネ', messages.ethicsMatch.division('&lt;!here&gt; 課')));
    expect(shown).toContain(messages.ethicsMatch.ownDataItem('old', 'interested party: x'));

    const many = build(ownData({ introductionsRequested: Array.from({ length: 8 }, (_, i) => request(`topic ${i}`, { summary: 'x'.repeat(600) })) }));
    assertValidMessage(many);
    expect(visibleText(many)).toContain(messages.ethicsMatch.ownDataMore(3));
    expect(visibleText(many)).not.toContain('topic 5');
  });
});
