import { describe, expect, it } from 'vitest';
import { buildProfileCard } from '../../src/blocks/profile-card';
import type { MemberRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { mrkdwnTexts, visibleText } from './inspect';

const HOSTILE = {
  name: 'Mallory <!channel>',
  organisation: 'R&D <https://evil.example|click> Ltd',
  title: '<!here> & <@U0VICTIM>',
  formerDivisions: '<!channel> 資源エネルギー庁',
  helpText: 'Open <https://evil.example|click> & <!everyone>',
  coiDeclared: true,
  coiDescription: '<!channel> & friends',
} satisfies Partial<MemberRow>;

describe.each(['ja', 'en'] as const)('the profile card in %s', (locale) => {
  const messages = t(locale);
  const c = messages.profileCard;
  const build = (member: MemberRow, showPrivate = false) => buildProfileCard({ t: messages, locale, member, showPrivate });

  describe.each([false, true])('with showPrivate %s, stays within Slack limits', (showPrivate) => {
    it('for a realistic member', () => assertValidMessage(build(memberRow(), showPrivate)));
    it('for a sparse member who answered little', () =>
      assertValidMessage(
        build(memberRow({ name: null, organisation: null, title: null, sector: null, topics: [], helpKinds: [], helpText: null, formerDivisions: null, yearJoined: null, yearLeft: null, shareWithStaff: null, shareWithAlumni: null, profileConfirmedAt: null, referredBySlackUserId: null }), showPrivate),
      ));
    it('for the longest profile a member can save', () => assertValidMessage(build(maximalMemberRow(), showPrivate)));
  });

  // Worst case: every typed character is '&', which escaping turns into five ('&amp;').
  it.each([false, true])('with showPrivate %s, fits one message even when all typed text is "&"', (showPrivate) => {
    assertValidMessage(build(maximalMemberRow({}, ESCAPE_HEAVY_FILL), showPrivate));
  });

  it('escapes mentions, links and "&" in everything the member typed', () => {
    const texts = mrkdwnTexts(build(memberRow(HOSTILE), true));
    const all = texts.join('\n');
    expect(all).toContain('R&amp;D &lt;https://evil.example|click&gt; Ltd');
    expect(all).toContain('&lt;!here&gt; &amp; &lt;@U0VICTIM&gt;');
    expect(all).toContain('&lt;!channel&gt; 資源エネルギー庁');
    expect(all).toContain('Open &lt;https://evil.example|click&gt; &amp; &lt;!everyone&gt;');
    expect(all).toContain('&lt;!channel&gt; &amp; friends');
    for (const text of texts) {
      expect(text).not.toMatch(/<!(channel|here|everyone)>/);
      expect(text).not.toContain('<https://evil');
      expect(text).not.toContain('<@U0VICTIM>');
    }
  });

  it('shows the name as plain text in the header, not as mrkdwn', () => {
    const [header] = build(memberRow(HOSTILE));
    expect(header).toEqual({ type: 'header', text: expect.objectContaining({ type: 'plain_text', text: c.heading(HOSTILE.name) }) });
  });

  it('shows the declared conflict of interest, or that none was declared', () => {
    expect(visibleText(build(memberRow({ coiDeclared: true, coiDescription: '委託事業を受託' })))).toContain('委託事業を受託');
    expect(visibleText(build(memberRow({ coiDeclared: false, coiDescription: null })))).toContain(c.coiNone);
  });

  it('hides status, consents, referrer and "interested in returning" unless showPrivate', () => {
    const member = memberRow({ interestedInReturning: true, status: 'pending', referredBySlackUserId: 'U0REFERRER1' });
    const text = visibleText(build(member, false));
    for (const label of [c.status, c.consentStaff, c.consentAlumni, c.referredBy, c.returning, c.lastConfirmed, c.organizerOnly]) {
      expect(text).not.toContain(label);
    }
    expect(text).not.toContain(messages.status.pending);
    expect(text).not.toContain('<@U0REFERRER1>');
  });

  it('shows them, marked organizers only, with showPrivate', () => {
    const member = memberRow({ interestedInReturning: true, status: 'pending', shareWithStaff: true, shareWithAlumni: null });
    const texts = mrkdwnTexts(build(member, true));
    expect(texts).toContain(`*${c.status}*\n${messages.status.pending}`);
    expect(texts).toContain(`*${c.consentStaff}*\n${messages.common.yes}`);
    expect(texts).toContain(`*${c.consentAlumni}*\n${c.consentNever}`);
    expect(texts).toContain(`*${c.returning}*\n${messages.common.yes}`);
    expect(texts).toContain(`*${c.referredBy}*\n<@U0REFERRER1>`);
    expect(texts).toContain(c.organizerOnly);
  });

  it('labels topics and kinds of help in the reader’s language', () => {
    const text = visibleText(build(memberRow({ topics: ['semiconductors'], helpKinds: ['mentoring'] })));
    expect(text).toContain(locale === 'ja' ? '半導体' : 'Semiconductors');
    expect(text).toContain(locale === 'ja' ? '若手職員のメンタリング' : 'Mentoring young staff');
  });
});
