import { describe, expect, it } from 'vitest';
import { buildMemberList, buildNetworkStats, formatDuration } from '../../src/blocks/admin-overview';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { parseMemberFilter, type MemberListRow, type NetworkStats } from '../../src/services/admin-overview';
import { TOPIC_KEYS } from '../../src/services/taxonomy';
import { ESCAPE_HEAVY_FILL, TYPICAL_FILL, textOfLength } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';

function row(i: number, overrides: Partial<MemberListRow> = {}): MemberListRow {
  return {
    id: `7c9e6679-7425-40de-944b-${String(i).padStart(12, '0')}`,
    name: `佐藤 花子 ${i}`,
    organisation: '株式会社グリーンパワー総研',
    status: 'active',
    memberType: 'alumni',
    shareWithStaff: true,
    shareWithAlumni: false,
    profileConfirmedAt: new Date('2026-04-01T09:00:00Z'),
    slackUserId: `U0${i}`,
    requestsThisMonth: 1,
    ...overrides,
  };
}

const text = (blocks: any[]) => blocks.map((block) => block.text?.text ?? block.elements?.[0]?.text ?? '').join('\n');
const lines = (blocks: any[]) => text(blocks).split('\n').filter((line) => line.startsWith('• '));

describe('buildMemberList', () => {
  it.each([
    ['typical names', (i: number) => row(i)],
    ['the longest names and organisations, all escaped', (i: number) => row(i, { name: textOfLength(100, ESCAPE_HEAVY_FILL), organisation: textOfLength(200, TYPICAL_FILL) })],
  ])('keeps 130 members with %s within Slack’s limits, then says how many more', (_what, make) => {
    const members = Array.from({ length: 130 }, (_, i) => make(i));
    for (const m of [en, ja]) {
      const message = buildMemberList({ m, filterText: textOfLength(300, ESCAPE_HEAVY_FILL), members });
      assertValidMessage(message.blocks, message.text);
      const count = lines(message.blocks).length;
      expect(count).toBeGreaterThan(15);
      expect(message.text).toBe(m.adminOverview.membersFallback(count, 130));
      expect(text(message.blocks)).toContain(m.adminOverview.more(130 - count));
    }
  });

  it('shows everyone, with no "more", when they fit', () => {
    const message = buildMemberList({ m: en, filterText: '', members: [row(1), row(2, { slackUserId: null, shareWithAlumni: true })] });
    expect(lines(message.blocks)).toHaveLength(2);
    expect(text(message.blocks)).not.toContain('narrow the filter');
    expect(lines(message.blocks)[1]).toContain('shares with staff & alumni · confirmed');
    expect(lines(message.blocks)[1]).toContain('not linked to Slack · 1 request this month');
  });
});

describe('buildNetworkStats', () => {
  const stats: NetworkStats = {
    monthStart: new Date('2026-10-31T15:00:00Z'),
    members: { byStatus: { pending: 1, active: 2, declined: 0, erased: 0 }, byType: { alumni: 2, staff: 1, returnee: 0 }, newThisMonth: 1 },
    introductions: {
      thisMonth: { made: 1, accepted: 1, declined: 0, expired: 0, medianAnswerSeconds: 90_000 },
      allTime: { made: 1, accepted: 1, declined: 0, expired: 0, medianAnswerSeconds: 90_000 },
    },
    events: { thisMonth: { events: 0, attendees: 0 }, allTime: { events: 1, attendees: 1 } },
    unanswered: {
      searchesThisMonth: 999,
      searchesAllTime: 9999,
      topics: [...TOPIC_KEYS, 'other', ...Array.from({ length: 200 }, (_, i) => `retired_topic_${i}`)].map((topicKey) => ({
        topicKey,
        thisMonth: 999,
        allTime: 9999,
      })),
    },
  };

  it('stays within Slack’s limits with every topic unanswered, in both languages', () => {
    for (const [m, locale] of [[en, 'en'], [ja, 'ja']] as const) {
      const message = buildNetworkStats({ m, locale, stats });
      assertValidMessage(message.blocks, message.text);
      expect(text(message.blocks)).toContain(m.adminOverview.statsHeading('2026-11'));
      expect(text(message.blocks)).toMatch(m === en ? /…and \d+ more topics/ : /…ほか\d+分野/);
    }
  });
});

describe('formatDuration', () => {
  it('reads in minutes, hours or days', () => {
    expect(formatDuration(en, 25 * 60)).toBe('25 min');
    expect(formatDuration(en, 3 * 3600 + 600)).toBe('3 h 10 min');
    expect(formatDuration(ja, 90_000)).toBe('1日1時間');
  });
});

describe('parseMemberFilter', () => {
  it('understands statuses, types, "unlinked" and "no-consent" in both languages; other words are text to look for', () => {
    expect(parseMemberFilter('Pending 出戻り 未連携 no-consent 佐藤 Green')).toEqual({
      statuses: ['pending'],
      types: ['returnee'],
      unlinked: true,
      noConsent: true,
      words: ['佐藤', 'Green'],
    });
    expect(parseMemberFilter('  ')).toEqual({ statuses: [], types: [], unlinked: false, noConsent: false, words: [] });
    expect(parseMemberFilter('ＯＢＯＧ 有効 同意なし unlinked').types).toEqual(['alumni']);
  });
});
