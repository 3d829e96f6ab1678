import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { eventRsvps, type NewIntroductionRow } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { COMMANDS } from '../../src/slack/ids';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { slashCommand } from '../helpers/payloads';

const ORGANIZER = 'U0ORGANIZER';
const ORGANIZER_JA = 'U0KANJI';
const STAFF = 'U0STAFF';
const DM = 'D0ORGANIZER';
const UPLOAD_HOST = 'https://files.slack.test';
const UPLOAD_PATH = '/upload/v1/contacts';
const FILE_ID = 'F0CONTACTS';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [ORGANIZER_JA]: { email: 'kanji@example.org', locale: 'ja-JP', realName: '幹事 花子' },
    [STAFF]: { email: 'staff@meti.go.jp', locale: 'ja-JP', realName: '経産 太郎' },
  },
  organizers: [ORGANIZER, ORGANIZER_JA],
  // 2026-11-24 18:00 in Tokyo.
  now: new Date('2026-11-24T09:00:00Z'),
});

const repos = () => createRepositories(ctx.database.db);
const admin = (user: string, text: string) => ctx.harness.send(slashCommand({ command: COMMANDS.admin, user_id: user, text }));

async function givenIntroduction(overrides: Partial<NewIntroductionRow>) {
  return repos().introductions.insert({
    kind: 'direct',
    status: 'accepted',
    requesterSlackUserId: STAFF,
    requesterName: '経産 太郎',
    requesterAudience: 'staff',
    requesterDivision: 'GX推進課',
    topic: '再エネ 系統',
    purpose: 'policy_research',
    details: '系統接続の実務について',
    format: 'meeting',
    dueDate: '2026-12-10',
    ...overrides,
  });
}

/** Slack's upload flow held by nock (as in audit-command.test.ts); returns the CSV the file host got. */
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
    async csv(): Promise<string> {
      expect(host.isDone(), 'the file bytes were posted to the upload URL').toBe(true);
      const bytes = await uploaded.bytes!;
      expect([...bytes.subarray(0, 3)], 'a UTF-8 byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
      return bytes.subarray(3).toString('utf8');
    },
  };
}

describe('/alumni-admin contacts', () => {
  it('sends an organizer the contact log of the days given as a CSV file in their DM, and records the export', async () => {
    const alumna = await repos().members.insert(memberRow({ name: '佐藤 花子', organisation: 'グリーン総研' }));
    const staff = await repos().members.insert(memberRow({ name: '経産 次郎', memberType: 'staff', currentDivision: '素材産業課', slackUserId: STAFF }));
    await givenIntroduction({ alumnusMemberId: alumna.id, topic: 'before the range', answeredAt: new Date('2026-10-31T14:59:59Z') });
    const introduction = await givenIntroduction({
      alumnusMemberId: alumna.id,
      ethicsNotices: ['interested_party'],
      ethicsMatch: { summary: '素材産業課' },
      ethicsAcknowledgedAt: new Date('2026-10-31T14:00:00Z'),
      answeredAt: new Date('2026-10-31T15:00:00Z'), // 1 November, midnight in Tokyo
    });
    const event = await createEventsRepository({ db: ctx.database.db }).insert({
      title: '=交流会',
      startsAt: new Date('2026-11-20T09:00:00Z'),
      endsAt: new Date('2026-11-20T11:00:00Z'),
      place: '本館',
      audience: 'all',
      feePerPerson: 3000,
      feePayer: 'each_attendee',
      format: 'standing',
      organizerSlackUserId: ORGANIZER,
      channelId: 'C0EVENTS',
    });
    await ctx.database.db.insert(eventRsvps).values([
      { eventId: event.id, memberId: staff.id, answer: 'going' },
      { eventId: event.id, memberId: alumna.id, answer: 'going' },
    ]);
    const upload = expectUpload();

    const answer = await admin(ORGANIZER, 'contacts 2026-11-01 2026-11-30');

    expect(answer).toEqual({ response_type: 'ephemeral', text: en.admin.contactsSent(2) });
    expect(ctx.slack.bodies('conversations.open')).toEqual([expect.objectContaining({ users: ORGANIZER })]);
    expect(await upload.csv()).toBe(
      'date,kind,staff,staff_division,alumni,alumni_organisation,subject,format,outcome,interested_party_notice,post_retirement_notice,meal_notice,' +
        'ethics_match,notice_acknowledged_at,supervisor_notified,paid_by,fee_per_person,reference_id\n' +
        `2026-11-01,introduction,経産 太郎,GX推進課,佐藤 花子,グリーン総研,再エネ 系統,meeting,accepted,yes,no,,素材産業課,2026-10-31T14:00:00.000Z,no,,,${introduction.id}\n` +
        `2026-11-20,event,経産 次郎,素材産業課,佐藤 花子,グリーン総研,'=交流会,standing,attended,,,no,,,,each_attendee,3000,${event.id}\n`,
    );
    const filename = 'kakehashi-contacts-2026-11-01-2026-11-30.csv';
    expect(ctx.slack.bodies('files.getUploadURLExternal')).toEqual([expect.objectContaining({ filename })]);
    expect(ctx.slack.bodies('files.completeUploadExternal')).toEqual([
      expect.objectContaining({
        channel_id: DM,
        files: [{ id: FILE_ID, title: filename }],
        initial_comment: en.admin.contactsFileComment('2026-11-01', '2026-11-30'),
      }),
    ]);
    const events = await ctx.database.db.query.auditEvents.findMany();
    expect(events).toEqual([
      expect.objectContaining({
        actor: ORGANIZER,
        action: 'contacts.exported',
        details: { from: '2026-11-01', to: '2026-11-30', count: 2, introductions: 1, eventAttendances: 1, roundPairs: 0 },
        occurredAt: new Date('2026-11-24T09:00:00Z'),
      }),
    ]);
    ctx.slack.assertDone();
  });

  it('without dates sends the whole log, labelled up to today, in the organizer’s language', async () => {
    await givenIntroduction({ answeredAt: new Date('2025-01-05T00:00:00Z') });
    const upload = expectUpload();

    expect(await admin(ORGANIZER_JA, 'contacts')).toEqual({ response_type: 'ephemeral', text: ja.admin.contactsSent(1) });

    expect((await upload.csv()).split('\n').filter(Boolean)).toHaveLength(2);
    const filename = 'kakehashi-contacts-all-2026-11-24.csv';
    expect(ctx.slack.bodies('files.getUploadURLExternal')[0]).toMatchObject({ filename });
    expect(ctx.slack.bodies('files.completeUploadExternal')[0]).toMatchObject({
      initial_comment: ja.admin.contactsFileComment(ja.admin.auditAllTime, '2026-11-24'),
    });
    expect(ja.admin.contactsFileComment('a', 'b')).toContain('法的助言ではありません');
    expect(en.admin.contactsFileComment('a', 'b')).toContain('This is not legal advice');
    ctx.slack.assertDone();
  });

  it('is refused to anyone but organizers, and nothing is exported or uploaded', async () => {
    await givenIntroduction({ answeredAt: new Date('2026-11-05T00:00:00Z') });

    expect(await admin(STAFF, 'contacts 2026-11-01 2026-11-30')).toEqual({ response_type: 'ephemeral', text: ja.common.notOrganizer });

    expect(await ctx.database.db.query.auditEvents.findMany()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('explains a date that is not YYYY-MM-DD and a start after the end, and exports nothing', async () => {
    expect(await admin(ORGANIZER, 'contacts 2026-02-30')).toEqual({ response_type: 'ephemeral', text: en.admin.contactsBadDate });
    expect(await admin(ORGANIZER, 'contacts 2026-11-01 2026-11-30 2026-12-31')).toEqual({
      response_type: 'ephemeral',
      text: en.admin.contactsBadDate,
    });
    expect(await admin(ORGANIZER_JA, 'contacts 2026-12-01 2026-11-30')).toEqual({ response_type: 'ephemeral', text: ja.admin.auditBadRange });

    expect(await ctx.database.db.query.auditEvents.findMany()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('is listed in the help, in both languages', async () => {
    expect((await admin(ORGANIZER_JA, 'help')).text).toContain('/alumni-admin contacts [開始日] [終了日]');
    expect(en.admin.help).toContain('/alumni-admin contacts [from] [to]');
  });
});
