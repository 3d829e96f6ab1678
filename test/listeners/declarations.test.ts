import { describe, expect, it } from 'vitest';
import { runDeclarationReminderSweep, runStaleReminderSweep } from '../../src/jobs/stale-reminders';
import { createRepositories } from '../../src/db/repositories';
import type { NewMemberRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { newPseudonym } from '../../src/services/profile';
import { ACTIONS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { createTestApp } from '../helpers/app';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';

const ALUMNA = 'U0ALUMNA';
const STAFF = 'U0STAFF';
const STAFF_EN = 'U0STAFFEN';
const SUPERVISOR = 'U0SUPERVISOR';
const ORGANIZER = 'U0ORGANIZER';
const GUEST_OFFICIAL = 'U0GUESTOFF';
const NOW = new Date('2026-11-24T09:00:00Z');
const THIRTEEN_MONTHS_AGO = new Date('2025-10-20T00:00:00Z');

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [STAFF]: { email: 'taro@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
    [STAFF_EN]: { email: 'jane@meti.go.jp', locale: 'en-US', realName: 'Jane Staff' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US' },
    [SUPERVISOR]: { email: 'boss@meti.go.jp', locale: 'ja-JP', realName: '倫理 監督' },
    [GUEST_OFFICIAL]: { email: 'guest@meti.go.jp', slack: { is_restricted: true } },
  },
  organizers: [ORGANIZER],
  now: NOW,
});

const repos = () => createRepositories(ctx.database.db);

async function submitProfile(user: string, answers: ProfileAnswers = {}) {
  return ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.profile, values: profileState(answers) }));
}

const staffAnswers: ProfileAnswers = {
  memberType: 'staff',
  yearLeft: null,
  currentDivision: '資源エネルギー庁 省エネルギー課',
  officialDuties: ['subsidies', 'permits'],
  dutySectors: ['investment'],
  dutyOrganisations: 'Green Capital Partners\n東都電力',
  ethicsSupervisor: SUPERVISOR,
  // Typed in the alumni section by mistake: not kept for staff.
  coiRelations: [],
  coiDivisions: '省エネルギー課',
};

function member(overrides: Partial<NewMemberRow>): NewMemberRow {
  return {
    pseudonym: newPseudonym(),
    memberType: 'staff',
    status: 'active',
    name: 'Someone',
    profileConfirmedAt: NOW,
    ...overrides,
  };
}

const insert = (overrides: Partial<NewMemberRow>) => repos().members.insert(member(overrides));

describe('staff declare their post in the profile form', () => {
  it('stores the declarations, confirmed now, and clears what only alumni declare', async () => {
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    const ack = await submitProfile(STAFF, { ...staffAnswers, monthLeft: '3' });
    expect(ack).toBeUndefined();

    const stored = await repos().members.findBySlackUserId(STAFF);
    expect(stored).toMatchObject({
      status: 'active',
      currentDivision: '資源エネルギー庁 省エネルギー課',
      officialDuties: ['subsidies', 'permits'],
      dutySectors: ['investment'],
      dutyOrganisations: 'Green Capital Partners\n東都電力',
      ethicsSupervisorSlackUserId: SUPERVISOR,
      coiRelations: [],
      coiDivisions: null,
      monthLeft: null,
      declarationsConfirmedAt: NOW,
    });
    ctx.slack.assertDone();
  });

  it('names the declarations that changed in the feedback', async () => {
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile(STAFF, staffAnswers);
    ctx.slack.expect('chat.postMessage').expect('views.publish');
    await submitProfile(STAFF, { ...staffAnswers, officialDuties: ['procurement'], currentDivision: '産業技術環境局 環境政策課' });

    const feedback = ctx.slack.bodies('chat.postMessage')[1]?.text;
    expect(feedback).toContain(ja.saveFeedback.fields.currentDivision);
    expect(feedback).toContain(ja.saveFeedback.fields.officialDuties);
    expect(feedback).not.toContain(ja.saveFeedback.fields.dutySectors);
    ctx.slack.assertDone();
  });

  it('refuses a forged matter or sector on its field, storing nothing', async () => {
    const ack = await submitProfile(STAFF, { ...staffAnswers, officialDuties: ['bribery'] });
    expect(ack.errors[PROFILE_FIELDS.officialDuties]).toBe(ja.validation.unknownChoice);
    const sector = await submitProfile(STAFF, { ...staffAnswers, dutySectors: ['nowhere'] });
    expect(sector.errors[PROFILE_FIELDS.dutySectors]).toBe(ja.validation.unknownChoice);
    expect(await repos().members.findBySlackUserId(STAFF)).toBeUndefined();
  });
});

describe('the ethics supervisor named in the profile', () => {
  it.each([
    ['an alumna (not on a staff address)', STAFF, ALUMNA, ja.validation.supervisorNotStaff],
    ['a guest account on a staff address', STAFF_EN, GUEST_OFFICIAL, en.validation.supervisorNotStaff],
    ['oneself', STAFF, STAFF, ja.validation.supervisorSelf],
  ])('refuses %s on the supervisor field, in the member’s language, storing nothing', async (_, user, supervisor, message) => {
    const ack = await submitProfile(user, { ...staffAnswers, ethicsSupervisor: supervisor });
    expect(ack).toEqual({ response_action: 'errors', errors: { [PROFILE_FIELDS.ethicsSupervisor]: message } });
    expect(await repos().members.findBySlackUserId(user)).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('is not checked for an alumna, whose supervisor is cleared anyway', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    expect(await submitProfile(ALUMNA, { ethicsSupervisor: ALUMNA })).toBeUndefined();
    expect(await repos().members.findBySlackUserId(ALUMNA)).toMatchObject({ ethicsSupervisorSlackUserId: null });
    ctx.slack.assertDone();
  });
});

describe('alumni declare their employer’s relations with the ministry', () => {
  it('stores the relations, divisions and month left; a ticked relation declares the conflict of interest; staff answers are cleared', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    const ack = await submitProfile(ALUMNA, {
      coi: 'yes',
      coiDescription: '',
      coiRelations: ['subsidy', 'bid'],
      coiDivisions: '資源エネルギー庁 省エネルギー課',
      monthLeft: '3',
      currentDivision: 'typed by mistake',
      officialDuties: ['permits'],
      ethicsSupervisor: SUPERVISOR,
    });
    expect(ack).toBeUndefined();

    expect(await repos().members.findBySlackUserId(ALUMNA)).toMatchObject({
      coiDeclared: true,
      coiDescription: null,
      coiRelations: ['subsidy', 'bid'],
      coiDivisions: '資源エネルギー庁 省エネルギー課',
      yearLeft: 2018,
      monthLeft: 3,
      currentDivision: null,
      officialDuties: [],
      ethicsSupervisorSlackUserId: null,
      declarationsConfirmedAt: null,
    });
    ctx.slack.assertDone();
  });

  it.each([
    ['a relation ticked while answering no', { coi: 'no' as const, coiRelations: ['contract'] }, PROFILE_FIELDS.coi, ja.declarations.validation.coiRelationsContradict],
    ['a month without the year', { yearLeft: null, monthLeft: '4' }, PROFILE_FIELDS.monthLeft, ja.declarations.validation.monthWithoutYear],
    ['a forged month', { monthLeft: '13' }, PROFILE_FIELDS.monthLeft, ja.declarations.validation.monthRange],
    ['a forged relation', { coi: 'yes' as const, coiRelations: ['gift'] }, PROFILE_FIELDS.coiRelations, ja.validation.unknownChoice],
    ['"yes" with neither a relation nor a description', { coi: 'yes' as const, coiDescription: '' }, PROFILE_FIELDS.coiDescription, ja.validation.coiDescriptionRequired],
  ])('%s is refused on its field and nothing is stored', async (_case, answers, blockId, message) => {
    const ack = await submitProfile(ALUMNA, answers as ProfileAnswers);
    expect(ack.response_action).toBe('errors');
    expect(ack.errors[blockId]).toBe(message);
    expect(await repos().members.findBySlackUserId(ALUMNA)).toBeUndefined();
  });
});

describe('a declined applicant who submits again', () => {
  it('asks again without the old decline reason', async () => {
    await repos().members.insert(
      member({
        slackUserId: ALUMNA,
        memberType: 'alumni',
        status: 'declined',
        declineReason: 'Please tell us your former division.',
        decidedAt: new Date('2026-11-01T00:00:00Z'),
        decidedBySlackUserId: ORGANIZER,
      }),
    );
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    await submitProfile(ALUMNA);
    expect(await repos().members.findBySlackUserId(ALUMNA)).toMatchObject({ status: 'pending', declineReason: null, decidedAt: null });
  });
});

describe('the yearly confirmation of staff declarations', () => {
  it('DMs active staff confirmed over 12 months ago, or never, once each in their language, with Confirm as is / Edit', async () => {
    await insert({ slackUserId: STAFF, locale: 'ja', declarationsConfirmedAt: THIRTEEN_MONTHS_AGO });
    await insert({ slackUserId: STAFF_EN, locale: 'en', declarationsConfirmedAt: null });
    await insert({ slackUserId: 'U0FRESH', declarationsConfirmedAt: new Date('2026-06-01T00:00:00Z') });
    await insert({ slackUserId: 'U0ALUMNUS', memberType: 'alumni', declarationsConfirmedAt: null });
    await insert({ slackUserId: 'U0GONE', status: 'declined', declarationsConfirmedAt: null });
    await insert({ slackUserId: 'U0DEACTIVATED', slackStanding: 'deactivated', declarationsConfirmedAt: null });
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');

    expect(await runDeclarationReminderSweep(ctx.harness.deps)).toEqual({ reminders: 2, outcome: 'sent' });
    expect(await runDeclarationReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });
    ctx.harness.setNow(new Date(NOW.getTime() + 7 * 86_400_000));
    expect(await runDeclarationReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });

    const dms = ctx.slack.bodies('chat.postMessage');
    expect(dms.map((dm) => [dm.channel, dm.text]).sort()).toEqual(
      [
        [STAFF, ja.declarations.reminder.text(12)],
        [STAFF_EN, en.declarations.reminder.text(12)],
      ].sort(),
    );
    expect(dms[0]?.blocks.at(-1).elements.map((element: any) => element.action_id)).toEqual([ACTIONS.confirmDeclarations, ACTIONS.openProfileModal]);
    // The stale-profile sweep is its own: these profiles are fresh.
    expect(await runStaleReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });
    ctx.slack.assertDone();
  });

  it('with several instances sweeping at once, each staff member is asked once', async () => {
    for (let index = 0; index < 8; index++) await insert({ slackUserId: `U0STAFF${index}`, declarationsConfirmedAt: null });
    for (let index = 0; index < 8; index++) ctx.slack.expect('chat.postMessage');
    const instances = [ctx.harness, createTestApp(ctx.database, { now: NOW }), createTestApp(ctx.database, { now: NOW })];

    const results = await Promise.all(instances.map((instance) => runDeclarationReminderSweep(instance.deps)));
    expect(results.reduce((sum, result) => sum + result.reminders, 0)).toBe(8);
    expect(new Set(ctx.slack.bodies('chat.postMessage').map((body) => body.channel)).size).toBe(8);
    ctx.slack.assertDone();
  });

  it('Confirm as is records the confirmation (twice is harmless), and the next reminder comes a year later', async () => {
    const staff = await insert({ slackUserId: STAFF, declarationsConfirmedAt: THIRTEEN_MONTHS_AGO });
    ctx.slack.expect('chat.postMessage');
    await runDeclarationReminderSweep(ctx.harness.deps);

    ctx.slack.expectResponse().expectResponse();
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.confirmDeclarations }));
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.confirmDeclarations }));
    expect((await repos().members.findById(staff.id))?.declarationsConfirmedAt).toEqual(NOW);
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: ja.declarations.reminder.confirmed, replace_original: true });
    expect(await runDeclarationReminderSweep(ctx.harness.deps)).toEqual({ reminders: 0, outcome: 'sent' });

    ctx.harness.setNow(new Date('2027-12-01T00:00:00Z'));
    ctx.slack.expect('chat.postMessage');
    expect(await runDeclarationReminderSweep(ctx.harness.deps)).toEqual({ reminders: 1, outcome: 'sent' });
    ctx.slack.assertDone();
  });

  it('a reminder recorded before the staff member confirmed is not sent', async () => {
    await insert({ slackUserId: STAFF, declarationsConfirmedAt: null });
    ctx.slack.expect('chat.postMessage', { ok: false, error: 'ratelimited' });
    expect(await runDeclarationReminderSweep(ctx.harness.deps)).toEqual({ reminders: 1, outcome: 'queued' });
    ctx.harness.setNow(new Date(NOW.getTime() + 1_000));
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: STAFF, actionId: ACTIONS.confirmDeclarations }));
    ctx.harness.setNow(new Date(NOW.getTime() + 120_000));
    expect([...(await ctx.harness.deps.deliveries.runDue()).values()]).toEqual(['sent']);
    ctx.slack.assertDone();
  });

  it('a forged Confirm from an alumnus changes nothing', async () => {
    const alumnus = await insert({ slackUserId: ALUMNA, memberType: 'alumni', declarationsConfirmedAt: null });
    ctx.slack.expectResponse();
    await ctx.harness.send(blockAction({ user: ALUMNA, actionId: ACTIONS.confirmDeclarations }));
    expect((await repos().members.findById(alumnus.id))?.declarationsConfirmedAt).toBeNull();
    expect(ctx.slack.bodies('response_url')[0]).toMatchObject({ text: ja.declarations.reminder.notStaff });
  });
});
