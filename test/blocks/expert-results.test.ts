import { describe, expect, it } from 'vitest';
import { buildExpertResults, MAX_QUERY_LENGTH } from '../../src/blocks/expert-results';
import { t, type Locale } from '../../src/i18n';
import type { ExpertMatch } from '../../src/services/search';
import { TOPIC_KEYS } from '../../src/services/taxonomy';
import { ACTIONS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidMessage } from '../helpers/slack-limits';
import { buttonsIn, visibleText } from './inspect';

function match(overrides: Partial<ExpertMatch> = {}): ExpertMatch {
  return {
    member: memberRow(),
    matchedTopics: ['renewable_energy'],
    matchedFields: ['topics', 'helpText'],
    score: 1,
    capacityLeft: 2,
    ...overrides,
  };
}

describe.each(['ja', 'en'] as Locale[])('expert results (%s)', (locale) => {
  const build = (props: Partial<Parameters<typeof buildExpertResults>[0]>) =>
    buildExpertResults({
      t: t(locale),
      locale,
      query: '再エネ',
      matches: [],
      offset: 0,
      hasMore: false,
      suggestions: [],
      openRequestsEnabled: true,
      ...props,
    });

  it('suggests related topics beside the results, in the reader’s language', () => {
    const text = visibleText(build({ matches: [match()], related: ['energy_gx', 'circular_economy'] }));
    expect(text).toContain(
      t(locale).findExpert.related(locale === 'ja' ? 'エネルギー・GX、資源循環・サーキュラーエコノミー' : 'Energy &amp; GX (green transformation), Circular economy'),
    );
    expect(visibleText(build({ matches: [match()] }))).not.toContain(t(locale).findExpert.related(''));
  });

  it('fits Slack limits for a full page of the longest profiles, even all "&", with the longest query', () => {
    for (const fill of [undefined, ESCAPE_HEAVY_FILL]) {
      const matches = Array.from({ length: 5 }, () =>
        match({ member: maximalMemberRow({ coiDeclared: true }, fill), matchedTopics: [...TOPIC_KEYS] }),
      );
      assertValidMessage(build({ matches, hasMore: true, query: '&'.repeat(MAX_QUERY_LENGTH) }), 'results');
    }
  });

  it('offers "Show more" with the next offset only when there is more', () => {
    const more = build({ matches: [match(), match()], offset: 5, hasMore: true });
    const button = more.flatMap((block) => (block.type === 'actions' ? block.elements : []))[0] as { action_id: string; value: string };
    expect(button.action_id).toBe(ACTIONS.showMoreExperts);
    expect(JSON.parse(button.value)).toEqual({ q: '再エネ', o: 7 });
    expect(build({ matches: [match()] }).some((block) => block.type === 'actions')).toBe(false);
  });

  it('shows the conflict-of-interest disclosure escaped, and no marker without one', () => {
    const withCoi = JSON.stringify(build({ matches: [match({ member: memberRow({ coiDeclared: true, coiDescription: '<!channel> & co' }) })] }));
    expect(withCoi).toContain(t(locale).findExpert.coi('&lt;!channel&gt; &amp; co'));
    const without = JSON.stringify(build({ matches: [match({ member: memberRow({ coiDeclared: false, coiDescription: null }) })] }));
    expect(without).not.toContain(':warning:');
  });

  it('offers "Ask for an introduction" for each member, carrying the member and the topic', () => {
    const member = memberRow();
    const [button] = buttonsIn(build({ matches: [match({ member })] }));
    expect(button).toMatchObject({ action_id: ACTIONS.askIntroduction, text: { text: t(locale).introductions.askButton } });
    expect(JSON.parse(button!.value!)).toEqual({ m: member.id, q: '再エネ' });
  });

  it('marks a member who has taken all their requests this month', () => {
    expect(visibleText(build({ matches: [match({ capacityLeft: 0 })] }))).toContain(t(locale).introductions.capacityFull);
    expect(visibleText(build({ matches: [match({ capacityLeft: 1 })] }))).not.toContain(t(locale).introductions.capacityFull);
  });

  it('with no match, offers an open request only when a requests channel is set up', () => {
    const offered = buttonsIn(build({ matches: [] }));
    expect(offered.map((button) => [button.action_id, JSON.parse(button.value!)])).toEqual([[ACTIONS.postOpenRequest, { q: '再エネ' }]]);
    expect(buttonsIn(build({ matches: [], openRequestsEnabled: false }))).toEqual([]);
  });

  it('with no match, suggests related topics in the reader\'s language', () => {
    const json = JSON.stringify(build({ suggestions: ['renewable_energy'] }));
    expect(json).toContain(locale === 'ja' ? '再生可能エネルギー' : 'Renewable energy');
  });
});
