import { describe, expect, it } from 'vitest';
import { runStaleReminderSweep } from '../../src/jobs/stale-reminders';
import { createRepositories } from '../../src/db/repositories';
import type { NewMemberRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { seedOrganizers } from '../../src/services/organizers';
import { newPseudonym } from '../../src/services/profile';
import { ACTIONS, COMMANDS } from '../../src/slack/ids';
import { createTestApp } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, slashCommand } from '../helpers/payloads';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const NOW = new Date('2026-11-24T09:00:00Z');

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP' },
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US' },
  },
  organizers: [ORGANIZER],
  now: NOW,
});

function member(overrides: Partial<NewMemberRow>): NewMemberRow {
  return {
    pseudonym: newPseudonym(),
    memberType: 'alumni',
    status: 'active',
    name: 'Someone',
    shareWithStaff: true,
    shareWithAlumni: false,
    profileConfirmedAt: NOW,
    ...overrides,
  };
}

const insert = (overrides: Partial<NewMemberRow>) => createRepositories(ctx.database.db).members.insert(member(overrides));

describe('the App Home', () => {
  it('shows a member their profile, status, consent and an Edit button', async () => {
    await insert({ slackUserId: ALUMNA, name: '山田 <!channel>', status: 'pending', shareWithStaff: true, shareWithAlumni: null });
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ALUMNA }));

    const [body] = ctx.slack.bodies('views.publish');
    expect(body?.user_id).toBe(ALUMNA);
    const json = JSON.stringify(body?.view);
    expect(json).toContain('山田 &lt;!channel&gt;');
    expect(json).toContain(ja.home.statusLine(ja.status.pending));
    expect(json).toContain(ja.home.consentLine(ja.common.yes, ja.profileCard.consentNever));
    expect(json).toContain(ACTIONS.openProfileModal);
    expect(json).not.toContain(ja.home.pendingHeader);
    ctx.slack.assertDone();
  });

  it('offers to create a profile to someone without one', async () => {
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ALUMNA }));
    expect(JSON.stringify(ctx.slack.bodies('views.publish')[0]?.view)).toContain(ja.home.createProfile);
  });

  it('shows organizers the pending registrations with Approve / Decline, and deciding there refreshes it', async () => {
    const pending = await insert({ slackUserId: ALUMNA, status: 'pending', name: 'Applicant' });
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ORGANIZER }));
    const home = ctx.slack.bodies('views.publish')[0]?.view;
    expect(JSON.stringify(home)).toContain(en.home.pendingHeader);
    const buttons = home.blocks
      .filter((block: any) => block.type === 'actions')
      .flatMap((block: any) => block.elements)
      .filter((button: any) => button.action_id === ACTIONS.approveMember || button.action_id === ACTIONS.declineMember);
    expect(buttons.map((button: any) => [button.action_id, button.value])).toEqual([
      [ACTIONS.approveMember, pending.id],
      [ACTIONS.declineMember, pending.id],
    ]);

    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: pending.id, from: 'home' }));
    expect((await createRepositories(ctx.database.db).members.findById(pending.id))?.status).toBe('active');
    expect(JSON.stringify(ctx.slack.bodies('views.publish')[1]?.view)).toContain(en.home.noPending);
    ctx.slack.assertDone();
  });

  it('ignores the messages tab', async () => {
    await ctx.harness.send(appHomeOpened({ user: ALUMNA, tab: 'messages' }));
    ctx.slack.assertDone();
  });
});

describe('stale profile reminders', () => {
  const sevenMonthsAgo = new Date('2026-04-20T00:00:00Z');

  it('DMs each member whose profile was confirmed over 6 months ago once, in their language', async () => {
    await insert({ slackUserId: ALUMNA, locale: 'ja', profileConfirmedAt: sevenMonthsAgo });
    await insert({ slackUserId: 'U0FRESH', profileConfirmedAt: new Date('2026-10-01T00:00:00Z') });
    await insert({ slackUserId: 'U0PENDING', status: 'pending', profileConfirmedAt: sevenMonthsAgo });
    ctx.slack.expect('chat.postMessage');

    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 1, outcome: 'sent' });
    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });
    const [dm] = ctx.slack.bodies('chat.postMessage');
    expect(dm?.channel).toBe(ALUMNA);
    expect(dm?.text).toBe(ja.stale.reminder(6));
    expect(dm?.blocks.at(-1).elements.map((element: any) => element.action_id)).toEqual([
      ACTIONS.keepProfile,
      ACTIONS.openProfileModal,
    ]);
    ctx.slack.assertDone();
  });

  it('with several instances sweeping at once, each reminder is still sent once', async () => {
    for (let index = 0; index < 12; index++) {
      await insert({ slackUserId: `U0STALE${index}`, profileConfirmedAt: sevenMonthsAgo });
    }
    for (let index = 0; index < 12; index++) ctx.slack.expect('chat.postMessage');
    const instances = [ctx.harness, createTestApp(ctx.database, { now: NOW }), createTestApp(ctx.database, { now: NOW })];

    const results = await Promise.all(instances.map((instance) => runStaleReminderSweep(instance.deps)));
    expect(results.reduce((sum, result) => sum + result.reminders, 0)).toBe(12);
    const channels = ctx.slack.bodies('chat.postMessage').map((body) => body.channel);
    expect(new Set(channels).size).toBe(12);
    ctx.slack.assertDone();
  });

  it('a reminder that could not be delivered is retried by the delivery worker, not claimed again', async () => {
    await insert({ slackUserId: ALUMNA, profileConfirmedAt: sevenMonthsAgo });
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'ratelimited' });
    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 1, outcome: 'queued' });
    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });
    ctx.harness.setNow(new Date(NOW.getTime() + 60_000));
    ctx.slack.expect('chat.postMessage');
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['sent']);
    ctx.slack.assertDone();
  });

  it('Keep records the confirmation, so no reminder comes for another 6 months', async () => {
    const stale = await insert({ slackUserId: ALUMNA, profileConfirmedAt: sevenMonthsAgo });
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.keepProfile }));
    expect((await createRepositories(ctx.database.db).members.findById(stale.id))?.profileConfirmedAt).toEqual(NOW);
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: ja.stale.kept, replace_original: true });
    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });
  });

  it('Edit opens the profile modal', async () => {
    await insert({ slackUserId: ALUMNA, profileConfirmedAt: sevenMonthsAgo });
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.openProfileModal }));
    expect(filledModal(ctx.slack).callback_id).toBe('profile_modal');
    ctx.slack.assertDone();
  });
});

describe('/alumni-admin', () => {
  const admin = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.admin, user_id: user, text }));

  it('is refused to anyone but organizers', async () => {
    expect(await admin(ALUMNA, 'grant <@U0ALUMNA|me>')).toEqual({ response_type: 'ephemeral', text: ja.common.notOrganizer });
    expect(await ctx.harness.deps.services.db.query.organizers.findMany()).toHaveLength(1);
  });

  it('lets an organizer grant and revoke the role, and keeps the last organizer', async () => {
    expect(await admin(ORGANIZER, 'grant <@U0ALUMNA|hanako>')).toMatchObject({ text: en.admin.granted('<@U0ALUMNA>') });
    expect((await admin(ORGANIZER, 'organizers')).text).toBe(en.admin.organizers('<@U0ALUMNA>, <@U0ORGANIZER>'));
    expect(await admin(ALUMNA, 'revoke <@U0ORGANIZER>')).toMatchObject({ text: ja.admin.revoked('<@U0ORGANIZER>') });
    expect(await admin(ALUMNA, 'revoke <@U0ALUMNA>')).toMatchObject({ text: ja.admin.lastOrganizer });
    expect(await admin(ORGANIZER, 'organizers')).toMatchObject({ text: en.common.notOrganizer });
  });

  it('a revoked configured organizer stays revoked after a restart re-seeds the configuration', async () => {
    await admin(ORGANIZER, 'grant <@U0ALUMNA>');
    await admin(ALUMNA, 'revoke <@U0ORGANIZER>');
    await seedOrganizers(ctx.harness.deps.services, [ORGANIZER]);
    expect(await admin(ORGANIZER, 'organizers')).toMatchObject({ text: en.common.notOrganizer });
  });

  it('answers help for anything else', async () => {
    expect(await admin(ORGANIZER, 'what')).toEqual({ response_type: 'ephemeral', text: en.admin.help });
  });
});
