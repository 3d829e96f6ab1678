import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { runRoundSweep } from '../../src/jobs/rounds';
import { eraseOwnData } from '../../src/services/privacy';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { roundPairs } from '../../src/db/schema';
import { ROUNDS } from '../../src/slack/ids';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand, viewSubmission } from '../helpers/payloads';

const ORGANIZER = 'U0ORGANIZER';
const STAFF_A = 'U0STAFFA';
const STAFF_B = 'U0STAFFB';
const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const OUTSIDER = 'U0OUTSIDER';
/** Tuesday 2 December 2026, 10:00 in Japan. */
const NOW = new Date('2026-12-02T01:00:00Z');
const START = new Date('2026-12-03T03:00:00Z');
const DAY = 24 * 60 * 60_000;

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@meti.go.jp', locale: 'ja-JP' },
    [STAFF_A]: { email: 'a@meti.go.jp', locale: 'ja-JP' },
    [STAFF_B]: { email: 'b@meti.go.jp', locale: 'en-US' },
    [ALUMNA]: { email: 'hanako@fund.example', locale: 'en-US' },
    [ALUMNUS]: { email: 'taro@fund.example', locale: 'ja-JP' },
    [OUTSIDER]: { email: 'someone@fund.example', locale: 'en-US' },
  },
  organizers: [ORGANIZER],
  now: NOW,
});

const repos = () => createRepositories(ctx.database.db);

const LOCALES: Record<string, 'ja' | 'en'> = { [STAFF_A]: 'ja', [STAFF_B]: 'en', [ALUMNA]: 'en', [ALUMNUS]: 'ja' };

/** A member registered the way members register (in their Slack language), then approved. */
async function addMember(slackUserId: string, profile: Partial<ProfileInput>) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@example.org`, realName: null, locale: LOCALES[slackUserId] ?? 'en' },
    profileInput({ name: `Name of ${slackUserId}`, ...profile }),
  );
  return repos().members.update(member.id, { status: 'active' });
}

const addStaff = (slackUserId: string, profile: Partial<ProfileInput> = {}) =>
  addMember(slackUserId, { memberType: 'staff', yearJoined: 2024, yearLeft: null, organisation: null, monthlyCapacity: 0, ...profile });
const addAlumnus = (slackUserId: string, profile: Partial<ProfileInput> = {}) =>
  addMember(slackUserId, { memberType: 'alumni', topics: ['renewable_energy'], monthlyCapacity: 10, ...profile });

async function enableRounds(overrides: Record<string, unknown> = {}) {
  await repos().rounds.saveSettings(
    {
      enabled: true,
      cadence: 'biweekly',
      nextStartAt: START,
      staffMaxYears: 5,
      pairSize: 2,
      mix: 'staff_alumni',
      flaggedPairs: 'notice',
      noRepeatRounds: 6,
      ...overrides,
    },
    ORGANIZER,
    NOW,
  );
}

async function join(slackUserId: string, curiousTopics: string[] = []) {
  const member = await repos().members.findBySlackUserId(slackUserId);
  await repos().roundParticipants.join({ memberId: member!.id, curiousTopics, curiousText: null, now: NOW });
}

const joinSubmission = (user: string, topics: string[], text: string | null) =>
  viewSubmission({
    user,
    callbackId: ROUNDS.joinView,
    values: {
      [ROUNDS.joinFields.topics]: { [ROUNDS.joinFields.topics]: { type: 'multi_static_select', selected_options: topics.map((value) => ({ value })) } },
      [ROUNDS.joinFields.text]: { [ROUNDS.joinFields.text]: { type: 'plain_text_input', value: text } },
    },
  });

/** Expects a pair's group DM: conversations.open, then the post. */
function expectPairPost(times = 1) {
  for (let i = 0; i < times; i++) ctx.slack.expect('conversations.open', { channel: { id: `G0PAIR${i}` } }).expect('chat.postMessage');
}

describe('joining rounds', () => {
  it('a young official opens the form with the trigger, says what they are curious about, and is told and shown on the Home', async () => {
    await addStaff(STAFF_A);
    await enableRounds();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: STAFF_A, text: 'join' }));
    const form = filledModal(ctx.slack);
    expect(form.callback_id).toBe(ROUNDS.joinView);
    expect(JSON.stringify(form)).toContain(ja.rounds.joinModal.topics);

    ctx.slack.expect('chat.postMessage').expect('views.publish');
    const acked = await ctx.harness.send(joinSubmission(STAFF_A, ['renewable_energy', 'startups'], '  官民を行き来するキャリア '));
    expect(acked).toBeUndefined();
    const member = await repos().members.findBySlackUserId(STAFF_A);
    const participant = await repos().roundParticipants.find(member!.id);
    expect(participant).toMatchObject({ status: 'active', curiousTopics: ['renewable_energy', 'startups'], curiousText: '官民を行き来するキャリア' });
    expect(ctx.slack.bodies('chat.postMessage')[0]).toMatchObject({ channel: STAFF_A, text: ja.rounds.joined });
    const home = JSON.stringify(ctx.slack.bodies('views.publish')[0]!.view);
    expect(home).toContain(ja.rounds.status.joined);
    expect(home).toContain(ROUNDS.actions.pause);
    ctx.slack.assertDone();
  });

  it('sending the form again only updates what they are curious about (no second audit entry)', async () => {
    await addStaff(STAFF_A);
    for (const topics of [['startups'], ['trade']]) {
      ctx.slack.expect('chat.postMessage').expect('views.publish');
      await ctx.harness.send(joinSubmission(STAFF_A, topics, null));
    }
    expect(ctx.slack.bodies('chat.postMessage').map((body) => body.text)).toEqual([ja.rounds.joined, ja.rounds.joinedUpdated]);
    const member = await repos().members.findBySlackUserId(STAFF_A);
    const audit = await repos().audit.listForMember(member!.id);
    expect(audit.filter((row) => row.action === 'rounds.joined')).toHaveLength(1);
    expect((await repos().roundParticipants.find(member!.id))?.curiousTopics).toEqual(['trade']);
    ctx.slack.assertDone();
  });

  it('an unknown topic or too long a text is refused on the form; nothing is stored', async () => {
    await addStaff(STAFF_A);
    const acked = await ctx.harness.send(joinSubmission(STAFF_A, [], 'x'.repeat(301)));
    expect(acked).toEqual({ response_action: 'errors', errors: { [ROUNDS.joinFields.text]: ja.rounds.joinModal.tooLong(300) } });
    const member = await repos().members.findBySlackUserId(STAFF_A);
    expect(await repos().roundParticipants.find(member!.id)).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('an alumnus who does not share their profile with staff, or someone without a profile, is told why in the modal', async () => {
    await addAlumnus(ALUMNA, { shareWithStaff: false });
    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: ALUMNA, text: 'join' }));
    expect(modalNotice(ctx.slack)).toContain(en.rounds.refusal.not_shared);

    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: OUTSIDER, text: 'join' }));
    expect(modalNotice(ctx.slack)).toContain(en.rounds.refusal.no_profile);
    ctx.slack.assertDone();
  });

  it('staff past the settings’ years are not entry-level; a forged submission is refused too', async () => {
    await addStaff(STAFF_B, { yearJoined: 2010 });
    await enableRounds({ staffMaxYears: 3 });
    const acked = await ctx.harness.send(joinSubmission(STAFF_B, ['trade'], null));
    expect(acked.response_action).toBe('update');
    expect(JSON.stringify(acked.view)).toContain(en.rounds.refusal.not_entry_level(3).slice(0, 40));
    const member = await repos().members.findBySlackUserId(STAFF_B);
    expect(await repos().roundParticipants.find(member!.id)).toBeUndefined();
  });

  it('pause and leave, by command or on the Home, act on the clicker only and are told', async () => {
    await addStaff(STAFF_A);
    await join(STAFF_A);
    const paused = await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: STAFF_A, text: 'pause' }));
    expect(paused.text).toBe(ja.rounds.pausedNow);
    const member = await repos().members.findBySlackUserId(STAFF_A);
    expect((await repos().roundParticipants.find(member!.id))?.status).toBe('paused');

    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await ctx.harness.send(blockAction({ user: STAFF_A, actionId: ROUNDS.actions.leave, from: 'home' }));
    expect((await repos().roundParticipants.find(member!.id))?.status).toBe('left');

    const again = await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: STAFF_A, text: 'leave' }));
    expect(again.text).toBe(ja.rounds.notJoinedYet);
    // Someone who left is not paused by a later "pause": they stay out until they join again.
    const pausedAfterLeaving = await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: STAFF_A, text: 'pause' }));
    expect(pausedAfterLeaving.text).toBe(ja.rounds.notJoinedYet);
    expect((await repos().roundParticipants.find(member!.id))?.status).toBe('left');
    ctx.slack.assertDone();
  });
});

describe('organizers set rounds up', () => {
  const setupValues = (nextStart: Date, years = '') => ({
    [ROUNDS.setupFields.enabled]: { [ROUNDS.setupFields.enabled]: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
    [ROUNDS.setupFields.cadence]: { [ROUNDS.setupFields.cadence]: { type: 'radio_buttons', selected_option: { value: 'weekly' } } },
    [ROUNDS.setupFields.nextStart]: { [ROUNDS.setupFields.nextStart]: { type: 'datetimepicker', selected_date_time: nextStart.getTime() / 1000 } },
    [ROUNDS.setupFields.staffMaxYears]: { [ROUNDS.setupFields.staffMaxYears]: { type: 'number_input', value: years } },
    [ROUNDS.setupFields.pairSize]: { [ROUNDS.setupFields.pairSize]: { type: 'radio_buttons', selected_option: { value: '3' } } },
    [ROUNDS.setupFields.mix]: { [ROUNDS.setupFields.mix]: { type: 'radio_buttons', selected_option: { value: 'staff_alumni' } } },
    [ROUNDS.setupFields.flagged]: { [ROUNDS.setupFields.flagged]: { type: 'radio_buttons', selected_option: { value: 'avoid' } } },
    [ROUNDS.setupFields.noRepeat]: { [ROUNDS.setupFields.noRepeat]: { type: 'number_input', value: '４' } },
  });

  it('the form saves the settings, audited, and the organizer is told when the next round starts', async () => {
    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: ORGANIZER, text: 'setup' }));
    expect(filledModal(ctx.slack).callback_id).toBe(ROUNDS.setupView);

    ctx.slack.expect('chat.postMessage').expect('views.publish');
    const acked = await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: ROUNDS.setupView, values: setupValues(START, '3') }));
    expect(acked).toBeUndefined();
    expect(await repos().rounds.findSettings()).toMatchObject({
      enabled: true,
      cadence: 'weekly',
      nextStartAt: START,
      staffMaxYears: 3,
      pairSize: 3,
      flaggedPairs: 'avoid',
      noRepeatRounds: 4,
      updatedBySlackUserId: ORGANIZER,
    });
    expect(ctx.slack.bodies('chat.postMessage')[0]!.text).toContain(`<!date^${START.getTime() / 1000}^`);
    ctx.slack.assertDone();
  });

  it('a start in the past is shown on its field; a forged submission by someone else saves nothing', async () => {
    const past = await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: ROUNDS.setupView, values: setupValues(new Date(NOW.getTime() - DAY)) }));
    expect(past).toEqual({ response_action: 'errors', errors: { [ROUNDS.setupFields.nextStart]: ja.rounds.setup.errors.nextStartPast } });

    const forged = await ctx.harness.send(viewSubmission({ user: STAFF_A, callbackId: ROUNDS.setupView, values: setupValues(START) }));
    expect(forged.response_action).toBe('errors');
    expect(await repos().rounds.findSettings()).toBeUndefined();

    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: STAFF_A, text: 'setup' }));
    expect(modalNotice(ctx.slack)).toContain(ja.common.notOrganizer);
    ctx.slack.assertDone();
  });
});

describe('a round', () => {
  async function population() {
    await addStaff(STAFF_A, { currentDivision: '新エネルギー課' });
    await addStaff(STAFF_B, { currentDivision: '通商政策課' });
    await addAlumnus(ALUMNA, { topics: ['renewable_energy'], formerDivisions: '通商政策課' });
    await addAlumnus(ALUMNUS, { topics: ['trade'], formerDivisions: '新エネルギー課' });
    await join(STAFF_A, ['renewable_energy']);
    await join(STAFF_B, ['trade']);
    await join(ALUMNA);
    await join(ALUMNUS);
  }

  it('starts once on time, across two instances sweeping together: pairs staff × alumni by shared topic, one group DM each in their languages', async () => {
    await population();
    await enableRounds();
    ctx.harness.setNow(new Date(START.getTime() - 60_000));
    expect((await runRoundSweep(ctx.harness.deps)).started).toBeNull();

    const other = createTestApp(ctx.database);
    ctx.harness.setNow(START);
    other.setNow(START);
    expectPairPost(2);
    const [first, second] = await Promise.all([runRoundSweep(ctx.harness.deps), runRoundSweep(other.deps)]);
    const started = [first.started, second.started].filter(Boolean);
    expect(started).toEqual([{ round: 1, pairs: 2, unpaired: {} }]);
    expect((await repos().rounds.findSettings())?.nextStartAt).toEqual(new Date(START.getTime() + 14 * DAY));

    const opened = ctx.slack.bodies('conversations.open').map((body) => body.users).sort();
    expect(opened).toEqual([`${STAFF_A},${ALUMNA}`, `${STAFF_B},${ALUMNUS}`].sort());
    const posts = ctx.slack.bodies('chat.postMessage');
    const toA = posts.find((body) => JSON.stringify(body.blocks).includes(STAFF_A))!;
    const shown = JSON.stringify(toA.blocks);
    // Japanese (the network's language, and the official's) and English (the alumna's).
    expect(shown).toContain('再生可能エネルギー');
    expect(shown).toContain('Renewable energy');
    expect(shown).toContain(en.rounds.pair.conduct);
    expect(shown).toContain(ROUNDS.actions.met);
    const pairs = await ctx.database.db.query.roundPairs.findMany();
    expect(pairs.every((pair) => pair.groupChannelId?.startsWith('G0PAIR'))).toBe(true);
    ctx.slack.assertDone();
  });

  it('a pair the interested-party check flags gets its notices in the group DM, in each language, and the record keeps what matched', async () => {
    const staff = await addStaff(STAFF_A, { currentDivision: '新エネルギー課' });
    const alumna = await addAlumnus(ALUMNA);
    await repos().members.update(staff.id, { officialDuties: ['subsidies'] });
    await repos().members.update(alumna.id, { coiDeclared: true, coiRelations: ['subsidy'], coiDivisions: '新エネルギー課' });
    await join(STAFF_A, ['renewable_energy']);
    await join(ALUMNA);
    await enableRounds();
    ctx.harness.setNow(START);
    expectPairPost();

    expect((await runRoundSweep(ctx.harness.deps)).started).toMatchObject({ pairs: 1 });

    const [post] = ctx.slack.bodies('chat.postMessage');
    const shown = JSON.stringify(post!.blocks);
    // The official reads Japanese, the alumna English: both read the notice.
    for (const m of [ja, en]) {
      expect(shown).toContain(JSON.stringify(m.introductionEthics.interestedParty(m.introductionEthics.matchedDivision('新エネルギー課'))).slice(1, -1));
      expect(shown).toContain(JSON.stringify(m.introductionEthics.notLegalAdvice).slice(1, -1));
    }
    const [pair] = await ctx.database.db.query.roundPairs.findMany();
    expect(pair!.ethicsMatch).toEqual({ [`${staff.id}:${alumna.id}`]: { interestedParty: { by: 'division', division: '新エネルギー課' } } });
    ctx.slack.assertDone();
  });

  it('leaves out who paused, who is unavailable, and an alumnus at capacity this month', async () => {
    await population();
    const alumna = await repos().members.findBySlackUserId(ALUMNA);
    const alumnus = await repos().members.findBySlackUserId(ALUMNUS);
    await repos().members.update(alumna!.id, { unavailableUntil: '2026-12-31' });
    await repos().members.update(alumnus!.id, { monthlyCapacity: 1 });
    const staffB = await repos().members.findBySlackUserId(STAFF_B);
    await repos().roundParticipants.setStatus(staffB!.id, 'paused', 'self', NOW);
    await repos().introductions.insert({
      kind: 'direct',
      status: 'accepted',
      requesterSlackUserId: OUTSIDER,
      requesterAudience: 'staff',
      alumnusMemberId: alumnus!.id,
      topic: 'trade',
      purpose: 'talk',
      details: 'x',
      format: 'call',
      dueDate: '2026-12-20',
      answeredAt: NOW,
    });
    await enableRounds();
    ctx.harness.setNow(START);
    const { started } = await runRoundSweep(ctx.harness.deps);
    // The paused official and the unavailable alumna are not candidates at all; the alumnus is at capacity.
    expect(started).toEqual({ round: 1, pairs: 0, unpaired: { at_capacity: 1, no_partner: 1 } });
    ctx.slack.assertDone();
  });

  it('answers: someone of the pair records theirs; anyone else, or a forged value, records nothing', async () => {
    await population();
    await enableRounds();
    ctx.harness.setNow(START);
    expectPairPost(2);
    await runRoundSweep(ctx.harness.deps);
    const post = ctx.slack.bodies('chat.postMessage').find((body) => JSON.stringify(body.blocks).includes(STAFF_A))!;
    const pairId = JSON.stringify(post.blocks).match(/"value":"([0-9a-f-]{36})"/)![1]!;

    ctx.slack.expect('response_url').expect('response_url').expect('response_url');
    await ctx.harness.send(blockAction({ user: STAFF_A, actionId: ROUNDS.actions.met, value: pairId }));
    await ctx.harness.send(blockAction({ user: STAFF_B, actionId: ROUNDS.actions.met, value: pairId }));
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ROUNDS.actions.skip, value: 'not-a-pair' }));
    const said = ctx.slack.bodies('response_url').map((body) => body.text);
    expect(said).toEqual([ja.rounds.answer.met, en.rounds.answer.notInPair, en.rounds.answer.notInPair]);
    const found = await repos().rounds.findPair(pairId);
    expect(found!.people.map((person) => [person.member.slackUserId, person.answer])).toEqual([
      [STAFF_A, 'met'],
      [ALUMNA, null],
    ]);
    ctx.slack.assertDone();
  });

  it('checks in once midway, only with pairs who have not all answered; organizers see pairs made and met', async () => {
    await population();
    await enableRounds();
    ctx.harness.setNow(START);
    expectPairPost(2);
    await runRoundSweep(ctx.harness.deps);
    const pairs = await ctx.database.db.query.roundPairs.findMany();
    const answeredPair = pairs[0]!;
    for (const person of (await repos().rounds.findPair(answeredPair.id))!.people) {
      await repos().rounds.answer(answeredPair.id, person.member.id, 'met', START);
    }

    ctx.harness.setNow(new Date(START.getTime() + 7 * DAY));
    ctx.slack.expect('chat.postMessage');
    await runRoundSweep(ctx.harness.deps);
    await runRoundSweep(ctx.harness.deps);
    expect(ctx.slack.bodies('chat.postMessage').at(-1)!.channel).toMatch(/^G0PAIR/);
    expect(JSON.stringify(ctx.slack.bodies('chat.postMessage').at(-1)!.blocks)).toContain(ja.rounds.checkIn.body);

    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ORGANIZER }));
    const home = JSON.stringify(ctx.slack.bodies('views.publish')[0]!.view);
    expect(home).toContain('第1回');
    expect(home).toContain('2組、会えた1組（50%）');

    const stats = await ctx.harness.send(slashCommand({ command: '/alumni-admin', user_id: ORGANIZER, text: 'stats' }));
    expect(JSON.stringify(stats.blocks)).toContain('2組、会えた1組（50%）');
    expect(JSON.stringify(stats.blocks)).toContain(ja.rounds.stats.participants(4, 0));
    ctx.slack.assertDone();
  });

  it('someone who ignores three rounds in a row is paused and told, and can rejoin', async () => {
    await population();
    await enableRounds({ cadence: 'weekly', noRepeatRounds: 0 });
    let at = START;
    for (let round = 1; round <= 3; round++) {
      ctx.harness.setNow(at);
      expectPairPost(2);
      await runRoundSweep(ctx.harness.deps);
      // Everyone but the alumna answers.
      const pairs = await ctx.database.db.query.roundPairs.findMany();
      for (const pair of pairs) {
        for (const person of (await repos().rounds.findPair(pair.id))!.people) {
          // "Not yet": only the one who clicked answered (a pair that met would count for the alumna too).
          if (person.member.slackUserId !== ALUMNA && person.answer === null) await repos().rounds.answer(pair.id, person.member.id, 'not_yet', at);
        }
      }
      at = new Date(at.getTime() + 7 * DAY);
    }
    ctx.harness.setNow(at);
    // The fourth round starts with the alumna paused and told: the other three make one trio.
    ctx.slack.expect('chat.postMessage');
    expectPairPost(1);
    const { started } = await runRoundSweep(ctx.harness.deps);
    expect(started?.pairs).toBe(1);
    const alumna = await repos().members.findBySlackUserId(ALUMNA);
    expect(await repos().roundParticipants.find(alumna!.id)).toMatchObject({ status: 'paused', pausedReason: 'ignored' });
    expect(ctx.slack.bodies('chat.postMessage').some((body) => body.channel === ALUMNA && body.text === en.rounds.pausedNotice)).toBe(true);

    // Rejoining (the alumni form has no inputs) makes them active again, counting from zero.
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await ctx.harness.send(viewSubmission({ user: ALUMNA, callbackId: ROUNDS.joinView, values: {} }));
    expect(await repos().roundParticipants.find(alumna!.id)).toMatchObject({ status: 'active', pausedReason: null, ignoredInARow: 0 });
    expect(ctx.slack.bodies('chat.postMessage').at(-1)).toMatchObject({ channel: ALUMNA, text: en.rounds.joined });
    ctx.slack.assertDone();
  });
});

describe('a round’s answers and the settings while it runs', () => {
  it('whoever did not click is not counted as ignoring a round their partner says they met in', async () => {
    await addStaff(STAFF_A);
    await addAlumnus(ALUMNA);
    await join(STAFF_A);
    await join(ALUMNA);
    await enableRounds({ cadence: 'weekly', noRepeatRounds: 0 });
    let at = START;
    for (let round = 1; round <= 4; round++) {
      ctx.harness.setNow(at);
      expectPairPost(1);
      await runRoundSweep(ctx.harness.deps);
      const rounds = await ctx.database.db.query.rounds.findMany();
      const newest = rounds.reduce((a, b) => (a.number > b.number ? a : b));
      const latest = (await ctx.database.db.query.roundPairs.findMany()).find((pair) => pair.roundId === newest.id)!;
      for (const person of (await repos().rounds.findPair(latest.id))!.people) {
        if (person.member.slackUserId === STAFF_A && person.answer === null) await repos().rounds.answer(latest.id, person.member.id, 'met', at);
      }
      at = new Date(at.getTime() + 7 * DAY);
    }
    const alumna = await repos().members.findBySlackUserId(ALUMNA);
    expect(await repos().roundParticipants.find(alumna!.id)).toMatchObject({ status: 'active', ignoredInARow: 0 });
    expect(ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === ALUMNA)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('the settings form keeps the stored next start, and a start before the running round ends is refused on its field', async () => {
    await enableRounds({ cadence: 'weekly' });
    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: ROUNDS.command, user_id: ORGANIZER, text: 'setup' }));
    expect(JSON.stringify(filledModal(ctx.slack))).toContain(`"initial_date_time":${START.getTime() / 1000}`);

    ctx.harness.setNow(START);
    await runRoundSweep(ctx.harness.deps);
    const during = new Date(START.getTime() + 3 * DAY);
    const values = {
      [ROUNDS.setupFields.enabled]: { [ROUNDS.setupFields.enabled]: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
      [ROUNDS.setupFields.nextStart]: { [ROUNDS.setupFields.nextStart]: { type: 'datetimepicker', selected_date_time: during.getTime() / 1000 } },
      [ROUNDS.setupFields.noRepeat]: { [ROUNDS.setupFields.noRepeat]: { type: 'number_input', value: '6' } },
    };
    const acked = await ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: ROUNDS.setupView, values }));
    const until = new Date(START.getTime() + 7 * DAY);
    expect(acked).toEqual({
      response_action: 'errors',
      errors: { [ROUNDS.setupFields.nextStart]: ja.rounds.setup.errors.nextStartDuringRound(`<!date^${until.getTime() / 1000}^{date_short_pretty} {time}|2026-12-10 12:00 JST>`) },
    });
    expect((await repos().rounds.findSettings())?.nextStartAt).toEqual(until);
    ctx.slack.assertDone();
  });
});

describe('erasure and rounds', () => {
  it('takes the member out of rounds with what they were curious about; the pairs they were in keep only the tombstone', async () => {
    await addStaff(STAFF_A);
    await addAlumnus(ALUMNA);
    await join(STAFF_A, ['trade']);
    await join(ALUMNA);
    await enableRounds();
    ctx.harness.setNow(START);
    expectPairPost(1);
    await runRoundSweep(ctx.harness.deps);
    const staff = await repos().members.findBySlackUserId(STAFF_A);
    const [flagged] = await ctx.database.db.query.roundPairs.findMany();
    await ctx.database.db.update(roundPairs).set({ ethicsMatch: { [`${staff!.id}:x`]: { interestedParty: { by: 'division', division: '新エネルギー課' } } } }).where(eq(roundPairs.id, flagged!.id));
    await eraseOwnData(ctx.harness.deps.services, STAFF_A);
    expect(await repos().roundParticipants.find(staff!.id)).toBeUndefined();
    const [pair] = await ctx.database.db.query.roundPairs.findMany();
    const people = (await repos().rounds.findPair(pair!.id))!.people;
    const erased = people.find((person) => person.member.id === staff!.id)!;
    expect(erased.member).toMatchObject({ status: 'erased', name: null, slackUserId: null });
    expect(erased.curiousTopics).toEqual([]);
    // What the ethics check found names what they declared: gone with the rest.
    // (which notice was shown is kept, for the record).
    expect((await repos().rounds.findPair(pair!.id))!.pair.ethicsMatch).toEqual({ [`${staff!.id}:x`]: { interestedParty: true } });
    expect(JSON.stringify(await ctx.database.db.query.roundPairs.findMany())).not.toContain('新エネルギー課');
    ctx.slack.assertDone();
  });
});
