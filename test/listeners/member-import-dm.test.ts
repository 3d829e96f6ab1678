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
import { SLACK_API_URL } from '../helpers/slack-api';
import { assertValidMessage } from '../helpers/slack-limits';

const ORGANIZER = 'U0ORGANIZER';
const ORGANIZER_JA = 'U0KANJI';
const ALUMNA = 'U0ALUMNA';
const NEWBIE = 'U0NEWBIE';
/** Where Slack serves files to apps: the one host (besides the Web API's) the bot token is sent to. */
const FILES_HOST = 'https://files.slack.com';

const ctx = setupListenerTest({
  users: {
    [ORGANIZER]: { email: 'organizer@example.org', locale: 'en-US', realName: 'Org Anizer' },
    [ORGANIZER_JA]: { email: 'kanji@example.org', locale: 'ja-JP', realName: '幹事 花子' },
    [ALUMNA]: { email: 'hanako@greencap.example', locale: 'ja-JP', realName: '佐藤 花子' },
    [NEWBIE]: { email: 'newbie@example.jp', locale: 'en-US', realName: 'New Bie' },
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

  it('Confirm imports the rows in the organizer’s name without asking Slack, and replaces the preview with the summary', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack.expectResponse();

    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    const repos = createRepositories(ctx.database.db);
    expect(await repos.members.findByEmail('newbie@example.jp')).toMatchObject({ name: 'New Bie', status: 'active', slackUserId: null });
    expect(await repos.members.findByEmail('known@example.jp')).toMatchObject({ organisation: 'New Org' });
    const [answer] = ctx.slack.bodies('response_url');
    expect(answer).toMatchObject({ replace_original: true });
    expect(answer!.text).toBe(en.memberImport.importedLinkLater('`members.csv`', 1, 1, 0));
    expect(answer!.text).toContain('when they first use Kakehashi');
    expect(buttonsOf(answer)).toEqual([]);
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.actor, ORGANIZER));
    expect(audit.map((row) => row.action).sort()).toEqual(['member.import_updated', 'member.imported']);
    const [consumed] = await drafts();
    expect(consumed).toMatchObject({ outcome: 'imported', rows: null, summary: { created: 1, updated: 1, unchanged: 0, linked: 0 } });
    // No users.lookupByEmail (nor any other Web API call) was made: it would be unexpected here.
    ctx.slack.assertDone();
  });

  it('a file of 120 new members is imported in full with one Confirm (no per-member Slack lookups, which Slack limits to about 50 a minute)', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ email: `member${i}@example.jp`, name: `Member ${i}` }));
    serveFile(csvFile(rows));
    ctx.slack.expect('chat.postMessage').expectResponse();
    await ctx.harness.send(fileShare({ user: ORGANIZER }));
    const [draft] = await drafts();

    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    expect(await ctx.database.db.select().from(members)).toHaveLength(120);
    expect(ctx.slack.bodies('response_url')[0]!.text).toBe(en.memberImport.importedLinkLater('`members.csv`', 120, 0, 0));
    ctx.slack.assertDone();
  });

  it('an imported member is linked to their Slack account by email when they first use the bot', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack.expectResponse().expect('chat.postMessage');
    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    const typed = fileShare({ user: NEWBIE });
    const { subtype: _subtype, files: _files, ...withoutFiles } = typed.event;
    await ctx.harness.send({ ...typed, event: { ...withoutFiles, text: 'hello' } });

    expect(await createRepositories(ctx.database.db).members.findByEmail('newbie@example.jp')).toMatchObject({ slackUserId: NEWBIE });
    ctx.slack.assertDone();
  });

  it('a second Confirm of the same preview imports nothing more and shows the first import’s summary', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack.expectResponse().expectResponse();

    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);
    await click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id);

    const created = await ctx.database.db.select().from(members).where(eq(members.email, 'newbie@example.jp'));
    expect(created).toHaveLength(1);
    const imports = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'member.imported'));
    expect(imports.filter((row) => row.actor === ORGANIZER)).toHaveLength(1);
    const second = ctx.slack.bodies('response_url')[1]!;
    expect(second.text).toContain(en.memberImport.alreadyImported('`members.csv`'));
    expect(second.text).toContain(en.memberImport.importedLinkLater('`members.csv`', 1, 1, 0));
    ctx.slack.assertDone();
  });

  it('two Confirms at once (two instances) import once', async () => {
    await uploadPreview();
    const [draft] = await drafts();
    ctx.slack.expectResponse().expectResponse();

    await Promise.all([
      click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id),
      click(ORGANIZER, ACTIONS.confirmMemberImport, draft!.id),
    ]);

    expect(await ctx.database.db.select().from(members).where(eq(members.email, 'newbie@example.jp'))).toHaveLength(1);
    const texts = ctx.slack.bodies('response_url').map((body) => body.text as string);
    expect(texts.filter((text) => text.startsWith(en.memberImport.importedLinkLater('`members.csv`', 1, 1, 0)))).toHaveLength(1);
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
    expect(answer!.text).toContain(`${en.memberImport.whereRowColumn(3, '`year_joined`')}: "soon" is not a year such as 2001`);
    expect(answer!.text).toContain('cannot be imported');
    expect(buttonsOf(answer)).toEqual([]);
    expect((await drafts())[0]).toMatchObject({
      rows: null,
      problem: { kind: 'csv', row: 3, column: 'year_joined', code: 'yearInvalid', params: { value: 'soon' } },
    });
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

  it('a Japanese organizer is told in Japanese what is wrong with the file, with the cell quoted as written', async () => {
    serveFile(csvFile([{ ...NEW_MEMBER, share_with_staff: '<たぶん>' }]));
    ctx.slack.expect('chat.postMessage');

    await ctx.harness.send(fileShare({ user: ORGANIZER_JA }));

    const text = ctx.slack.bodies('chat.postMessage')[0]!.text as string;
    expect(text).toContain(`${ja.memberImport.whereRowColumn(2, '`share_with_staff`')}：`);
    expect(text).toContain(ja.memberCsv.consentInvalid({ value: '&lt;たぶん&gt;' }));
    expect(text).not.toContain('is not yes or no');
    expect(text).not.toContain('<たぶん>');
    ctx.slack.assertDone();
  });

  it('a file URL outside Slack (a forged event) is never sent the bot token: the download is refused and told', async () => {
    const elsewhere = nock('https://evil.example').get(/.*/).reply(200, csvFile([NEW_MEMBER]), { 'content-type': 'text/csv' });
    ctx.slack.expect('chat.postMessage');
    const event = fileShare({ user: ORGANIZER });
    event.event.files[0]!.url_private_download = 'https://evil.example/files-pri/T0KAKEHASH-F0MEMBERS1/download/members.csv';

    await ctx.harness.send(event);

    expect(elsewhere.isDone()).toBe(false);
    expect(ctx.slack.bodies('chat.postMessage')[0]!.text).toBe(en.memberImport.downloadFailed('members.csv'));
    expect(await drafts()).toEqual([]);
    nock.cleanAll();
    ctx.slack.assertDone();
  });

  it('a file served by the configured Web API host (the local sandbox) is downloaded', async () => {
    const served = nock(new URL(SLACK_API_URL).origin)
      .get('/files/F0MEMBERS1/members.csv')
      .query({ download: '1' })
      .matchHeader('authorization', 'Bearer xoxb-test-token')
      .reply(200, csvFile([NEW_MEMBER]), { 'content-type': 'text/csv' });
    ctx.slack.expect('chat.postMessage');
    const event = fileShare({ user: ORGANIZER });
    event.event.files[0]!.url_private_download = `${new URL(SLACK_API_URL).origin}/files/F0MEMBERS1/members.csv?download=1`;

    await ctx.harness.send(event);

    expect(served.isDone()).toBe(true);
    expect(sectionsText(ctx.slack.bodies('chat.postMessage')[0])).toContain(en.memberImport.previewCounts(1, 1, 0, 0));
  });
});

describe('what import drafts keep of people', () => {
  it('nothing of people is kept once a draft cannot be confirmed: Confirm and Cancel clear it at once, the sweep clears expired ones without another upload', async () => {
    await givenKnownMember();
    const upload = async (fileId: string, content: string) => {
      serveFile(content, fileId);
      ctx.slack.expect('chat.postMessage');
      await ctx.harness.send(fileShare({ user: ORGANIZER, fileId }));
      return (await drafts()).find((draft) => draft.fileId === fileId)!;
    };
    const confirmed = await upload('F0CONFIRMED', csvFile([NEW_MEMBER]));
    const cancelled = await upload('F0CANCELLED', csvFile([CHANGED_MEMBER]));
    const broken = await upload('F0BROKEN', csvFile([{ email: 'x@example.jp', capacity: 'lots' }]));
    ctx.slack.expectResponse().expectResponse();
    await click(ORGANIZER, ACTIONS.confirmMemberImport, confirmed.id);
    await click(ORGANIZER, ACTIONS.cancelMemberImport, cancelled.id);
    ctx.harness.setNow(new Date('2026-11-24T12:00:00Z'));
    const live = await upload('F0LIVE', csvFile([NEW_MEMBER]));
    const { clearSpentDrafts } = await import('../../src/services/member-import-draft');

    // A day after the first uploads: the broken file's draft has expired, the last one has not.
    ctx.harness.setNow(new Date('2026-11-25T09:00:01Z'));
    expect(await clearSpentDrafts(ctx.harness.deps.services)).toBe(1);
    expect(await clearSpentDrafts(ctx.harness.deps.services)).toBe(0);

    const byId = new Map((await drafts()).map((draft) => [draft.id, draft]));
    expect(byId.get(broken.id)).toMatchObject({ rows: null, problem: null });
    expect(byId.get(confirmed.id)).toMatchObject({ rows: null, problem: null, summary: { created: 1 } });
    expect(byId.get(cancelled.id)).toMatchObject({ rows: null, problem: null });
    expect(byId.get(live.id)!.rows).toHaveLength(1);
    ctx.slack.assertDone();
  });
});

describe('which file URLs get the bot token', () => {
  it('only Slack’s file host over https, or the host of the configured Web API', async () => {
    const { isSlackFileUrl } = await import('../../src/listeners/shared/download');
    const api = 'https://slack.com/api/';
    expect(isSlackFileUrl('https://files.slack.com/files-pri/T1-F1/download/members.csv', api)).toBe(true);
    expect(isSlackFileUrl('https://slack.com/files/F1/members.csv', api)).toBe(true);
    expect(isSlackFileUrl('http://localhost:3000/files/F1/members.csv?download=1', 'http://localhost:3000/api/')).toBe(true);
    for (const url of [
      'http://files.slack.com/files-pri/T1-F1/download/members.csv',
      'https://files.slack.com.evil.example/members.csv',
      'https://evil.example/files.slack.com/members.csv',
      'https://user:pass@files.slack.com/members.csv',
      'https://files.slack.com:8443/members.csv',
      'http://localhost:3001/files/F1/members.csv',
      'not a url',
    ]) {
      expect(isSlackFileUrl(url, 'http://localhost:3000/api/'), url).toBe(false);
    }
  });
});
