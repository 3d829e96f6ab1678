import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildOwnDataSummary } from '../../src/blocks/own-data';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import type { MemberRow, NewIntroductionRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS, COMMANDS, VIEWS } from '../../src/slack/ids';
import { visibleText } from '../blocks/inspect';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction, slashCommand, viewSubmission } from '../helpers/payloads';
import { profileState } from '../helpers/profile-state';

const ALUMNA = 'U0ALUMNA';
const ORGANIZER = 'U0ORGANIZER';
const DM = 'D0ALUMNA';
const UPLOAD_HOST = 'https://files.slack.test';
const UPLOAD_PATH = '/upload/v1/mydata';
const FILE_ID = 'F0MYDATA';
// 2026-11-24 18:00 in Tokyo.
const NOW = new Date('2026-11-24T09:00:00Z');
const FILENAME = 'kakehashi-my-data-2026-11-24.json';

const ctx = setupListenerTest({
  users: {
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
    [ORGANIZER]: { email: 'org@example.org', locale: 'en-US', realName: 'Org Anizer' },
  },
  organizers: [ORGANIZER],
  now: NOW,
});

const repos = () => createRepositories(ctx.database.db);
const exportCommand = (user: string) => ctx.harness.send(slashCommand({ command: COMMANDS.profile, user_id: user, text: 'export' }));

/** Keys of internal bookkeeping that must never reach the file, at any depth. */
const INTERNAL_KEYS = [
  'id',
  'memberId',
  'eventId',
  'requestId',
  'pseudonym',
  'slackUserId',
  'slackStanding',
  'approvalChannelId',
  'approvalMessageTs',
  'searchDocument',
  'staleReminderSentAt',
  'decidedBySlackUserId',
  'requesterSlackUserId',
  'requesterMemberId',
  'alumnusMemberId',
  'requesterAudience',
  'deliveredChannelId',
  'deliveredMessageTs',
  'groupChannelId',
  'submissionKey',
  'reminderSentAt',
  'expiryNoticeSentAt',
  'reminderChannelId',
  'reminderScheduledMessageId',
  'reminderPostAt',
  'waitlistNumber',
  'channelId',
  'messageTs',
  'revision',
  'actor',
];

function keysIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [key, ...keysIn(child)]);
}

/**
 * Slack's upload flow, held by nock: conversations.open gives the DM, files.getUploadURLExternal an
 * upload URL on Slack's file host (another host, so another scope), where web-api posts the bytes
 * as multipart form data; files.completeUploadExternal shares the file. Returns the file's text.
 */
function expectUpload() {
  ctx.slack
    .expect('conversations.open', { channel: { id: DM } })
    .expect('files.getUploadURLExternal', { upload_url: `${UPLOAD_HOST}${UPLOAD_PATH}`, file_id: FILE_ID })
    .expect('files.completeUploadExternal', { files: [{ id: FILE_ID }] });
  const uploaded: { bytes?: Promise<Buffer> } = {};
  const host = nock(UPLOAD_HOST)
    .post(UPLOAD_PATH)
    .reply(200, function (_uri, body) {
      const form = new Response(String(body), { headers: { 'content-type': String(this.req.headers['content-type']) } });
      uploaded.bytes = form.formData().then(async (data) => Buffer.from(await (data.get('body') as Blob).arrayBuffer()));
      return 'OK - 1234';
    });
  return {
    async text(): Promise<string> {
      expect(host.isDone(), 'the file bytes were posted to the upload URL').toBe(true);
      return (await uploaded.bytes!).toString('utf8');
    },
  };
}

let alumna: MemberRow;

beforeEach(async () => {
  // A real registration and approval: consent answers, audit entries and Slack's record are stored.
  ctx.slack.expect('chat.postMessage').expect('chat.postMessage').expect('views.publish');
  await ctx.harness.send(viewSubmission({ user: ALUMNA, callbackId: VIEWS.profile, values: profileState({ helpText: 'GX <b> & co' }) }));
  ctx.slack.expect('chat.update').expect('chat.postMessage');
  const pending = await repos().members.findBySlackUserId(ALUMNA);
  await ctx.harness.send(blockAction({ user: ORGANIZER, actionId: ACTIONS.approveMember, value: pending!.id }));
  alumna = (await repos().members.findBySlackUserId(ALUMNA))!;
  ctx.slack.assertDone();
});

describe('/alumni-profile export', () => {
  it('shares a pretty-printed JSON file in the member’s DM with a summary in her language, then says it was sent', async () => {
    const upload = expectUpload();
    const postedBefore = ctx.slack.bodies('chat.postMessage').length;

    expect(await exportCommand(ALUMNA)).toEqual({ response_type: 'ephemeral', text: ja.profileCommand.exportSent });

    expect(ctx.slack.bodies('conversations.open')).toEqual([expect.objectContaining({ users: ALUMNA })]);
    const text = await upload.text();
    expect(ctx.slack.bodies('files.getUploadURLExternal')).toEqual([
      expect.objectContaining({ filename: FILENAME, length: String(Buffer.byteLength(text, 'utf8')) }),
    ]);
    const data = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(data, null, 2)}\n`);
    const [share] = ctx.slack.bodies('files.completeUploadExternal');
    expect(share).toMatchObject({ channel_id: DM, files: [{ id: FILE_ID, title: ja.ownData.fileTitle('2026-11-24') }] });
    // Slack ignores blocks beside an initial comment: the summary is the blocks alone.
    expect(share).not.toHaveProperty('initial_comment');
    expect(share!.blocks).toEqual(buildOwnDataSummary({ t: ja, locale: 'ja', data }));
    const summary = visibleText(share!.blocks);
    expect(summary).toContain(ja.ownData.heading);
    expect(summary).toContain(`*${ja.profileCard.consentStaff}*\n${ja.common.yes}`);
    expect(summary).toContain('GX &lt;b&gt; &amp; co');
    expect(ctx.slack.bodies('chat.postMessage').slice(postedBefore), 'no JSON pasted into messages').toEqual([]);
    ctx.slack.assertDone();
  });

  it('the file holds her profile, consents, Slack’s record of her and her history, and nothing internal', async () => {
    const upload = expectUpload();
    await exportCommand(ALUMNA);
    const text = await upload.text();
    const data = JSON.parse(text);

    expect(data.exportedAt).toBe(NOW.toISOString());
    expect(data.profile).toMatchObject({
      name: alumna.name,
      email: 'hanako@greencap.example',
      memberType: 'alumni',
      status: 'active',
      helpText: 'GX <b> & co',
      shareWithStaff: alumna.shareWithStaff,
      codeOfConductVersion: alumna.codeOfConductVersion,
      codeOfConductAcceptedAt: alumna.codeOfConductAcceptedAt!.toISOString(),
      registrationDecidedAt: alumna.decidedAt!.toISOString(),
    });
    expect(data.slackAccount).toMatchObject({ name: '山田 花子', email: 'hanako@greencap.example', locale: 'ja-JP', timeZone: 'Asia/Tokyo', standing: 'member' });
    expect(data.organizer).toBe(false);
    expect(data.consentHistory).toEqual([
      expect.objectContaining({ audience: 'staff', granted: expect.any(Boolean), textVersion: alumna.consentTextVersion }),
      expect.objectContaining({ audience: 'alumni', granted: expect.any(Boolean), textVersion: alumna.consentTextVersion }),
    ]);
    expect(data.auditTrail).toEqual([
      { action: 'profile.created', occurredAt: expect.any(String) },
      { action: 'registration.approved', occurredAt: expect.any(String) },
    ]);

    const internal = keysIn(data).filter((key) => INTERNAL_KEYS.includes(key));
    expect(internal, 'internal fields in the file').toEqual([]);
    for (const value of [alumna.id, alumna.pseudonym, ALUMNA, ORGANIZER, alumna.approvalMessageTs!, alumna.approvalChannelId!]) {
      expect(text, `the file names ${value}`).not.toContain(value);
    }
  });

  it('the file lists her introduction requests made and received, open requests she helped with, and her event answers', async () => {
    const r = repos();
    const request = (overrides: Partial<NewIntroductionRow>) =>
      r.introductions.insert({
        kind: 'direct',
        status: 'pending',
        requesterSlackUserId: 'U0STAFF01',
        requesterName: '経産 太郎',
        requesterAudience: 'staff',
        requesterDivision: 'GX推進課',
        topic: '再エネ 系統',
        purpose: 'policy_research',
        details: '系統接続の実務について',
        format: 'call',
        dueDate: '2026-12-10',
        deliveredChannelId: 'D0DELIVERED',
        deliveredMessageTs: '1700000000.000100',
        groupChannelId: 'G0GROUPDM',
        ...overrides,
      });
    const expert = await r.members.insert({ pseudonym: 'M-EXPERT01', name: '鈴木 一郎', memberType: 'alumni', status: 'active' });
    await request({ alumnusMemberId: alumna.id, status: 'declined', declineReason: '今月は難しいです' });
    await request({ requesterSlackUserId: ALUMNA, requesterMemberId: alumna.id, requesterName: alumna.name, alumnusMemberId: expert.id, topic: '半導体' });
    const open = await request({ kind: 'open', status: 'open', topic: 'DX', submissionKey: 'V0FORM' });
    await r.introductions.addVolunteer(open.id, alumna.id, new Date('2026-11-20T00:00:00Z'));
    const events = createEventsRepository({ db: ctx.database.db });
    const event = await events.insert({
      title: 'OB・OG交流会',
      startsAt: new Date('2026-12-05T09:00:00Z'),
      endsAt: new Date('2026-12-05T11:00:00Z'),
      place: '本館 第1会議室',
      audience: 'alumni',
      organizerSlackUserId: ORGANIZER,
      channelId: 'C0EVENTS',
      messageTs: '1700000000.000200',
    });
    await events.saveRsvp({ eventId: event.id, memberId: alumna.id, answer: 'going', waitlisted: false, waitlistedAt: null, answeredAt: new Date('2026-11-21T00:00:00Z') });
    await events.setReminder(event.id, alumna.id, { channelId: DM, scheduledMessageId: 'Q0REMINDER', postAt: new Date('2026-12-04T09:00:00Z') });
    const upload = expectUpload();

    await exportCommand(ALUMNA);

    const text = await upload.text();
    const data = JSON.parse(text);
    expect(data.introductionsAddressedToYou).toEqual([
      expect.objectContaining({ status: 'declined', requester: '経産 太郎', requesterDivision: 'GX推進課', declineReason: '今月は難しいです', topic: '再エネ 系統' }),
    ]);
    expect(data.introductionsRequested).toEqual([expect.objectContaining({ status: 'pending', topic: '半導体', alumnus: '鈴木 一郎' })]);
    expect(data.openRequestsVolunteered).toEqual([
      { topic: 'DX', purpose: 'policy_research', status: 'open', dueDate: '2026-12-10', picked: false, volunteeredAt: '2026-11-20T00:00:00.000Z' },
    ]);
    expect(data.eventAnswers).toEqual([
      {
        event: 'OB・OG交流会',
        startsAt: '2026-12-05T09:00:00.000Z',
        endsAt: '2026-12-05T11:00:00.000Z',
        place: '本館 第1会議室',
        eventCancelled: false,
        answer: 'going',
        waitlisted: false,
        waitlistedAt: null,
        answeredAt: '2026-11-21T00:00:00.000Z',
      },
    ]);
    expect(keysIn(data).filter((key) => INTERNAL_KEYS.includes(key)), 'internal fields in the file').toEqual([]);
    for (const value of [open.id, event.id, expert.id, 'M-EXPERT01', 'D0DELIVERED', 'G0GROUPDM', 'V0FORM', 'Q0REMINDER', 'C0EVENTS', 'U0STAFF01']) {
      expect(text, `the file names ${value}`).not.toContain(value);
    }
    const summary = visibleText(ctx.slack.bodies('files.completeUploadExternal')[0]!.blocks);
    expect(summary).toContain(`*${ja.ownData.introductionsRequested}*\n1`);
    expect(summary).toContain(`*${ja.ownData.introductionsAddressedToYou}*\n1`);
    expect(summary).toContain(`*${ja.ownData.volunteered}*\n1`);
    expect(summary).toContain(`*${ja.ownData.eventAnswers}*\n1`);
  });

  it('an organizer with no profile gets what is stored about them, in English', async () => {
    const upload = expectUpload();

    expect(await exportCommand(ORGANIZER)).toEqual({ response_type: 'ephemeral', text: en.profileCommand.exportSent });

    const data = JSON.parse(await upload.text());
    expect(data).toMatchObject({ profile: null, organizer: true, consentHistory: [], eventAnswers: [] });
    expect(data.slackAccount).toMatchObject({ name: 'Org Anizer', email: 'org@example.org', locale: 'en-US' });
    const summary = visibleText(ctx.slack.bodies('files.completeUploadExternal')[0]!.blocks);
    expect(summary).toContain(en.ownData.noProfile);
    expect(summary).toContain(`*${en.ownData.organizer}*\n${en.common.yes}`);
    ctx.slack.assertDone();
  });

  describe('when Slack does not take the file, the member is told so, never "sent"', () => {
    it('Slack answers 500 when asked for an upload URL', async () => {
      ctx.slack.expect('conversations.open', { channel: { id: DM } }).expect('files.getUploadURLExternal', { httpStatus: 500 });

      expect(await exportCommand(ALUMNA)).toEqual({ response_type: 'ephemeral', text: ja.ownData.uploadFailed });

      expect(ctx.slack.bodies('files.completeUploadExternal')).toEqual([]);
      ctx.slack.assertDone();
    });

    it('Slack’s file host answers 500 to the bytes', async () => {
      ctx.slack
        .expect('conversations.open', { channel: { id: DM } })
        .expect('files.getUploadURLExternal', { upload_url: `${UPLOAD_HOST}${UPLOAD_PATH}`, file_id: FILE_ID });
      const host = nock(UPLOAD_HOST).post(UPLOAD_PATH).reply(500, 'internal error');

      expect(await exportCommand(ALUMNA)).toEqual({ response_type: 'ephemeral', text: ja.ownData.uploadFailed });

      expect(host.isDone()).toBe(true);
      expect(ctx.slack.bodies('files.completeUploadExternal')).toEqual([]);
      ctx.slack.assertDone();
    });

    it('Slack answers 429 when the file is to be shared', async () => {
      ctx.slack
        .expect('conversations.open', { channel: { id: DM } })
        .expect('files.getUploadURLExternal', { upload_url: `${UPLOAD_HOST}${UPLOAD_PATH}`, file_id: FILE_ID })
        .expect('files.completeUploadExternal', { httpStatus: 429, headers: { 'retry-after': '1' } });
      nock(UPLOAD_HOST).post(UPLOAD_PATH).reply(200, 'OK - 1234');

      expect(await exportCommand(ALUMNA)).toEqual({ response_type: 'ephemeral', text: ja.ownData.uploadFailed });
      ctx.slack.assertDone();
    });

    it('Slack refuses to open the DM', async () => {
      ctx.slack.expect('conversations.open', { ok: false, error: 'user_disabled' });

      expect(await exportCommand(ALUMNA)).toEqual({ response_type: 'ephemeral', text: ja.ownData.uploadFailed });

      expect(ctx.slack.bodies('files.getUploadURLExternal')).toEqual([]);
      ctx.slack.assertDone();
    });
  });
});
