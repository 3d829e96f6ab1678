import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { events, introductionRequests } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { DECLINE_FIELDS, EVENT_FIELDS, INTRODUCTION_FIELDS, PROFILE_FIELDS, VIEWS } from '../../src/slack/ids';
import { ANNOUNCEMENTS_CHANNEL } from '../helpers/app';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { viewSubmission } from '../helpers/payloads';
import { profileState, type ProfileAnswers } from '../helpers/profile-state';
import { eventCostValues } from '../helpers/event-form';

const ALUMNA = 'U0ALUMNA';
const ALUMNUS = 'U0ALUMNUS';
const ORGANIZER = 'U0ORGANIZER';
const STAFF = 'U0STAFF';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ALUMNUS]: { email: 'jiro@fund.example', locale: 'en-US', realName: 'Jiro Sato' },
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'ja-JP', realName: '幹事 一郎' },
    [STAFF]: { email: 'taro@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
  },
  organizers: [ORGANIZER],
  now: new Date('2026-11-24T09:00:00Z'),
});

/** Only invisible characters: zero-width space, non-joiner, joiner, BOM, word joiner, and spaces. */
const INVISIBLE = ' \u200B\u200C\u200D\uFEFF\u2060\u3000';
const errors = (byBlock: Record<string, string>) => ({ response_action: 'errors', errors: byBlock });
const repos = () => createRepositories(ctx.database.db);

describe('the profile form', () => {
  const submit = (user: string, answers: ProfileAnswers) =>
    ctx.harness.send(viewSubmission({ user, callbackId: VIEWS.profile, values: profileState(answers) }));

  it('refuses a name of invisible characters only as missing, and stores nothing', async () => {
    expect(await submit(ALUMNA, { name: INVISIBLE })).toEqual(errors({ [PROFILE_FIELDS.name]: ja.validation.required }));
    expect(await repos().members.findBySlackUserId(ALUMNA)).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('refuses a NUL or another control character on its field, in the member’s language, instead of failing in the database', async () => {
    const ack = await submit(ALUMNA, { name: '山田\u0000花子', helpText: '話せます\u0007', organisation: 'Green\u007FCapital' });
    expect(ack).toEqual(
      errors({
        [PROFILE_FIELDS.name]: ja.input.controlCharacter,
        [PROFILE_FIELDS.helpText]: ja.input.controlCharacter,
        [PROFILE_FIELDS.organisation]: ja.input.controlCharacter,
      }),
    );
    const english = await submit(ALUMNUS, { name: 'Jiro Sato', coi: 'yes', coiDescription: 'Advises\u0085Acme' });
    expect(english).toEqual(errors({ [PROFILE_FIELDS.coiDescription]: en.input.controlCharacter }));
    expect(await repos().members.findBySlackUserId(ALUMNA)).toBeUndefined();
    expect(await repos().members.findBySlackUserId(ALUMNUS)).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('refuses a tab or line break in a one-line field, and keeps them in a field of several lines', async () => {
    expect(await submit(ALUMNA, { jobTitle: 'Partner\nAdvisor' })).toEqual(errors({ [PROFILE_FIELDS.jobTitle]: ja.input.lineBreak }));
    expect(await repos().members.findBySlackUserId(ALUMNA)).toBeUndefined();

    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    expect(await submit(ALUMNA, { helpText: '- 再エネ投資\n-\t系統接続' })).toBeUndefined();
    expect(await repos().members.findBySlackUserId(ALUMNA)).toMatchObject({ helpText: '- 再エネ投資\n-\t系統接続' });
    ctx.slack.assertDone();
  });

  it('stores optional text of invisible characters only as empty', async () => {
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
    expect(await submit(ALUMNA, { organisation: '\u200B', jobTitle: INVISIBLE, helpText: '\u2060\n\uFEFF', formerDivisions: '\u200D' })).toBeUndefined();
    expect(await repos().members.findBySlackUserId(ALUMNA)).toMatchObject({
      name: '山田 花子',
      organisation: null,
      title: null,
      helpText: null,
      formerDivisions: null,
    });
    ctx.slack.assertDone();
  });
});

describe('the event form', () => {
  const START = Date.parse('2026-12-05T09:00:00Z') / 1000;
  const END = Date.parse('2026-12-05T11:00:00Z') / 1000;
  function eventValues(overrides: { title?: string; place?: string; description?: string | null }) {
    const f = EVENT_FIELDS;
    const entry = (id: string, value: Record<string, unknown>) => ({ [id]: { [id]: value } });
    return {
      ...entry(f.title, { type: 'plain_text_input', value: overrides.title ?? '年末交流会' }),
      ...entry(f.startsAt, { type: 'datetimepicker', selected_date_time: START }),
      ...entry(f.endsAt, { type: 'datetimepicker', selected_date_time: END }),
      ...entry(f.place, { type: 'plain_text_input', value: overrides.place ?? '霞が関ビル 3F' }),
      ...entry(f.description, { type: 'plain_text_input', value: overrides.description ?? null }),
      ...entry(f.audience, { type: 'radio_buttons', selected_option: { value: 'alumni' } }),
      ...entry(f.capacity, { type: 'number_input', value: '20' }),
      ...entry(f.rsvpDeadline, { type: 'datetimepicker', selected_date_time: null }),
      ...entry(f.channel, { type: 'conversations_select', selected_conversation: ANNOUNCEMENTS_CHANNEL }),
      ...eventCostValues(),
    };
  }
  const submit = (values: ReturnType<typeof eventValues>) =>
    ctx.harness.send(viewSubmission({ user: ORGANIZER, callbackId: VIEWS.event, values }));

  it('refuses a title of invisible characters only as missing', async () => {
    expect(await submit(eventValues({ title: INVISIBLE }))).toEqual(errors({ [EVENT_FIELDS.title]: ja.events.errors.required }));
    expect(await ctx.database.db.select().from(events)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('refuses control characters in the place and description, and a line break in the title; nothing is announced', async () => {
    const ack = await submit(eventValues({ title: '年末\n交流会', place: '霞が関\u0000ビル', description: 'Agenda\u001B[1m' }));
    expect(ack).toEqual(
      errors({
        [EVENT_FIELDS.title]: ja.input.lineBreak,
        [EVENT_FIELDS.place]: ja.input.controlCharacter,
        [EVENT_FIELDS.description]: ja.input.controlCharacter,
      }),
    );
    expect(await ctx.database.db.select().from(events)).toEqual([]);
    ctx.slack.assertDone();
  });
});

describe('the introduction forms', () => {
  function requestValues(overrides: { details?: string; division?: string }) {
    const f = INTRODUCTION_FIELDS;
    const entry = (id: string, value: Record<string, unknown>) => ({ [id]: { [id]: value } });
    return {
      ...entry(f.purpose, { type: 'static_select', selected_option: { value: 'policy_research' } }),
      ...entry(f.details, { type: 'plain_text_input', value: overrides.details ?? 'FIP制度の運用について伺いたい' }),
      ...entry(f.format, { type: 'radio_buttons', selected_option: { value: 'call' } }),
      ...entry(f.dueDate, { type: 'datepicker', selected_date: '2026-12-10' }),
      ...entry(f.requesterDivision, { type: 'plain_text_input', value: overrides.division ?? '資源エネルギー庁 新エネルギー課' }),
    };
  }
  /** An open request (the modal's metadata names the search, no member). */
  const submitRequest = (values: ReturnType<typeof requestValues>) =>
    ctx.harness.send(
      viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: JSON.stringify({ q: '宇宙開発' }), values }),
    );

  it('refuses “what you need to learn” of invisible characters only as missing', async () => {
    expect(await submitRequest(requestValues({ details: INVISIBLE }))).toEqual(
      errors({ [INTRODUCTION_FIELDS.details]: ja.introductions.errors.required }),
    );
    expect(await ctx.database.db.select().from(introductionRequests)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('refuses control characters in the request on their fields, and sends nothing', async () => {
    const ack = await submitRequest(requestValues({ details: '系統接続\u0000について', division: '新エネルギー課\u0085' }));
    expect(ack).toEqual(
      errors({
        [INTRODUCTION_FIELDS.details]: ja.input.controlCharacter,
        [INTRODUCTION_FIELDS.requesterDivision]: ja.input.controlCharacter,
      }),
    );
    expect(await ctx.database.db.select().from(introductionRequests)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('refuses a request whose carried search topic holds a control character (a forged metadata), and sends nothing', async () => {
    const ack = await ctx.harness.send(
      viewSubmission({ user: STAFF, callbackId: VIEWS.introductionRequest, privateMetadata: JSON.stringify({ q: '宇宙\u0000開発' }), values: requestValues({}) }),
    );
    expect(ack).toEqual(errors({ [INTRODUCTION_FIELDS.details]: ja.introductions.notAvailable }));
    expect(await ctx.database.db.select().from(introductionRequests)).toEqual([]);
    ctx.slack.assertDone();
  });

  it('refuses a NUL in a decline reason, in the alumnus’s language, and leaves the request pending', async () => {
    const alumnus = await repos().members.insert(memberRow({ slackUserId: ALUMNUS, name: 'Jiro Sato', locale: 'en' }));
    const request = await repos().introductions.insert({
      id: '0b5e2c1a-1111-4000-8000-000000000001',
      kind: 'direct',
      status: 'pending',
      requesterSlackUserId: STAFF,
      requesterMemberId: null,
      requesterName: '経産 太郎',
      requesterAudience: 'staff',
      requesterDivision: '新エネルギー課',
      alumnusMemberId: alumnus.id,
      topic: '再エネ',
      purpose: 'policy_research',
      details: '系統接続について',
      format: 'call',
      dueDate: '2026-12-10',
      createdAt: new Date('2026-11-20T01:00:00Z'),
    });
    const values = { [DECLINE_FIELDS.reason]: { [DECLINE_FIELDS.reason]: { type: 'plain_text_input', value: 'Busy\u0000' } } };

    const ack = await ctx.harness.send(
      viewSubmission({ user: ALUMNUS, callbackId: VIEWS.declineIntroduction, privateMetadata: request.id, values }),
    );

    expect(ack).toEqual(errors({ [DECLINE_FIELDS.reason]: en.input.controlCharacter }));
    expect(await ctx.database.db.select().from(introductionRequests)).toMatchObject([{ status: 'pending', declineReason: null }]);
    ctx.slack.assertDone();
  });
});
