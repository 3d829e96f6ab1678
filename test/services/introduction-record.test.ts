import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { introductionVolunteers, type MemberRow, type NewIntroductionRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import { exportIntroductionRecord, INTRODUCTION_RECORD_COLUMNS, RecordRangeError } from '../../src/services/introduction-record';
import { DELIVERIES } from '../../src/services/deliveries';
import { recordSupervisorNotified } from '../../src/services/introduction-ethics';
import { seedOrganizers } from '../../src/services/organizers';
import { eraseOwnData } from '../../src/services/privacy';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { givenRound, givenRoundPair } from '../helpers/round-fixtures';

const NOW = new Date('2026-12-01T03:00:00Z');
const ORGANIZER = 'U0ORGANIZER';
const HEADER =
  'request_id,requested_at,kind,requester,requester_slack_user_id,requester_division,alumnus,alumnus_organisation,' +
  'topic,details,purpose,format,due_date,coi_disclosed,coi_acknowledged_at,ethics_notices,ethics_match,ethics_acknowledged_at,supervisor_notified,status,answered_at,decline_reason,reminder_sent_at,volunteers';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => {
  await resetDatabase(database);
  await seedOrganizers(deps, [ORGANIZER]);
});

const repos = () => createRepositories(database.db);
/** What erasure leaves of a member. */
const TOMBSTONE = { status: 'erased', name: null, email: null, slackUserId: null, organisation: null } as const;

async function givenMember(overrides: Partial<MemberRow> = {}): Promise<MemberRow> {
  return repos().members.insert(memberRow(overrides));
}

let requestNumber = 0;
/** A direct request from a staff member with no profile, unanswered: a test states what differs. */
async function givenRequest(overrides: Partial<NewIntroductionRow> = {}) {
  requestNumber += 1;
  return repos().introductions.insert({
    id: `0b5e2c1a-1111-4000-8000-${String(requestNumber).padStart(12, '0')}`,
    kind: 'direct',
    status: 'pending',
    requesterSlackUserId: 'U0STAFF01',
    requesterMemberId: null,
    requesterName: '経産 太郎',
    requesterAudience: 'staff',
    requesterDivision: '産業技術環境局 GX推進課',
    alumnusMemberId: null,
    topic: '再エネ 系統',
    purpose: 'policy_research',
    details: '系統接続の実務について30分ほどお話を伺いたいです。',
    format: 'call',
    dueDate: '2026-11-20',
    createdAt: new Date('2026-11-10T01:00:00Z'),
    ...overrides,
  });
}

async function exportRecord(range: { from?: string; to?: string } = {}) {
  return exportIntroductionRecord(deps, { ...range, by: { organizerSlackUserId: ORGANIZER } });
}

/** The CSV's data rows as objects keyed by column. */
function records(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true }) as Record<string, string>[];
}

describe('the introduction record as CSV', () => {
  it('writes a header and one row per request, with a byte-order mark for Excel', async () => {
    const alumna = await givenMember({ name: '佐藤 花子', organisation: '株式会社グリーンパワー総研', pseudonym: 'M-ALUMNA01' });
    await givenRequest({
      id: '0b5e2c1a-2222-4000-8000-000000000001',
      status: 'accepted',
      alumnusMemberId: alumna.id,
      coiDisclosure: '再エネ事業者の顧問をしています',
      coiAcknowledgedAt: new Date('2026-11-10T00:59:00Z'),
      answeredAt: new Date('2026-11-12T06:30:00Z'),
      reminderSentAt: new Date('2026-11-11T00:00:00Z'),
    });

    const { csv, count } = await exportRecord();

    expect(count).toBe(1);
    expect(csv).toBe(
      `\uFEFF${HEADER}\n` +
        '0b5e2c1a-2222-4000-8000-000000000001,2026-11-10T01:00:00.000Z,direct,経産 太郎,U0STAFF01,産業技術環境局 GX推進課,' +
        '佐藤 花子,株式会社グリーンパワー総研,再エネ 系統,系統接続の実務について30分ほどお話を伺いたいです。,policy_research,call,2026-11-20,再エネ事業者の顧問をしています,' +
        '2026-11-10T00:59:00.000Z,,,,no,accepted,2026-11-12T06:30:00.000Z,,2026-11-11T00:00:00.000Z,\n',
    );
    expect(HEADER.split(',')).toEqual([...INTRODUCTION_RECORD_COLUMNS]);
  });

  it('with no request, is the header alone', async () => {
    expect(await exportRecord()).toEqual({ csv: `\uFEFF${HEADER}\n`, count: 0 });
  });

  it('keeps requests made on the days given, Japan time, both inclusive, oldest first', async () => {
    const at = {
      lastOfOctober: '2026-10-31T14:59:59.999Z', // 23:59:59.999 on 31 October in Tokyo
      firstOfNovember: '2026-10-31T15:00:00.000Z', // midnight starting 1 November in Tokyo
      lastOfNovember: '2026-11-30T14:59:59.999Z',
      firstOfDecember: '2026-11-30T15:00:00.000Z',
    };
    // Inserted out of order: the record sorts by when each request was made.
    for (const [topic, createdAt] of Object.entries(at).reverse()) {
      await givenRequest({ kind: 'open', status: 'open', topic, createdAt: new Date(createdAt) });
    }
    const topics = async (range: { from?: string; to?: string }) => records((await exportRecord(range)).csv).map((row) => row.topic);

    expect(await topics({ from: '2026-11-01', to: '2026-11-30' })).toEqual(['firstOfNovember', 'lastOfNovember']);
    expect(await topics({ from: '2026-11-01' })).toEqual(['firstOfNovember', 'lastOfNovember', 'firstOfDecember']);
    expect(await topics({ to: '2026-11-30' })).toEqual(['lastOfOctober', 'firstOfNovember', 'lastOfNovember']);
    expect(await topics({})).toEqual(['lastOfOctober', 'firstOfNovember', 'lastOfNovember', 'firstOfDecember']);
    expect(await topics({ from: '2026-11-30', to: '2026-11-30' })).toEqual(['lastOfNovember']);
    expect((await exportRecord({ from: '2026-11-01', to: '2026-11-30' })).count).toBe(2);
  });

  it('shows an erased requester and an erased alumnus only by their pseudonyms', async () => {
    const requester = await givenMember({
      name: '山田 一郎',
      email: 'ichiro.yamada@example.co.jp',
      slackUserId: 'U0ICHIRO',
      organisation: 'やまだ政策研究所',
      memberType: 'staff',
      pseudonym: 'M-REQUESTER',
    });
    const alumna = await givenMember({
      name: '佐藤 花子',
      email: 'hanako.sato@example.co.jp',
      slackUserId: 'U0HANAKO',
      organisation: '株式会社グリーンパワー総研',
      pseudonym: 'M-ALUMNA',
    });
    await givenRequest({
      status: 'declined',
      requesterSlackUserId: 'U0ICHIRO',
      requesterMemberId: requester.id,
      requesterName: '山田 一郎',
      requesterDivision: 'やまだ課',
      alumnusMemberId: alumna.id,
      coiDisclosure: '株式会社グリーンパワー総研の顧問です',
      coiAcknowledgedAt: new Date('2026-11-10T00:59:00Z'),
      answeredAt: new Date('2026-11-11T02:00:00Z'),
      declineReason: '佐藤はこの時期、株式会社グリーンパワー総研の案件で手一杯です',
      ethicsNotices: ['interested_party'],
      ethicsMatch: { summary: 'interested party: organisation 株式会社グリーンパワー総研 (contract)' },
      ethicsAcknowledgedAt: new Date('2026-11-10T00:59:00Z'),
    });
    const before = records((await exportRecord()).csv)[0]!;
    expect(before).toMatchObject({ requester: '山田 一郎', alumnus: '佐藤 花子', alumnus_organisation: '株式会社グリーンパワー総研' });

    await eraseOwnData(deps, 'U0ICHIRO');
    await eraseOwnData(deps, 'U0HANAKO');
    const { csv } = await exportRecord();

    expect(records(csv)).toEqual([
      expect.objectContaining({
        requester: 'M-REQUESTER',
        requester_slack_user_id: 'M-REQUESTER',
        requester_division: '',
        alumnus: 'M-ALUMNA',
        alumnus_organisation: '',
        coi_disclosed: '',
        coi_acknowledged_at: '2026-11-10T00:59:00.000Z',
        ethics_notices: 'interested_party',
        ethics_match: '',
        ethics_acknowledged_at: '2026-11-10T00:59:00.000Z',
        status: 'declined',
        answered_at: '2026-11-11T02:00:00.000Z',
        decline_reason: '',
      }),
    ]);
    for (const personal of ['山田', 'ichiro', 'U0ICHIRO', 'やまだ', '佐藤', 'hanako', 'U0HANAKO', 'グリーンパワー']) {
      expect(csv).not.toContain(personal);
    }
  });

  it('records the ethics notices shown, what matched, when they were acknowledged and whether a supervisor was told', async () => {
    await givenRequest({
      topic: 'with notices',
      ethicsNotices: ['interested_party', 'post_retirement'],
      ethicsMatch: { summary: '=interested party: same division (新エネルギー課)' },
      ethicsAcknowledgedAt: new Date('2026-11-10T01:00:00Z'),
      ethicsSupervisorSlackUserId: 'U0SUPER',
      ethicsSupervisorNotifiedAt: new Date('2026-11-10T01:00:05Z'),
    });
    await givenRequest({
      topic: 'supervisor not told yet',
      ethicsNotices: ['interested_party'],
      ethicsMatch: { interestedParty: { by: 'sector', sector: 'finance', relations: ['subsidy', 'permit'] } },
      ethicsAcknowledgedAt: new Date('2026-11-10T01:30:00Z'),
      ethicsSupervisorSlackUserId: 'U0SUPER',
      createdAt: new Date('2026-11-10T01:30:00Z'),
    });
    await givenRequest({ topic: 'nothing matched', createdAt: new Date('2026-11-10T02:00:00Z') });

    const rows = records((await exportRecord()).csv);

    expect(rows.map(({ topic, ethics_notices, ethics_match, ethics_acknowledged_at, supervisor_notified }) => ({
      topic,
      ethics_notices,
      ethics_match,
      ethics_acknowledged_at,
      supervisor_notified,
    }))).toEqual([
      {
        topic: 'with notices',
        ethics_notices: 'interested_party; post_retirement',
        // A row stored before findings were data: its English text as it was, formula-guarded.
        ethics_match: "'=interested party: same division (新エネルギー課)",
        ethics_acknowledged_at: '2026-11-10T01:00:00.000Z',
        supervisor_notified: 'yes',
      },
      {
        topic: 'supervisor not told yet',
        ethics_notices: 'interested_party',
        ethics_match: 'interested party: sector Finance (banking, securities, insurance) (subsidy, permit)',
        ethics_acknowledged_at: '2026-11-10T01:30:00.000Z',
        supervisor_notified: 'pending',
      },
      { topic: 'nothing matched', ethics_notices: '', ethics_match: '', ethics_acknowledged_at: '', supervisor_notified: 'no' },
    ]);
  });

  it('shows what matched in one fixed English wording, with the names as declared', async () => {
    await givenRequest({
      ethicsNotices: ['interested_party', 'post_retirement'],
      ethicsMatch: {
        interestedParty: { by: 'organisation', organisation: '=株式会社グリーンパワー総研', relations: ['contract'] },
        postRetirement: { division: '新エネルギー課', until: '2027-03' },
      },
    });

    const [row] = records((await exportRecord()).csv);

    expect(row!.ethics_match).toBe('interested party: organisation =株式会社グリーンパワー総研 (contract); post-retirement: former division 新エネルギー課, until 2027-03');
  });

  it('still says the supervisor was notified after the requester erased their data, without the supervisor’s Slack ID', async () => {
    const requester = await givenMember({ slackUserId: 'U0ICHIRO', memberType: 'staff', pseudonym: 'M-REQUESTER' });
    const request = await givenRequest({
      requesterSlackUserId: 'U0ICHIRO',
      requesterMemberId: requester.id,
      ethicsNotices: ['interested_party'],
      ethicsMatch: { interestedParty: { by: 'division', division: '新エネルギー課' } },
      ethicsAcknowledgedAt: new Date('2026-11-10T01:00:00Z'),
      ethicsSupervisorSlackUserId: 'U0SUPER',
      ethicsSupervisorNotifiedAt: new Date('2026-11-10T01:00:05Z'),
    });

    await eraseOwnData(deps, 'U0ICHIRO');

    const stored = await repos().introductions.findById(request.id);
    expect(stored).toMatchObject({ requesterSlackUserId: 'M-REQUESTER', ethicsSupervisorSlackUserId: null, ethicsMatch: null });
    expect(stored!.ethicsSupervisorNotifiedAt).toEqual(new Date('2026-11-10T01:00:05Z'));
    const { csv } = await exportRecord();
    expect(records(csv)[0]).toMatchObject({ requester: 'M-REQUESTER', supervisor_notified: 'yes', ethics_notices: 'interested_party' });
    expect(csv).not.toContain('U0SUPER');
  });

  it('says failed, not pending forever, when the supervisor’s DM failed for good; another request’s failure changes nothing', async () => {
    const failed = await givenRequest({ topic: 'failed', ethicsNotices: ['interested_party'], ethicsSupervisorSlackUserId: 'U0SUPER' });
    const waiting = await givenRequest({ topic: 'waiting', ethicsNotices: ['interested_party'], ethicsSupervisorSlackUserId: 'U0SUPER' });
    const [supervisorDm] = await repos().deliveries.enqueue([DELIVERIES.introductionNotice(failed.id, 'supervisor', 'U0REQ')], NOW);
    // The requester's own notice of the same request failing is not the supervisor's DM.
    const [otherDm] = await repos().deliveries.enqueue([DELIVERIES.introductionNotice(waiting.id, 'declined')], NOW);
    await repos().deliveries.markFailed(supervisorDm!, NOW, 'channel_not_found');
    await repos().deliveries.markFailed(otherDm!, NOW, 'channel_not_found');

    const cells = Object.fromEntries(records((await exportRecord()).csv).map((row) => [row.topic, row.supervisor_notified]));
    expect(cells).toEqual({ failed: 'failed', waiting: 'pending' });
  });

  it('keeps when the supervisor was first told: a second delivery of the same DM changes nothing', async () => {
    const request = await givenRequest({ ethicsNotices: ['interested_party'], ethicsSupervisorSlackUserId: 'U0SUPER' });
    expect(records((await exportRecord()).csv)[0]).toMatchObject({ supervisor_notified: 'pending' });

    await recordSupervisorNotified(deps, request.id);
    await recordSupervisorNotified({ ...deps, clock: () => new Date(NOW.getTime() + 3_600_000) }, request.id);

    expect((await repos().introductions.findById(request.id))!.ethicsSupervisorNotifiedAt).toEqual(NOW);
    expect(records((await exportRecord()).csv)[0]).toMatchObject({ supervisor_notified: 'yes' });
  });

  it('is refused to anyone but organizers, and nothing is recorded', async () => {
    await givenRequest();

    await expect(exportIntroductionRecord(deps, { by: { organizerSlackUserId: 'U0STAFF01' } })).rejects.toMatchObject({ code: 'not_organizer' });
    expect(await database.db.query.auditEvents.findMany()).toEqual([]);
  });

  it('shows an erased member by pseudonym even where the request still holds their name', async () => {
    // Defence in depth: the record never relies on erasure having rewritten every request.
    const requester = await givenMember({ ...TOMBSTONE, pseudonym: 'M-GONE' });
    await givenRequest({
      requesterMemberId: requester.id,
      requesterSlackUserId: 'U0STALE',
      requesterName: '旧 名前',
      requesterDivision: '旧課',
    });

    const [row] = records((await exportRecord()).csv);

    expect(row).toMatchObject({ requester: 'M-GONE', requester_slack_user_id: 'M-GONE', requester_division: '' });
  });

  it('lists who volunteered for an open request, in order, and leaves the alumnus empty until one is picked', async () => {
    const first = await givenMember({ name: '田中 次郎', pseudonym: 'M-FIRST' });
    const erased = await givenMember({ ...TOMBSTONE, pseudonym: 'M-ERASED' });
    const third = await givenMember({ name: '=鈴木 三郎', pseudonym: 'M-THIRD' });
    const open = await givenRequest({ kind: 'open', status: 'open', topic: 'open, unanswered' });
    await givenRequest({ kind: 'open', status: 'open', topic: 'nobody yet', createdAt: new Date('2026-11-10T02:00:00Z') });
    await database.db.insert(introductionVolunteers).values([
      { requestId: open.id, memberId: third.id, volunteeredAt: new Date('2026-11-10T05:00:00Z') },
      { requestId: open.id, memberId: first.id, volunteeredAt: new Date('2026-11-10T03:00:00Z') },
      { requestId: open.id, memberId: erased.id, volunteeredAt: new Date('2026-11-10T04:00:00Z') },
    ]);

    const rows = records((await exportRecord()).csv);

    expect(rows.map(({ topic, kind, alumnus, volunteers }) => ({ topic, kind, alumnus, volunteers }))).toEqual([
      { topic: 'open, unanswered', kind: 'open', alumnus: '', volunteers: '田中 次郎; M-ERASED; =鈴木 三郎' },
      { topic: 'nobody yet', kind: 'open', alumnus: '', volunteers: '' },
    ]);
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe', async () => {
    const volunteer = await givenMember({ name: '@volunteer', pseudonym: 'M-AT' });
    const alumna = await givenMember({ name: '-佐藤', organisation: '+81 研究所', pseudonym: 'M-DASH' });
    await givenRequest({
      status: 'declined',
      requesterName: '=HYPERLINK("https://evil.example","click")',
      requesterDivision: '+課',
      alumnusMemberId: alumna.id,
      topic: '=1+2',
      coiDisclosure: '@SUM(A1)',
      declineReason: "'=already escaped",
    });
    const open = await givenRequest({ kind: 'open', status: 'open', topic: 'safe' });
    await database.db.insert(introductionVolunteers).values({ requestId: open.id, memberId: volunteer.id });

    const [direct, withVolunteer] = records((await exportRecord()).csv);

    expect(direct).toMatchObject({
      requester: `'=HYPERLINK("https://evil.example","click")`,
      requester_division: "'+課",
      alumnus: "'-佐藤",
      alumnus_organisation: "'+81 研究所",
      topic: "'=1+2",
      coi_disclosed: "'@SUM(A1)",
      decline_reason: "''=already escaped",
    });
    expect(withVolunteer).toMatchObject({ topic: 'safe', volunteers: "'@volunteer" });
  });

  it('records who exported which days and how many requests in the audit trail', async () => {
    await givenRequest({ createdAt: new Date('2026-11-05T00:00:00Z') });
    await givenRequest({ createdAt: new Date('2026-10-05T00:00:00Z') });

    await exportRecord({ from: '2026-11-01', to: '2026-11-30' });
    await exportIntroductionRecord(deps, { by: { commandLine: true } });

    const events = await database.db.query.auditEvents.findMany();
    const byActor = events.sort((a, b) => (a.actor === ORGANIZER ? -1 : 0) - (b.actor === ORGANIZER ? -1 : 0));
    const exported = { action: 'audit.exported', occurredAt: NOW, subjectMemberId: null };
    const seen = byActor.map(({ actor, action, details, occurredAt, subjectMemberId }) => ({ actor, action, details, occurredAt, subjectMemberId }));
    expect(seen).toEqual([
      { actor: ORGANIZER, details: { from: '2026-11-01', to: '2026-11-30', count: 1, roundPairs: 0 }, ...exported },
      { actor: 'cli', details: { from: null, to: null, count: 2, roundPairs: 0 }, ...exported },
    ]);
  });

  it('refuses a date that is not YYYY-MM-DD or a start after the end, and records nothing', async () => {
    await expect(exportRecord({ from: '2026-13-01' })).rejects.toThrow(RecordRangeError);
    await expect(exportRecord({ to: '2026/11/30' })).rejects.toMatchObject({ problem: 'bad_date' });
    await expect(exportRecord({ from: '2026-12-01', to: '2026-11-30' })).rejects.toMatchObject({ problem: 'bad_range' });
    expect(await database.db.query.auditEvents.findMany()).toEqual([]);
  });

  describe('rounds', () => {
    const staffMember = (overrides: Partial<MemberRow> = {}) =>
      givenMember({ memberType: 'staff', organisation: null, currentDivision: '製造産業局 素材産業課', ...overrides });

    it('writes one row per pair (kind round), dated by the round’s start, with the shared topics and what came of it', async () => {
      const staff = await staffMember({ name: '経産 次郎', slackUserId: 'U0JIRO' });
      const alumna = await givenMember({ name: '佐藤 花子', organisation: 'グリーンパワー総研' });
      const alumnus = await givenMember({ name: '田中 一郎', organisation: '東都電力' });
      const otherStaff = await staffMember({ name: '経産 三郎', slackUserId: 'U0SABURO', currentDivision: '通商政策局' });
      const request = await givenRequest({ createdAt: new Date('2026-11-02T00:00:00Z') });
      const round = await givenRound(database.db, new Date('2026-11-02T00:00:00Z'));
      const met = await givenRoundPair(
        database.db,
        round,
        [
          { member: staff, answer: 'not_yet', answeredAt: new Date('2026-11-04T01:00:00Z') },
          { member: alumna, answer: 'met', answeredAt: new Date('2026-11-05T01:00:00Z') },
          { member: alumnus, answer: 'met', answeredAt: new Date('2026-11-06T01:00:00Z') },
        ],
        {
          sharedTopics: ['renewable_energy'],
          ethicsMatch: {
            [`${staff.id}:${alumna.id}`]: { postRetirement: { division: '素材産業課', until: '2027-03' } },
          },
        },
      );
      const skipped = await givenRoundPair(database.db, round, [
        { member: otherStaff, answer: 'skip', answeredAt: new Date('2026-11-03T01:00:00Z') },
        { member: await givenMember({ name: 'C', organisation: null }), answer: 'not_yet', answeredAt: new Date('2026-11-03T02:00:00Z') },
      ]);
      const unanswered = await givenRoundPair(database.db, round, [{ member: otherStaff }, { member: alumnus }]);
      const { csv, count } = await exportRecord();

      expect(count).toBe(4);
      const [first, ...pairs] = records(csv);
      // A request made at the round's start comes before its pairs.
      expect(first!.request_id).toBe(request.id);
      // Pairs of one round are made at one instant: their order among themselves is not meaningful.
      expect(pairs).toHaveLength(3);
      expect(pairs).toEqual(expect.arrayContaining([
        {
          request_id: met.id,
          requested_at: '2026-11-02T00:00:00.000Z',
          kind: 'round',
          requester: '経産 次郎',
          requester_slack_user_id: 'U0JIRO',
          requester_division: '製造産業局 素材産業課',
          alumnus: '佐藤 花子; 田中 一郎',
          alumnus_organisation: 'グリーンパワー総研; 東都電力',
          topic: 'Renewable energy',
          details: '',
          purpose: '',
          format: '',
          due_date: '2026-11-16',
          coi_disclosed: '',
          coi_acknowledged_at: '',
          ethics_notices: 'post_retirement',
          ethics_match: 'post-retirement: former division 素材産業課, until 2027-03',
          ethics_acknowledged_at: '',
          supervisor_notified: '',
          status: 'met',
          answered_at: '2026-11-05T01:00:00.000Z',
          decline_reason: '',
          reminder_sent_at: '',
          volunteers: '',
        },
        expect.objectContaining({ request_id: skipped.id, requester: '経産 三郎', alumnus: 'C', status: 'not_yet', answered_at: '2026-11-03T02:00:00.000Z' }),
        expect.objectContaining({ request_id: unanswered.id, status: 'no_answer', answered_at: '', ethics_notices: '' }),
      ]));
    });

    it('says skipped when the only answers are skips, and selects pairs by the round’s start in Japan days', async () => {
      const staff = await staffMember({ name: '経産 次郎' });
      const alumna = await givenMember({ name: '佐藤 花子' });
      const october = await givenRound(database.db, new Date('2026-10-31T14:59:00Z')); // 23:59 on 31 October in Tokyo
      await givenRoundPair(database.db, october, [{ member: staff, answer: 'skip', answeredAt: new Date('2026-11-03T00:00:00Z') }, { member: alumna }]);
      const november = await givenRound(database.db, new Date('2026-10-31T15:00:00Z'));
      await givenRoundPair(database.db, november, [{ member: staff }, { member: alumna, answer: 'skip' }, { member: await givenMember() }]);

      const statuses = async (range: { from?: string; to?: string }) => records((await exportRecord(range)).csv).map((row) => `${row.requested_at} ${row.status}`);

      expect(await statuses({ to: '2026-10-31' })).toEqual(['2026-10-31T14:59:00.000Z skipped']);
      expect(await statuses({ from: '2026-11-01' })).toEqual(['2026-10-31T15:00:00.000Z skipped']);
    });

    it('shows erased people of a pair only by their pseudonyms, without their Slack ID, division, organisation or what matched; text is formula-guarded', async () => {
      const gone = await staffMember({ name: '消去 職員', slackUserId: 'U0GONE', currentDivision: 'きえる課', pseudonym: 'M-GONE' });
      const alumna = await givenMember({ name: '@佐藤', slackUserId: 'U0HANAKO', organisation: '=研究所' });
      const round = await givenRound(database.db, new Date('2026-11-10T00:00:00Z'));
      await givenRoundPair(database.db, round, [{ member: gone }, { member: alumna }], {
        ethicsMatch: { [`${gone.id}:${alumna.id}`]: { interestedParty: { by: 'division', division: 'きえる課' } } },
      });
      await eraseOwnData(deps, 'U0GONE');

      const { csv } = await exportRecord();

      expect(records(csv)).toEqual([
        expect.objectContaining({
          requester: 'M-GONE',
          requester_slack_user_id: 'M-GONE',
          requester_division: '',
          alumnus: "'@佐藤",
          alumnus_organisation: "'=研究所",
          ethics_notices: 'interested_party',
          ethics_match: '',
        }),
      ]);
      for (const personal of ['消去', 'GONE', 'きえる課']) expect(csv.replace(/M-GONE/g, '')).not.toContain(personal);
    });
  });
});
