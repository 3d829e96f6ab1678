import { describe, expect, it } from 'vitest';
import { approvalMessageText, buildApprovalButtons, buildApprovalMessage } from '../../src/blocks/approval';
import { channelLanguages } from '../../src/blocks/bilingual';
import type { MemberRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import { HELP_KINDS, POLICY_TOPICS, SECTORS } from '../../src/services/taxonomy';
import { ACTIONS } from '../../src/slack/ids';
import { escapeMrkdwn } from '../../src/slack/mrkdwn';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { blocksOfType, buttonsIn, mrkdwnTexts, visibleText } from './inspect';

const pending = (overrides: Partial<MemberRow> = {}) =>
  memberRow({ status: 'pending', decidedBySlackUserId: null, decidedAt: null, slackUserId: 'U0APPLICANT', ...overrides });
// 01:30 UTC is 10:30 in Japan: Slack shows each organizer their own zone, the fallback is Japan's.
const DECIDED_TOKEN = `<!date^${Date.UTC(2026, 3, 2, 1, 30) / 1000}^{date_short_pretty} {time}|2026-04-02 10:30 JST>`;
const decided = (status: 'active' | 'declined') =>
  memberRow({ status, slackUserId: 'U0APPLICANT', decidedBySlackUserId: 'U0ORGANIZER', decidedAt: new Date('2026-04-02T01:30:00Z') });

describe.each(['ja', 'en'] as const)('the approval card in the organizers’ channel, network language %s', (locale) => {
  const [first, second] = channelLanguages(locale);
  const other = locale === 'ja' ? 'en' : 'ja';
  const build = (member: MemberRow) => buildApprovalMessage({ t: channelLanguages(locale), locale, member });
  const text = (member: MemberRow) => approvalMessageText({ t: channelLanguages(locale), member });

  it('is written in both languages, the network’s first', () => {
    expect(first).toBe(t(locale));
    expect(second).toBe(t(other));
  });

  it('stays within Slack limits for a realistic applicant, pending and decided', () => {
    for (const member of [pending(), decided('active'), decided('declined')]) assertValidMessage(build(member), text(member));
  });

  it('stays within Slack limits in every state, for the longest and the most escaped profile', () => {
    for (const fill of [undefined, ESCAPE_HEAVY_FILL]) {
      for (const member of [
        maximalMemberRow({ status: 'pending', decidedAt: null, decidedBySlackUserId: null }, fill),
        maximalMemberRow({ status: 'active' }, fill),
        maximalMemberRow({ status: 'declined' }, fill),
        maximalMemberRow({ status: 'erased' }, fill),
      ]) {
        assertValidMessage(build(member), text(member));
      }
    }
  });

  it('shows Approve and Decline while pending, labelled in both languages within a button’s 75 characters, carrying the member id', () => {
    const member = pending();
    const buttons = buttonsIn(build(member));
    expect(buttons.map((button) => button.action_id)).toEqual([ACTIONS.approveMember, ACTIONS.declineMember]);
    expect(buttons.map((button) => button.value)).toEqual([member.id, member.id]);
    expect(buttons.map((button) => button.style)).toEqual(['primary', 'danger']);
    expect(buttons.map((button) => button.text.text)).toEqual([
      `${first.approval.approve} / ${second.approval.approve}`,
      `${first.approval.decline} / ${second.approval.decline}`,
    ]);
  });

  it('opens with the registration in both languages and the applicant’s name once, in the card and the notification', () => {
    const member = pending({ name: '佐藤 花子', memberType: 'returnee' });
    const [headline] = mrkdwnTexts(build(member));
    const type = `${first.memberType.returnee} / ${second.memberType.returnee}`;
    const status = `${first.status.pending} / ${second.status.pending}`;
    expect(headline).toBe(`*${first.approval.cardTitles.pending} / ${second.approval.cardTitles.pending}: 佐藤 花子 (<@U0APPLICANT>)* (${type}) — ${status}`);
    expect(text(member)).toBe(`${first.approval.cardTitles.pending} / ${second.approval.cardTitles.pending}: 佐藤 花子 (${type}) — ${status}`);
    expect(visibleText(build(member)).split('佐藤 花子')).toHaveLength(2);
  });

  it('escapes the applicant’s name in the card and in the notification text', () => {
    const member = pending({ name: '<!channel> & co' });
    const [headline] = mrkdwnTexts(build(member));
    expect(headline).toContain('&lt;!channel&gt; &amp; co');
    expect(headline).not.toContain('<!channel>');
    expect(text(member)).toContain('&lt;!channel&gt;');
    expect(text(member)).not.toContain('*');
  });

  it('shows the applicant’s whole profile without a second heading', () => {
    expect(blocksOfType(build(pending()), 'header')).toEqual([]);
  });

  it('shows the profile’s labels and answers in both languages, the values typed once', () => {
    const member = pending({ organisation: 'Green & Co', interestedInReturning: true });
    const texts = mrkdwnTexts(build(member));
    expect(texts).toContain(`*${first.profileCard.organisation} / ${second.profileCard.organisation}*\nGreen &amp; Co`);
    expect(texts).toContain(`*${first.profileCard.returning} / ${second.profileCard.returning}*\n${first.common.yes} / ${second.common.yes}`);
    expect(texts).toContain(`${first.profileCard.organizerOnly} / ${second.profileCard.organizerOnly}`);
  });

  it('names the profile’s sector, topics and kinds of help in both languages, the network’s first', () => {
    const member = pending({ sector: SECTORS[0]!.key, topics: [POLICY_TOPICS[0]!.key, POLICY_TOPICS[1]!.key], helpKinds: [HELP_KINDS[0]!.key] });
    const both = (term: { ja: string; en: string }) => escapeMrkdwn(`${term[locale]} / ${term[other]}`);
    const texts = mrkdwnTexts(build(member)).join('\n');
    expect(texts).toContain(`\n${both(SECTORS[0]!)}`);
    expect(texts).toContain(`\n${both(POLICY_TOPICS[0]!)}, ${both(POLICY_TOPICS[1]!)}`);
    expect(texts).toContain(`\n${both(HELP_KINDS[0]!)}`);
  });

  it('replaces the buttons with who decided and when, one line per language, once decided', () => {
    const approved = build(decided('active'));
    expect(buttonsIn(approved)).toEqual([]);
    expect(approved.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `${first.approval.approvedBy('<@U0ORGANIZER>', DECIDED_TOKEN)}\n${second.approval.approvedBy('<@U0ORGANIZER>', DECIDED_TOKEN)}` },
      ],
    });
    const declined = build(decided('declined'));
    expect(buttonsIn(declined)).toEqual([]);
    expect(mrkdwnTexts(declined.at(-1))).toEqual([
      `${first.approval.declinedBy('<@U0ORGANIZER>', DECIDED_TOKEN)}\n${second.approval.declinedBy('<@U0ORGANIZER>', DECIDED_TOKEN)}`,
    ]);
  });

  it('opens with the decision once decided, in the card and in its notification text, without a date token in the text', () => {
    const name = memberRow().name!;
    for (const [status, state] of [
      ['active', 'approved'],
      ['declined', 'declined'],
    ] as const) {
      const member = decided(status);
      const type = `${first.memberType[member.memberType]} / ${second.memberType[member.memberType]}`;
      const title = `${first.approval.cardTitles[state]} / ${second.approval.cardTitles[state]}`;
      expect(mrkdwnTexts(build(member))[0]).toBe(`*${title}: ${name} (<@U0APPLICANT>)* (${type})`);
      expect(text(member)).toBe(`${title}: ${name} (${type})`);
    }
  });

  it('says a registration made active without a decision is closed and active, with no buttons', () => {
    const member = pending({ status: 'active' });
    const blocks = build(member);
    expect(buttonsIn(blocks)).toEqual([]);
    expect(mrkdwnTexts(blocks)[0]).toContain(`${first.approval.cardTitles.closed} / ${second.approval.cardTitles.closed}`);
    expect(mrkdwnTexts(blocks)[0]).toContain(`— ${first.status.active} / ${second.status.active}`);
  });

  it('the same buttons on an organizer’s App Home stay in that organizer’s one language', () => {
    const buttons = buttonsIn([buildApprovalButtons({ t: t(other), member: pending() })]);
    expect(buttons.map((button) => button.text.text)).toEqual([t(other).approval.approve, t(other).approval.decline]);
  });
});
