import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { saveProfile } from '../../src/services/profile';
import { type ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, MESSAGE_SHORTCUTS } from '../../src/slack/ids';
import { createTestApp, testConfig } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, slashCommand } from '../helpers/payloads';

const STAFF = 'U0STAFF';
const ALUMNUS = 'U0ALUMNUS';
const STRANGER = 'U0STRANGER';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP' },
    [ALUMNUS]: { email: 'alumnus@fund.example', locale: 'en-US' },
    [STRANGER]: { email: 'someone@gmail.example', locale: 'en-US' },
  },
});


/** An approved alumnus registered the way members register. */
async function addExpert(slackUserId: string, profile: Partial<ProfileInput>) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@example.org`, realName: null, locale: 'ja' },
    profileInput(profile),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active' });
}

const find = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: user, text }));
const names = (ack: any) =>
  ack.blocks.filter((block: any) => block.type === 'section' && block.text.text.startsWith('*')).map((block: any) => block.text.text.split('*')[1]);

describe('/find-expert', () => {
  it('shows staff the matching alumni with why they matched and a conflict-of-interest marker', async () => {
    await addExpert('U0GX', {
      name: '再エネ 太郎',
      topics: ['renewable_energy'],
      helpText: '系統接続の実務',
      coiDeclared: true,
      coiDescription: '当社は補助金 <交付先> です',
    });
    await addExpert('U0OTHER', { name: 'Chip Person', topics: ['semiconductors'] });

    const ack = await find(STAFF, '再エネ');
    expect(ack.response_type).toBe('ephemeral');
    expect(names(ack)).toEqual(['再エネ 太郎']);
    const json = JSON.stringify(ack.blocks);
    expect(json).toContain(`${ja.findExpert.matched}: 再生可能エネルギー`);
    expect(json).toContain(ja.findExpert.coi('当社は補助金 &lt;交付先&gt; です'));
    // A topic related to the one the query names, to search too.
    expect(json).toContain(ja.findExpert.related('エネルギー・GX'));
    ctx.slack.assertDone();
  });

  it('never offers members who did not consent, pending members, capacity 0 or the caller', async () => {
    await addExpert('U0SHARES', { name: 'Shares', topics: ['dx'] });
    await addExpert('U0PRIVATE', { name: 'Private', topics: ['dx'], shareWithStaff: false, shareWithAlumni: false });
    await addExpert('U0BUSY', { name: 'Busy', topics: ['dx'], monthlyCapacity: 0 });
    await saveProfile(
      ctx.harness.deps.services,
      { slackUserId: 'U0PENDING', standing: 'member', email: 'p@example.org', realName: null, locale: 'ja' },
      profileInput({ name: 'Pending', topics: ['dx'] }),
    );
    await addExpert(ALUMNUS, { name: 'Caller', topics: ['dx'] });

    expect(names(await find(STAFF, 'DX'))).toEqual(expect.arrayContaining(['Shares', 'Caller']));
    expect(names(await find(STAFF, 'DX'))).toHaveLength(2);
    expect(names(await find(ALUMNUS, 'dx'))).toEqual(['Shares']);
  });

  it('pages five at a time with "Show more"', async () => {
    for (let index = 0; index < 7; index++) await addExpert(`U0DX${index}`, { name: `DX ${index}`, topics: ['dx'] });
    const first = await find(STAFF, 'DX');
    expect(names(first)).toHaveLength(5);
    const more = first.blocks.find((block: any) => block.type === 'actions').elements[0];
    expect(more.action_id).toBe(ACTIONS.showMoreExperts);

    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.showMoreExperts, value: more.value }));
    const [page] = ctx.slack.bodies('response_url');
    expect(page?.replace_original).toBe(true);
    expect(names(page)).toHaveLength(2);
    expect(new Set([...names(first), ...names(page)]).size).toBe(7);
    expect(page?.blocks.some((block: any) => block.type === 'actions')).toBe(false);
    ctx.slack.assertDone();
  });

  it('with no match, says so and suggests related topics', async () => {
    await addExpert(ALUMNUS, { name: 'Caller', topics: ['dx'] });
    const ack = await find(ALUMNUS, 'エネルギー');
    expect(ack.text).toBe(en.findExpert.noMatch('エネルギー'));
    expect(JSON.stringify(ack.blocks)).toContain('Related topics you could try');
  });

  it('explains how to use it when no topic is given', async () => {
    expect(await find(STAFF, '  ')).toEqual({ response_type: 'ephemeral', text: ja.findExpert.usage });
  });

  it('is refused to people who may see no one', async () => {
    expect(await find(STRANGER, 'DX')).toEqual({ response_type: 'ephemeral', text: en.findExpert.notAllowed });
  });

  it('stops a user after the hourly limit of searches, politely', async () => {
    await addExpert(ALUMNUS, { name: 'Caller', topics: ['dx'] });
    const limited = createTestApp(ctx.database, { config: testConfig({ SEARCH_RATE_LIMIT_PER_HOUR: '2' }) });
    const search = () => limited.send(slashCommand({ command: COMMANDS.findExpert, user_id: ALUMNUS, text: 'DX' }));
    await search();
    await search();
    expect(await search()).toEqual({ response_type: 'ephemeral', text: en.findExpert.rateLimited(2) });
  });

  it('counts searches sent at once to two instances one after another: none slips past the limit', async () => {
    await addExpert(ALUMNUS, { name: 'Caller', topics: ['dx'] });
    const config = testConfig({ SEARCH_RATE_LIMIT_PER_HOUR: '3' });
    const instances = [createTestApp(ctx.database, { config }), createTestApp(ctx.database, { config })];
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => instances[i % 2]!.send(slashCommand({ command: COMMANDS.findExpert, user_id: ALUMNUS, text: 'DX' }))),
    );
    const limited = answers.filter((answer) => answer.text === en.findExpert.rateLimited(3));
    expect(limited).toHaveLength(5);
    expect(answers.filter((answer) => answer.blocks)).toHaveLength(3);
  });

  it('lets searches from more than an hour ago fall out of the count', async () => {
    await addExpert(ALUMNUS, { name: 'Caller', topics: ['dx'] });
    const limited = createTestApp(ctx.database, { config: testConfig({ SEARCH_RATE_LIMIT_PER_HOUR: '1' }), now: new Date('2026-11-24T09:00:00Z') });
    const search = () => limited.send(slashCommand({ command: COMMANDS.findExpert, user_id: ALUMNUS, text: 'DX' }));
    expect((await search()).blocks).toBeDefined();
    limited.setNow(new Date('2026-11-24T09:59:00Z'));
    expect(await search()).toEqual({ response_type: 'ephemeral', text: en.findExpert.rateLimited(1) });
    limited.setNow(new Date('2026-11-24T10:00:01Z'));
    expect((await search()).blocks).toBeDefined();
  });

  it('the message shortcut searches with the text of the message', async () => {
    await addExpert('U0CHIP', { name: 'Chip Person', topics: ['semiconductors'] });
    ctx.slack.expectResponse();
    await ctx.harness.send({
      type: 'message_action',
      callback_id: MESSAGE_SHORTCUTS.findExpertFromMessage,
      trigger_id: 'trigger.msg',
      response_url: 'https://hooks.slack.test/respond',
      team: { id: 'T0KAKEHASH', domain: 'kakehashi' },
      user: { id: STAFF, name: 'staff' },
      channel: { id: 'C0GENERAL', name: 'general' },
      message: { type: 'message', ts: '1700000000.1', user: 'U0SOMEONE', text: '半導体' },
      message_ts: '1700000000.1',
      action_ts: '1700000000.2',
      token: 'legacy',
    });
    expect(names(ctx.slack.bodies('response_url')[0])).toEqual(['Chip Person']);
    ctx.slack.assertDone();
  });
});
