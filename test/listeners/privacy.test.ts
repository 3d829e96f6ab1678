import { beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { introductionRequests, searchAllowances } from '../../src/db/schema';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, VIEWS } from '../../src/slack/ids';
import { createTestApp } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { profileState } from '../helpers/profile-state';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US' },
  },
  organizers: [ORGANIZER],
});

beforeEach(async () => {
  ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
  await ctx.harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState({ helpText: 'GX <b> & co' }) }));
  ctx.slack.expect('chat.update').expect('chat.postMessage');
  const member = await createRepositories(ctx.database.db).members.findBySlackUserId(ALUMNA);
  await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: member!.id }));
});

const profileCommand = (text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.profile, user_id: ALUMNA, text }));

describe('/alumni-profile help', () => {
  it.each(['help', 'something else'])('"%s" lists every subcommand in the user\'s language', async (text) => {
    expect(await profileCommand(text)).toEqual({ response_type: 'ephemeral', text: ja.profileCommand.help });
  });
});

describe('/alumni-profile delete', () => {
  it('asks for confirmation first and erases nothing until confirmed', async () => {
    const ack = await profileCommand('delete');
    expect(ack.blocks.find((block: any) => block.type === 'actions').elements[0]).toMatchObject({
      action_id: ACTIONS.confirmErase,
      confirm: expect.any(Object),
    });
    expect((await createRepositories(ctx.database.db).members.findBySlackUserId(ALUMNA))?.status).toBe('active');
  });

  it('once confirmed, erases personal data for good and keeps only a pseudonymous tombstone', async () => {
    const before = (await createRepositories(ctx.database.db).members.findBySlackUserId(ALUMNA))!;
    await ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: ALUMNA, text: 'DX' }));
    expect(await ctx.database.db.select().from(searchAllowances)).toHaveLength(1);
    ctx.slack.expectResponse().expect('chat.update').expect('views.publish');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmErase }));

    // Her registration card in the organizers' channel keeps nothing of her profile.
    const card = ctx.slack.bodies('chat.update').at(-1);
    expect(card).toMatchObject({ channel: before.approvalChannelId, ts: before.approvalMessageTs });
    expect(JSON.stringify(card)).not.toContain(before.organisation!);
    expect(ctx.slack.bodies('response_url')).toEqual([
      expect.objectContaining({ text: ja.profileCommand.deleted, replace_original: true }),
    ]);
    const repos = createRepositories(ctx.database.db);
    expect(await repos.members.findBySlackUserId(ALUMNA)).toBeUndefined();
    const tombstone = await repos.members.findById(before.id);
    expect(tombstone).toMatchObject({
      pseudonym: before.pseudonym,
      status: 'erased',
      slackUserId: null,
      email: null,
      name: null,
      organisation: null,
      helpText: null,
      topics: [],
      coiDescription: null,
      interestedInReturning: false,
    });
    const trail = await repos.audit.listForMember(before.id);
    expect(trail.map((event) => event.action)).toContain('member.erased');
    expect(JSON.stringify(trail)).not.toContain(ALUMNA);
    expect(await ctx.database.db.select().from(searchAllowances), 'no trace of when she searched').toEqual([]);
    ctx.slack.assertDone();
  });

  it('erasure leaves the introduction record naming the member only by pseudonym, as requester and as alumna', async () => {
    const repos = createRepositories(ctx.database.db);
    const before = (await repos.members.findBySlackUserId(ALUMNA))!;
    const common = { purpose: 'mentoring', format: 'call', dueDate: '2026-12-10', details: 'd', topic: 'GX' } as const;
    await repos.introductions.insert({
      ...common,
      kind: 'direct',
      status: 'pending',
      requesterSlackUserId: ALUMNA,
      requesterMemberId: before.id,
      requesterName: '山田 花子',
      requesterDivision: 'Green Capital',
      requesterAudience: 'alumni',
    });
    await repos.introductions.insert({
      ...common,
      kind: 'direct',
      status: 'declined',
      requesterSlackUserId: 'U0STAFF',
      requesterName: 'Staff',
      requesterAudience: 'staff',
      alumnusMemberId: before.id,
      declineReason: 'Busy at Green Capital',
    });
    ctx.slack.expectResponse().expect('views.publish');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmErase }));

    const rows = await ctx.database.db.select().from(introductionRequests);
    expect(rows.find((row) => row.requesterMemberId === before.id)).toMatchObject({
      requesterSlackUserId: before.pseudonym,
      requesterName: null,
      requesterDivision: null,
    });
    expect(rows.find((row) => row.alumnusMemberId === before.id)).toMatchObject({ declineReason: null, status: 'declined' });
    const stored = JSON.stringify(rows);
    for (const personal of [ALUMNA, '山田 花子', 'Green Capital']) expect(stored).not.toContain(personal);
  });

  it('the erase button erases only the clicker, whatever the payload says', async () => {
    ctx.slack.user('U0OTHER', { email: 'other@example.org', locale: 'ja-JP' });
    ctx.slack.expectResponse().expect('views.publish');
    await ctx.harness.send(blockAction({ user: 'U0OTHER', actionId: ACTIONS.confirmErase, value: ALUMNA }));
    expect(ctx.slack.bodies('response_url')[0]?.text).toBe(ja.profileCommand.nothingToDelete);
    expect((await createRepositories(ctx.database.db).members.findBySlackUserId(ALUMNA))?.status).toBe('active');
  });
});
