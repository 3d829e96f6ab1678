import { describe, expect, it } from 'vitest';
import { buildRoundJoinModal, buildRoundSetupModal } from '../../src/blocks/round-modals';
import { buildRoundCheckIn, buildRoundPairPost, buildRoundsSection, roundStatsText } from '../../src/blocks/rounds';
import type { RoundPairRow, RoundRow } from '../../src/db/schema';
import { t } from '../../src/i18n';
import type { RoundsStanding } from '../../src/services/rounds';
import { ethicsTexts } from '../../src/services/ethics-texts';
import { TOPIC_KEYS } from '../../src/services/taxonomy';
import { ROUNDS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidHome, assertValidMessage, assertValidModal } from '../helpers/slack-limits';
import { visibleText } from './inspect';

const ja = t('ja');
const en = t('en');
const PAIR_ID = '3f0e7a52-2d1b-4c8e-9a61-5b7c0d2e4f10';
const round: RoundRow = {
  id: '8a2b3c4d-0000-4000-8000-000000000001',
  number: 3,
  startsAt: new Date('2026-12-03T03:00:00Z'),
  checkInAt: new Date('2026-12-10T03:00:00Z'),
  endsAt: new Date('2026-12-17T03:00:00Z'),
  status: 'started',
  seed: 'seed',
  settings: {},
  unpaired: {},
  createdAt: new Date('2026-12-03T03:00:00Z'),
};
const pair = (overrides: Partial<RoundPairRow> = {}): RoundPairRow => ({
  id: PAIR_ID,
  roundId: round.id,
  sharedTopics: ['renewable_energy'],
  ethicsMatch: null,
  groupChannelId: null,
  createdAt: round.startsAt,
  ...overrides,
});

describe('a pair’s group DM', () => {
  const staff = memberRow({ name: '経産 <!channel> 太郎', slackUserId: 'U0STAFF', memberType: 'staff', currentDivision: '新エネルギー課', topics: [] });
  const alumna = memberRow({ name: 'Hanako *bold*', slackUserId: 'U0ALUMNA', memberType: 'alumni', organisation: 'Green & Co', topics: ['renewable_energy', 'trade'] });
  const people = [
    { member: staff, curiousTopics: ['renewable_energy'], curiousText: 'キャリア <@U0EVIL>' },
    { member: alumna, curiousTopics: [], curiousText: null },
  ];

  it('reads in each person’s language: who they are, why, what the official is curious about, starters, the code of conduct, the buttons', () => {
    const post = buildRoundPairPost({ messages: [{ t: ja, locale: 'ja' }, { t: en, locale: 'en' }], pair: pair(), round, people });
    assertValidMessage(post.blocks, post.text);
    const shown = visibleText(post.blocks);
    expect(shown).toContain(ja.rounds.pair.why('再生可能エネルギー'));
    expect(shown).toContain(en.rounds.pair.why('Renewable energy'));
    expect(shown).toContain(ja.rounds.pair.conduct);
    expect(shown).toContain(en.rounds.pair.starters);
    // Three starters per language.
    expect(shown.match(/^[123]\. /gm)).toHaveLength(6);
    // Typed text escaped everywhere, the notification text included.
    expect(JSON.stringify(post)).not.toContain('<!channel>');
    expect(JSON.stringify(post)).not.toContain('<@U0EVIL>');
    expect(post.text).toContain('&lt;!channel&gt;');
    const buttons = post.blocks.at(-1) as { elements: { action_id: string; value: string; text: { text: string } }[] };
    expect(buttons.elements.map((button) => [button.action_id, button.value])).toEqual([
      [ROUNDS.actions.met, PAIR_ID],
      [ROUNDS.actions.notYet, PAIR_ID],
      [ROUNDS.actions.skip, PAIR_ID],
    ]);
    expect(buttons.elements[0]!.text.text).toBe(`${ja.rounds.pair.met} / ${en.rounds.pair.met}`);
  });

  it('notes the ethics check only for a pair it flagged; the same pair reads the same starters each time', () => {
    const plain = buildRoundPairPost({ messages: [{ t: en, locale: 'en' }], pair: pair(), round, people });
    const flagged = buildRoundPairPost({ messages: [{ t: en, locale: 'en' }], pair: pair({ ethicsMatch: { x: {} } }), round, people });
    expect(visibleText(plain.blocks)).not.toContain(en.rounds.pair.ethics);
    expect(visibleText(flagged.blocks)).toContain(en.rounds.pair.ethics);
    expect(buildRoundPairPost({ messages: [{ t: en, locale: 'en' }], pair: pair(), round, people })).toEqual(plain);
  });

  it('gives a flagged pair its notices in each language: who, what matched, the rules in the organizers’ words, and not legal advice', () => {
    const flagged = pair({
      ethicsMatch: {
        [`${staff.id}:${alumna.id}`]: {
          interestedParty: { by: 'division', division: '新エネルギー課 <!here>' },
          postRetirement: { division: '新エネルギー課', until: '2027-03' },
        },
      },
    });
    const overrides = { en: { notLegalAdvice: 'Ask the ethics desk (ext. 1234).' } };
    const post = buildRoundPairPost({
      messages: [
        { t: ja, locale: 'ja', ethicsTexts: ethicsTexts(overrides, 'ja') },
        { t: en, locale: 'en', ethicsTexts: ethicsTexts(overrides, 'en') },
      ],
      pair: flagged,
      round,
      people,
      postRetirementYears: 3,
    });
    assertValidMessage(post.blocks, post.text);
    const shown = visibleText(post.blocks);
    for (const m of [ja, en]) {
      expect(shown).toContain(m.rounds.pair.ethics);
      expect(shown).toContain(m.introductionEthics.interestedParty(m.introductionEthics.matchedDivision('新エネルギー課 &lt;!here&gt;')));
      expect(shown).toContain(m.introductionEthics.postRetirement('新エネルギー課', 3, m.ethicsMatch.endOfMonth(2027, 3)));
    }
    expect(shown).toContain('*経産 &lt;!channel&gt; 太郎* × *Hanako *bold**');
    expect(shown).toContain(ja.introductionEthics.notLegalAdvice);
    expect(shown).toContain('Ask the ethics desk (ext. 1234).');
    expect(shown).not.toContain(en.introductionEthics.notLegalAdvice);
    expect(JSON.stringify(post)).not.toContain('<!here>');
  });

  it('leaves out a finding about someone not in the post, and then shows the general note alone', () => {
    const elsewhere = pair({ ethicsMatch: { [`${staff.id}:someone-else`]: { interestedParty: { by: 'division', division: 'X課' } } } });
    const shown = visibleText(buildRoundPairPost({ messages: [{ t: en, locale: 'en' }], pair: elsewhere, round, people }).blocks);
    expect(shown).toContain(en.rounds.pair.ethics);
    expect(shown).not.toContain('X課');
    expect(shown).not.toContain(en.introductionEthics.notLegalAdvice);
  });

  it('fits Slack with a trio of the longest profiles in both languages', () => {
    const long = (type: 'staff' | 'alumni') => ({
      member: maximalMemberRow({ memberType: type, topics: [...TOPIC_KEYS] }, ESCAPE_HEAVY_FILL),
      curiousTopics: [...TOPIC_KEYS].slice(0, 10),
      curiousText: '&'.repeat(300),
    });
    const trio = [long('staff'), long('alumni'), long('alumni')];
    const finding = {
      interestedParty: { by: 'organisation', organisation: ESCAPE_HEAVY_FILL.repeat(200), relations: ['contract', 'subsidy', 'permit', 'regulatory', 'bid'] },
      postRetirement: { division: ESCAPE_HEAVY_FILL.repeat(200), until: '2027-03' },
    };
    // The organizers' texts at their longest (1,500 characters), in both languages.
    const longest = (placeholder: string) => `${'&'.repeat(1500 - placeholder.length)}${placeholder}`;
    const overrides = Object.fromEntries(
      (['ja', 'en'] as const).map((locale) => [
        locale,
        { interestedParty: longest('{what}'), postRetirement: longest('{division}'), notLegalAdvice: longest('') },
      ]),
    );
    const post = buildRoundPairPost({
      messages: [
        { t: ja, locale: 'ja', ethicsTexts: ethicsTexts(overrides, 'ja') },
        { t: en, locale: 'en', ethicsTexts: ethicsTexts(overrides, 'en') },
      ],
      pair: pair({
        sharedTopics: [...TOPIC_KEYS],
        ethicsMatch: { [`${trio[0]!.member.id}:${trio[1]!.member.id}`]: finding, [`${trio[0]!.member.id}:${trio[2]!.member.id}`]: finding },
      }),
      round,
      people: trio,
    });
    assertValidMessage(post.blocks, post.text);
    // The notices are there (cut to fit), in both languages.
    expect(visibleText(post.blocks).match(/ × /g)?.length).toBeGreaterThanOrEqual(2);
    const checkIn = buildRoundCheckIn({ messages: [ja, en], pairId: PAIR_ID });
    assertValidMessage(checkIn.blocks, checkIn.text);
  });
});

describe('the rounds section and forms', () => {
  const standing = (overrides: Partial<RoundsStanding> = {}): RoundsStanding => ({
    settings: undefined,
    member: memberRow({ memberType: 'staff' }),
    participant: undefined,
    refusal: undefined,
    ...overrides,
  });

  it('offers joining to someone who may, the pause and leave buttons to a participant, and the setup and figures to organizers', () => {
    const join = buildRoundsSection({ t: en, locale: 'en', standing: standing() });
    expect(JSON.stringify(join)).toContain(ROUNDS.actions.join);
    expect(JSON.stringify(join)).not.toContain(ROUNDS.actions.pause);

    const participant = { memberId: 'm', status: 'active' as const, pausedReason: null, curiousTopics: ['trade'], curiousText: null, ignoredInARow: 0, joinedAt: new Date(), updatedAt: new Date() };
    const joined = visibleText(buildRoundsSection({ t: en, locale: 'en', standing: standing({ participant }) }));
    expect(joined).toContain(en.rounds.status.curious('Trade policy'));

    const organizer = buildRoundsSection({
      t: ja,
      locale: 'ja',
      standing: standing({
        organizer: {
          stats: [{ number: 2, startsAt: round.startsAt, status: 'finished', pairs: 4, met: 3, people: 8, unpaired: { no_partner: 1 } }],
          participants: { active: 9, paused: 1, left: 0 },
        },
      }),
    });
    expect(JSON.stringify(organizer)).toContain(ROUNDS.actions.setup);
    expect(visibleText(organizer)).toContain('4組、会えた3組（75%）');
    expect(visibleText(organizer)).toContain(ja.rounds.stats.unpaired(1));
  });

  it('tells someone who may not join why, with no join button', () => {
    const refused = buildRoundsSection({ t: en, locale: 'en', standing: standing({ refusal: 'not_shared' }) });
    expect(visibleText(refused)).toContain(en.rounds.refusal.not_shared);
    expect(JSON.stringify(refused)).not.toContain(ROUNDS.actions.join);
  });

  it('the join form asks staff their topics (prefilled) and only explains to alumni; the setup form is prefilled and valid', () => {
    const participant = { memberId: 'm', status: 'active' as const, pausedReason: null, curiousTopics: ['trade'], curiousText: 'x', ignoredInARow: 0, joinedAt: new Date(), updatedAt: new Date() };
    const staffForm = buildRoundJoinModal({ t: ja, locale: 'ja', side: 'staff', participant });
    assertValidModal(staffForm);
    expect(JSON.stringify(staffForm)).toContain('"initial_options":[{"text":{"type":"plain_text","text":"通商・貿易"');
    const alumniForm = buildRoundJoinModal({ t: en, locale: 'en', side: 'alumni', participant: undefined });
    assertValidModal(alumniForm);
    expect(JSON.stringify(alumniForm)).not.toContain(ROUNDS.joinFields.topics);
    const setup = buildRoundSetupModal({ t: en, settings: undefined, initialStart: round.startsAt });
    assertValidModal(setup);
    expect(JSON.stringify(setup)).toContain(`"initial_date_time":${round.startsAt.getTime() / 1000}`);
  });

  it('organizers’ figures say when no round has run yet', () => {
    expect(roundStatsText(en, { stats: [], participants: { active: 0, paused: 0, left: 0 } })).toContain(en.rounds.stats.none);
  });

  it('fits the App Home', () => {
    const blocks = buildRoundsSection({ t: ja, locale: 'ja', standing: standing({ organizer: { stats: [], participants: { active: 1, paused: 0, left: 0 } } }) });
    assertValidHome({ type: 'home', blocks });
  });
});
