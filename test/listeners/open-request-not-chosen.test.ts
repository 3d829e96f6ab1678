import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { deliveries, introductionRequests } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, INTRODUCTION_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestApp, REQUESTS_CHANNEL } from '../helpers/app';
import { profileInput } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';

const STAFF = 'U0STAFF';
const CHOSEN = 'U0CHOSEN';
const SECOND = 'U0SECOND';
const THIRD = 'U0THIRD';

// The requester reads Japanese; the volunteers not chosen read English and Japanese.
const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 <!channel> 太郎' },
    [CHOSEN]: { email: 'chosen@fund.example', locale: 'en-US', realName: 'Hanako Sato' },
    [SECOND]: { email: 'second@fund.example', locale: 'en-US', realName: 'Second Volunteer' },
    [THIRD]: { email: 'third@fund.example', locale: 'ja-JP', realName: '三番 三郎' },
  },
});

async function addExpert(slackUserId: string, profile: Partial<ProfileInput>, locale: string) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@example.org`, realName: null, locale },
    profileInput(profile),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active' });
}

const buttons = (blocks: any[]): any[] => blocks.filter((block) => block.type === 'actions').flatMap((block) => block.elements);
const TOPIC = '宇宙開発 <b>&';
const escapedTopic = '宇宙開発 &lt;b&gt;&amp;';

/** Staff posts an open request nobody matched; these alumni volunteer. Returns the request and the "Choose" value of each. */
async function openRequestWithVolunteers(volunteers = [CHOSEN, SECOND, THIRD]) {
  await addExpert(CHOSEN, { name: 'Hanako Sato', topics: ['dx'], shareWithStaff: true }, 'en');
  await addExpert(SECOND, { name: 'Second Volunteer', topics: ['dx'], shareWithStaff: true }, 'en');
  await addExpert(THIRD, { name: '三番 三郎', topics: ['dx'], shareWithStaff: true }, 'ja');
  const results = await ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: TOPIC }));
  const open = buttons(results.blocks).find((button) => button.action_id === ACTIONS.postOpenRequest);
  expectModalFlow(ctx.slack);
  await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.postOpenRequest, value: open.value }));
  const view = filledModal(ctx.slack);
  const f = INTRODUCTION_FIELDS;
  const values = {
    [f.purpose]: { [f.purpose]: { type: 'static_select', selected_option: { value: 'policy_research' } } },
    [f.details]: { [f.details]: { type: 'plain_text_input', value: '現場の課題を知りたい' } },
    [f.format]: { [f.format]: { type: 'radio_buttons', selected_option: { value: 'call' } } },
    [f.dueDate]: { [f.dueDate]: { type: 'datepicker', selected_date: '2026-12-10' } },
    [f.requesterDivision]: { [f.requesterDivision]: { type: 'plain_text_input', value: '宇宙政策課' } },
  };
  ctx.slack.expect('chat.postMessage', { channel: REQUESTS_CHANNEL, ts: '1800000000.000200' }).expect('chat.postMessage');
  expect(
    await ctx.harness.send(viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: view.private_metadata, values })),
  ).toBeUndefined();
  const [request] = await ctx.database.db.select().from(introductionRequests);
  ctx.slack.assertDone();

  const pickOf: Record<string, string> = {};
  for (const volunteer of volunteers) {
    ctx.slack.expectResponse().expect('chat.postMessage').expect('chat.update');
    await ctx.harness.send(blockAction({ user: volunteer, actionId: ACTIONS.offerHelp, value: request!.id }));
    const notice = ctx.slack.bodies('chat.postMessage').at(-1)!;
    pickOf[volunteer] = buttons(notice.blocks).find((button) => button.action_id === ACTIONS.pickVolunteer).value;
  }
  ctx.slack.assertDone();
  return { request: request!, pickOf };
}

/** What the introduction itself sends: the group DM, its post, the post shown matched, and the two notices. */
function expectIntroduction(delayMs = 0) {
  return ctx.slack
    .expect('conversations.open', { channel: { id: 'G0OPEN' }, delayMs })
    .expect('chat.postMessage', { delayMs })
    .expect('chat.update')
    .expect('chat.postMessage')
    .expect('chat.postMessage');
}

const dmsTo = (user: string) => ctx.slack.bodies('chat.postMessage').filter((body) => body.channel === user);

describe('volunteers the requester did not choose', () => {
  it('each get one kind DM in their language, with the requester and the topic escaped; the chosen one gets none', async () => {
    const { pickOf } = await openRequestWithVolunteers();
    const before = ctx.slack.bodies('chat.postMessage').length;
    expectIntroduction().expect('chat.postMessage').expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pickOf[CHOSEN]! }));
    ctx.slack.assertDone();

    const requester = '経産 &lt;!channel&gt; 太郎';
    expect(dmsTo(SECOND).map((body) => body.text)).toEqual([en.introductions.notChosen(requester, escapedTopic)]);
    expect(dmsTo(THIRD).map((body) => body.text)).toEqual([ja.introductions.notChosen(requester, escapedTopic)]);
    const newToChosen = ctx.slack.bodies('chat.postMessage').slice(before).filter((body) => body.channel === CHOSEN);
    expect(newToChosen.map((body) => body.text)).toEqual([en.introductions.pickedYou(requester)]);
    for (const body of [...dmsTo(SECOND), ...dmsTo(THIRD)]) expect(body.text).not.toContain('<!channel>');
  });

  it('a pick delivered twice to two instances at once while Slack takes 300 ms thanks each of the others once', async () => {
    const { pickOf } = await openRequestWithVolunteers();
    const second = createTestApp(ctx.database);
    expectIntroduction(300).expect('chat.postMessage').expect('chat.postMessage').expectResponse();
    const pick = blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pickOf[CHOSEN]! });
    await Promise.all([ctx.harness.send(pick), second.send(pick)]);
    expect(ctx.slack.bodies('response_url').at(-1)).toMatchObject({ text: ja.introductions.alreadyDecided });
    expect(dmsTo(SECOND)).toHaveLength(1);
    expect(dmsTo(THIRD)).toHaveLength(1);
    ctx.slack.assertDone();

    // Slack retries the click later, and both workers sweep: still nothing new.
    ctx.slack.expectResponse();
    await second.send(pick);
    await Promise.all([ctx.harness.deps.deliveries.runDue(), second.deps.deliveries.runDue()]);
    ctx.slack.assertDone();
    const notices = await ctx.database.db.select().from(deliveries);
    expect(notices.filter((row) => row.kind === 'introduction.not_chosen').map((row) => row.status)).toEqual(['sent', 'sent']);
  });

  it('nobody is thanked when the only volunteer is chosen', async () => {
    const { pickOf } = await openRequestWithVolunteers([CHOSEN]);
    expectIntroduction();
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pickOf[CHOSEN]! }));
    await ctx.harness.deps.deliveries.runDue();
    ctx.slack.assertDone();
    expect((await ctx.database.db.select().from(deliveries)).filter((row) => row.kind === 'introduction.not_chosen')).toEqual([]);
  });
});
