import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, PROFILE_FIELDS, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { profileInput } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { appHomeOpened, blockAction, globalShortcut, slashCommand } from '../helpers/payloads';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const OTHER = 'U0OTHER';
const NEWCOMER = 'U0NEWCOMER';
const GUEST = 'U0GUEST';
/** 20:00 UTC on the 24th is 05:00 on the 25th in Japan: "today" is the 25th. */
const NOW = new Date('2026-11-24T20:00:00Z');

const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'en-US' },
    [OTHER]: { email: 'other@fund.example', locale: 'ja-JP' },
    [NEWCOMER]: { email: 'new@fund.example', locale: 'en-US' },
    [GUEST]: { email: 'guest@fund.example', locale: 'en-US', slack: { is_restricted: true } },
  },
  now: NOW,
});

const repos = () => createRepositories(ctx.database.db);

/** An approved alumnus, registered the way members register, then marked unavailable until `until`. */
async function addAlumnus(slackUserId: string, until: string | null, profile: Partial<ProfileInput> = {}) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId, standing: 'member', email: `${slackUserId.toLowerCase()}@example.org`, realName: null, locale: 'en' },
    profileInput({ name: `Name of ${slackUserId}`, topics: ['renewable_energy'], ...profile }),
  );
  return repos().members.update(member.id, { status: 'active', unavailableUntil: until });
}

const homeOf = (index = 0) => JSON.stringify(ctx.slack.bodies('views.publish')[index]?.view ?? null);
const find = (text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text }));
const clickOnHome = (user: string, value?: string) =>
  ctx.harness.send(blockAction({ user, actionId: ACTIONS.clearUnavailable, from: 'home', ...(value ? { value } : {}) }));

/** The same click from inside the open profile modal (Slack sends the modal's id and hash). */
function clickInModal(user: string, typed: Record<string, unknown> = {}) {
  const payload = blockAction({ user, actionId: ACTIONS.clearUnavailable, from: 'home' });
  return ctx.harness.send({
    ...payload,
    container: { type: 'view', view_id: 'V0PROFILE' },
    view: {
      id: 'V0PROFILE',
      type: 'modal',
      callback_id: VIEWS.profile,
      hash: '1700000000.hash',
      private_metadata: '',
      blocks: [],
      state: { values: typed },
    },
  });
}

describe('"unavailable until" on the App Home', () => {
  it('is shown while the date is today or later in Japan, and not once it has passed there', async () => {
    const member = await addAlumnus(ALUMNA, '2026-11-25');
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ALUMNA }));
    expect(homeOf(0)).toContain(en.availability.notice('2026-11-25'));
    expect(homeOf(0)).toContain(ACTIONS.clearUnavailable);

    // The 24th is still today in UTC, but has passed in Japan, which is what search counts.
    await repos().members.update(member.id, { unavailableUntil: '2026-11-24' });
    ctx.slack.expect('views.publish');
    await ctx.harness.send(appHomeOpened({ user: ALUMNA }));
    expect(homeOf(1)).not.toContain(ACTIONS.clearUnavailable);
    ctx.slack.assertDone();
  });

  it('"Available again" clears it, redraws the Home without it, records it, and staff find the member at once', async () => {
    const member = await addAlumnus(ALUMNA, '2027-03-31', { name: 'Hanako Renewables' });
    expect(JSON.stringify(await find('再エネ'))).not.toContain('Hanako Renewables');

    ctx.slack.expect('views.publish');
    await clickOnHome(ALUMNA);

    expect((await repos().members.findById(member.id))?.unavailableUntil).toBeNull();
    const [published] = ctx.slack.bodies('views.publish');
    expect(published?.user_id).toBe(ALUMNA);
    expect(homeOf(0)).toContain(en.home.editProfile);
    expect(homeOf(0)).not.toContain(ACTIONS.clearUnavailable);
    const audit = (await repos().audit.listForMember(member.id)).filter((event) => event.action === 'member.available_again');
    expect(audit.map((event) => [event.actor, event.details])).toEqual([[ALUMNA, { unavailableUntil: '2027-03-31' }]]);
    expect(JSON.stringify(await find('再エネ'))).toContain('Hanako Renewables');
    ctx.slack.assertDone();
  });

  it('a second click (or a retry) changes nothing more and just redraws the Home', async () => {
    const member = await addAlumnus(ALUMNA, '2027-03-31');
    ctx.slack.expect('views.publish').expect('views.publish');
    await clickOnHome(ALUMNA);
    await clickOnHome(ALUMNA);

    expect((await repos().members.findById(member.id))?.unavailableUntil).toBeNull();
    expect((await repos().audit.listForMember(member.id)).filter((event) => event.action === 'member.available_again')).toHaveLength(1);
    expect(homeOf(1)).not.toContain(ACTIONS.clearUnavailable);
    ctx.slack.assertDone();
  });

  it('two clicks at the same moment clear it once', async () => {
    const member = await addAlumnus(ALUMNA, '2027-03-31');
    ctx.slack.expect('views.publish').expect('views.publish');
    await Promise.all([clickOnHome(ALUMNA), clickOnHome(ALUMNA)]);
    expect((await repos().audit.listForMember(member.id)).filter((event) => event.action === 'member.available_again')).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('a click carrying another member’s ID clears only the clicker’s own date', async () => {
    const other = await addAlumnus(OTHER, '2027-03-31');
    const own = await addAlumnus(ALUMNA, '2027-01-15');
    ctx.slack.expect('views.publish');
    await clickOnHome(ALUMNA, other.id);

    expect((await repos().members.findById(other.id))?.unavailableUntil).toBe('2027-03-31');
    expect((await repos().members.findById(own.id))?.unavailableUntil).toBeNull();
    ctx.slack.assertDone();
  });

  it('someone without a profile who sends the click changes nothing and just gets their Home', async () => {
    const other = await addAlumnus(OTHER, '2027-03-31');
    ctx.slack.expect('views.publish');
    await clickOnHome(NEWCOMER, other.id);

    expect((await repos().members.findById(other.id))?.unavailableUntil).toBe('2027-03-31');
    expect(homeOf(0)).toContain(en.home.createProfile);
    expect(await repos().audit.listForMember(other.id)).not.toContainEqual(expect.objectContaining({ action: 'member.available_again' }));
    ctx.slack.assertDone();
  });

  it('an account that takes no part (a guest) is told why, and nothing changes', async () => {
    const guestMember = await addAlumnus(GUEST, '2027-03-31');
    ctx.slack.expect('chat.postMessage');
    await clickOnHome(GUEST);

    expect((await repos().members.findById(guestMember.id))?.unavailableUntil).toBe('2027-03-31');
    expect(ctx.slack.bodies('chat.postMessage')[0]?.channel).toBe(GUEST);
    ctx.slack.assertDone();
  });
});

describe('"unavailable until" in the profile modal', () => {
  it('is shown near the top of the modal when it opens', async () => {
    await addAlumnus(OTHER, '2027-03-31');
    expectModalFlow(ctx.slack);
    await ctx.harness.send(globalShortcut({ user: OTHER, callbackId: SHORTCUTS.editProfile }));
    const opened = { view: filledModal(ctx.slack) };
    const blocks = opened?.view.blocks;
    expect(blocks[1].text.text).toBe(ja.availability.notice('2027-03-31'));
    expect(blocks[1].accessory).toMatchObject({ action_id: ACTIONS.clearUnavailable, text: { text: ja.availability.availableAgain } });
    ctx.slack.assertDone();
  });

  it('"Available again" there clears it and updates that modal in place, same inputs, and the Home', async () => {
    const member = await addAlumnus(ALUMNA, '2027-03-31');
    ctx.slack.expect('views.update').expect('views.publish');
    await clickInModal(ALUMNA, { [PROFILE_FIELDS.name]: { [PROFILE_FIELDS.name]: { type: 'plain_text_input', value: 'Typed, not saved' } } });

    expect((await repos().members.findById(member.id))?.unavailableUntil).toBeNull();
    const [update] = ctx.slack.bodies('views.update');
    expect(update?.view_id).toBe('V0PROFILE');
    expect(update?.hash).toBe('1700000000.hash');
    expect(update?.view.callback_id).toBe(VIEWS.profile);
    expect(JSON.stringify(update?.view)).not.toContain(ACTIONS.clearUnavailable);
    // Every input keeps its block and action IDs, which is how Slack keeps what the user typed.
    const inputs = update?.view.blocks.filter((block: any) => block.type === 'input');
    expect(inputs.map((block: any) => block.block_id)).toEqual(expect.arrayContaining(Object.values(PROFILE_FIELDS)));
    for (const block of inputs) expect(block.element.action_id).toBe(block.block_id);
    expect(homeOf(0)).not.toContain(ACTIONS.clearUnavailable);
    ctx.slack.assertDone();
  });

  it('a second click in the modal is harmless too', async () => {
    await addAlumnus(ALUMNA, '2027-03-31');
    ctx.slack.expect('views.update').expect('views.publish').expect('views.update').expect('views.publish');
    await clickInModal(ALUMNA);
    await clickInModal(ALUMNA);
    expect(ctx.slack.bodies('views.update')).toHaveLength(2);
    ctx.slack.assertDone();
  });
});
