import { describe, expect, it } from 'vitest';
import { buildApprovalMessage } from '../../src/blocks/approval';
import { channelLanguages } from '../../src/blocks/bilingual';
import { slackDate, slackDateTime } from '../../src/blocks/event-time';
import { buildHomeView } from '../../src/blocks/home';
import { buildProfileCard } from '../../src/blocks/profile-card';
import { t } from '../../src/i18n';
import { introductionRow, memberRow } from '../helpers/factories';
import { mrkdwnTexts, objectsIn } from './inspect';

// 21:31 UTC on 1 December is 06:31 on 2 December in Japan: the walkthrough's "辞退 · 2026-12-01 21:31 UTC".
const AT = new Date('2026-12-01T21:31:00Z');
const UNIX = Date.UTC(2026, 11, 1, 21, 31) / 1000;

/** Every string in a built view, wherever it sits. */
const allStrings = (value: unknown): string[] =>
  objectsIn(value).flatMap((node) => Object.values(node).filter((field): field is string => typeof field === 'string'));
const plainTexts = (value: unknown): string[] =>
  objectsIn(value).flatMap((node) => (node.type === 'plain_text' && typeof node.text === 'string' ? [node.text] : []));

describe('times as Slack date tokens', () => {
  it('a date and time is shown in the reader’s own zone, falling back to Japan time', () => {
    expect(slackDateTime(AT)).toBe(`<!date^${UNIX}^{date_short_pretty} {time}|2026-12-02 06:31 JST>`);
  });

  it('a day alone is the day in the reader’s own zone, falling back to Japan’s day', () => {
    expect(slackDate(AT)).toBe(`<!date^${UNIX}^{date_short_pretty}|2026-12-02>`);
  });
});

describe.each(['ja', 'en'] as const)('every time a reader sees, in %s, is in their own zone', (locale) => {
  const messages = t(locale);
  const expectNoUtc = (view: unknown) => {
    for (const text of allStrings(view)) expect(text).not.toMatch(/UTC/);
    // A date token in plain text would show raw.
    for (const text of plainTexts(view)) expect(text).not.toContain('<!date');
  };

  it('App Home: when an introduction request was made, and when a delivery failed', () => {
    const request = introductionRow({ status: 'declined', createdAt: AT });
    const home = buildHomeView({
      t: messages,
      locale,
      member: memberRow({ profileConfirmedAt: AT }),
      introductions: { made: [{ request, otherName: 'Hanako Sato' }], toMe: [] },
      failedDeliveries: { rows: [{ kind: 'introduction.request', lastError: 'channel_not_found', failedAt: AT }], total: 1 },
      pending: { rows: [memberRow({ status: 'pending', decidedAt: null, decidedBySlackUserId: null })], total: 1 },
    });
    const texts = mrkdwnTexts(home);
    expect(texts).toContain(messages.introductions.homeItem('Hanako Sato', request.topic, messages.introductions.states.declined, slackDateTime(AT)));
    expect(texts.some((text) => text.includes(messages.deliveries.homeItem('introduction.request', 'channel_not_found', slackDateTime(AT))))).toBe(true);
    expectNoUtc(home);
  });

  it('the profile card: when the profile was last confirmed', () => {
    const card = buildProfileCard({ t: messages, locale, member: memberRow({ profileConfirmedAt: AT }), showPrivate: true });
    expect(mrkdwnTexts(card)).toContain(`*${messages.profileCard.lastConfirmed}*\n${slackDate(AT)}`);
    expectNoUtc(card);
  });

  it('the approval card (in both languages, this one first): when it was decided, and when the profile was last confirmed', () => {
    const member = memberRow({ status: 'declined', decidedAt: AT, decidedBySlackUserId: 'U0ORGANIZER', profileConfirmedAt: AT });
    const languages = channelLanguages(locale);
    const card = buildApprovalMessage({ t: languages, locale, member });
    const texts = mrkdwnTexts(card);
    const when = `<!date^${UNIX}^{date_short_pretty} {time}|2026-12-02 06:31 JST>`;
    expect(texts).toContain(languages.map((m) => m.approval.declinedBy('<@U0ORGANIZER>', when)).join('\n'));
    expect(texts).toContain(`*${languages.map((m) => m.profileCard.lastConfirmed).join(' / ')}*\n${slackDate(AT)}`);
    expectNoUtc(card);
  });
});
