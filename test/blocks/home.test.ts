import { describe, expect, it } from 'vitest';
import { buildHomeView, HOME_PENDING_LIMIT } from '../../src/blocks/home';
import type { MemberRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import { ACTIONS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidHome } from '../helpers/slack-limits';
import { blocksOfType, buttonsIn, mrkdwnTexts, visibleText } from './inspect';

const applicants = (count: number, make: (overrides: Partial<MemberRow>) => MemberRow = memberRow) =>
  Array.from({ length: count }, () => make({ status: 'pending', decidedAt: null, decidedBySlackUserId: null }));

describe.each(['ja', 'en'] as const)('the home view in %s', (locale) => {
  const messages = t(locale);
  const h = messages.home;
  const build = (member: MemberRow | undefined, pending?: { rows: MemberRow[]; total: number }) =>
    buildHomeView({ t: messages, locale, member, ...(pending ? { pending } : {}) });

  describe('stays within Slack limits', () => {
    it('for someone with no profile', () => assertValidHome(build(undefined)));
    it('for a realistic member', () => assertValidHome(build(memberRow())));
    it('for the longest profile', () => assertValidHome(build(maximalMemberRow())));
    it('for an organizer with no pending registrations', () => assertValidHome(build(memberRow(), { rows: [], total: 0 })));
    it('for an organizer with 500 pending registrations of the longest profiles', () => {
      const rows = applicants(500, (overrides) => maximalMemberRow(overrides));
      assertValidHome(build(maximalMemberRow(), { rows, total: 500 }));
    });
    it('for an organizer with 500 pending registrations made only of "&"', () => {
      const rows = applicants(500, (overrides) => maximalMemberRow(overrides, ESCAPE_HEAVY_FILL));
      assertValidHome(build(maximalMemberRow({}, ESCAPE_HEAVY_FILL), { rows, total: 500 }));
    });
  });

  it('offers to create a profile to someone who has none', () => {
    const view = build(undefined);
    expect(visibleText(view)).toContain(h.noProfile);
    expect(buttonsIn(view).map((button) => [button.action_id, button.text.text])).toEqual([[ACTIONS.openProfileModal, h.createProfile]]);
  });

  it('shows a member their profile, status and consents, with an edit button', () => {
    const member = memberRow({ status: 'pending', shareWithStaff: true, shareWithAlumni: null });
    const view = build(member);
    const text = visibleText(view);
    expect(text).toContain(member.name);
    expect(text).toContain(`${member.organisation} / ${member.title}`);
    expect(mrkdwnTexts(view)).toContain(h.statusLine(messages.status.pending));
    expect(mrkdwnTexts(view)).toContain(h.consentLine(messages.common.yes, messages.profileCard.consentNever));
    expect(buttonsIn(view).map((button) => [button.action_id, button.text.text])).toEqual([[ACTIONS.openProfileModal, h.editProfile]]);
  });

  it('escapes what the member typed', () => {
    const text = mrkdwnTexts(build(memberRow({ name: '<!channel>', organisation: 'R&D <https://evil.example|x>' }))).join('\n');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('R&amp;D &lt;https://evil.example|x&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<https://evil');
  });

  it('shows no pending section to someone who is not an organizer', () => {
    const view = build(memberRow());
    expect(visibleText(view)).not.toContain(h.pendingHeader);
    expect(buttonsIn(view).map((button) => button.action_id)).not.toContain(ACTIONS.approveMember);
  });

  it('tells an organizer when nothing is waiting', () => {
    const view = build(memberRow(), { rows: [], total: 0 });
    expect(blocksOfType(view.blocks, 'header').map((block) => block.text.text)).toContain(h.pendingHeader);
    expect(visibleText(view)).toContain(h.noPending);
  });

  it('lists each pending applicant with Approve and Decline carrying their id', () => {
    const rows = applicants(3);
    const view = build(memberRow(), { rows, total: 3 });
    const approvals = buttonsIn(view).filter((button) => button.action_id === ACTIONS.approveMember || button.action_id === ACTIONS.declineMember);
    expect(approvals.map((button) => [button.action_id, button.value])).toEqual(
      rows.flatMap((row) => [[ACTIONS.approveMember, row.id], [ACTIONS.declineMember, row.id]]),
    );
    for (const row of rows) expect(visibleText(view)).toContain(`<@${row.slackUserId}>`);
    expect(visibleText(view)).not.toContain(h.noPending);
  });

  it(`lists the first ${HOME_PENDING_LIMIT} of 500 pending registrations and counts the rest`, () => {
    const rows = applicants(500);
    const view = build(memberRow(), { rows, total: 500 });
    const approveValues = buttonsIn(view).filter((button) => button.action_id === ACTIONS.approveMember).map((button) => button.value);
    expect(approveValues).toEqual(rows.slice(0, HOME_PENDING_LIMIT).map((row) => row.id));
    expect(mrkdwnTexts(view)).toContain(h.morePending(500 - HOME_PENDING_LIMIT));
  });
  describe('"unavailable until", set when declining', () => {
    const notice = (view: ReturnType<typeof build>) => mrkdwnTexts(view).filter((text) => text === messages.availability.notice('2027-03-31'));

    it('shows the member until when they are not suggested, with "Available again" carrying no ID', () => {
      const view = buildHomeView({ t: messages, locale, member: memberRow({ unavailableUntil: '2027-03-31' }), unavailableUntil: '2027-03-31' });
      expect(notice(view)).toHaveLength(1);
      const button = buttonsIn(view).find((candidate) => candidate.action_id === ACTIONS.clearUnavailable);
      expect(button?.text.text).toBe(messages.availability.availableAgain);
      expect(button?.value).toBeUndefined();
      assertValidHome(view);
    });

    it('shows nothing when no date still hides them (none set, or gone by)', () => {
      const view = build(memberRow({ unavailableUntil: '2020-01-01' }));
      expect(notice(view)).toEqual([]);
      expect(buttonsIn(view).map((button) => button.action_id)).not.toContain(ACTIONS.clearUnavailable);
    });

    it('shows it in the member section, right after their profile', () => {
      const view = buildHomeView({ t: messages, locale, member: memberRow(), unavailableUntil: '2027-03-31', pending: { rows: applicants(2), total: 2 } });
      const texts = view.blocks.map((block) => JSON.stringify(block));
      const at = texts.findIndex((text) => text.includes(ACTIONS.clearUnavailable));
      expect(texts[at - 1]).toContain(h.statusLine(messages.status.active));
      expect(texts.findIndex((text) => text.includes(h.pendingHeader))).toBeGreaterThan(at);
    });

    it('stays within Slack limits beside the longest profile, escaping whatever it is given', () => {
      const view = buildHomeView({ t: messages, locale, member: maximalMemberRow({}, ESCAPE_HEAVY_FILL), unavailableUntil: '<!channel>' });
      assertValidHome(view);
      expect(mrkdwnTexts(view).join('\n')).not.toContain('<!channel>');
    });
  });
});
