import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { loggedErrors } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, LOADING_VIEW, modalNotice } from '../helpers/modal-flow';
import { blockAction, globalShortcut, slashCommand } from '../helpers/payloads';
import { assertValidModal } from '../helpers/slack-limits';

const STAFF = 'U0STAFF';
const ORGANIZER = 'U0ORGANIZER';
const NOBODY = 'U0NOBODY';

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US', realName: 'Organizer' },
  },
  organizers: [ORGANIZER],
});

describe('a modal opens with its trigger, before any lookup, and is then filled in', () => {
  it('the profile form: a loading view in both languages first, then the form in the user’s language, by view ID and hash', async () => {
    expectModalFlow(ctx.slack);
    const shortcut = globalShortcut({ user: STAFF, callbackId: SHORTCUTS.editProfile });
    await ctx.harness.send(shortcut);

    const [opened] = ctx.slack.bodies('views.open');
    expect(opened!.trigger_id).toBe(shortcut.trigger_id);
    expect(opened!.view.callback_id).toBe(VIEWS.loading);
    const loadingText = JSON.stringify(opened!.view.blocks);
    expect(loadingText).toContain(ja.modalNotice.loading);
    expect(loadingText).toContain(en.modalNotice.loading);
    expect(loadingText).toContain(ja.modalNotice.stuck);
    expect(ctx.slack.bodies('views.update')).toEqual([
      expect.objectContaining({ view_id: LOADING_VIEW.id, hash: LOADING_VIEW.hash }),
    ]);
    const form = filledModal(ctx.slack);
    assertValidModal(form);
    expect(form).toMatchObject({ callback_id: VIEWS.profile, title: { text: ja.profileModal.title } });
    ctx.slack.assertDone();
  });

  it('the event form for an organizer, in English; anyone else reads why in the modal, with Close and no submit', async () => {
    expectModalFlow(ctx.slack);
    await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: ORGANIZER }));
    expect(filledModal(ctx.slack).callback_id).toBe(VIEWS.event);

    expectModalFlow(ctx.slack);
    expect(await ctx.harness.send(slashCommand({ command: COMMANDS.event, user_id: STAFF }))).toBeUndefined();
    expect(modalNotice(ctx.slack)).toBe(ja.common.notOrganizer);
    const notice = filledModal(ctx.slack);
    assertValidModal(notice);
    expect(notice.close.text).toBe(ja.modalNotice.close);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('the open-request form: a forged or empty topic is refused in the modal, nothing posted', async () => {
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.postOpenRequest, value: '{"q":"   "}' }));
    expect(modalNotice(ctx.slack)).toBe(ja.introductions.notAvailable);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('when Slack cannot say who the user is, the modal says so in both languages', async () => {
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: NOBODY, actionId: ACTIONS.openProfileModal }));
    expect(modalNotice(ctx.slack)).toBe(`${ja.common.unexpected}\n${en.common.unexpected}`);
    expect(filledModal(ctx.slack).close.text).toBe(`${ja.modalNotice.close} / ${en.modalNotice.close}`);
    ctx.slack.assertDone();
  });
});

describe('when Slack refuses', () => {
  it('an expired trigger opens nothing and looks nothing up; the user is told as before', async () => {
    ctx.slack.expect('views.open', { ok: false, error: 'expired_trigger_id' });
    const answer = await ctx.harness.send(slashCommand({ command: COMMANDS.profile, user_id: STAFF }));
    expect(answer).toEqual({ response_type: 'ephemeral', text: ja.common.unexpected });
    expect(ctx.slack.bodies('views.update')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('an update Slack refuses (the view changed meanwhile) is logged, and nothing else is sent', async () => {
    const before = loggedErrors.length;
    ctx.slack.expect('views.open', { view: LOADING_VIEW }).expect('views.update', { ok: false, error: 'hash_conflict' });
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.openProfileModal }));
    expect(loggedErrors.slice(before).map((args) => args[0])).toEqual(['modal update failed']);
    expect(ctx.slack.bodies('response_url')).toEqual([]);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
    ctx.slack.assertDone();
  });
});
