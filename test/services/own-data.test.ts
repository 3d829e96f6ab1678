import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories';
import type { ServiceDeps } from '../../src/services/deps';
import { eraseOwnData, exportOwnData } from '../../src/services/privacy';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow } from '../helpers/factories';
import { givenRound, givenRoundPair } from '../helpers/round-fixtures';

const NOW = new Date('2026-12-01T03:00:00Z');
const STAFF = 'U0STAFF01';
const ALUMNA = 'U0ALUMNA';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => NOW, staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const repos = () => createRepositories(database.db);

describe('exporting one’s own data', () => {
  it('finds nothing for someone Kakehashi stores nothing about', async () => {
    expect(await exportOwnData(deps, 'U0STRANGER')).toBeUndefined();
  });

  it('gives a staff member without a profile the requests they made and when they searched', async () => {
    await repos().introductions.insert({
      kind: 'open',
      status: 'open',
      requesterSlackUserId: STAFF,
      requesterName: '経産 太郎',
      requesterAudience: 'staff',
      requesterDivision: 'GX推進課',
      topic: '再エネ 系統',
      purpose: 'policy_research',
      details: '系統接続の実務について',
      format: 'call',
      dueDate: '2026-12-10',
    });
    await repos().searchAllowances.take(STAFF, { at: NOW, since: new Date(NOW.getTime() - 3_600_000), limit: 30 });

    const data = await exportOwnData(deps, STAFF);

    expect(data).toMatchObject({ profile: null, slackAccount: null, organizer: false, consentHistory: [], auditTrail: [], recentSearches: [NOW.toISOString()] });
    expect(data!.introductionsRequested).toEqual([
      {
        kind: 'open',
        status: 'open',
        topic: '再エネ 系統',
        purpose: 'policy_research',
        details: '系統接続の実務について',
        format: 'call',
        dueDate: '2026-12-10',
        declineReason: null,
        ethicsNotices: [],
        createdAt: expect.any(String),
        answeredAt: null,
        alumnus: null,
        coiAcknowledgedAt: null,
        ethicsMatch: null,
        ethicsAcknowledgedAt: null,
        ethicsSupervisorSlackUserId: null,
      },
    ]);
  });

  it('gives what an ethics check matched as the findings stored, for the summary to say in the reader’s language', async () => {
    const match = { interestedParty: { by: 'sector', sector: 'finance', relations: ['subsidy'] } };
    await repos().introductions.insert({
      kind: 'direct',
      status: 'pending',
      requesterSlackUserId: STAFF,
      requesterName: '経産 太郎',
      requesterAudience: 'staff',
      topic: 'GX',
      purpose: 'policy_research',
      details: '…',
      format: 'call',
      dueDate: '2026-12-10',
      ethicsNotices: ['interested_party'],
      ethicsMatch: match,
      ethicsSupervisorSlackUserId: 'U0SUPER',
    });

    const [request] = (await exportOwnData(deps, STAFF))!.introductionsRequested;

    expect(request).toMatchObject({ ethicsNotices: ['interested_party'], ethicsMatch: match, ethicsSupervisorSlackUserId: 'U0SUPER' });
  });

  it('after erasure, nothing about the member is found under their Slack account', async () => {
    await repos().members.insert(memberRow({ slackUserId: ALUMNA }));
    await repos().slackUsers.save({ slackUserId: ALUMNA, accountStanding: 'member', email: 'a@example.org', realName: 'A', slackLocale: 'ja-JP', tz: 'Asia/Tokyo' }, NOW);
    expect((await exportOwnData(deps, ALUMNA))?.profile).not.toBeNull();

    await eraseOwnData(deps, ALUMNA);

    expect(await exportOwnData(deps, ALUMNA)).toBeUndefined();
  });

  it('gives the member’s rounds: whether they take part, what they are curious about, and the pairs they were in with their partners and their answer', async () => {
    const me = await repos().members.insert(memberRow({ slackUserId: STAFF, memberType: 'staff', name: '経産 太郎', organisation: null }));
    const alumna = await repos().members.insert(memberRow({ slackUserId: ALUMNA, name: '佐藤 花子' }));
    const alumnus = await repos().members.insert(memberRow({ slackUserId: 'U0ALUMNUS', name: '田中 一郎' }));
    const stranger = await repos().members.insert(memberRow({ name: '関係ない 人' }));
    await repos().roundParticipants.join({ memberId: me.id, curiousTopics: ['startups'], curiousText: 'キャリア', now: NOW });
    const first = await givenRound(database.db, new Date('2026-11-02T00:00:00Z'));
    const second = await givenRound(database.db, new Date('2026-11-16T00:00:00Z'));
    await givenRoundPair(database.db, first, [{ member: me, answer: 'met', answeredAt: new Date('2026-11-05T00:00:00Z') }, { member: alumna }], {
      sharedTopics: ['startups'],
    });
    await givenRoundPair(database.db, second, [{ member: alumnus }, { member: me }, { member: alumna }]);
    await givenRoundPair(database.db, second, [{ member: stranger }, { member: await repos().members.insert(memberRow()) }]);
    // A partner who erased their data is no longer named.
    await eraseOwnData(deps, 'U0ALUMNUS');

    const data = await exportOwnData(deps, STAFF);

    expect(data!.rounds).toEqual({
      participation: {
        status: 'active',
        pausedReason: null,
        curiousTopics: ['startups'],
        curiousText: 'キャリア',
        joinedAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
      },
      pairs: [
        {
          round: first.number,
          startsAt: '2026-11-02T00:00:00.000Z',
          endsAt: '2026-11-16T00:00:00.000Z',
          sharedTopics: ['startups'],
          partners: ['佐藤 花子'],
          yourAnswer: 'met',
          answeredAt: '2026-11-05T00:00:00.000Z',
        },
        {
          round: second.number,
          startsAt: '2026-11-16T00:00:00.000Z',
          endsAt: '2026-11-30T00:00:00.000Z',
          sharedTopics: [],
          partners: ['佐藤 花子', null],
          yourAnswer: null,
          answeredAt: null,
        },
      ],
    });
    expect(JSON.stringify(data)).not.toContain('関係ない');
  });

  it('gives someone who never joined rounds no participation and no pairs', async () => {
    await repos().members.insert(memberRow({ slackUserId: ALUMNA }));

    expect((await exportOwnData(deps, ALUMNA))!.rounds).toEqual({ participation: null, pairs: [] });
  });
});
