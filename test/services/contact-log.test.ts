import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import { createEventsRepository } from '../../src/db/repositories/events';
import { eventRsvps, type MemberRow, type NewEventRow, type NewIntroductionRow } from '../../src/db/schema';
import { CONTACT_LOG_COLUMNS, exportContactLog } from '../../src/services/contact-log';
import type { ServiceDeps } from '../../src/services/deps';
import { DELIVERIES } from '../../src/services/deliveries';
import { RecordRangeError } from '../../src/services/introduction-record';
import { recordMealNoticeGiven } from '../../src/services/meal-notices';
import { eraseOwnData } from '../../src/services/privacy';
import { seedOrganizers } from '../../src/services/organizers';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { givenRound, givenRoundPair } from '../helpers/round-fixtures';

// 2026-12-01 12:00 in Tokyo.
const NOW = new Date('2026-12-01T03:00:00Z');
const ORGANIZER = 'U0ORGANIZER';
const HEADER =
  'date,kind,staff,staff_division,alumni,alumni_organisation,subject,format,outcome,interested_party_notice,post_retirement_notice,meal_notice,' +
  'ethics_match,notice_acknowledged_at,supervisor_notified,paid_by,fee_per_person,reference_id';

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

const givenMember = (overrides: Partial<MemberRow> = {}) => repos().members.insert(memberRow(overrides));
const givenStaff = (overrides: Partial<MemberRow> = {}) =>
  givenMember({ memberType: 'staff', organisation: null, currentDivision: '製造産業局 素材産業課', ...overrides });

/** An introduction a staff member asked for and the alumnus accepted, no notice: a test states what differs. */
async function givenIntroduction(overrides: Partial<NewIntroductionRow> = {}) {
  return repos().introductions.insert({
    kind: 'direct',
    status: 'accepted',
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
    createdAt: new Date('2026-11-09T01:00:00Z'),
    answeredAt: new Date('2026-11-10T01:00:00Z'),
    ...overrides,
  });
}

/** A seated event held on 10 November (18:00 in Tokyo) with a fee; `going` have a place unless stated. */
async function givenEvent(
  overrides: Partial<NewEventRow>,
  answers: { member: MemberRow; answer?: 'going' | 'maybe' | 'not_going'; waitlisted?: boolean }[],
) {
  const event = await createEventsRepository({ db: database.db }).insert({
    title: 'OB・OG交流会',
    startsAt: new Date('2026-11-10T09:00:00Z'),
    endsAt: new Date('2026-11-10T11:00:00Z'),
    place: '本館 会議室',
    audience: 'all',
    feePerPerson: 5000,
    feePayer: 'each_attendee',
    format: 'seated',
    organizerSlackUserId: ORGANIZER,
    channelId: 'C0EVENTS',
    ...overrides,
  });
  for (const { member, answer = 'going', waitlisted = false } of answers) {
    await database.db.insert(eventRsvps).values({ eventId: event.id, memberId: member.id, answer, waitlisted });
  }
  return event;
}

const exportLog = (range: { from?: string; to?: string } = {}) => exportContactLog(deps, { ...range, by: { organizerSlackUserId: ORGANIZER } });

/** The CSV's data rows as objects keyed by column. */
function rows(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true }) as Record<string, string>[];
}

describe('the contact log for the ethics officer', () => {
  it('writes one row per introduction made, with the notices shown, and one per staff member at an event, with who paid', async () => {
    const alumna = await givenMember({ name: '佐藤 花子', organisation: '株式会社グリーンパワー総研' });
    const staff = await givenStaff({ name: '経産 次郎' });
    const otherAlumnus = await givenMember({ name: '田中 一郎', organisation: '東都電力' });
    const introduction = await givenIntroduction({
      alumnusMemberId: alumna.id,
      ethicsNotices: ['interested_party', 'post_retirement'],
      ethicsMatch: { summary: '省エネルギー課（補助金）' },
      ethicsAcknowledgedAt: new Date('2026-11-09T00:59:00Z'),
      ethicsSupervisorSlackUserId: 'U0SUPERVISOR',
      ethicsSupervisorNotifiedAt: new Date('2026-11-09T01:00:00Z'),
      answeredAt: new Date('2026-11-09T15:30:00Z'), // 10 November, 00:30 in Tokyo
    });
    const event = await givenEvent({ feePerPerson: 12000, startsAt: new Date('2026-11-12T09:00:00Z') }, [
      { member: staff },
      { member: otherAlumnus },
      { member: alumna },
    ]);

    const { csv, count } = await exportLog();

    expect(count).toBe(2);
    expect(csv).toBe(
      `\uFEFF${HEADER}\n` +
        `2026-11-10,introduction,経産 太郎,産業技術環境局 GX推進課,佐藤 花子,株式会社グリーンパワー総研,再エネ 系統,call,accepted,yes,yes,,` +
        `省エネルギー課（補助金）,2026-11-09T00:59:00.000Z,yes,,,${introduction.id}\n` +
        `2026-11-12,event,経産 次郎,製造産業局 素材産業課,佐藤 花子; 田中 一郎,株式会社グリーンパワー総研; 東都電力,OB・OG交流会,seated,attended,,,no,,,,` +
        `each_attendee,12000,${event.id}\n`,
    );
    expect(HEADER.split(',')).toEqual([...CONTACT_LOG_COLUMNS]);
  });

  it('says no notice was shown or supervisor notified where nothing matched, and leaves an old event’s cost empty', async () => {
    const staff = await givenStaff({ name: '経産 次郎' });
    await givenIntroduction();
    await givenEvent({ feePerPerson: null, feePayer: null, format: null }, [{ member: staff }]);

    const [introduction, event] = rows((await exportLog()).csv);

    expect(introduction).toMatchObject({
      interested_party_notice: 'no',
      post_retirement_notice: 'no',
      ethics_match: '',
      notice_acknowledged_at: '',
      supervisor_notified: 'no',
      paid_by: '',
      fee_per_person: '',
    });
    expect(event).toMatchObject({ kind: 'event', format: '', paid_by: '', fee_per_person: '', alumni: '', alumni_organisation: '' });
  });

  it('says pending while the chosen supervisor has not been told yet', async () => {
    await givenIntroduction({ ethicsNotices: ['interested_party'], ethicsSupervisorSlackUserId: 'U0SUPERVISOR' });

    expect(rows((await exportLog()).csv)[0]).toMatchObject({ supervisor_notified: 'pending' });
  });

  it('says failed when the supervisor’s DM failed for good', async () => {
    const request = await givenIntroduction({ ethicsNotices: ['interested_party'], ethicsSupervisorSlackUserId: 'U0SUPERVISOR' });
    const [dm] = await repos().deliveries.enqueue([DELIVERIES.introductionNotice(request.id, 'supervisor', 'U0STAFF01')], NOW);
    await repos().deliveries.markFailed(dm!, NOW, 'channel_not_found');

    expect(rows((await exportLog()).csv)[0]).toMatchObject({ supervisor_notified: 'failed' });
  });

  it('counts only introductions made for staff: not pending, declined, expired, closed or open ones, nor alumni asking alumni', async () => {
    for (const status of ['open', 'pending', 'declined', 'expired', 'closed'] as const) {
      await givenIntroduction({ status, topic: status, answeredAt: status === 'open' || status === 'pending' ? null : new Date('2026-11-10T01:00:00Z') });
    }
    await givenIntroduction({ requesterAudience: 'alumni', topic: 'alumni asking alumni' });
    await givenIntroduction({ kind: 'open', topic: 'open request, volunteer picked' });

    expect(rows((await exportLog()).csv).map((row) => row.subject)).toEqual(['open request, volunteer picked']);
  });

  it('leaves out introductions asked as staff by an organizer whose profile holds no post, and keeps staff, returnees and unregistered staff', async () => {
    const organizerAlumnus = await givenMember({ name: 'A 卒業生の世話人', organisation: 'Blue Energy', email: 'a@example.com' });
    const staff = await givenStaff({ name: 'B 現役' });
    const returnee = await givenMember({ name: 'C 出戻り', memberType: 'returnee', currentDivision: '通商政策局' });
    await givenIntroduction({ requesterMemberId: organizerAlumnus.id, requesterName: 'A 卒業生の世話人', requesterDivision: 'Blue Energy', topic: 'organizer alumnus' });
    await givenIntroduction({ requesterMemberId: staff.id, requesterName: 'B 現役', topic: 'staff' });
    await givenIntroduction({ requesterMemberId: returnee.id, requesterName: 'C 出戻り', topic: 'returnee' });
    await givenIntroduction({ topic: 'staff not registered' });

    const { csv, count } = await exportLog();
    expect(rows(csv).map((row) => row.subject).sort()).toEqual(['returnee', 'staff', 'staff not registered']);
    expect(count).toBe(3);
  });

  it('counts staff and returnees with a place at events held: not waitlisted, maybe or no answers, cancelled or future events', async () => {
    const staff = await givenStaff({ name: 'A 現役' });
    const returnee = await givenMember({ name: 'B 出戻り', memberType: 'returnee', currentDivision: '通商政策局' });
    const waitlisted = await givenStaff({ name: 'C 待ち' });
    const maybe = await givenStaff({ name: 'D 未定' });
    const notGoing = await givenStaff({ name: 'E 欠席' });
    const alumna = await givenMember({ name: 'F 卒業生' });
    await givenEvent({ title: 'held' }, [
      { member: notGoing, answer: 'not_going' },
      { member: returnee },
      { member: waitlisted, waitlisted: true },
      { member: maybe, answer: 'maybe' },
      { member: staff },
      { member: alumna },
    ]);
    await givenEvent({ title: 'cancelled', status: 'cancelled' }, [{ member: staff }]);
    await givenEvent({ title: 'later today', startsAt: new Date('2026-12-01T09:00:00Z'), endsAt: new Date('2026-12-01T11:00:00Z') }, [
      { member: staff },
    ]);
    await givenEvent({ title: 'alumni only' }, [{ member: alumna }]);

    const listed = rows((await exportLog()).csv).map(({ subject, staff: name, staff_division, alumni }) => ({ subject, name, staff_division, alumni }));

    expect(listed).toEqual([
      { subject: 'held', name: 'A 現役', staff_division: '製造産業局 素材産業課', alumni: 'F 卒業生' },
      { subject: 'held', name: 'B 出戻り', staff_division: '通商政策局', alumni: 'F 卒業生' },
    ]);
  });

  it('counts as staff whoever holds a post by the one rule: an account on a staff domain registered as an alumnus too, not the domain alone', async () => {
    const onStaffAccount = await givenMember({ name: 'A 現役（卒業生として登録）', email: 'a@meti.go.jp' });
    const guestOnStaffDomain = await givenMember({ name: 'B ゲスト', email: 'b@meti.go.jp', slackStanding: 'guest' });
    const alumna = await givenMember({ name: 'C 卒業生', email: 'c@example.com' });
    await givenEvent({}, [{ member: onStaffAccount }, { member: guestOnStaffDomain }, { member: alumna }]);

    const listed = rows((await exportLog()).csv).map(({ staff, alumni }) => ({ staff, alumni }));

    expect(listed).toEqual([{ staff: 'A 現役（卒業生として登録）', alumni: 'B ゲスト; C 卒業生' }]);
  });

  it('says which meal notice each staff member was given before an event, and no where none was', async () => {
    const told = await givenStaff({ name: 'A 通知済み' });
    const notTold = await givenStaff({ name: 'B 通知なし' });
    const alumna = await givenMember({ name: 'C 卒業生' });
    const event = await givenEvent({ feePayer: 'organizers' }, [{ member: told }, { member: notTold }, { member: alumna }]);
    await recordMealNoticeGiven(deps, { eventId: event.id, memberId: told.id, meal: 'hospitality', deliveryId: '0b5e2c1a-5555-4000-8000-000000000001' });

    const listed = rows((await exportLog()).csv).map(({ staff, meal_notice }) => ({ staff, meal_notice }));

    expect(listed).toEqual([
      { staff: 'A 通知済み', meal_notice: 'hospitality' },
      { staff: 'B 通知なし', meal_notice: 'no' },
    ]);
  });

  it('keeps what happened on the days given, Japan time, both inclusive, by date with introductions first', async () => {
    const staff = await givenStaff({ name: '経産 次郎' });
    const at = {
      lastOfOctober: '2026-10-31T14:59:59.999Z', // 23:59:59.999 on 31 October in Tokyo
      firstOfNovember: '2026-10-31T15:00:00.000Z', // midnight starting 1 November in Tokyo
      lastOfNovember: '2026-11-30T14:59:59.999Z',
      firstOfDecember: '2026-11-30T15:00:00.000Z',
    };
    for (const [name, time] of Object.entries(at).reverse()) {
      await givenEvent({ title: `event ${name}`, startsAt: new Date(time), endsAt: new Date(Date.parse(time) + 3_600_000) }, [
        { member: staff },
      ]);
      await givenIntroduction({ topic: `introduction ${name}`, answeredAt: new Date(time) });
    }
    const subjects = async (range: { from?: string; to?: string }) => rows((await exportLog(range)).csv).map((row) => `${row.date} ${row.subject}`);

    expect(await subjects({ from: '2026-11-01', to: '2026-11-30' })).toEqual([
      '2026-11-01 introduction firstOfNovember',
      '2026-11-01 event firstOfNovember',
      '2026-11-30 introduction lastOfNovember',
      '2026-11-30 event lastOfNovember',
    ]);
    expect(await subjects({ from: '2026-12-01' })).toEqual(['2026-12-01 introduction firstOfDecember', '2026-12-01 event firstOfDecember']);
    expect(await subjects({ to: '2026-10-31' })).toEqual(['2026-10-31 introduction lastOfOctober', '2026-10-31 event lastOfOctober']);
    expect((await exportLog({})).count).toBe(8);
  });

  it('shows erased people only by their pseudonyms, without their division, organisation or what matched', async () => {
    const requester = await givenStaff({ name: '山田 一郎', slackUserId: 'U0ICHIRO', currentDivision: 'やまだ課', pseudonym: 'M-REQUESTER' });
    const alumna = await givenMember({ name: '佐藤 花子', slackUserId: 'U0HANAKO', organisation: 'グリーンパワー総研', pseudonym: 'M-ALUMNA' });
    await givenIntroduction({
      requesterSlackUserId: 'U0ICHIRO',
      requesterMemberId: requester.id,
      requesterName: '山田 一郎',
      requesterDivision: 'やまだ課',
      alumnusMemberId: alumna.id,
      ethicsNotices: ['interested_party'],
      ethicsMatch: { summary: 'グリーンパワー総研（やまだ課の補助金）' },
      ethicsAcknowledgedAt: new Date('2026-11-09T00:59:00Z'),
    });
    // Attendance at an event held outlives an erasure, under the tombstone's pseudonym alone.
    const goneStaff = await givenStaff({ name: '消去 職員', slackUserId: 'U0GONESTAFF', currentDivision: 'きえる課', pseudonym: 'M-GONE-STAFF' });
    const goneAlumnus = await givenMember({ name: '消去 卒業生', slackUserId: 'U0GONEALUMNUS', organisation: '消える商事', pseudonym: 'M-GONE-ALUMNUS' });
    const kept = await givenMember({ name: '田中 一郎', organisation: '東都電力' });
    await givenEvent({}, [{ member: goneStaff }, { member: goneAlumnus }, { member: kept }]);

    for (const user of ['U0ICHIRO', 'U0HANAKO', 'U0GONESTAFF', 'U0GONEALUMNUS']) await eraseOwnData(deps, user);
    const { csv } = await exportLog();

    expect(rows(csv)).toEqual([
      expect.objectContaining({
        kind: 'introduction',
        staff: 'M-REQUESTER',
        staff_division: '',
        alumni: 'M-ALUMNA',
        alumni_organisation: '',
        interested_party_notice: 'yes',
        ethics_match: '',
        notice_acknowledged_at: '2026-11-09T00:59:00.000Z',
      }),
      expect.objectContaining({
        kind: 'event',
        staff: 'M-GONE-STAFF',
        staff_division: '',
        alumni: '田中 一郎; M-GONE-ALUMNUS',
        alumni_organisation: '東都電力; ',
      }),
    ]);
    for (const personal of ['山田', 'ICHIRO', 'やまだ', '佐藤', 'HANAKO', 'グリーンパワー', '消去', 'GONE', 'きえる課', '消える商事']) {
      expect(csv.replace(/M-GONE-(STAFF|ALUMNUS)/g, '')).not.toContain(personal);
    }
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe', async () => {
    const alumna = await givenMember({ name: '-佐藤', organisation: '+81 研究所' });
    const staff = await givenStaff({ name: '@経産', currentDivision: '=課' });
    await givenIntroduction({
      requesterName: '=HYPERLINK("https://evil.example","click")',
      requesterDivision: '+課',
      alumnusMemberId: alumna.id,
      topic: '=1+2',
      ethicsMatch: { summary: '@SUM(A1)' },
    });
    await givenEvent({ title: '=cmd' }, [{ member: staff }, { member: alumna }]);

    const [introduction, event] = rows((await exportLog()).csv);

    expect(introduction).toMatchObject({
      staff: `'=HYPERLINK("https://evil.example","click")`,
      staff_division: "'+課",
      alumni: "'-佐藤",
      alumni_organisation: "'+81 研究所",
      subject: "'=1+2",
      ethics_match: "'@SUM(A1)",
    });
    expect(event).toMatchObject({ staff: "'@経産", staff_division: "'=課", alumni: "'-佐藤", alumni_organisation: "'+81 研究所", subject: "'=cmd" });
  });

  it('records who exported which days and how many rows in the audit trail', async () => {
    const staff = await givenStaff();
    await givenIntroduction();
    await givenEvent({}, [{ member: staff }]);

    await exportLog({ from: '2026-11-01', to: '2026-11-30' });
    await exportContactLog(deps, { by: { commandLine: true } });

    const events = await database.db.query.auditEvents.findMany();
    expect(events.map(({ actor, action, details, occurredAt, subjectMemberId }) => ({ actor, action, details, occurredAt, subjectMemberId }))).toEqual(
      expect.arrayContaining([
        {
          actor: ORGANIZER,
          action: 'contacts.exported',
          details: { from: '2026-11-01', to: '2026-11-30', count: 2, introductions: 1, eventAttendances: 1, roundPairs: 0 },
          occurredAt: NOW,
          subjectMemberId: null,
        },
        {
          actor: 'cli',
          action: 'contacts.exported',
          details: { from: null, to: null, count: 2, introductions: 1, eventAttendances: 1, roundPairs: 0 },
          occurredAt: NOW,
          subjectMemberId: null,
        },
      ]),
    );
    expect(events).toHaveLength(2);
  });

  it('is refused to anyone but organizers, and nothing is recorded', async () => {
    await givenIntroduction();

    await expect(exportContactLog(deps, { by: { organizerSlackUserId: 'U0STAFF01' } })).rejects.toMatchObject({ code: 'not_organizer' });

    expect(await database.db.query.auditEvents.findMany()).toEqual([]);
  });

  it('refuses a date that is not YYYY-MM-DD or a start after the end, and records nothing', async () => {
    await expect(exportLog({ from: '2026-13-01' })).rejects.toThrow(RecordRangeError);
    await expect(exportLog({ to: '2026/11/30' })).rejects.toMatchObject({ problem: 'bad_date' });
    await expect(exportLog({ from: '2026-12-01', to: '2026-11-30' })).rejects.toMatchObject({ problem: 'bad_range' });
    expect(await database.db.query.auditEvents.findMany()).toEqual([]);
  });

  describe('rounds', () => {
    it('writes one row per pair with staff in it, with its outcome, dated the day they said they met or the round’s start, with the shared topics and whether the check flagged it', async () => {
      const staff = await givenStaff({ name: '経産 次郎' });
      const alumna = await givenMember({ name: '佐藤 花子', organisation: 'グリーンパワー総研' });
      const alumnus = await givenMember({ name: '田中 一郎', organisation: '東都電力' });
      const otherStaff = await givenStaff({ name: '経産 三郎', currentDivision: '通商政策局' });
      const round = await givenRound(database.db, new Date('2026-11-02T00:00:00Z')); // 9:00 on 2 November in Tokyo
      const met = await givenRoundPair(
        database.db,
        round,
        [
          { member: staff, answer: 'met', answeredAt: new Date('2026-11-05T16:00:00Z') }, // 6 November in Tokyo
          { member: alumna, answer: 'not_yet', answeredAt: new Date('2026-11-04T01:00:00Z') },
        ],
        {
          sharedTopics: ['renewable_energy', 'startups'],
          ethicsMatch: { [`${staff.id}:${alumna.id}`]: { interestedParty: { by: 'division', division: '製造産業局 素材産業課' } } },
        },
      );
      const unanswered = await givenRoundPair(database.db, round, [{ member: otherStaff }, { member: alumnus }]);
      // Alumni paired with alumni are no contact with staff.
      await givenRoundPair(database.db, round, [{ member: await givenMember({ name: 'A' }) }, { member: await givenMember({ name: 'B' }) }]);

      const { csv, count } = await exportLog();

      expect(count).toBe(2);
      expect(rows(csv)).toEqual([
        {
          date: '2026-11-02',
          kind: 'round',
          staff: '経産 三郎',
          staff_division: '通商政策局',
          alumni: '田中 一郎',
          alumni_organisation: '東都電力',
          subject: '',
          format: 'round',
          outcome: 'no_answer',
          interested_party_notice: 'no',
          post_retirement_notice: 'no',
          meal_notice: '',
          ethics_match: '',
          notice_acknowledged_at: '',
          supervisor_notified: '',
          paid_by: '',
          fee_per_person: '',
          reference_id: unanswered.id,
        },
        expect.objectContaining({
          outcome: 'met',
          date: '2026-11-06',
          kind: 'round',
          staff: '経産 次郎',
          staff_division: '製造産業局 素材産業課',
          alumni: '佐藤 花子',
          alumni_organisation: 'グリーンパワー総研',
          subject: 'Renewable energy; Start-ups',
          format: 'round',
          interested_party_notice: 'yes',
          post_retirement_notice: 'no',
          ethics_match: 'interested party: same division (製造産業局 素材産業課)',
          paid_by: '',
          reference_id: met.id,
        }),
      ]);
      const [audit] = await database.db.query.auditEvents.findMany();
      expect(audit?.details).toMatchObject({ count: 2, roundPairs: 2 });
    });

    it('selects pairs by the day their row gives (they met, else the round’s start; Japan days), sorted after introductions and events on the same day', async () => {
      const staff = await givenStaff({ name: '経産 次郎' });
      const alumna = await givenMember({ name: '佐藤 花子' });
      const october = await givenRound(database.db, new Date('2026-10-31T14:59:00Z')); // 23:59 on 31 October in Tokyo
      // Met in November, though the round started in October: it belongs to November's log.
      await givenRoundPair(database.db, october, [{ member: staff, answer: 'met', answeredAt: new Date('2026-11-10T01:00:00Z') }, { member: alumna }]);
      const november = await givenRound(database.db, new Date('2026-11-10T00:00:00Z'));
      await givenRoundPair(database.db, november, [{ member: staff, answer: 'met', answeredAt: new Date('2026-11-10T02:00:00Z') }, { member: alumna }], {
        sharedTopics: ['startups'],
      });
      // Not met (yet): listed with its outcome, on the round's start.
      await givenRoundPair(database.db, november, [{ member: staff, answer: 'not_yet', answeredAt: new Date('2026-11-10T03:00:00Z') }, { member: alumna }]);
      await givenIntroduction({ topic: 'introduction', answeredAt: new Date('2026-11-10T01:00:00Z') });
      await givenEvent({ title: 'event' }, [{ member: staff }]);

      const subjects = async (range: { from?: string; to?: string }) => rows((await exportLog(range)).csv).map((row) => `${row.date} ${row.kind} ${row.subject}`);

      const inNovember = await subjects({ from: '2026-11-01', to: '2026-11-30' });
      expect(inNovember.slice(0, 2)).toEqual(['2026-11-10 introduction introduction', '2026-11-10 event event']);
      expect(inNovember.slice(2).sort()).toEqual(['2026-11-10 round ', '2026-11-10 round ', '2026-11-10 round Start-ups']);
      // Met in November: not in October's log, though its round started then.
      expect(await subjects({ to: '2026-10-31' })).toEqual([]);
    });

    it('shows erased people of a pair only by their pseudonyms, without divisions, organisations or what matched; text is formula-guarded', async () => {
      const gone = await givenStaff({ name: '消去 職員', slackUserId: 'U0GONE', currentDivision: 'きえる課', pseudonym: 'M-GONE' });
      const alumna = await givenMember({ name: '=佐藤', organisation: '+81 研究所' });
      const staff = await givenStaff({ name: '@経産', currentDivision: '-課' });
      const round = await givenRound(database.db, new Date('2026-11-10T00:00:00Z'));
      const metAt = new Date('2026-11-11T00:00:00Z');
      await givenRoundPair(database.db, round, [{ member: gone, answer: 'met', answeredAt: metAt }, { member: alumna }], {
        ethicsMatch: { [`${gone.id}:${alumna.id}`]: { interestedParty: { by: 'division', division: 'きえる課' } } },
      });
      await givenRoundPair(database.db, round, [{ member: staff }, { member: alumna, answer: 'met', answeredAt: metAt }]);
      await eraseOwnData(deps, 'U0GONE');

      const { csv } = await exportLog();

      const listed = rows(csv).map(({ staff: name, staff_division, alumni, alumni_organisation, interested_party_notice, ethics_match }) => ({
        name,
        staff_division,
        alumni,
        alumni_organisation,
        interested_party_notice,
        ethics_match,
      }));
      expect(listed).toEqual(
        expect.arrayContaining([
          { name: 'M-GONE', staff_division: '', alumni: "'=佐藤", alumni_organisation: "'+81 研究所", interested_party_notice: 'yes', ethics_match: '' },
          { name: "'@経産", staff_division: "'-課", alumni: "'=佐藤", alumni_organisation: "'+81 研究所", interested_party_notice: 'no', ethics_match: '' },
        ]),
      );
      expect(listed).toHaveLength(2);
      for (const personal of ['消去', 'GONE', 'きえる課']) expect(csv.replace(/M-GONE/g, '')).not.toContain(personal);
    });
  });
});
