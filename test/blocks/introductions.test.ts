import { describe, expect, it } from 'vitest';
import {
  buildDeclineModal,
  buildHomeIntroductions,
  buildIntroductionModal,
  buildIntroductionPost,
  buildRequesterNotice,
  buildRequestMessage,
  buildSupervisorNotice,
  buildVolunteerNotice,
  ethicsNoticeTexts,
} from '../../src/blocks/introductions';
import { buildOpenRequestPost, openRequestPostText } from '../../src/blocks/open-request';
import type { EthicsCheck } from '../../src/services/ethics';
import { channelLanguages } from '../../src/blocks/bilingual';
import { buildHomeView, HOME_PENDING_LIMIT, HOME_UNLINKED_LIMIT } from '../../src/blocks/home';
import { HOME_FAILED_DELIVERIES_LIMIT } from '../../src/services/deliveries';
import { HOME_EVENTS_LIMIT, HOME_ORGANIZED_EVENTS_LIMIT } from '../../src/blocks/events';
import type { EventView } from '../../src/services/event-types';
import { t, type Locale } from '../../src/i18n';
import { HOME_REQUESTS_LIMIT } from '../../src/services/introductions';
import { ROUND_STATS_SHOWN } from '../../src/services/round-rules';
import { TOPIC_KEYS } from '../../src/services/taxonomy';
import { ACTIONS, INTRODUCTION_ETHICS_FIELDS, INTRODUCTION_FIELDS, VIEWS } from '../../src/slack/ids';
import { ESCAPE_HEAVY_FILL, introductionRow, maximalEventRow, maximalIntroductionRow, maximalMemberRow, memberRow } from '../helpers/factories';
import { assertValidHome, assertValidMessage, assertValidModal } from '../helpers/slack-limits';
import { buttonsIn, inputElement, mrkdwnTexts, visibleText } from './inspect';

const FILLS = [undefined, ESCAPE_HEAVY_FILL];

describe.each(['ja', 'en'] as Locale[])('introduction blocks (%s)', (locale) => {
  const messages = t(locale);
  const m = messages.introductions;

  it('the request modal fits Slack for the longest topic and disclosure, and asks for the acknowledgement only with one', () => {
    for (const fill of FILLS) {
      const alumnus = maximalMemberRow({}, fill);
      const view = buildIntroductionModal({ t: messages, topic: '&'.repeat(200), alumnus, requesterDivision: 'x'.repeat(300), initialDueDate: '2026-12-08' });
      assertValidModal(view);
      expect(view.callback_id).toBe(VIEWS.introductionRequest);
      expect(JSON.parse(view.private_metadata!)).toEqual({ m: alumnus.id, q: '&'.repeat(200) });
      expect(inputElement(view, INTRODUCTION_FIELDS.coiAcknowledged).type).toBe('checkboxes');
      expect(inputElement(view, INTRODUCTION_FIELDS.requesterDivision).initial_value).toHaveLength(100);
    }
    const open = buildIntroductionModal({ t: messages, topic: 'DX', requesterDivision: '', initialDueDate: '2026-12-08' });
    assertValidModal(open);
    expect(JSON.parse(open.private_metadata!)).toEqual({ q: 'DX' });
    expect(() => inputElement(open, INTRODUCTION_FIELDS.coiAcknowledged)).toThrow();
    expect(visibleText(open)).toContain(m.notice);
  });

  const BOTH: EthicsCheck = {
    notices: ['interested_party', 'post_retirement'],
    interestedParty: { by: 'sector', sector: 'finance', relations: ['contract', 'permit'] },
    postRetirement: { division: '新エネルギー課 <!here>', until: '2027-03' },
  };
  const ethicsOf = (check: EthicsCheck, supervisorSlackUserId: string | null = 'U0SUPER') => ({ check, locale, postRetirementYears: 2, supervisorSlackUserId });

  it('adds no ethics block, input or metadata when no notice applies', () => {
    const alumnus = memberRow({ coiDeclared: false });
    const plain = buildIntroductionModal({ t: messages, topic: 'DX', alumnus, requesterDivision: '', initialDueDate: '2026-12-08' });
    const checked = buildIntroductionModal({ t: messages, topic: 'DX', alumnus, requesterDivision: '', initialDueDate: '2026-12-08', ethics: ethicsOf({ notices: [] }) });
    expect(checked).toEqual(plain);
    expect(JSON.parse(checked.private_metadata!)).toEqual({ m: alumnus.id, q: 'DX' });
    expect(visibleText(checked)).not.toContain(messages.introductionEthics.notLegalAdvice);
  });

  it('shows each notice that applies with what matched, a required acknowledgement and the supervisor to tell, within Slack limits', () => {
    for (const fill of FILLS) {
      const alumnus = maximalMemberRow({}, fill);
      const view = buildIntroductionModal({
        t: messages, topic: '&'.repeat(200), alumnus, requesterDivision: 'x'.repeat(300), initialDueDate: '2026-12-08', ethics: ethicsOf(BOTH),
      });
      assertValidModal(view);
      expect(JSON.parse(view.private_metadata!)).toEqual({ m: alumnus.id, q: '&'.repeat(200), e: ['interested_party', 'post_retirement'] });
    }
    const view = buildIntroductionModal({ t: messages, topic: 'DX', alumnus: memberRow(), requesterDivision: '', initialDueDate: '2026-12-08', ethics: ethicsOf(BOTH) });
    const text = visibleText(view);
    const e = messages.introductionEthics;
    for (const notice of ethicsNoticeTexts(messages, locale, BOTH, 2)) expect(text).toContain(notice);
    expect(text).toContain(e.relations.contract);
    expect(text).toContain(locale === 'ja' ? '金融（銀行・証券・保険）' : 'Finance (banking, securities, insurance)');
    expect(text).toContain(locale === 'ja' ? '国家公務員倫理規程' : 'National Public Service Ethics Code');
    expect(text).toContain('再就職等監察官');
    // The period runs to the end of the month it ends in, in the reader's words.
    expect(text).toContain(locale === 'ja' ? '2027年3月末' : 'the end of March 2027');
    expect(text).toContain('&lt;!here&gt;');
    expect(text).not.toContain('<!here>');
    expect(text).toContain(e.notLegalAdvice);
    const ack = view.blocks.find((block: any) => block.block_id === INTRODUCTION_ETHICS_FIELDS.acknowledged) as any;
    expect(ack.optional).toBeFalsy();
    expect(ack.element.type).toBe('checkboxes');
    const notify = view.blocks.find((block: any) => block.block_id === INTRODUCTION_ETHICS_FIELDS.notifySupervisor) as any;
    expect(notify.optional).toBe(true);
    expect(inputElement(view, INTRODUCTION_ETHICS_FIELDS.supervisor)).toMatchObject({ type: 'users_select', initial_user: 'U0SUPER' });
    const undeclared = buildIntroductionModal({ t: messages, topic: 'DX', alumnus: memberRow(), requesterDivision: '', initialDueDate: '2026-12-08', ethics: ethicsOf(BOTH, null) });
    expect(inputElement(undeclared, INTRODUCTION_ETHICS_FIELDS.supervisor).initial_user).toBeUndefined();
  });

  it('names the division matched, or the employer named by the post', () => {
    const e = messages.introductionEthics;
    const [division] = ethicsNoticeTexts(messages, locale, { notices: ['interested_party'], interestedParty: { by: 'division', division: '省エネ課' } }, 2);
    expect(division).toContain(e.matchedDivision('省エネ課'));
    const [organisation] = ethicsNoticeTexts(messages, locale, {
      notices: ['interested_party'],
      interestedParty: { by: 'organisation', organisation: 'Green & Co', relations: ['bid'] },
    }, 2);
    expect(organisation).toContain(e.matchedOrganisation(e.relations.bid, 'Green &amp; Co'));
  });

  it('the alumnus’s DM reminds them of their side of each notice recorded, and of nothing otherwise', () => {
    const e = messages.introductionEthics;
    const plainText = visibleText(buildRequestMessage({ t: messages, request: introductionRow(), state: 'pending', postRetirementYears: 2, locale }));
    expect(plainText).not.toContain(e.alumnusInterestedParty);
    expect(plainText).not.toContain(e.notLegalAdvice);
    const both = buildRequestMessage({
      t: messages,
      request: introductionRow({ ethicsNotices: ['interested_party', 'post_retirement'] }),
      state: 'pending',
      postRetirementYears: 3,
      locale,
    });
    assertValidMessage(both, 'ethics');
    expect(visibleText(both)).toContain(e.alumnusInterestedParty);
    expect(visibleText(both)).toContain(e.alumnusPostRetirement(3));
  });

  it('the supervisor’s DM says who, with whom, the topic and what matched, escaped', () => {
    for (const fill of FILLS) {
      const request = maximalIntroductionRow({ ethicsNotices: ['interested_party'], ethicsMatch: { summary: '&'.repeat(600) } }, fill);
      const { text, blocks } = buildSupervisorNotice({ t: messages, locale, request, alumnus: maximalMemberRow({}, fill) });
      assertValidMessage(blocks, text);
    }
    const request = introductionRow({
      requesterName: '経産 <!channel>',
      requesterSlackUserId: 'U0STAFF',
      topic: 'GX & 再エネ',
      ethicsNotices: ['interested_party'],
      ethicsMatch: { summary: 'interested party: same division (新エネルギー課)' },
    });
    const { text, blocks } = buildSupervisorNotice({ t: messages, locale, request, alumnus: memberRow({ name: 'Hanako', organisation: 'Green Fund' }) });
    const shown = visibleText(blocks);
    expect(text).toContain('<@U0STAFF>');
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('GX &amp; 再エネ');
    expect(shown).toContain('Green Fund');
    expect(shown).toContain(messages.introductionEthics.noticeNames.interested_party);
    expect(shown).toContain('新エネルギー課');
  });

  it('offers no purpose about procurement, budgets or contracts', () => {
    const view = buildIntroductionModal({ t: messages, topic: 'DX', requesterDivision: '', initialDueDate: '2026-12-08' });
    const purposes = (inputElement(view, INTRODUCTION_FIELDS.purpose).options as { value: string }[]).map((option) => option.value);
    expect(purposes).toEqual(['policy_research', 'draft_feedback', 'talk', 'mentoring', 'other']);
  });

  it('the DM to the alumnus fits Slack in every state, escapes user text and has buttons only while open', () => {
    for (const fill of FILLS) {
      const request = maximalIntroductionRow({}, fill);
      for (const state of ['pending', 'reminder', 'accepted', 'declined', 'expired'] as const) {
        const blocks = buildRequestMessage({ t: messages, request, state, postRetirementYears: 2, locale });
        assertValidMessage(blocks, state);
        const open = state === 'pending' || state === 'reminder';
        expect(buttonsIn(blocks).map((button) => button.action_id)).toEqual(
          open ? [ACTIONS.acceptIntroduction, ACTIONS.declineIntroduction] : [],
        );
      }
    }
    const hostile = buildRequestMessage({ t: messages, request: introductionRow({ details: '<!channel> <https://evil|click>', requesterName: '<@U0BOSS>' }), state: 'pending', postRetirementYears: 2, locale });
    for (const text of mrkdwnTexts(hostile)) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<https://evil');
      expect(text).not.toContain('<@U0BOSS>');
    }
  });

  it('the decline modal fits Slack and carries the request', () => {
    const request = maximalIntroductionRow({}, ESCAPE_HEAVY_FILL);
    const view = buildDeclineModal({ t: messages, request });
    assertValidModal(view);
    expect(view.private_metadata).toBe(request.id);
  });

  it('the introduction post names both people in each language and fits Slack', () => {
    for (const fill of FILLS) {
      const blocks = buildIntroductionPost({ messages: [t('ja'), t('en')], request: maximalIntroductionRow({}, fill), alumnus: maximalMemberRow({}, fill) });
      assertValidMessage(blocks, 'intro');
    }
    const text = visibleText(buildIntroductionPost({ messages: [messages], request: introductionRow(), alumnus: memberRow({ name: 'Hanako', slackUserId: 'U0HANA' }) }));
    expect(text).toContain(m.introPost('経産 太郎 (<@U0STAFF>)', 'Hanako (<@U0HANA>)'));
  });

  it('a requester notice with the next match fits Slack; without one it offers an open request when enabled', () => {
    for (const fill of FILLS) {
      const next = { member: maximalMemberRow({}, fill), matchedTopics: [...TOPIC_KEYS], matchedFields: ['topics' as const], score: 1, capacityLeft: 1 };
      const blocks = buildRequesterNotice({ t: messages, locale, text: 'x', note: 'y', next, topic: 'DX', openRequestsEnabled: true });
      assertValidMessage(blocks, 'notice');
      expect(buttonsIn(blocks).map((button) => button.action_id)).toEqual([ACTIONS.askIntroduction]);
    }
    const none = buildRequesterNotice({ t: messages, locale, text: 'x', next: undefined, topic: 'DX', openRequestsEnabled: true });
    expect(visibleText(none)).toContain(m.noNextMatch);
    expect(buttonsIn(none).map((button) => button.action_id)).toEqual([ACTIONS.postOpenRequest]);
    expect(buttonsIn(buildRequesterNotice({ t: messages, locale, text: 'x', next: undefined, topic: 'DX', openRequestsEnabled: false }))).toEqual([]);
  });

  it('the open request post shows the count, "I can help" while open, and its outcome after', () => {
    const request = maximalIntroductionRow({ kind: 'open', status: 'open', alumnusMemberId: null }, ESCAPE_HEAVY_FILL);
    const languages = channelLanguages(locale);
    const open = buildOpenRequestPost({ t: languages, request, volunteers: 3, state: 'open' });
    assertValidMessage(open, 'open');
    expect(visibleText(open)).toContain(m.volunteerCount(3));
    expect(buttonsIn(open)).toMatchObject([{ action_id: ACTIONS.offerHelp, value: request.id }]);
    const matched = buildOpenRequestPost({ t: languages, request, volunteers: 3, state: 'accepted' });
    expect(buttonsIn(matched)).toEqual([]);
    expect(visibleText(matched)).toContain(m.openMatched);
  });

  it('the volunteer notice shows the volunteer and a "Choose" button for that volunteer and request', () => {
    const volunteer = maximalMemberRow({}, ESCAPE_HEAVY_FILL);
    const request = introductionRow({ kind: 'open', status: 'open' });
    const blocks = buildVolunteerNotice({ t: messages, locale, request, volunteer });
    assertValidMessage(blocks, 'volunteer');
    const [choose] = buttonsIn(blocks);
    expect(choose!.action_id).toBe(ACTIONS.pickVolunteer);
    expect(JSON.parse(choose!.value!)).toEqual({ r: request.id, m: volunteer.id });
  });

  it('the whole App Home fits Slack with every list full of the longest entries (organizer, events, requests, rounds, failures, members not on Slack, a failed backup)', () => {
    const items = Array.from({ length: HOME_REQUESTS_LIMIT }, () => ({ request: maximalIntroductionRow({}, ESCAPE_HEAVY_FILL), otherName: '&'.repeat(100) }));
    const counts = { going: 9999, maybe: 9999, notGoing: 9999, waitlisted: 9999 };
    const event = (): EventView => ({ event: maximalEventRow({ capacity: 10_000 }, ESCAPE_HEAVY_FILL), counts, placesLeft: 1 });
    const home = buildHomeView({
      t: messages,
      locale,
      member: maximalMemberRow(),
      unavailableUntil: '2027-03-31',
      pending: { rows: Array.from({ length: HOME_PENDING_LIMIT }, () => maximalMemberRow()), total: 40 },
      failedDeliveries: {
        rows: Array.from({ length: HOME_FAILED_DELIVERIES_LIMIT }, () => ({ kind: 'event.announce', lastError: 'x'.repeat(200), failedAt: new Date() })),
        total: 99,
      },
      unlinked: { rows: Array.from({ length: HOME_UNLINKED_LIMIT }, () => maximalMemberRow()), total: 99 },
      backupFailure: { day: '2026-12-02', error: '&'.repeat(300) },
      rounds: {
        settings: undefined,
        member: maximalMemberRow(),
        participant: undefined,
        refusal: undefined,
        organizer: {
          stats: Array.from({ length: ROUND_STATS_SHOWN }, (_, index) => ({
            number: 9999 - index,
            startsAt: new Date(),
            status: 'finished' as const,
            pairs: 9999,
            met: 9999,
            people: 9999,
            unpaired: { no_partner: 9999, at_capacity: 9999 },
          })),
          participants: { active: 9999, paused: 9999, left: 9999 },
        },
      },
      introductions: { made: items, toMe: items },
      events: {
        upcoming: Array.from({ length: HOME_EVENTS_LIMIT + 2 }, () => ({ ...event(), myAnswer: 'going' as const, myWaitlistPosition: null })),
        organized: Array.from({ length: HOME_ORGANIZED_EVENTS_LIMIT + 2 }, event),
      },
    });
    assertValidHome(home);
    const empty = buildHomeIntroductions({ t: messages, made: [], toMe: [] });
    expect(visibleText(empty)).toContain(m.homeNone);
  });
});

describe.each(['ja', 'en'] as Locale[])('the open request in the shared requests channel, network language %s', (locale) => {
  const languages = channelLanguages(locale);
  const [first, second] = languages;
  const pair = (pick: (m: typeof first.introductions) => string) => `${pick(first.introductions)} / ${pick(second.introductions)}`;
  const open = (overrides = {}) =>
    introductionRow({ kind: 'open', status: 'open', alumnusMemberId: null, requesterName: '経産 太郎', requesterDivision: 'Energy & Policy', ...overrides });

  it('fits Slack in every state for the longest and the most escaped request', () => {
    for (const fill of FILLS) {
      const request = maximalIntroductionRow({ kind: 'open', status: 'open', alumnusMemberId: null }, fill);
      for (const state of ['open', 'accepted', 'expired', 'closed'] as const) {
        assertValidMessage(buildOpenRequestPost({ t: languages, request, volunteers: 9999, state }), openRequestPostText(languages));
      }
    }
  });

  it('labels its header, facts and notification text in both languages, the network’s first, and shows what was typed once', () => {
    const request = open({ topic: 'GX & 再エネ', details: 'How <b>did</b> it go?', purpose: 'talk', format: 'meeting', dueDate: '2026-12-20' });
    const blocks = buildOpenRequestPost({ t: languages, request, volunteers: 2, state: 'open' });
    const text = visibleText(blocks);
    expect(blocksOfTypeHeader(blocks)).toBe(pair((m) => m.openHeader));
    expect(openRequestPostText(languages)).toBe(pair((m) => m.openHeader));
    expect(text).toContain(`*経産 太郎 (<@${request.requesterSlackUserId}>)* (Energy &amp; Policy) — ${pair((m) => m.openSeeking)}`);
    expect(text).toContain(`*${pair((m) => m.labels.topic)}:* GX &amp; 再エネ`);
    expect(text).toContain(`*${pair((m) => m.labels.purpose)}:* ${pair((m) => m.purposes.talk)}`);
    expect(text).toContain(`*${pair((m) => m.labels.format)}:* ${pair((m) => m.formats.meeting)}`);
    expect(text).toContain(`*${pair((m) => m.labels.due)}:* 2026-12-20`);
    expect(text).toContain(`*${pair((m) => m.labels.details)}:*\nHow &lt;b&gt;did&lt;/b&gt; it go?`);
    expect(text).toContain(`${first.introductions.volunteerCount(2)}\n${second.introductions.volunteerCount(2)}`);
    expect(text).toContain(`${first.introductions.notice}\n${second.introductions.notice}`);
    for (const typed of ['経産 太郎', 'GX &amp; 再エネ', 'Energy &amp; Policy', 'How &lt;b&gt;']) expect(text.split(typed), typed).toHaveLength(2);
  });

  it('labels "I can help" in both languages while open, and gives its outcome in both after', () => {
    const request = open();
    expect(buttonsIn(buildOpenRequestPost({ t: languages, request, volunteers: 0, state: 'open' })).map((button) => button.text.text)).toEqual([
      pair((m) => m.offerHelp),
    ]);
    const matched = buildOpenRequestPost({ t: languages, request, volunteers: 1, state: 'accepted' });
    expect(buttonsIn(matched)).toEqual([]);
    expect(visibleText(matched)).toContain(`${first.introductions.openMatched}\n${second.introductions.openMatched}`);
  });

  it('the DM that opens an introduction is still in each reader’s own language only', () => {
    const text = visibleText(buildIntroductionPost({ messages: [second], request: introductionRow(), alumnus: memberRow({ name: 'Hanako' }) }));
    expect(text).toContain(second.introductions.introFollowUp);
    expect(text).not.toContain(first.introductions.introFollowUp);
  });
});

function blocksOfTypeHeader(blocks: ReturnType<typeof buildOpenRequestPost>): string | undefined {
  const header = blocks.find((block) => block.type === 'header');
  return header?.type === 'header' ? header.text.text : undefined;
}
