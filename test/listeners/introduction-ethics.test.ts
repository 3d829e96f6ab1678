import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, introductionRequests, members, type MemberRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { exportIntroductionRecord } from '../../src/services/introduction-record';
import { saveProfile } from '../../src/services/profile';
import type { ProfileInput } from '../../src/services/profile-rules';
import { ACTIONS, COMMANDS, INTRODUCTION_ETHICS_FIELDS, INTRODUCTION_FIELDS, VIEWS } from '../../src/slack/ids';
import { REQUESTS_CHANNEL } from '../helpers/app';
import { memberRow, profileInput } from '../helpers/factories';
import { introductionFormValues } from '../helpers/introduction-form';
import { setupListenerTest } from '../helpers/listener-test';
import { expectModalFlow, filledModal } from '../helpers/modal-flow';
import { blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { assertValidMessage, assertValidModal } from '../helpers/slack-limits';

const STAFF = 'U0STAFF';
const ALUMNA = 'U0ALUMNA';
const SUPERVISOR = 'U0SUPERVISOR';
const DIVISION = '資源エネルギー庁 新エネルギー課';
/** An organizer who is an alumnus: asks as staff do, but holds no post. */
const ORGANIZER_ALUMNUS = 'U0ORGALUM';

// Staff reads Japanese; the alumna and the supervisor read English. The clock: 2026-11-24.
const ctx = setupListenerTest({
  users: {
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
    [ALUMNA]: { email: 'alumna@fund.example', locale: 'en-US', realName: 'Hanako Sato' },
    [SUPERVISOR]: { email: 'boss@meti.go.jp', locale: 'en-US', realName: 'Ethics Supervisor' },
    [ORGANIZER_ALUMNUS]: { email: 'organizer@alumni.example', locale: 'ja-JP', realName: '卒業 次郎' },
  },
  organizers: [ORGANIZER_ALUMNUS],
});

const e = ja.introductionEthics;

/** The requester's own profile with their declarations. */
async function givenStaff(declarations: Partial<MemberRow>) {
  await ctx.database.db
    .insert(members)
    .values(memberRow({ slackUserId: STAFF, email: 'staff@meti.go.jp', memberType: 'staff', name: '経産 太郎', ...declarations }));
}

/** An approved alumna who answered `profile`, with the ethics declarations in `declarations`. */
async function givenAlumna(declarations: Partial<MemberRow>, profile: Partial<ProfileInput> = {}) {
  const { member } = await saveProfile(
    ctx.harness.deps.services,
    { slackUserId: ALUMNA, standing: 'member', email: 'alumna@fund.example', realName: null, locale: 'en' },
    profileInput({ name: 'Hanako Sato', organisation: 'Green Fund', topics: ['renewable_energy'], ...profile }),
  );
  await createRepositories(ctx.database.db).members.update(member.id, { status: 'active', ...declarations });
  return member.id;
}

/** The alumna's employer has a contract with the staff member's division, which handles procurement. */
const INTERESTED = {
  staff: { currentDivision: DIVISION, officialDuties: ['procurement'], ethicsSupervisorSlackUserId: SUPERVISOR },
  alumna: { coiRelations: ['contract'], coiDivisions: '新エネルギー課' },
};

async function openAskModal(user = STAFF): Promise<any> {
  const results = await ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: user, text: '再エネ' }));
  const ask = results.blocks
    .filter((block: any) => block.type === 'section' && block.accessory?.action_id === ACTIONS.askIntroduction)
    .map((block: any) => block.accessory)[0];
  expectModalFlow(ctx.slack);
  await ctx.harness.send(blockAction({ user, actionId: ACTIONS.askIntroduction, value: ask.value }));
  return filledModal(ctx.slack);
}

function ethicsValues(options: { ack?: boolean; notify?: boolean; supervisor?: string | null }) {
  const f = INTRODUCTION_ETHICS_FIELDS;
  return {
    [f.acknowledged]: { [f.acknowledged]: { type: 'checkboxes', selected_options: options.ack ? [{ value: 'ethics_acknowledged' }] : [] } },
    [f.notifySupervisor]: { [f.notifySupervisor]: { type: 'checkboxes', selected_options: options.notify ? [{ value: 'notify_supervisor' }] : [] } },
    [f.supervisor]: { [f.supervisor]: { type: 'users_select', selected_user: options.supervisor ?? null } },
  };
}

const submit = (metadata: string, values: Record<string, unknown>) =>
  ctx.harness.send(viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: metadata, values }));

const ethicsBlockIds = (view: any) =>
  view.blocks.map((block: any) => block.block_id).filter((id: string | undefined) => Object.values(INTRODUCTION_ETHICS_FIELDS).includes(id as never));

async function requestRows() {
  return ctx.database.db.select().from(introductionRequests);
}

describe('the interested-party check on an introduction', () => {
  it('adds nothing where nothing matches: no notice, no acknowledgement, nothing recorded', async () => {
    await givenStaff({ currentDivision: '製造産業局 素材産業課', officialDuties: ['subsidies'], ethicsSupervisorSlackUserId: SUPERVISOR });
    await givenAlumna({ coiRelations: ['contract'], coiDivisions: DIVISION, formerDivisions: '通商政策局', yearLeft: 2026, monthLeft: 3 });
    const view = await openAskModal();
    expect(ethicsBlockIds(view)).toEqual([]);
    expect(JSON.stringify(view.blocks)).not.toContain(e.notLegalAdvice);
    expect(JSON.parse(view.private_metadata)).not.toHaveProperty('e');

    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');
    expect(await submit(view.private_metadata, introductionFormValues({ division: '製造産業局 素材産業課' }))).toBeUndefined();
    const [request] = await requestRows();
    expect(request).toMatchObject({ ethicsNotices: [], ethicsMatch: null, ethicsAcknowledgedAt: null, ethicsSupervisorSlackUserId: null });
    const [toAlumna] = ctx.slack.bodies('chat.postMessage');
    expect(JSON.stringify(toAlumna!.blocks)).not.toContain(en.introductionEthics.notLegalAdvice);
    ctx.slack.assertDone();
  });

  it('shows what matched and the rules, requires the acknowledgement, and offers the declared supervisor', async () => {
    await givenStaff(INTERESTED.staff);
    await givenAlumna(INTERESTED.alumna);
    const view = await openAskModal();
    assertValidModal(view);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ e: ['interested_party'] });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(JSON.stringify(e.interestedParty(e.matchedDivision('新エネルギー課'))).slice(1, -1));
    expect(text).toContain('国家公務員倫理規程');
    expect(text).toContain(e.notLegalAdvice);
    expect(ethicsBlockIds(view)).toEqual([
      INTRODUCTION_ETHICS_FIELDS.acknowledged,
      INTRODUCTION_ETHICS_FIELDS.notifySupervisor,
      INTRODUCTION_ETHICS_FIELDS.supervisor,
    ]);
    const supervisor = view.blocks.find((block: any) => block.block_id === INTRODUCTION_ETHICS_FIELDS.supervisor);
    expect(supervisor.element).toMatchObject({ type: 'users_select', initial_user: SUPERVISOR });

    // Not acknowledged (a forged submission: Slack requires the box), or "tell my supervisor" with nobody chosen.
    expect(await submit(view.private_metadata, { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ notify: true }) })).toEqual({
      response_action: 'errors',
      errors: {
        [INTRODUCTION_ETHICS_FIELDS.acknowledged]: e.errors.ackRequired,
        [INTRODUCTION_ETHICS_FIELDS.supervisor]: e.errors.supervisorRequired,
      },
    });
    expect(await submit(view.private_metadata, { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true, notify: true, supervisor: STAFF }) })).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_ETHICS_FIELDS.supervisor]: e.errors.supervisorSelf },
    });
    // The DM names the alumna and her employer: an alumna (or a guest) cannot be the supervisor told.
    expect(await submit(view.private_metadata, { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true, notify: true, supervisor: ALUMNA }) })).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_ETHICS_FIELDS.supervisor]: e.errors.supervisorNotStaff },
    });
    expect(await requestRows()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('records the acknowledgement, reminds the alumna of her side and tells the supervisor in their language, through the outbox', async () => {
    await givenStaff(INTERESTED.staff);
    const alumnaId = await givenAlumna(INTERESTED.alumna);
    const view = await openAskModal();
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('chat.postMessage');
    const values = { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true, notify: true, supervisor: SUPERVISOR }) };
    expect(await submit(view.private_metadata, values)).toBeUndefined();

    const [request] = await requestRows();
    expect(request).toMatchObject({
      ethicsNotices: ['interested_party'],
      ethicsMatch: { interestedParty: { by: 'division', division: '新エネルギー課' } },
      ethicsAcknowledgedAt: new Date('2026-11-24T09:00:00Z'),
      ethicsSupervisorSlackUserId: SUPERVISOR,
      // When the supervisor's DM was delivered: the record's "notified" reads it.
      ethicsSupervisorNotifiedAt: new Date('2026-11-24T09:00:00Z'),
    });
    const [toAlumna, toStaff, toSupervisor] = ctx.slack.bodies('chat.postMessage');
    expect(toAlumna!.channel).toBe(ALUMNA);
    expect(JSON.stringify(toAlumna!.blocks)).toContain(JSON.stringify(en.introductionEthics.alumnusInterestedParty).slice(1, -1));
    // What matched, in the alumna's language.
    expect(JSON.stringify(toAlumna!.blocks)).toContain(JSON.stringify(en.ethicsMatch.alumnusMatched(en.ethicsMatch.division('新エネルギー課'))).slice(1, -1));
    expect(toStaff).toMatchObject({ channel: STAFF, text: ja.introductions.sent('Hanako Sato') });
    expect(toSupervisor!.channel).toBe(SUPERVISOR);
    assertValidMessage(toSupervisor!.blocks, toSupervisor!.text);
    const facts = JSON.stringify(toSupervisor!.blocks);
    expect(toSupervisor!.text).toBe(en.introductionEthics.supervisorText(`経産 太郎 (<@${STAFF}>)`));
    expect(facts).toContain('Hanako Sato (Green Fund)');
    expect(facts).toContain(en.introductionEthics.supervisorTopic('再エネ'));
    expect(facts).toContain(en.introductionEthics.noticeNames.interested_party);
    // What matched, in the supervisor's language (English), not the requester's.
    expect(facts).toContain(JSON.stringify(en.introductionEthics.supervisorMatched(en.ethicsMatch.division('新エネルギー課'))).slice(1, -1));
    const [event] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'introduction.requested'));
    expect(event).toMatchObject({ subjectMemberId: alumnaId, details: { ethicsNotices: ['interested_party'], supervisorNotified: true } });
    ctx.slack.assertDone();
  });

  it('the organizers’ rule texts (ETHICS_TEXTS_FILE) reach the alumna’s DM and the supervisor’s, in each one’s language', async () => {
    const config = ctx.harness.deps.config as { ethicsTexts?: unknown };
    config.ethicsTexts = { en: { alumnusInterestedParty: 'Custom reminder: no gifts.', notLegalAdvice: 'Ask the ethics office (ext. 1234).' } };
    try {
      await givenStaff(INTERESTED.staff);
      await givenAlumna(INTERESTED.alumna);
      const view = await openAskModal();
      ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('chat.postMessage');
      const values = { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true, notify: true, supervisor: SUPERVISOR }) };
      expect(await submit(view.private_metadata, values)).toBeUndefined();

      const [toAlumna, , toSupervisor] = ctx.slack.bodies('chat.postMessage');
      const alumnaSees = JSON.stringify(toAlumna!.blocks);
      expect(alumnaSees).toContain('Custom reminder: no gifts.');
      expect(alumnaSees).toContain('Ask the ethics office (ext. 1234).');
      expect(alumnaSees).not.toContain(JSON.stringify(en.introductionEthics.alumnusInterestedParty).slice(1, -1));
      expect(JSON.stringify(toSupervisor!.blocks)).toContain('Ask the ethics office (ext. 1234).');
      ctx.slack.assertDone();
    } finally {
      config.ethicsTexts = undefined;
    }
  });

  it('a supervisor Slack cannot reach: the requester is told, and the record says failed', async () => {
    await givenStaff(INTERESTED.staff);
    await givenAlumna(INTERESTED.alumna);
    const view = await openAskModal();
    ctx.slack
      .expect('chat.postMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage', { ok: false, error: 'channel_not_found' })
      .expect('chat.postMessage');
    const values = { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true, notify: true, supervisor: SUPERVISOR }) };
    expect(await submit(view.private_metadata, values)).toBeUndefined();

    const told = ctx.slack.bodies('chat.postMessage').at(-1)!;
    expect(told.channel).toBe(STAFF);
    expect(told.text).toBe(ja.deliveries.failedNotice(ja.deliveries.what['introduction.notice'], 'channel_not_found'));
    const [request] = await requestRows();
    expect(request).toMatchObject({ ethicsSupervisorSlackUserId: SUPERVISOR, ethicsSupervisorNotifiedAt: null });
    const { csv } = await exportIntroductionRecord(ctx.harness.deps.services, { by: { commandLine: true } });
    expect(csv).toContain(',failed,pending,');
    ctx.slack.assertDone();
  });

  it('acknowledged without telling the supervisor: recorded, and no DM to anyone else', async () => {
    await givenStaff(INTERESTED.staff);
    await givenAlumna(INTERESTED.alumna);
    const view = await openAskModal();
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');
    // The supervisor picker keeps its prefill; the box is not ticked.
    const values = { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true, supervisor: SUPERVISOR }) };
    expect(await submit(view.private_metadata, values)).toBeUndefined();
    const [request] = await requestRows();
    expect(request).toMatchObject({ ethicsNotices: ['interested_party'], ethicsSupervisorSlackUserId: null });
    expect(request!.ethicsAcknowledgedAt).not.toBeNull();
    expect(ctx.slack.bodies('chat.postMessage').map((body) => body.channel)).toEqual([ALUMNA, STAFF]);
    ctx.slack.assertDone();
  });
});

describe('the post-retirement rule on an introduction', () => {
  it('flags an alumna who left less than two years ago on a request from her former division, both sides', async () => {
    await givenStaff({ currentDivision: DIVISION });
    await givenAlumna({ formerDivisions: '新エネルギー課\n通商政策局', yearLeft: 2025, monthLeft: 4 });
    const view = await openAskModal();
    expect(JSON.parse(view.private_metadata)).toMatchObject({ e: ['post_retirement'] });
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(JSON.stringify(e.postRetirement('新エネルギー課', 2, '2027年4月末')).slice(1, -1));
    expect(text).toContain('再就職等監察官');

    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');
    expect(await submit(view.private_metadata, { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({ ack: true }) })).toBeUndefined();
    const [request] = await requestRows();
    expect(request).toMatchObject({ ethicsNotices: ['post_retirement'], ethicsMatch: { postRetirement: { division: '新エネルギー課', until: '2027-04' } } });
    const [toAlumna] = ctx.slack.bodies('chat.postMessage');
    expect(JSON.stringify(toAlumna!.blocks)).toContain(JSON.stringify(en.introductionEthics.alumnusPostRetirement(2)).slice(1, -1));
    ctx.slack.assertDone();
  });

  it('no reminder once the period is over', async () => {
    await givenStaff({ currentDivision: DIVISION });
    await givenAlumna({ formerDivisions: '新エネルギー課', yearLeft: 2024, monthLeft: 10 });
    const view = await openAskModal();
    expect(ethicsBlockIds(view)).toEqual([]);
  });

  it('re-checks at submission: a division typed that now calls for a notice shows it to acknowledge, and sends nothing', async () => {
    // No declarations: nothing applies when the form opens, but the division typed is her former one.
    await givenStaff({});
    await givenAlumna({ formerDivisions: '新エネルギー課', yearLeft: 2025, monthLeft: 4 });
    const view = await openAskModal();
    expect(ethicsBlockIds(view)).toEqual([]);

    const ack = await submit(view.private_metadata, introductionFormValues({ division: DIVISION }));
    expect(ack.response_action).toBe('update');
    assertValidModal(ack.view);
    expect(JSON.parse(ack.view.private_metadata)).toMatchObject({ e: ['post_retirement'] });
    expect(JSON.stringify(ack.view.blocks)).toContain(JSON.stringify(e.changed).slice(1, -1));
    expect(ethicsBlockIds(ack.view)).toContain(INTRODUCTION_ETHICS_FIELDS.acknowledged);
    // What was typed stays: the same block IDs, and the division as typed.
    const division = ack.view.blocks.find((block: any) => block.block_id === INTRODUCTION_FIELDS.requesterDivision);
    expect(division.element.initial_value).toBe(DIVISION);
    expect(await requestRows()).toEqual([]);

    // A modal that showed a notice, sent again unticked (forged: Slack requires it), is refused on the field.
    expect(await submit(ack.view.private_metadata, { ...introductionFormValues({ division: DIVISION }), ...ethicsValues({}) })).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_ETHICS_FIELDS.acknowledged]: e.errors.ackRequired },
    });
    expect(await requestRows()).toEqual([]);
    ctx.slack.assertDone();
  });
});

describe('a returnee asking', () => {
  it('gets their declared division prefilled, not their organisation (the ministry), so the ministry’s name raises no notice', async () => {
    await ctx.database.db.insert(members).values(
      memberRow({
        slackUserId: STAFF,
        email: 'staff@meti.go.jp',
        memberType: 'returnee',
        name: '経産 太郎',
        organisation: '経済産業省',
        currentDivision: '製造産業局 素材産業課',
        yearLeft: 2020,
      }),
    );
    // She left "経済産業省 資源エネルギー庁" last year: the ministry's name alone would match it.
    await givenAlumna({ formerDivisions: '経済産業省 資源エネルギー庁', yearLeft: 2026, monthLeft: 3 });
    const view = await openAskModal();
    expect(ethicsBlockIds(view)).toEqual([]);
    const division = view.blocks.find((block: any) => block.block_id === INTRODUCTION_FIELDS.requesterDivision);
    expect(division.element.initial_value).toBe('製造産業局 素材産業課');
  });
});

describe('an organizer who is an alumnus asking', () => {
  it('is not checked as staff: no notice even with a division the alumna left less than two years ago, and none recorded', async () => {
    await ctx.database.db.insert(members).values(
      memberRow({ slackUserId: ORGANIZER_ALUMNUS, email: 'organizer@alumni.example', memberType: 'alumni', name: '卒業 次郎', organisation: 'Blue Energy' }),
    );
    await givenAlumna({ formerDivisions: '新エネルギー課', yearLeft: 2025, monthLeft: 4 });
    const view = await openAskModal(ORGANIZER_ALUMNUS);
    expect(ethicsBlockIds(view)).toEqual([]);

    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');
    const values = introductionFormValues({ division: DIVISION });
    expect(
      await ctx.harness.send(viewSubmission({ user: ORGANIZER_ALUMNUS, callbackId: VIEWS.introductionRequest, privateMetadata: view.private_metadata, values })),
    ).toBeUndefined();
    const [request] = await requestRows();
    expect(request).toMatchObject({ requesterSlackUserId: ORGANIZER_ALUMNUS, ethicsNotices: [], ethicsMatch: null });
    ctx.slack.assertDone();
  });
});

describe('the ethics check on an open request', () => {
  /** An open request by the staff member, volunteered for by the alumna: the "Choose" button she got. */
  async function givenVolunteerNotice(division = DIVISION): Promise<{ requestId: string; pick: any }> {
    const results = await ctx.harness.send(slashCommand({ command: COMMANDS.findExpert, user_id: STAFF, text: '宇宙開発' }));
    const open = results.blocks.filter((block: any) => block.type === 'actions').flatMap((block: any) => block.elements)
      .find((button: any) => button.action_id === ACTIONS.postOpenRequest);
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.postOpenRequest, value: open.value }));
    const view = filledModal(ctx.slack);
    // Nobody is known yet: the open request's form has no notice.
    expect(ethicsBlockIds(view)).toEqual([]);
    ctx.slack.expect('chat.postMessage', { channel: REQUESTS_CHANNEL, ts: '1800000000.000200' }).expect('chat.postMessage');
    expect(await submit(view.private_metadata, introductionFormValues({ division }))).toBeUndefined();
    const [request] = await requestRows();

    ctx.slack.expectResponse().expect('chat.postMessage').expect('chat.update');
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.offerHelp, value: request!.id }));
    const notice = ctx.slack.bodies('chat.postMessage').at(-1)!;
    const pick = notice.blocks.filter((block: any) => block.type === 'actions').flatMap((block: any) => block.elements)
      .find((button: any) => button.action_id === ACTIONS.pickVolunteer);
    return { requestId: request!.id, pick };
  }

  const submitPick = (metadata: string, values: Record<string, unknown>, user = STAFF) =>
    ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.pickVolunteerEthics, privateMetadata: metadata, values }));

  it('opens the notice to acknowledge before the pick, offers the supervisor, and picks nobody until it is submitted', async () => {
    await givenStaff(INTERESTED.staff);
    await givenAlumna(INTERESTED.alumna, { topics: ['dx'] });
    const { pick } = await givenVolunteerNotice();

    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    const view = filledModal(ctx.slack);
    assertValidModal(view);
    expect(view.callback_id).toBe(VIEWS.pickVolunteerEthics);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain(JSON.stringify(e.interestedParty(e.matchedDivision('新エネルギー課'))).slice(1, -1));
    expect(text).toContain(e.notLegalAdvice);
    expect(ethicsBlockIds(view)).toEqual([
      INTRODUCTION_ETHICS_FIELDS.acknowledged,
      INTRODUCTION_ETHICS_FIELDS.notifySupervisor,
      INTRODUCTION_ETHICS_FIELDS.supervisor,
    ]);
    expect(view.blocks.find((block: any) => block.block_id === INTRODUCTION_ETHICS_FIELDS.supervisor).element).toMatchObject({ initial_user: SUPERVISOR });
    expect(await requestRows()).toMatchObject([{ status: 'open', alumnusMemberId: null }]);

    // Not acknowledged (forged: Slack requires the box), or submitted by someone else: nothing is picked.
    expect(await submitPick(view.private_metadata, ethicsValues({ notify: true }))).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_ETHICS_FIELDS.acknowledged]: e.errors.ackRequired, [INTRODUCTION_ETHICS_FIELDS.supervisor]: e.errors.supervisorRequired },
    });
    expect(await submitPick(view.private_metadata, ethicsValues({ ack: true }), SUPERVISOR)).toEqual({
      response_action: 'errors',
      errors: { [INTRODUCTION_ETHICS_FIELDS.acknowledged]: en.introductions.notYours },
    });
    expect(await requestRows()).toMatchObject([{ status: 'open', ethicsAcknowledgedAt: null }]);
    ctx.slack.assertDone();
  });

  it('makes the pick on submission with the acknowledgement, tells the supervisor through the outbox, and a second submission changes nothing', async () => {
    await givenStaff(INTERESTED.staff);
    const alumnaId = await givenAlumna(INTERESTED.alumna, { topics: ['dx'] });
    const { pick } = await givenVolunteerNotice();
    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    const view = filledModal(ctx.slack);

    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0OPEN' } })
      .expect('chat.postMessage')
      .expect('chat.update')
      .expect('chat.postMessage')
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    const values = ethicsValues({ ack: true, notify: true, supervisor: SUPERVISOR });
    expect(await submitPick(view.private_metadata, values)).toBeUndefined();
    const [stored] = await requestRows();
    expect(stored).toMatchObject({
      status: 'accepted',
      alumnusMemberId: alumnaId,
      ethicsNotices: ['interested_party'],
      ethicsMatch: { interestedParty: { by: 'division', division: '新エネルギー課' } },
      ethicsAcknowledgedAt: new Date('2026-11-24T09:00:00Z'),
      ethicsSupervisorSlackUserId: SUPERVISOR,
      ethicsSupervisorNotifiedAt: new Date('2026-11-24T09:00:00Z'),
    });
    const sent = ctx.slack.bodies('chat.postMessage');
    const toAlumna = sent.find((body) => body.channel === ALUMNA)!;
    expect(toAlumna.text).toContain(en.introductions.pickedYou('経産 太郎'));
    expect(toAlumna.text).toContain(en.introductionEthics.alumnusInterestedParty);
    const toSupervisor = sent.at(-1)!;
    expect(toSupervisor.channel).toBe(SUPERVISOR);
    expect(JSON.stringify(toSupervisor.blocks)).toContain('Hanako Sato (Green Fund)');
    const [event] = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'introduction.matched'));
    expect(event).toMatchObject({ details: { ethicsNotices: ['interested_party'], supervisorNotified: true } });

    // The same modal submitted again (a double click, a second instance): closed, nothing sent again.
    expect(await submitPick(view.private_metadata, values)).toBeUndefined();
    expect(await requestRows()).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('a volunteer nothing applies to stays one click: picked at once, no modal, nothing to acknowledge', async () => {
    await givenStaff({ currentDivision: '製造産業局 素材産業課', officialDuties: ['subsidies'] });
    await givenAlumna({ coiRelations: ['contract'], coiDivisions: DIVISION }, { topics: ['dx'] });
    const { pick } = await givenVolunteerNotice('製造産業局 素材産業課');
    expect(JSON.parse(pick.value)).not.toHaveProperty('n');

    ctx.slack
      .expect('conversations.open', { channel: { id: 'G0OPEN' } })
      .expect('chat.postMessage')
      .expect('chat.update')
      .expect('chat.postMessage')
      .expect('chat.postMessage');
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    expect(await requestRows()).toMatchObject([{ status: 'accepted', ethicsNotices: [], ethicsAcknowledgedAt: null }]);
    ctx.slack.assertDone();
  });

  it('a notice that applies only since the button was made (declarations changed) is opened then, and nothing is picked', async () => {
    await givenStaff({ currentDivision: '製造産業局 素材産業課', officialDuties: ['procurement'] });
    await givenAlumna({ coiRelations: ['contract'], coiDivisions: DIVISION }, { topics: ['dx'] });
    const { pick } = await givenVolunteerNotice('製造産業局 素材産業課');
    expect(JSON.parse(pick.value)).not.toHaveProperty('n');
    await ctx.database.db.update(members).set({ currentDivision: DIVISION }).where(eq(members.slackUserId, STAFF));

    expectModalFlow(ctx.slack);
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.pickVolunteer, value: pick.value }));
    const view = filledModal(ctx.slack);
    expect(view.callback_id).toBe(VIEWS.pickVolunteerEthics);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ e: ['interested_party'] });
    expect(await requestRows()).toMatchObject([{ status: 'open', alumnusMemberId: null }]);
    ctx.slack.assertDone();
  });
});
