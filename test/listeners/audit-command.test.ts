import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { NewIntroductionRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { COMMANDS } from '../../src/slack/ids';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { slashCommand } from '../helpers/payloads';

const ORGANIZER = 'U0ORGANIZER';
const ORGANIZER_JA = 'U0KANJI';
const ALUMNA = 'U0ALUMNA';
const DM = 'D0ORGANIZER';
const UPLOAD_HOST = 'https://files.slack.test';
const UPLOAD_PATH = '/upload/v1/abc';
const FILE_ID = 'F0RECORD';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [ORGANIZER_JA]: { email: 'kanji@example.org', locale: 'ja-JP', realName: '幹事 花子' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '山田 花子' },
  },
  organizers: [ORGANIZER, ORGANIZER_JA],
  // 2026-11-24 18:00 in Tokyo.
  now: new Date('2026-11-24T09:00:00Z'),
});

const repos = () => createRepositories(ctx.database.db);
const admin = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.admin, user_id: user, text }));

async function givenRequest(overrides: Partial<NewIntroductionRow>) {
  return repos().introductions.insert({
    kind: 'open',
    status: 'open',
    requesterSlackUserId: 'U0STAFF01',
    requesterName: '経産 太郎',
    requesterAudience: 'staff',
    requesterDivision: 'GX推進課',
    topic: '再エネ 系統',
    purpose: 'policy_research',
    details: '系統接続の実務について',
    format: 'call',
    dueDate: '2026-12-10',
    ...overrides,
  });
}

/**
 * Slack's upload flow, held by nock: conversations.open gives the DM, files.getUploadURLExternal an
 * upload URL on Slack's file host (a separate scope here, as it is another host), where the bytes
 * are posted; files.completeUploadExternal shares the file. Returns the bytes the file host got.
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
      // web-api posts the bytes as multipart form data, in a part named "body".
      const form = new Response(String(body), { headers: { 'content-type': String(this.req.headers['content-type']) } });
      uploaded.bytes = form.formData().then(async (data) => Buffer.from(await (data.get('body') as Blob).arrayBuffer()));
      return 'OK - 1234';
    });
  return {
    async csv(): Promise<string> {
      expect(host.isDone(), 'the file bytes were posted to the upload URL').toBe(true);
      const bytes = await uploaded.bytes!;
      expect([...bytes.subarray(0, 3)], 'a UTF-8 byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
      return bytes.subarray(3).toString('utf8');
    },
  };
}

describe('/alumni-admin audit', () => {
  it('sends an organizer the record of the days given as a CSV file in their DM, and records the export', async () => {
    const alumna = await repos().members.insert(memberRow({ name: '佐藤 花子', organisation: 'グリーン総研', slackUserId: ALUMNA }));
    await givenRequest({ topic: 'before the range', createdAt: new Date('2026-10-31T14:59:59Z') });
    const inRange = await givenRequest({
      kind: 'direct',
      status: 'accepted',
      alumnusMemberId: alumna.id,
      topic: '=SUM(A1)',
      createdAt: new Date('2026-10-31T15:00:00Z'), // 1 November, midnight in Tokyo
      answeredAt: new Date('2026-11-02T00:00:00Z'),
    });
    await givenRequest({ topic: 'after the range', createdAt: new Date('2026-11-30T15:00:00Z') });
    const upload = expectUpload();

    const answer = await admin(ORGANIZER, 'audit 2026-11-01 2026-11-30');

    expect(answer).toEqual({ response_type: 'ephemeral', text: en.admin.auditSent(1) });
    expect(ctx.slack.bodies('conversations.open')).toEqual([expect.objectContaining({ users: ORGANIZER })]);
    const csv = await upload.csv();
    expect(csv).toBe(
      'request_id,requested_at,kind,requester,requester_slack_user_id,requester_division,alumnus,alumnus_organisation,' +
        'topic,details,purpose,format,due_date,coi_disclosed,coi_acknowledged_at,ethics_notices,ethics_match,ethics_acknowledged_at,' +
        'supervisor_notified,status,answered_at,decline_reason,reminder_sent_at,volunteers\n' +
        `${inRange.id},2026-10-31T15:00:00.000Z,direct,経産 太郎,U0STAFF01,GX推進課,佐藤 花子,グリーン総研,` +
        "'=SUM(A1),系統接続の実務について,policy_research,call,2026-12-10,,,,,,no,accepted,2026-11-02T00:00:00.000Z,,,\n",
    );
    const filename = 'kakehashi-introductions-2026-11-01-2026-11-30.csv';
    expect(ctx.slack.bodies('files.getUploadURLExternal')).toEqual([
      expect.objectContaining({ filename, length: String(Buffer.byteLength(csv, 'utf8') + 3) }),
    ]);
    expect(ctx.slack.bodies('files.completeUploadExternal')).toEqual([
      expect.objectContaining({
        channel_id: DM,
        files: [{ id: FILE_ID, title: filename }],
        initial_comment: en.admin.auditFileComment('2026-11-01', '2026-11-30'),
      }),
    ]);
    const events = await ctx.database.db.query.auditEvents.findMany({ where: (event, { eq }) => eq(event.action, 'audit.exported') });
    expect(events).toEqual([
      expect.objectContaining({
        actor: ORGANIZER,
        details: { from: '2026-11-01', to: '2026-11-30', count: 1, roundPairs: 0 },
        occurredAt: new Date('2026-11-24T09:00:00Z'),
      }),
    ]);
    ctx.slack.assertDone();
  });

  it('without dates sends the whole record, labelled up to today, in the organizer’s language', async () => {
    await givenRequest({ createdAt: new Date('2025-01-05T00:00:00Z') });
    await givenRequest({ createdAt: new Date('2026-11-24T08:00:00Z') });
    const upload = expectUpload();

    expect(await admin(ORGANIZER_JA, 'audit')).toEqual({ response_type: 'ephemeral', text: ja.admin.auditSent(2) });

    expect((await upload.csv()).split('\n').filter(Boolean)).toHaveLength(3);
    const filename = 'kakehashi-introductions-all-2026-11-24.csv';
    expect(ctx.slack.bodies('files.getUploadURLExternal')[0]).toMatchObject({ filename });
    expect(ctx.slack.bodies('files.completeUploadExternal')[0]).toMatchObject({
      channel_id: DM,
      initial_comment: ja.admin.auditFileComment(ja.admin.auditAllTime, '2026-11-24'),
    });
    ctx.slack.assertDone();
  });

  it('is refused to anyone but organizers, and nothing is exported or uploaded', async () => {
    await givenRequest({ createdAt: new Date('2026-11-05T00:00:00Z') });

    expect(await admin(ALUMNA, 'audit 2026-11-01 2026-11-30')).toEqual({ response_type: 'ephemeral', text: ja.common.notOrganizer });

    expect(await ctx.database.db.query.auditEvents.findMany()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('explains a date that is not YYYY-MM-DD and a start after the end, and exports nothing', async () => {
    expect(await admin(ORGANIZER, 'audit 2026-11-31')).toEqual({ response_type: 'ephemeral', text: en.admin.auditBadDate });
    expect(await admin(ORGANIZER, 'audit November')).toEqual({ response_type: 'ephemeral', text: en.admin.auditBadDate });
    expect(await admin(ORGANIZER, 'audit 2026-11-01 2026-11-30 2026-12-31')).toEqual({
      response_type: 'ephemeral',
      text: en.admin.auditBadDate,
    });
    expect(await admin(ORGANIZER_JA, 'audit 2026-12-01 2026-11-30')).toEqual({ response_type: 'ephemeral', text: ja.admin.auditBadRange });

    expect(await ctx.database.db.query.auditEvents.findMany()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('tells the organizer privately when Slack refuses the upload', async () => {
    ctx.slack
      .expect('conversations.open', { channel: { id: DM } })
      .expect('files.getUploadURLExternal', { ok: false, error: 'not_allowed_token_type' });

    expect(await admin(ORGANIZER, 'audit 2026-11-01')).toEqual({ response_type: 'ephemeral', text: en.common.unexpected });

    expect(ctx.slack.bodies('files.completeUploadExternal')).toEqual([]);
    ctx.slack.assertDone();
  });
});
