import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRepositories, type Audience } from '../../src/db/repositories';
import { introductionRequests, type IntroductionStatus, type MemberRow } from '../../src/db/schema';
import type { ServiceDeps } from '../../src/services/deps';
import type { Viewer } from '../../src/services/identity';
import { parseMemberCsv } from '../../src/services/member-csv';
import { importMembers } from '../../src/services/member-import';
import { eraseOwnData } from '../../src/services/privacy';
import { saveProfile } from '../../src/services/profile';
import { relatedTopics, searchExperts, suggestTopics } from '../../src/services/search';
import { searchDocumentFor } from '../../src/services/search-text';
import { CURRENT_YEAR, csvFile } from '../cli/member-csv-fixtures';
import { createTestDatabase, resetDatabase } from '../helpers/database';
import { memberRow, profileInput } from '../helpers/factories';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let deps: ServiceDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, clock: () => new Date('2026-05-01T09:00:00Z'), staffEmailDomains: ['meti.go.jp'] };
});
afterAll(async () => database.close());
beforeEach(async () => resetDatabase(database));

const SEARCHER = 'U0SEARCHER';

/** A member stored as the app stores them, with the search document their profile gives. */
async function given(overrides: Partial<MemberRow> = {}): Promise<MemberRow> {
  const row = memberRow({ topics: [], helpText: null, formerDivisions: null, organisation: null, title: null, ...overrides });
  return createRepositories(database.db).members.insert({ ...row, searchDocument: searchDocumentFor(row) });
}

function viewer(audience: Audience): Viewer {
  return { audience, isOrganizer: audience === 'organizer', member: undefined };
}

interface SearchOptions {
  as?: Audience;
  limit?: number;
  offset?: number;
  searcher?: string;
  excludeMemberIds?: string[];
  at?: Date;
}

async function search(query: string, options: SearchOptions = {}) {
  return searchExperts(options.at ? { ...deps, clock: () => options.at! } : deps, {
    viewer: viewer(options.as ?? 'staff'),
    viewerSlackUserId: options.searcher ?? SEARCHER,
    query,
    limit: options.limit ?? 20,
    offset: options.offset ?? 0,
    excludeMemberIds: options.excludeMemberIds,
  });
}

const namesFound = async (query: string, options: SearchOptions = {}) =>
  (await search(query, options)).matches.map((match) => match.member.name).sort();
const namesInOrder = async (query: string, options: SearchOptions = {}) =>
  (await search(query, options)).matches.map((match) => match.member.name);

let requester = 0;
/** A request to the member, answered (or not) at that time, as the introductions service records it. */
async function asked(member: MemberRow, status: IntroductionStatus, answeredAt: string | null) {
  await database.db.insert(introductionRequests).values({
    kind: 'direct',
    status,
    requesterSlackUserId: `U0REQUESTER${requester++}`,
    requesterAudience: 'staff',
    alumnusMemberId: member.id,
    topic: '半導体',
    purpose: 'policy_research',
    details: '調達の実務について伺いたいです。',
    format: 'call',
    dueDate: '2026-05-15',
    answeredAt: answeredAt === null ? null : new Date(answeredAt),
  });
}

describe('who a search may return', () => {
  const everyone = { shareWithStaff: true, shareWithAlumni: true };
  beforeEach(async () => {
    const helpText = '半導体の調達について話せます';
    await given({ name: 'staff only', helpText, shareWithStaff: true, shareWithAlumni: false });
    await given({ name: 'alumni only', helpText, shareWithStaff: false, shareWithAlumni: true });
    await given({ name: 'returnee', memberType: 'returnee', helpText, ...everyone });
    await given({ name: 'pending', status: 'pending', helpText, ...everyone });
    await given({ name: 'declined', status: 'declined', helpText, ...everyone });
    await given({ name: 'never answered', helpText, shareWithStaff: null, shareWithAlumni: null });
    await given({ name: 'refused', helpText, shareWithStaff: false, shareWithAlumni: false });
    await given({ name: 'no capacity', helpText, monthlyCapacity: 0, ...everyone });
    await given({ name: 'current staff', memberType: 'staff', helpText, ...everyone });
    await given({ name: 'the searcher', slackUserId: SEARCHER, helpText, ...everyone });
  });

  it('staff find consenting alumni and returnees with capacity, never themselves', async () => {
    expect(await namesFound('半導体', { as: 'staff' })).toEqual(['returnee', 'staff only']);
  });

  it('organizers search as staff do', async () => {
    expect(await namesFound('半導体', { as: 'organizer' })).toEqual(['returnee', 'staff only']);
  });

  it('alumni find only those who agreed to be shown to alumni, never themselves', async () => {
    expect(await namesFound('半導体', { as: 'alumni' })).toEqual(['alumni only', 'returnee']);
  });

  it('someone who may see no one finds no one', async () => {
    expect(await namesFound('半導体', { as: 'none' })).toEqual([]);
  });

  it('the searcher is left out only for themselves', async () => {
    expect(await namesFound('半導体', { as: 'alumni', searcher: 'U0SOMEONEELSE' })).toEqual([
      'alumni only',
      'returnee',
      'the searcher',
    ]);
  });

  it('an imported member not yet linked to Slack can be found', async () => {
    await given({ name: 'imported', slackUserId: null, helpText: '半導体', ...everyone });
    expect(await namesFound('半導体', { as: 'staff', searcher: '' })).toContain('imported');
  });
});

describe('what a query matches', () => {
  it.each([
    ['再エネ', '再生可能エネルギーの系統接続'],
    ['再生可能エネルギー', '再エネ事業の立ち上げ'],
    ['知財', '知的財産の活用'],
    ['GX', 'グリーントランスフォーメーション投資'],
    ['DX', 'デジタルトランスフォーメーション推進'],
    ['経済安保', '経済安全保障推進法'],
    ['economic security', '経済安全保障'],
    ['AI', '人工知能の社会実装'],
    ['人工知能', 'Generative AI policy'],
    ['スタートアップ', 'ベンチャー支援'],
    ['startup', 'スタートアップ投資'],
    ['start-up', 'Start-ups in Japan'],
    ['中小企業', 'SME finance'],
    ['SME', '中小企業の資金繰り'],
    ['semiconductor', '半導体の調達'],
    ['renewable energy', '再生可能エネルギーの導入'],
  ])('%s finds a profile that says %s', async (query, helpText) => {
    await given({ name: 'expert', helpText });
    expect(await namesFound(query)).toEqual(['expert']);
  });

  it('a Japanese query finds text that contains it', async () => {
    await given({ name: 'sme', helpText: '中小企業支援策の設計' });
    await given({ name: 'energy', title: '再生可能エネルギー政策室長' });
    expect(await namesFound('中小企業')).toEqual(['sme']);
    expect(await namesFound('エネルギー')).toEqual(['energy']);
  });

  it('full-width, half-width and upper or lower case are the same query', async () => {
    await given({ name: 'dx', helpText: 'ＤＸ推進' });
    await given({ name: 'katakana', helpText: 'ｴﾈﾙｷﾞｰ' });
    for (const query of ['ＤＸ', 'DX', 'dx']) expect(await namesFound(query)).toEqual(['dx']);
    expect(await namesFound('エネルギー')).toEqual(['katakana']);
  });

  it('an English query finds a member by the Japanese label of a topic they chose', async () => {
    await given({ name: 'topic only', topics: ['semiconductors'] });
    expect(await namesFound('semiconductors')).toEqual(['topic only']);
    expect(await namesFound('Economic security')).toEqual([]);
  });

  it('who matches every word of a query comes first, then who matches some; nobody matching none', async () => {
    await given({ name: 'one', topics: ['semiconductors'], helpText: '設備投資' });
    await given({ name: 'both', topics: ['semiconductors'], helpText: 'サプライチェーンの強靱化' });
    await given({ name: 'neither', topics: ['space'], helpText: '衛星データ' });
    const { matches } = await search('半導体 サプライチェーン');
    expect(matches.map((match) => match.member.name)).toEqual(['both', 'one']);
    expect(matches[0]).toMatchObject({ matchedTopics: ['semiconductors'], matchedFields: ['topics', 'helpText'] });
    expect(matches[1]).toMatchObject({ matchedTopics: ['semiconductors'], matchedFields: ['topics'] });
  });

  it('pages run on from those matching every word into those matching some, each member once', async () => {
    for (let i = 0; i < 3; i++) await given({ name: `all${i}`, helpText: '水素 サプライチェーン' });
    for (let i = 0; i < 5; i++) await given({ name: `some${i}`, helpText: '水素の製造' });
    const first = await search('水素 サプライチェーン', { limit: 4 });
    const second = await search('水素 サプライチェーン', { limit: 4, offset: 4 });
    const names = [...first.matches, ...second.matches].map((match) => match.member.name);
    expect(names.slice(0, 3).sort()).toEqual(['all0', 'all1', 'all2']);
    expect(names.slice(3).sort()).toEqual(['some0', 'some1', 'some2', 'some3', 'some4']);
    expect([first.hasMore, second.hasMore]).toEqual([true, false]);
  });

  it('among those matching some words, a rare word counts more than a common one', async () => {
    // "economy" is in most profiles, "hydrogen" in one: whoever knows hydrogen comes first, even
    // though the others chose a topic named "economy" and were confirmed more recently.
    await given({ name: 'hydrogen', helpText: 'Hydrogen supply projects', profileConfirmedAt: new Date('2020-01-01') });
    for (let i = 0; i < 6; i++) {
      await given({ name: `economy${i}`, topics: ['circular_economy'], helpText: 'The economy at large', profileConfirmedAt: new Date('2026-04-30') });
    }
    const names = (await search('We are looking for someone who knows the hydrogen economy.')).matches.map((match) => match.member.name);
    expect(names[0]).toBe('hydrogen');
    expect(names).toHaveLength(7);
  });

  it('then those who chose a topic broader than a word, before those matching only a lesser word', async () => {
    await given({ name: 'economy', helpText: 'The economy at large' });
    await given({ name: 'economy too', helpText: 'Economy and society' });
    await given({ name: 'energy', topics: ['energy_gx'] });
    const names = (await search('hydrogen economy')).matches.map((match) => match.member.name);
    expect(names[0]).toBe('energy');
    expect(names.slice(1).sort()).toEqual(['economy', 'economy too']);
  });

  it('a word written against Japanese is a word of its own: ＥＳＧ投資 also finds ESG alone and 投資 alone', async () => {
    await given({ name: 'both', helpText: 'ESG投資の評価' });
    await given({ name: 'esg', helpText: 'ESG開示' });
    await given({ name: 'investment', topics: ['finance_investment'] });
    const names = (await search('ＥＳＧ投資')).matches.map((match) => match.member.name);
    expect(names[0]).toBe('both');
    expect(names.slice(1).sort()).toEqual(['esg', 'investment']);
    // A known form across both scripts stays one concept.
    await given({ name: 'genai', helpText: '生成AIの業務活用' });
    expect((await search('生成AI')).matches.map((match) => match.member.name)).toEqual(['genai']);
  });

  it('a narrower concept also finds who chose the broader topic, after everyone matching it directly', async () => {
    await given({ name: 'broad', topics: ['trade'], helpText: '通商交渉の全般' });
    await given({ name: 'direct', topics: ['sme'], helpText: 'FTAの原産地規則' });
    await given({ name: 'unrelated', topics: ['space'], helpText: '衛星' });
    const { matches } = await search('経済連携協定');
    expect(matches.map((match) => match.member.name)).toEqual(['direct', 'broad']);
    expect(matches[1]).toMatchObject({ matchedTopics: ['trade'], matchedFields: ['topics'] });
    // Named directly, the broader topic is a direct match.
    expect((await search('通商')).matches.map((match) => match.member.name)).toEqual(['broad']);
  });

  it('a whole question searches for its subject, in either language', async () => {
    await given({ name: 'export', topics: ['economic_security'], helpText: '輸出管理の実務' });
    await given({ name: 'chips', topics: ['semiconductors'], helpText: 'Chip supply chains' });
    const names = async (query: string) => (await search(query)).matches.map((match) => match.member.name);
    expect(await names('輸出管理と経済安全保障に詳しいOBの方、どなたかご存じですか？')).toEqual(['export']);
    expect(await names('Does anyone know someone with experience in semiconductors?')).toEqual(['chips']);
  });

  it('says which fields matched', async () => {
    await given({ name: 'x', organisation: '株式会社半導体総研', title: 'DX担当', formerDivisions: '情報産業課 半導体室' });
    const [match] = (await search('半導体')).matches;
    expect(match).toMatchObject({ matchedTopics: [], matchedFields: ['organisation', 'formerDivisions'] });
  });

  it('an empty query or one of punctuation finds no one', async () => {
    await given({ name: 'x', helpText: '何でも' });
    expect(await search('  ')).toEqual({ matches: [], hasMore: false });
    expect(await search('、。!?')).toEqual({ matches: [], hasMore: false });
  });

  it('quotes and backslashes in a query are searched as text, not as query syntax', async () => {
    await given({ name: 'x', helpText: "O'Brien & Partners" });
    expect(await namesFound("o'brien")).toEqual(['x']);
    expect(await namesFound("') | ('a \\")).toEqual([]);
  });
});

describe('ranking and pages', () => {
  it('a member who chose the topic ranks above one who only mentions it', async () => {
    await given({ name: 'mention', helpText: '半導体の話も少しできます。半導体、半導体。', profileConfirmedAt: new Date('2026-04-30') });
    await given({ name: 'topic', topics: ['semiconductors'], profileConfirmedAt: new Date('2020-01-01') });
    const { matches } = await search('半導体');
    expect(matches.map((match) => match.member.name)).toEqual(['topic', 'mention']);
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
  });

  it('a member who chose the topic and wrote about it ranks above one who only chose it', async () => {
    await given({ name: 'chose', topics: ['semiconductors'], helpText: '人材育成', profileConfirmedAt: new Date('2026-04-30') });
    await given({ name: 'chose and wrote', topics: ['semiconductors'], helpText: '半導体の工場誘致', profileConfirmedAt: new Date('2020-01-01') });
    const { matches } = await search('半導体');
    expect(matches.map((match) => match.member.name)).toEqual(['chose and wrote', 'chose']);
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
  });

  it('pages through every match once, saying whether there is more', async () => {
    for (let i = 0; i < 7; i++) await given({ name: `m${i}`, helpText: 'DX' });
    const pages = [];
    for (const offset of [0, 3, 6]) pages.push(await search('dx', { limit: 3, offset }));
    expect(pages.map((page) => [page.matches.length, page.hasMore])).toEqual([
      [3, true],
      [3, true],
      [1, false],
    ]);
    const names = pages.flatMap((page) => page.matches.map((match) => match.member.name));
    expect(new Set(names).size).toBe(7);
  });
});

// The tests' clock is 2026-05-01T09:00Z: 18:00 on 1 May in Japan, whose May began at 2026-04-30T15:00Z.
describe('who is asked first among equally relevant members', () => {
  const helpText = '半導体の調達について話せます';

  it('members with capacity left this month come before those whose capacity is used up', async () => {
    // Introduced longer ago, so only capacity puts them last.
    const full = await given({ name: 'full', helpText, monthlyCapacity: 1, profileConfirmedAt: new Date('2026-04-30') });
    const free = await given({ name: 'free', helpText, monthlyCapacity: 2 });
    await asked(full, 'accepted', '2026-04-30T15:00:00Z');
    await asked(free, 'accepted', '2026-05-01T08:00:00Z');
    const { matches } = await search('半導体');
    expect(matches.map((match) => [match.member.name, match.capacityLeft])).toEqual([
      ['free', 1],
      ['full', 0],
    ]);
    expect(matches[0]!.score).toBe(matches[1]!.score);
  });

  it('only introductions accepted this month, in Japan, use up capacity', async () => {
    const lastMonth = await given({ name: 'accepted last month', helpText, monthlyCapacity: 1 });
    const declined = await given({ name: 'declined this month', helpText, monthlyCapacity: 1 });
    const pending = await given({ name: 'pending', helpText, monthlyCapacity: 1 });
    const over = await given({ name: 'over capacity', helpText, monthlyCapacity: 1 });
    const some = await given({ name: 'some left', helpText, monthlyCapacity: 3 });
    await asked(lastMonth, 'accepted', '2026-04-30T14:59:59Z');
    await asked(declined, 'declined', '2026-05-01T01:00:00Z');
    await asked(declined, 'expired', '2026-05-01T02:00:00Z');
    await asked(pending, 'pending', null);
    await asked(over, 'accepted', '2026-04-30T15:00:00Z');
    await asked(over, 'accepted', '2026-05-01T03:00:00Z');
    await asked(some, 'accepted', '2026-05-01T04:00:00Z');
    const { matches } = await search('半導体');
    const capacityLeft = Object.fromEntries(matches.map((match) => [match.member.name, match.capacityLeft]));
    expect(capacityLeft).toEqual({
      'accepted last month': 1,
      'declined this month': 1,
      pending: 1,
      'over capacity': 0,
      'some left': 2,
    });
    expect(matches.at(-1)!.member.name).toBe('over capacity');
  });

  it('a pair made by a round this month uses capacity as an introduction does', async () => {
    const paired = await given({ name: 'paired this month', helpText, monthlyCapacity: 1, profileConfirmedAt: new Date('2026-04-30') });
    const pairedBefore = await given({ name: 'paired last month', helpText, monthlyCapacity: 1 });
    const repos = createRepositories(database.db);
    const round = async (number: number, at: string, memberId: string) => {
      const made = await repos.rounds.insertRound({
        number,
        startsAt: new Date(at),
        checkInAt: new Date(at),
        endsAt: new Date(at),
        seed: 's',
        settings: {},
        unpaired: {},
        createdAt: new Date(at),
      });
      await repos.rounds.insertPairs(made!.id, [{ memberIds: [memberId], sharedTopics: [], ethicsMatch: null }], new Date(at));
    };
    await round(1, '2026-04-30T14:59:59Z', pairedBefore.id);
    await round(2, '2026-04-30T15:00:00Z', paired.id);
    const { matches } = await search('半導体');
    expect(matches.map((match) => [match.member.name, match.capacityLeft])).toEqual([
      ['paired last month', 1],
      ['paired this month', 0],
    ]);
  });

  it('then the least recently introduced, and those never introduced first', async () => {
    // Created (ids) and confirmed in the opposite order, so only introductions decide.
    const recent = await given({ name: 'recently', helpText, profileConfirmedAt: new Date('2026-04-30') });
    const longAgo = await given({ name: 'long ago', helpText, profileConfirmedAt: new Date('2026-04-20') });
    await given({ name: 'never', helpText, profileConfirmedAt: new Date('2026-04-10') });
    await asked(recent, 'accepted', '2026-04-25T00:00:00Z');
    await asked(longAgo, 'accepted', '2025-12-01T00:00:00Z');
    // Answers other than an introduction do not count as being introduced.
    await asked(longAgo, 'declined', '2026-04-29T00:00:00Z');
    await asked(longAgo, 'expired', '2026-04-29T00:00:00Z');
    expect(await namesInOrder('半導体')).toEqual(['never', 'long ago', 'recently']);
  });

  it('relevance still comes first', async () => {
    const topic = await given({ name: 'chose the topic', topics: ['semiconductors'], monthlyCapacity: 1 });
    await given({ name: 'mentions it', helpText });
    await asked(topic, 'accepted', '2026-05-01T01:00:00Z');
    expect(await namesInOrder('半導体')).toEqual(['chose the topic', 'mentions it']);
  });
});

describe('who is left out for now', () => {
  const helpText = '半導体の調達について話せます';

  it('members unavailable until today or later are left out, and back the day after', async () => {
    await given({ name: 'until yesterday', helpText, unavailableUntil: '2026-04-30' });
    await given({ name: 'until today', helpText, unavailableUntil: '2026-05-01' });
    await given({ name: 'until June', helpText, unavailableUntil: '2026-06-01' });
    await given({ name: 'available', helpText });
    expect(await namesFound('半導体')).toEqual(['available', 'until yesterday']);
  });

  it('today is the date in Japan', async () => {
    await given({ name: 'until 30 April', helpText, unavailableUntil: '2026-04-30' });
    // 05:00 on 1 May in Japan, still 30 April in UTC.
    expect(await namesFound('半導体', { at: new Date('2026-04-30T20:00:00Z') })).toEqual(['until 30 April']);
    expect(await namesFound('半導体', { at: new Date('2026-04-30T14:00:00Z') })).toEqual([]);
  });

  it('members already asked for the same request are left out, so the next match is offered', async () => {
    const first = await given({ name: 'first', topics: ['semiconductors'] });
    const second = await given({ name: 'second', topics: ['semiconductors'], profileConfirmedAt: new Date('2026-03-01') });
    await given({ name: 'third', helpText });
    expect(await namesInOrder('半導体')).toEqual(['first', 'second', 'third']);
    expect(await namesInOrder('半導体', { excludeMemberIds: [first.id] })).toEqual(['second', 'third']);
    expect(await namesInOrder('半導体', { excludeMemberIds: [first.id, second.id], limit: 1 })).toEqual(['third']);
  });
});

// A tier's members are read in order, or found through the GIN index when the words are rare among
// its 30 most recently confirmed: either way, the same members.
describe('finding matches among many members', () => {
  /**
   * 35 members, one a day, most recent first; the first 25 chose semiconductors; those at
   * `positions` say サプライチェーン. One more, confirmed long before, mentions both words.
   */
  async function givenMany(positions: number[]) {
    for (let i = 0; i < 35; i++) {
      await given({
        name: `m${i}`,
        topics: i < 25 ? ['semiconductors'] : [],
        helpText: positions.includes(i) ? 'サプライチェーンの強靱化' : '設備投資',
        profileConfirmedAt: new Date(Date.UTC(2026, 3, 30 - i)),
      });
    }
    await given({ name: 'mention', helpText: '半導体のサプライチェーン', profileConfirmedAt: new Date('2026-03-01') });
  }
  const cases = [
    ['common', [0, 2, 4, 6, 8, 10, 20, 26, 30, 34]],
    ['rare', [3, 27, 30, 34]],
  ] as const;

  it.each(cases)('who chose the topic and matches the other words comes first (%s among them)', async (_, positions) => {
    await givenMany([...positions]);
    const onTopic = positions.filter((i) => i < 25).map((i) => `m${i}`);
    const found = await namesInOrder('半導体 サプライチェーン');
    expect(found.slice(0, onTopic.length + 1)).toEqual([...onTopic, 'mention']);
  });

  it.each(cases)('a query naming no topic finds everyone who says it (%s among them)', async (_, positions) => {
    await givenMany([...positions]);
    expect(await namesFound('サプライチェーン', { limit: 50 })).toEqual([...positions.map((i) => `m${i}`), 'mention'].sort());
  });
});

describe('keeping the search up to date', () => {
  const profile = profileInput({
    name: '佐藤 花子',
    yearJoined: 2005,
    yearLeft: 2018,
    organisation: 'グリーンパワー総研',
    jobTitle: null,
    sector: 'consulting',
    topics: ['ip'],
    helpKinds: [],
  });
  const actor = { slackUserId: 'U0HANAKO', standing: 'member' as const, email: 'hanako@example.jp', realName: null, locale: 'ja' };

  it('a saved profile is found by what it says, an edit changes that, and erasure removes it', async () => {
    const { member } = await saveProfile(deps, actor, profile);
    await createRepositories(database.db).members.update(member.id, { status: 'active' });
    expect(await namesFound('知財')).toEqual(['佐藤 花子']);

    await saveProfile(deps, actor, { ...profile, topics: ['space'] });
    expect(await namesFound('知財')).toEqual([]);
    expect(await namesFound('宇宙')).toEqual(['佐藤 花子']);

    await eraseOwnData(deps, actor.slackUserId);
    expect(await namesFound('宇宙', { as: 'organizer' })).toEqual([]);
  });

  it('imported members are found, and a re-import with new text is found by the new text', async () => {
    const rows = (helpText: string) =>
      parseMemberCsv(csvFile([{ help_text: helpText, topics: '' }]), { currentYear: CURRENT_YEAR });
    await importMembers(deps, rows('水素サプライチェーンの構築'));
    expect(await namesFound('hydrogen')).toEqual(['佐藤 花子']);

    await importMembers(deps, rows('洋上風力'));
    expect(await namesFound('水素')).toEqual([]);
    expect(await namesFound('offshore wind')).toEqual(['佐藤 花子']);
  });
});

describe('related topics suggested beside the results', () => {
  it('the broader topic of a narrower concept, then topics related to it or to what the query names', () => {
    expect(relatedTopics('FTA')).toEqual(['trade', 'economic_security', 'international_cooperation']);
    expect(relatedTopics('半導体')).toEqual(['economic_security', 'industrial_policy']);
    // Never a topic the query names.
    expect(relatedTopics('通商 経済安全保障')).not.toContain('trade');
    expect(relatedTopics('xyzzy')).toEqual([]);
  });
});

describe('suggestions for a query that matched nobody', () => {
  it('names the topics the query is about, most related first', () => {
    expect(suggestTopics('再エネ 系統')).toEqual(['renewable_energy', 'energy_gx']);
    expect(suggestTopics('宇宙ロケット')).toEqual(['space']);
    expect(suggestTopics('ｘｙｚｚｙ')).toEqual([]);
  });
});
