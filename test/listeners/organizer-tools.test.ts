import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { MEMBER_CSV_COLUMNS } from '../../src/services/member-csv';
import { ACTIONS, VIEWS } from '../../src/slack/ids';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal, modalNotice } from '../helpers/modal-flow';
import { appHomeOpened, blockAction } from '../helpers/payloads';
import { assertValidMessage } from '../helpers/slack-limits';

const ORGANIZER = 'U0ORGANIZER';
const ALUMNA = 'U0ALUMNA';
const TOOLS = [ACTIONS.organizerAnnounceEvent, ACTIONS.organizerMembers, ACTIONS.organizerImportCsv];

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '佐藤 花子' },
  },
  organizers: [ORGANIZER],
});

const clickFromHome = (user: string, actionId: string) => ctx.harness.send(blockAction({ user, actionId, from: 'home' }));
const actionIdsOf = (view: any): string[] =>
  view.blocks.flatMap((block: any) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]).map((e: any) => e.action_id).filter(Boolean);

describe('the organizer tools on the App Home', () => {
  it('are shown to organizers only', async () => {
    ctx.slack.expect('views.publish').expect('views.publish');

    await ctx.harness.send(appHomeOpened({ user: ORGANIZER }));
    await ctx.harness.send(appHomeOpened({ user: ALUMNA }));

    const [organizerHome, alumnaHome] = ctx.slack.bodies('views.publish');
    expect(actionIdsOf(organizerHome!.view)).toEqual(expect.arrayContaining(TOOLS));
    expect(JSON.stringify(organizerHome!.view)).toContain(en.organizerTools.header);
    expect(actionIdsOf(alumnaHome!.view).filter((id) => TOOLS.includes(id as never))).toEqual([]);
    ctx.slack.assertDone();
  });

  it('“Announce an event” opens the event form with the click’s trigger', async () => {
    expectModalFlow(ctx.slack);
    const click = blockAction({ user: ORGANIZER, actionId: ACTIONS.organizerAnnounceEvent, from: 'home' });

    await ctx.harness.send(click);

    const [opened] = ctx.slack.bodies('views.open');
    expect(opened!.trigger_id).toBe(click.trigger_id);
    expect(filledModal(ctx.slack).callback_id).toBe(VIEWS.event);
    ctx.slack.assertDone();
  });

  it('a forged “Announce an event” click from someone who is not an organizer is refused in the modal it opened', async () => {
    expectModalFlow(ctx.slack);
    await clickFromHome(ALUMNA, ACTIONS.organizerAnnounceEvent);
    expect(modalNotice(ctx.slack)).toBe(ja.common.notOrganizer);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([]);
    ctx.slack.assertDone();
  });

  it('“Members” sends the member list to the organizer’s DM', async () => {
    const repos = createRepositories(ctx.database.db);
    await repos.members.insert(memberRow({ name: 'Aiko Member', email: 'aiko@example.jp' }));
    await repos.members.insert(memberRow({ name: 'Bunta Member', email: 'bunta@example.jp', status: 'pending' }));
    ctx.slack.expect('chat.postMessage');

    await clickFromHome(ORGANIZER, ACTIONS.organizerMembers);

    const [sent] = ctx.slack.bodies('chat.postMessage');
    expect(sent!.channel).toBe(ORGANIZER);
    const shown = JSON.stringify(sent!.blocks);
    expect(shown).toContain(en.adminOverview.membersHeading(2));
    expect(shown).toContain('Aiko Member');
    expect(shown).toContain('Bunta Member');
    assertValidMessage(sent!.blocks, sent!.text);
    ctx.slack.assertDone();
  });

  it('“Import CSV” tells the organizer, in the DM, to upload the file there, with the columns', async () => {
    ctx.slack.expect('chat.postMessage');

    await clickFromHome(ORGANIZER, ACTIONS.organizerImportCsv);

    const [sent] = ctx.slack.bodies('chat.postMessage');
    expect(sent!.channel).toBe(ORGANIZER);
    for (const column of MEMBER_CSV_COLUMNS) expect(sent!.text).toContain(`\`${column}\``);
    expect(sent!.text).toContain('README');
    ctx.slack.assertDone();
  });

  it.each(TOOLS.filter((tool) => tool !== ACTIONS.organizerAnnounceEvent))('a forged “%s” click from someone who is not an organizer is refused in their DM and does nothing', async (actionId) => {
    ctx.slack.expect('chat.postMessage');

    await clickFromHome(ALUMNA, actionId);

    expect(ctx.slack.bodies('chat.postMessage')).toEqual([expect.objectContaining({ channel: ALUMNA, text: ja.common.notOrganizer })]);
    ctx.slack.assertDone();
  });
});
