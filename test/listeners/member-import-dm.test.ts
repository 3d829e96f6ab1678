import { eq } from 'drizzle-orm';
import nock from 'nock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { auditEvents, memberImportDrafts, members } from '../../src/db/schema';
import { en } from '../../src/i18n/en';
import { ja } from '../../src/i18n/ja';
import { ACTIONS } from '../../src/slack/ids';
import { csvFile, type CsvCells } from '../cli/member-csv-fixtures';
import { memberRow } from '../helpers/factories';
import { setupListenerTest } from '../helpers/listener-test';
import { blockAction } from '../helpers/payloads';
import { slackUserObject } from '../helpers/slack-api';
import { assertValidMessage } from '../helpers/slack-limits';

const ORGANIZER = 'U0ORGANIZER';
const ORGANIZER_JA = 'U0KANJI';
const ALUMNA = 'U0ALUMNA';
const FILES_HOST = 'https://files.slack.test';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [ORGANIZER_JA]: { email: 'kanji@example.org', locale: 'ja-JP', realName: '幹事 花子' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '佐藤 花子' },
  },
  organizers: [ORGANIZER, ORGANIZER_JA],
});

beforeEach(async () => {
  // The shared reset does not know this table yet.
  await ctx.database.db.delete(memberImportDrafts);
});

let eventCounter = 0;

/** A message event as Slack sends it when someone shares a file in the bot's DM. */
function fileShare(input: { user: string; fileId?: string; name?: string; filetype?: string; size?: number; eventId?: string; extra?: object }) {
  const fileId = input.fileId ?? 'F0MEMBERS1';
  const name = input.name ?? 'members.csv';
  return {
    token: 'legacy-verification-token',
    team_id: 'T0KAKEHASH',
    api_app_id: 'A0KAKEHASH',
    type: 'event_callback',
    event_id: input.eventId ?? `EvUpload${++eventCounter}`,
    event_time: 1_700_000_000,
    event: {
      type: 'message',
      subtype: 'file_share',
      channel: 'D0KAKEHASH',
      channel_type: 'im',
      user: input.user,
      text: '',
      ts: '1700000000.000500',
      event_ts: '1700000000.000500',
      files: [
        {
          id: fileId,
          name,
          title: name,
          filetype: input.filetype ?? 'csv',
          mimetype: 'text/csv',
          size: input.size ?? 600,
          url_private: `${FILES_HOST}/files-pri/T0KAKEHASH-${fileId}/${name}`,
          url_private_download: `${FILES_HOST}/files-pri/T0KAKEHASH-${fileId}/download/${name}`,
        },
      ],
      ...input.extra,
    },
  };
}

/** Serves the file's bytes, as Slack does, only to the bot token; returns the interceptor to check it was used. */
function serveFile(content: string | Buffer, fileId = 'F0MEMBERS1', name = 'members.csv') {
  return nock(FILES_HOST)
    .get(`/files-pri/T0KAKEHASH-${fileId}/download/${name}`)
    .matchHeader('authorization', 'Bearer xoxb-test-token')
    .reply(200, content, { 'content-type': 'text/csv' });
}

const NEW_MEMBER: CsvCells = { email: 'newbie@example.jp', name: 'New Bie' };
const CHANGED_MEMBER: CsvCells = { email: 'known@example.jp', name: 'Known Person', organisation: 'New Org' };

async function givenKnownMember() {
  // As a previous import left her: the same as CHANGED_MEMBER except the organisation.
  const repos = createRepositories(ctx.database.db);
  const file = csvFile([{ ...CHANGED_MEMBER, organisation: 'Acme Consulting' }]);
  const { parseMemberCsv } = await import('../../src/services/member-csv');
  const { importMembers } = await import('../../src/services/member-import');
  await importMembers(ctx.harness.deps.services, parseMemberCsv(file, { currentYear: 2026 }));
  return (await repos.members.findByEmail('known@example.jp'))!;
}

const drafts = () => ctx.database.db.select().from(memberImportDrafts);
const sectionsText = (body: any): string =>
  (body.blocks ?? []).map((block: any) => block.text?.text ?? block.elements?.map((e: any) => e.text?.text ?? e.text ?? '').join(' ') ?? '').join('\n');
const buttonsOf = (body: any) => (body.blocks ?? []).flatMap((block: any) => (block.type === 'actions' ? block.elements : []));

/** Uploads the standard file (one new member, one changed) and returns the preview Slack was sent. */
async function uploadPreview(user = ORGANIZER) {
  await givenKnownMember();
  const served = serveFile(csvFile([NEW_MEMBER, CHANGED_MEMBER]));
  ctx.slack.expect('chat.postMessage');
  await ctx.harness.send(fileShare({ user }));
  expect(served.isDone()).toBe(true);
  const [preview] = ctx.slack.bodies('chat.postMessage');
  return preview!;
}

const click = (user: string, actionId: string, value: string) => ctx.harness.send(blockAction({ user, actionId, value }));

describe('importing the member CSV through the bot’s DM', () => {
  it('an organizer’s upload is previewed with the new and changed members, stored as a draft, and nothing is imported', async () => {
    const preview = await uploadPreview();

    expect(preview.channel).toBe(ORGANIZER);
    const text = sectionsText(preview);
    expect(text).toContain(en.memberImport.previewCounts(2, 1, 1, 0));
    expect(text).toContain('newbie@example.jp');
    expect(text).toContain("known@example.jp — organisation");
    const [stored] = await drafts();
    expect(stored).toMatchObject({ organizerSlackUserId: ORGANIZER, fileId: 'F0MEMBERS1', fileName: 'members.csv', consumedAt: null });
    expect(stored!.rows).toHaveLength(2);
    expect(buttonsOf(preview).map((button: any) => [button.action_id, button.value])).toEqual([
      [ACTIONS.confirmMemberImport, stored!.id],
      [ACTIONS.cancelMemberImport, stored!.id],
    ]);
    expect(await createRepositories(ctx.database.db).members.findByEmail('newbie@example.jp')).toBeUndefined();
    assertValidMessage(preview.blocks, preview.text);
    ctx.slack.assertDone();
  });

  it('Confirm imports the rows in the organizer’s name, links Slack accounts found by email, and replaces the preview with the summary', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack
      .expect('users.lookupByEmail', { user: slackUserObject('U0NEWBIE', { email: 'newbie@example.jp' }) })
      .expect('users.lookupByEmail', { ok: false, error: 'users_not_found' })
      .expectResponse();

    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    const repos = createRepositories(ctx.database.db);
    expect(await repos.members.findByEmail('newbie@example.jp')).toMatchObject({ name: 'New Bie', status: 'active', slackUserId: 'U0NEWBIE' });
    expect(await repos.members.findByEmail('known@example.jp')).toMatchObject({ organisation: 'New Org' });
    const [answer] = ctx.slack.bodies('response_url');
    expect(answer).toMatchObject({ replace_original: true });
    expect(answer!.text).toBe(en.memberImport.imported('`members.csv`', 1, 1, 0, 1));
    expect(buttonsOf(answer)).toEqual([]);
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.actor, ORGANIZER));
    expect(audit.map((row) => row.action).sort()).toEqual(['member.import_updated', 'member.imported']);
    const [consumed] = await drafts();
    expect(consumed).toMatchObject({ outcome: 'imported', rows: null, summary: { created: 1, updated: 1, unchanged: 0, linked: 1 } });
    ctx.slack.assertDone();
  });

  it('a second Confirm of the same preview imports nothing more and shows the first import’s summary', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack
      .expect('users.lookupByEmail', { ok: false, error: 'users_not_found' })
      .expect('users.lookupByEmail', { ok: false, error: 'users_not_found' })
      .expectResponse()
      .expectResponse();

    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);
    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    const created = await ctx.database.db.select().from(members).where(eq(members.email, 'newbie@example.jp'));
    expect(created).toHaveLength(1);
    const imports = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.imported'));
    expect(imports.filter((row) => row.actor === ORGANIZER)).toHaveLength(1);
    const second = ctx.slack.bodies('response_url')[1]!;
    expect(second.text).toContain(en.memberImport.alreadyImported('`members.csv`'));
    expect(second.text).toContain(en.memberImport.imported('`members.csv`', 1, 1, 0, 0));
    ctx.slack.assertDone();
  });

  it('two Confirms at once (two instances) import once', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    for (let i = 0; i < 4; i++) ctx.slack.expect('users.lookupByEmail', { ok: false, error: 'users_not_found' });
    ctx.slack.expectResponse().expectResponse();

    await Promise.all([
      click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id),
      click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id),
    ]);

    expect(await ctx.database.db.select().from(members).where(eq(members.email, 'newbie@example.jp'))).toHaveLength(1);
    const texts = ctx.slack.bodies('response_url').map((body) => body.text as string);
    expect(texts.filter((text) => text.startsWith(en.memberImport.imported('`members.csv`', 1, 1, 0, 0)))).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith(en.memberImport.alreadyImported('`members.csv`')))).toHaveLength(1);
  });

  it('Cancel drops the draft: nothing is imported, and a later Confirm is refused', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack.expectResponse().expectResponse();

    await click(ORGANIZER, ACTIONS.cancelMemberImport, draft!.id);
    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    expect(await createRepositories(ctx.database.db).members.findByEmail('newbie@example.jp')).toBeUndefined();
    expect(ctx.slack.bodies('response_url').map((body) => body.text)).toEqual([
      en.memberImport.cancelled('`members.csv`'),
      en.memberImport.alreadyCancelled('`members.csv`'),
    ]);
    expect((await drafts())[0]).toMatchObject({ outcome: 'cancelled', rows: null });
    ctx.slack.assertDone();
  });

  it('a preview older than a day cannot be confirmed', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.harness.setNow(new Date('2026-11-25T09:00:01Z'));
    ctx.slack.expectResponse();

    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    expect(ctx.slack.bodies('response_url')[0]!.text).toBe(en.memberImport.expired('`members.csv`', 24));
    expect(await createRepositories(ctx.database.db).members.findByEmail('newbie@example.jp')).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('a Confirm forged by another organizer, or by someone who is not one, is refused privately and imports nothing', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack.expectResponse().expectResponse();

    await click(ORGANIZER_JA, ACTIONS.confirmMemberImport, draft!.id);
    await click(ALUMNA, ACTIONS.confirmMemberImport, draft!.id);

    const [other, alumna] = ctx.slack.bodies('response_url');
    expect(other).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: ja.memberImport.notFound });
    expect(alumna).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: ja.common.notOrganizer });
    expect(await createRepositories(ctx.database.db).members.findByEmail('newbie@example.jp')).toBeUndefined();
    expect((await drafts())[0]).toMatchObject({ consumedAt: null });
    ctx.slack.assertDone();
  });

  it('a non-organizer’s upload is answered once, politely, and nothing is downloaded or stored', async () => {
    const served = serveFile(csvFile([NEW_MEMBER]));
    ctx.slack.expect('chat.postMessage');

    await ctx.harness.send(fileShare({ user: ALUMNA }));

    expect(ctx.slack.bodies('chat.postMessage')).toEqual([expect.objectContaining({ channel: ALUMNA, text: ja.memberImport.notOrganizer })]);
    expect(served.isDone()).toBe(false);
    expect(await drafts()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a file that breaks the format gets its row and column, without a Confirm button, and nothing is imported', async () => {
    const served = serveFile(csvFile([NEW_MEMBER, { email: 'second@example.jp', year_joined: 'soon' }]));
    ctx.slack.expect('chat.postMessage');

    await ctx.harness.send(fileShare({ user: ORGANIZER }));

    expect(served.isDone()).toBe(true);
    const [answer] = ctx.slack.bodies('chat.postMessage');
    expect(answer!.text).toContain(en.memberImport.whereRowColumn(3, '`year_joined`'));
    expect(answer!.text).toContain('cannot be imported');
    expect(buttonsOf(answer)).toEqual([]);
    expect((await drafts())[0]).toMatchObject({ rows: null, problem: { kind: 'csv', row: 3, column: 'year_joined' } });
    expect(await createRepositories(ctx.database.db).members.findByEmail('newbie@example.jp')).toBeUndefined();
    ctx.slack.assertDone();
  });

  it('a repeated event about the same file shows one preview', async () => {
    await givenKnownMember();
    serveFile(csvFile([NEW_MEMBER]));
    serveFile(csvFile([NEW_MEMBER]));
    ctx.slack.expect('chat.postMessage');

    const event = fileShare({ user: ORGANIZER, eventId: 'EvSAME' });
    await ctx.harness.send(event);
    await ctx.harness.send(event);

    expect(ctx.slack.bodies('chat.postMessage')).toHaveLength(1);
    expect(await drafts()).toHaveLength(1);
    ctx.slack.assertDone();
  });

  it('a file that is not a CSV, or too large, is refused from Slack’s description without downloading it', async () => {
    const served = serveFile('whatever', 'F0PHOTO', 'photo.png');
    ctx.slack.expect('chat.postMessage').expect('chat.postMessage');

    await ctx.harness.send(fileShare({ user: ORGANIZER, fileId: 'F0PHOTO', name: 'photo.png', filetype: 'png' }));
    await ctx.harness.send(fileShare({ user: ORGANIZER, fileId: 'F0HUGE', name: 'huge.csv', size: 5_000_000 }));

    expect(served.isDone()).toBe(false);
    expect(ctx.slack.bodies('chat.postMessage').map((body) => body.text)).toEqual([
      en.memberImport.notCsv('`photo.png`'),
      en.memberImport.tooLarge('`huge.csv`', 1000),
    ]);
    ctx.slack.assertDone();
  });

  it('a download Slack refuses (its sign-in page instead of the file) is told, and nothing is stored', async () => {
    nock(FILES_HOST)
      .get('/files-pri/T0KAKEHASH-F0MEMBERS1/download/members.csv')
      .reply(200, '<html>Sign in to Slack</html>', { 'content-type': 'text/html; charset=utf-8' });
    ctx.slack.expect('chat.postMessage');

    await ctx.harness.send(fileShare({ user: ORGANIZER }));

    expect(ctx.slack.bodies('chat.postMessage')[0]!.text).toBe(en.memberImport.downloadFailed('members.csv'));
    expect(await drafts()).toEqual([]);
    ctx.slack.assertDone();
  });

  it('a file that is not UTF-8 is refused with how to save it', async () => {
    serveFile(Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0x82, 0xa0]));
    ctx.slack.expect('chat.postMessage');

    await ctx.harness.send(fileShare({ user: ORGANIZER }));

    expect(ctx.slack.bodies('chat.postMessage')[0]!.text).toBe(en.memberImport.notUtf8('`members.csv`'));
  });

  it('the bot’s own uploads (the exports) are ignored, and a message without files imports nothing (it gets the DM’s help)', async () => {
    await ctx.harness.send(fileShare({ user: 'U0KAKEHASHI' }));
    await ctx.harness.send(fileShare({ user: ORGANIZER, extra: { bot_id: 'B0KAKEHASHI' } }));
    const plainMessage = fileShare({ user: ORGANIZER });
    const { subtype: _subtype, files: _files, ...withoutFiles } = plainMessage.event;
    ctx.slack.expect('chat.postMessage');
    await ctx.harness.send({ ...plainMessage, event: { ...withoutFiles, text: 'hello' } });

    expect(await drafts()).toEqual([]);
    expect(ctx.slack.bodies('chat.postMessage')).toEqual([expect.objectContaining({ channel: ORGANIZER, text: en.directMessage.typed })]);
    ctx.slack.assertDone();
  });

  it('a Japanese organizer reads the preview in Japanese', async () => {
    const preview = await uploadPreview(ORGANIZER_JA);

    expect(sectionsText(preview)).toContain(ja.memberImport.previewCounts(2, 1, 1, 0));
    expect(buttonsOf(preview).map((button: any) => button.text.text)).toEqual([ja.memberImport.confirm, ja.memberImport.cancel]);
  });
});
