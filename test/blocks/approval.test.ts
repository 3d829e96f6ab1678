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

describe.each(['ja', 'en'] as const)('the approval message in %s', (locale) => {
  const messages = t(locale);
  const build = (member: MemberRow) => buildApprovalMessage({ t: messages, locale, member });
  const check = (member: MemberRow) => assertValidMessage(build(member), approvalMessageText({ t: messages, member }));

  describe('stays within Slack limits', () => {
    it('while pending, for a realistic applicant', () => check(pending()));
    it('once approved or declined, for a realistic applicant', () => {
      check(decided('active'));
      check(decided('declined'));
    });
    it('for the longest profile an applicant can submit', () => {
      check(maximalMemberRow({ status: 'pending', decidedAt: null, decidedBySlackUserId: null }));
      check(maximalMemberRow({ status: 'active' }));
    });
    // Every typed character an '&' (five once escaped) must still fit under msg_blocks_too_long.
    it('for the longest profile made only of "&", which escaping lengthens fivefold', () =>
      check(maximalMemberRow({ status: 'pending', decidedAt: null, decidedBySlackUserId: null }, ESCAPE_HEAVY_FILL)));
  });

  it('shows Approve and Decline buttons carrying the member id while pending', () => {
    const member = pending();
    const buttons = buttonsIn(build(member));
    expect(buttons.map((button) => button.action_id)).toEqual([ACTIONS.approveMember, ACTIONS.declineMember]);
    expect(buttons.map((button) => button.value)).toEqual([member.id, member.id]);
    expect(buttons.map((button) => button.text.text)).toEqual([messages.approval.approve, messages.approval.decline]);
    expect(buttons.map((button) => button.style)).toEqual(['primary', 'danger']);
  });

  it('replaces the buttons with who approved it and when, once approved', () => {
    const blocks = build(decided('active'));
    expect(buttonsIn(blocks)).toEqual([]);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: messages.approval.approvedBy('<@U0ORGANIZER>', DECIDED_TOKEN) }],
    });
    expect(mrkdwnTexts(blocks.at(-1)).join()).toContain('<@U0ORGANIZER>');
  });

  it('replaces the buttons with who declined it and when, once declined', () => {
    const blocks = build(decided('declined'));
    expect(buttonsIn(blocks)).toEqual([]);
    expect(mrkdwnTexts(blocks.at(-1))).toEqual([messages.approval.declinedBy('<@U0ORGANIZER>', DECIDED_TOKEN)]);
  });

  it('opens with the decision once decided, in the card and in its notification text', () => {
    const name = memberRow().name!;
    const approved = decided('active');
    expect(mrkdwnTexts(build(approved))[0]).toBe(messages.approval.approvedRequest(`${name} (<@U0APPLICANT>)`, messages.memberType[approved.memberType]));
    expect(approvalMessageText({ t: messages, member: approved })).toBe(
      messages.approval.approvedRequest(name, messages.memberType[approved.memberType]).replace(/\*/g, ''),
    );
    const declined = decided('declined');
    expect(mrkdwnTexts(build(declined))[0]).toBe(messages.approval.declinedRequest(`${name} (<@U0APPLICANT>)`, messages.memberType[declined.memberType]));
    for (const member of [approved, declined]) {
      expect(mrkdwnTexts(build(member))[0]).not.toBe(messages.approval.request(`${name} (<@U0APPLICANT>)`, messages.memberType[member.memberType]));
      expect(approvalMessageText({ t: messages, member })).not.toContain('<!date');
    }
  });

  it('says a registration made active without a decision is active, with no buttons', () => {
    const blocks = build(pending({ status: 'active' }));
    expect(buttonsIn(blocks)).toEqual([]);
    expect(mrkdwnTexts(blocks)[0]).toContain(messages.status.active);
  });

  it('opens with the applicant, mentioned, and their type', () => {
    const member = pending({ name: '佐藤 花子', memberType: 'returnee' });
    const [first] = mrkdwnTexts(build(member));
    expect(first).toBe(messages.approval.request('佐藤 花子 (<@U0APPLICANT>)', messages.memberType.returnee));
  });

  it('shows the applicant’s whole profile, organizer-only part included, without a second heading', () => {
    const blocks = build(pending({ interestedInReturning: true }));
    expect(blocksOfType(blocks, 'header')).toEqual([]);
    const texts = mrkdwnTexts(blocks);
    expect(texts).toContain(`*${messages.profileCard.returning}*\n${messages.common.yes}`);
    expect(texts).toContain(messages.profileCard.organizerOnly);
  });

  it('escapes the applicant’s name in the message and in the notification text', () => {
    const member = pending({ name: '<!channel> & co' });
    const [first] = mrkdwnTexts(build(member));
    expect(first).toContain('&lt;!channel&gt; &amp; co');
    expect(first).not.toContain('<!channel>');
    const text = approvalMessageText({ t: messages, member });
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('*');
  });
});

describe.each(['ja', 'en'] as const)('the approval card in the organizers’ channel, network language %s', (locale) => {
  const [first, second] = channelLanguages(locale);
  const other = locale === 'ja' ? 'en' : 'ja';
  const build = (member: MemberRow) => buildApprovalMessage({ t: channelLanguages(locale), locale, member });
  const text = (member: MemberRow) => approvalMessageText({ t: channelLanguages(locale), member });

  it('is written in both languages, the network’s first', () => {
    expect(first).toBe(t(locale));
    expect(second).toBe(t(other));
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

  it('labels its buttons in both languages, within a button’s 75 characters', () => {
    const member = pending();
    const buttons = buttonsIn(build(member));
    expect(buttons.map((button) => button.action_id)).toEqual([ACTIONS.approveMember, ACTIONS.declineMember]);
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

  it('says who decided and when, one line per language, once decided', () => {
    const approved = build(decided('active'));
    expect(mrkdwnTexts(approved.at(-1))).toEqual([
      `${first.approval.approvedBy('<@U0ORGANIZER>', DECIDED_TOKEN)}\n${second.approval.approvedBy('<@U0ORGANIZER>', DECIDED_TOKEN)}`,
    ]);
    expect(mrkdwnTexts(build(decided('declined')))[0]).toContain(`${first.approval.cardTitles.declined} / ${second.approval.cardTitles.declined}`);
    expect(text(decided('active'))).toContain(`${first.approval.cardTitles.approved} / ${second.approval.cardTitles.approved}`);
    expect(text(decided('active'))).not.toContain('<!date');
  });

  it('the same buttons on an organizer’s App Home stay in that organizer’s one language', () => {
    const buttons = buttonsIn([buildApprovalButtons({ t: t(other), member: pending() })]);
    expect(buttons.map((button) => button.text.text)).toEqual([t(other).approval.approve, t(other).approval.decline]);
  });
});
